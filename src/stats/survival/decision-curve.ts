/**
 * Decision curve at a horizon t for a time-to-event outcome (Vickers, Cronin, Elkin & Gönen 2008,
 * BMC Med Inform Decis Mak 8:53, "Extensions to decision curve analysis … censored data"; the
 * convention of R's dcurves::dca with a Surv outcome). A case is treated iff its predicted risk by
 * t is ≥ the threshold p_t. With q = the share of cases treated and F₊(t) = the event probability
 * by t among them, estimated by 1 − Kaplan–Meier (competing events censored) or, when `competing`
 * is set, by the Aalen–Johansen cumulative incidence of cause 1 (competing events are not events
 * but stop the risk; Vickers' competing-risk extension, dcurves' cmprsk option):
 *   TP/n = q·F₊(t),  FP/n = q·(1 − F₊(t)),
 *   NB(p_t) = TP/n − FP/n · p_t/(1 − p_t);
 *   treat all: F(t) − (1 − F(t))·p_t/(1 − p_t) with F the whole cohort's estimate; treat none: 0.
 * Censoring is handled by the estimator, so every case counts (no one is dropped for short
 * follow-up). Nobody at or above the threshold gives NB = 0. With no censoring before t the
 * estimates are plain proportions and NB equals the binary decision curve of "event by t".
 */
import { SonomicsError } from '../../core/errors.ts';
import { defaultDcaThresholds } from '../decision-curve.ts';
import { aalenJohansen, cumulativeIncidenceAt } from './aalen-johansen.ts';
import { checkSurvival, type SurvivalData } from './data.ts';
import { kaplanMeier, kaplanMeierAt } from './kaplan-meier.ts';

export interface SurvivalDecisionPoint {
  threshold: number;
  /** Share of cases at or above the threshold (treated). */
  treated: number;
  /** Estimated event probability by the horizon among the treated (NaN when none). */
  eventRiskTreated: number;
  /** True and false positives per case (q·F₊ and q·(1 − F₊)). */
  tpRate: number;
  fpRate: number;
  netBenefit: number;
  treatAll: number;
  treatNone: number;
}

export interface SurvivalDecisionCurve {
  horizon: number;
  /** Event probability by the horizon in the whole cohort (the treat-all line's F(t)). */
  eventRisk: number;
  estimator: 'kaplan-meier' | 'aalen-johansen';
  points: SurvivalDecisionPoint[];
}

/** Event probability by t: 1 − KM(t) (competing events censored) or the Aalen–Johansen CIF of cause 1. */
function eventProbability(d: SurvivalData, t: number, competing: boolean): number {
  if (competing) return cumulativeIncidenceAt(aalenJohansen(d, 1), [t])[0]!.est;
  return 1 - kaplanMeierAt(kaplanMeier(d, { conf: 'log' }), [t])[0]!.surv;
}

export function survivalDecisionCurve(
  d: SurvivalData, risk: ArrayLike<number>, horizon: number,
  opts: { thresholds?: number[]; competing?: boolean } = {},
): SurvivalDecisionCurve {
  const n = checkSurvival('survivalDecisionCurve', d);
  if (risk.length !== n) throw new SonomicsError('BAD_INPUT', `survivalDecisionCurve: ${n} subjects but ${risk.length} predicted risks; pass one risk by the horizon per subject`);
  for (let i = 0; i < n; i++) {
    const r = risk[i]!;
    if (!(r >= 0 && r <= 1)) throw new SonomicsError('BAD_INPUT', `survivalDecisionCurve: risk[${i}] is ${r}; pass predicted probabilities of the event by the horizon (in [0, 1]), not a linear predictor`);
  }
  if (!(Number.isFinite(horizon) && horizon > 0)) throw new SonomicsError('BAD_INPUT', `survivalDecisionCurve: horizon ${horizon} must be a positive time`);
  const competing = opts.competing ?? false;
  const thresholds = opts.thresholds ?? defaultDcaThresholds();
  const all = eventProbability(d, horizon, competing);
  // Subjects sorted by decreasing risk: the treated set at threshold t is a prefix, so each
  // distinct prefix is estimated once (thresholds share it when no risk lies between them).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => risk[b]! - risk[a]! || a - b);
  const cache = new Map<number, number>();
  const points = thresholds.map((t): SurvivalDecisionPoint => {
    if (!(t >= 0 && t < 1)) throw new SonomicsError('BAD_INPUT', `survivalDecisionCurve: threshold ${t} must be in [0, 1)`);
    let m = 0;
    while (m < n && risk[order[m]!]! >= t) m++;
    const odds = t / (1 - t);
    const treatAll = all - (1 - all) * odds;
    if (m === 0) return { threshold: t, treated: 0, eventRiskTreated: NaN, tpRate: 0, fpRate: 0, netBenefit: 0, treatAll, treatNone: 0 };
    let f = cache.get(m);
    if (f === undefined) {
      const idx = order.slice(0, m);
      f = m === n ? all : eventProbability({ time: idx.map((i) => d.time[i]!), status: idx.map((i) => d.status[i]!) }, horizon, competing);
      cache.set(m, f);
    }
    const q = m / n;
    const tp = q * f, fp = q * (1 - f);
    return { threshold: t, treated: q, eventRiskTreated: f, tpRate: tp, fpRate: fp, netBenefit: tp - fp * odds, treatAll, treatNone: 0 };
  });
  return { horizon, eventRisk: all, estimator: competing ? 'aalen-johansen' : 'kaplan-meier', points };
}
