/**
 * Every measure a survival study reports for one model on one cohort (results-types.ts
 * `SurvivalModelCohort`), from the cases' outcome, the model's ranking score and its probability
 * of the event by the horizon:
 *   Harrell's C and Uno's C truncated at the horizon (IJ CIs), AUC(t) and Brier(t) at the horizon
 *   and the chosen times (IPCW; competing events as controls), calibration at the horizon by risk
 *   groups (1 − KM, or Aalen–Johansen with a competing event) with the calibration slope, Kaplan–
 *   Meier by risk group (high/low at the training cut) with the log-rank test and numbers at risk,
 *   cumulative incidence by group with Gray's test, and the binary metrics at the horizon on the
 *   cases whose status there is known.
 * CIs are at the study's ciLevel; with `cluster` (patients with several cases) the C-index and
 * AUC(t) CIs sum each patient's influence first, and the Brier(t) CIs each patient's centred terms
 * (cluster-robust).
 */
import { coxCalibrationSlope } from '../../ml/index.ts';
import { aalenJohansen, brierScore, concordance, grayTest, kaplanMeier, logRankTest, qnorm, survivalCalibration, timeDependentAuc, type SurvivalData } from '../../stats/index.ts';
import { evaluate, type MetricOptions } from '../evaluate.ts';
import type { RiskGroup, RiskGroups, StepCurve, SurvivalCalibrationResult, SurvivalModelCohort } from './results-types.ts';

export interface MeasureOptions {
  horizon: number;
  times: number[];
  competing: boolean;
  /** Binary metrics (evaluate.ts): CI level, bootstrap, seed. */
  metrics: MetricOptions;
  /** The ranking score is a Cox linear predictor: report the calibration slope. */
  slope: boolean;
  /** Patient of each case (data.group): the C-index and AUC(t) CIs become cluster-robust. */
  cluster?: string[];
}

/**
 * `probability`: each case's probability of the event by the horizon (also the ranking score);
 * `cut`: the high/low cut, one for all cases or one per case (pooled CV: each fold's own);
 * `lp`: the Cox linear predictors, for the calibration slope (omitted: no slope).
 */
export function survivalMeasures(d: SurvivalData, probability: number[], cut: number | number[], o: MeasureOptions, lp?: number[]): SurvivalModelCohort {
  const risk = probability;
  const cuts = typeof cut === 'number' ? probability.map(() => cut) : cut;
  const z = qnorm((1 + o.metrics.level) / 2);
  const level = o.metrics.level;
  const n = risk.length;
  let events = 0, competing = 0;
  for (let i = 0; i < n; i++) { if (d.status[i] === 1) events++; else if (d.status[i]! >= 2) competing++; }
  const cl = o.cluster ? { cluster: o.cluster } : {};
  const harrell = concordance(d, risk, { level, ...cl });
  const uno = concordance(d, risk, { timewt: 'n/G2', ymax: o.horizon, level, ...cl });
  const times = o.times.map((t) => {
    const a = timeDependentAuc(d, risk, t, { level, ...cl });
    const b = brierScore(d, probability, t, { level, ...cl });
    return { time: t, auc: { estimate: a.auc, lower: a.lower, upper: a.upper, se: a.se }, brier: { estimate: b.brier, lower: b.lower, upper: b.upper, se: b.se } };
  });
  const atH = times.find((t) => t.time === o.horizon)!;
  return {
    n, events, competing,
    harrell: { estimate: harrell.concordance, lower: harrell.lower, upper: harrell.upper, se: harrell.se },
    unoAtHorizon: { estimate: uno.concordance, lower: uno.lower, upper: uno.upper, se: uno.se },
    auc: atH.auc,
    brier: atH.brier,
    times,
    calibration: calibrationAt(d, lp, probability, o, z),
    riskGroups: riskGroups(d, probability, cuts, o),
    ...binaryAtHorizon(d, probability, cuts, o),
  };
}

function calibrationAt(d: SurvivalData, lp: number[] | undefined, probability: number[], o: MeasureOptions, z: number): SurvivalCalibrationResult {
  // Deciles from 200 cases, quintiles below (about 20 or more cases per group).
  const c = survivalCalibration(d, probability, o.horizon, { groups: probability.length >= 200 ? 10 : 5, competing: o.competing });
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  let slope: SurvivalCalibrationResult['slope'];
  if (o.slope && lp && new Set(lp).size > 1) slope = coxCalibrationSlope(lp, { time: d.time, status: Array.from(d.status, (s) => (s === 1 ? 1 : 0)) });
  return {
    horizon: o.horizon,
    observedBy: o.competing ? 'aalen-johansen' : 'kaplan-meier',
    groups: c.groups.map((g) => ({ n: g.n, predicted: g.meanPredicted, observed: g.observed, lower: clip(g.observed - z * g.observedSe), upper: clip(g.observed + z * g.observedSe) })),
    overall: c.overall,
    ...(slope ? { slope } : {}),
  };
}

/** Times of the numbers-at-risk table: 0 and every 12 time units (months: yearly) up to the last follow-up. */
function atRiskTimes(time: ArrayLike<number>): number[] {
  const last = Math.max(...Array.from(time));
  const step = last > 120 ? 24 : 12;
  const out: number[] = [];
  for (let t = 0; t <= last; t += step) out.push(t);
  return out;
}

function riskGroups(d: SurvivalData, probability: number[], cuts: number[], o: MeasureOptions): RiskGroups {
  const label = probability.map((p, i) => (p >= cuts[i]! ? 'high' : 'low'));
  // One cut for all cases, or (pooled CV) the mean of the folds' cuts, for display.
  const cut = cuts.reduce((a, b) => a + b, 0) / cuts.length;
  const at = atRiskTimes(d.time);
  const groups: RiskGroup[] = [];
  for (const name of ['low', 'high'] as const) {
    const idx = label.map((l, i) => (l === name ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) continue;
    const sub = { time: idx.map((i) => d.time[i]!), status: idx.map((i) => d.status[i]!) };
    const km = kaplanMeier(sub, { conf: 'log-log', level: o.metrics.level });
    const curve: StepCurve = { time: [0, ...km.time], value: [1, ...km.surv], lower: [1, ...km.lower.map((v) => (Number.isFinite(v) ? v : NaN))], upper: [1, ...km.upper.map((v) => (Number.isFinite(v) ? v : NaN))] };
    const g: RiskGroup = { name, n: idx.length, events: sub.status.filter((s) => s === 1).length, km: curve, atRisk: at.map((t) => sub.time.filter((v) => v >= t).length) };
    if (o.competing) {
      const aj = aalenJohansen(sub, 1);
      const zc = qnorm((1 + o.metrics.level) / 2);
      const se = aj.variance.map(Math.sqrt);
      g.cif = { time: [0, ...aj.time], value: [0, ...aj.est], lower: [0, ...aj.est.map((v, k) => Math.max(0, v - zc * se[k]!))], upper: [0, ...aj.est.map((v, k) => Math.min(1, v + zc * se[k]!))] };
    }
    groups.push(g);
  }
  const two = groups.length === 2;
  const lr = two ? logRankTest(d, label) : undefined;
  const gray = two && o.competing ? grayTest(d, label, 1) : undefined;
  return {
    cut, groups, atRiskTimes: at,
    logRank: lr ? { chisq: lr.chisq, df: lr.df, p: lr.p } : { chisq: NaN, df: 0, p: NaN },
    ...(gray ? { gray: { statistic: gray.statistic, df: gray.df, p: gray.p } } : {}),
  };
}

/**
 * The binary outcome at the horizon on the cases whose status there is known: an event by the
 * horizon (1), or followed beyond it without the event (0). Censored before the horizon, or a
 * competing event first (as the CRLM study's 2-year label, which leaves those patients out), the
 * status is unknown and the case is not counted. Absent when only one class remains.
 */
function binaryAtHorizon(d: SurvivalData, probability: number[], cuts: number[], o: MeasureOptions): { binaryAtHorizon?: SurvivalModelCohort['binaryAtHorizon'] } {
  const y: number[] = [], p: number[] = [], c: number[] = [];
  for (let i = 0; i < probability.length; i++) {
    const t = d.time[i]!, s = d.status[i]!;
    const known = s === 1 && t <= o.horizon ? 1 : t > o.horizon ? 0 : -1;
    if (known < 0) continue;
    y.push(known); p.push(probability[i]!); c.push(cuts[i]!);
  }
  if (!y.includes(0) || !y.includes(1)) return {};
  return { binaryAtHorizon: evaluate(y, p, c, o.metrics) };
}
