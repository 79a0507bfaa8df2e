/**
 * How well a risk score predicts a time-to-event outcome, the figures a survival study reports
 * for each model and cohort: Harrell's C (all comparable pairs) and Uno's C truncated at the
 * horizon, each with its infinitesimal-jackknife 95 % CI; the time-dependent AUC at the horizon
 * (IPCW, cumulative/dynamic; with competing events, Blanche's definition 2) with its
 * influence-function CI; and, given predicted risks by the horizon, the IPCW Brier score.
 * Status: 0 censored, 1 event of interest, ≥ 2 competing event (censored for the C-indices).
 */
import { brierScore, concordance, timeDependentAuc, type SurvivalData } from '../stats/index.ts';

export interface Estimate {
  estimate: number;
  lower: number;
  upper: number;
  se: number;
}

export interface SurvivalPerformance {
  n: number;
  events: number;
  competing: number;
  horizon: number;
  harrell: Estimate;
  unoAtHorizon: Estimate;
  auc: Estimate;
  brier?: Estimate;
}

export function survivalPerformance(d: SurvivalData, risk: ArrayLike<number>, horizon: number, riskByHorizon?: ArrayLike<number>): SurvivalPerformance {
  const h = concordance(d, risk);
  const u = concordance(d, risk, { timewt: 'n/G2', ymax: horizon });
  const a = timeDependentAuc(d, risk, horizon);
  const b = riskByHorizon ? brierScore(d, riskByHorizon, horizon) : undefined;
  let events = 0, competing = 0;
  for (let i = 0; i < d.status.length; i++) { if (d.status[i] === 1) events++; else if (d.status[i]! >= 2) competing++; }
  return {
    n: d.time.length, events, competing, horizon,
    harrell: { estimate: h.concordance, lower: h.lower, upper: h.upper, se: h.se },
    unoAtHorizon: { estimate: u.concordance, lower: u.lower, upper: u.upper, se: u.se },
    auc: { estimate: a.auc, lower: a.lower, upper: a.upper, se: a.se },
    ...(b ? { brier: { estimate: b.brier, lower: b.lower, upper: b.upper, se: b.se } } : {}),
  };
}
