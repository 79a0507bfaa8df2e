/**
 * Calibration of predicted risks at a horizon t in right-censored data:
 *  - by risk groups: breaks = unique quantiles (type 7) of the predicted risk at 0, 1/g, …, 1
 *    (deciles for g = 10), groups right-closed with the lowest included (R's cut(include.lowest));
 *    per group the mean predicted risk against the observed 1 − KM(t) with its Greenwood SE
 *    (competing events censored), or the Aalen–Johansen incidence when `competing` is set;
 *  - overall: 1 − KM(t) against the mean predicted risk;
 *  - observed/expected events (Crowson, Atkinson & Therneau 2016, Stat Methods Med Res 25:1692):
 *    O = events ≤ t, E = Σ_i H(min(T_i, t) | x_i), from each subject's cumulative hazard.
 * The calibration slope (a Cox model of the outcome on the linear predictor) is in src/ml
 * (coxCalibrationSlope), since it is a Cox fit.
 */
import { SonomicsError } from '../../core/errors.ts';
import { quantile7 } from '../../math/quantile.ts';
import { aalenJohansen, cumulativeIncidenceAt } from './aalen-johansen.ts';
import { checkSurvival, type SurvivalData } from './data.ts';
import { kaplanMeier, kaplanMeierAt } from './kaplan-meier.ts';

export interface SurvivalCalibrationGroup {
  n: number;
  meanPredicted: number;
  observed: number;
  observedSe: number;
  eventsByT: number;
  nRiskAtT: number;
}

export interface SurvivalCalibration {
  time: number;
  breaks: number[];
  /** 1-based group of each subject. */
  group: number[];
  groups: SurvivalCalibrationGroup[];
  overall: { observed: number; expected: number; ratio: number };
}

export function survivalCalibration(d: SurvivalData, risk: ArrayLike<number>, t: number, opts: { groups?: number; competing?: boolean } = {}): SurvivalCalibration {
  const n = checkSurvival('survivalCalibration', d);
  if (risk.length !== n) throw new SonomicsError('BAD_INPUT', `survivalCalibration: ${n} subjects but ${risk.length} risks`);
  const g = opts.groups ?? 10;
  const breaks = [...new Set(Array.from({ length: g + 1 }, (_, k) => quantile7(risk, k / g)))];
  const group = Array.from(risk, (r) => {
    // Right-closed intervals (b_{k−1}, b_k], the first one closed on the left too.
    let k = 1;
    while (k < breaks.length - 1 && r > breaks[k]!) k++;
    return k;
  });
  const observedAt = (idx: number[]): { obs: number; se: number } => {
    const sub = { time: idx.map((i) => d.time[i]!), status: idx.map((i) => d.status[i]!) };
    if (opts.competing) {
      const at = cumulativeIncidenceAt(aalenJohansen(sub, 1), [t])[0]!;
      return { obs: at.est, se: Math.sqrt(at.variance) };
    }
    const at = kaplanMeierAt(kaplanMeier(sub, { conf: 'log' }), [t])[0]!;
    return { obs: 1 - at.surv, se: at.stdErrSurv };
  };
  const groups: SurvivalCalibrationGroup[] = [];
  for (let k = 1; k < breaks.length; k++) {
    const idx = group.map((gk, i) => (gk === k ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) continue;
    const o = observedAt(idx);
    groups.push({
      n: idx.length, meanPredicted: idx.reduce((s, i) => s + risk[i]!, 0) / idx.length, observed: o.obs, observedSe: o.se,
      eventsByT: idx.filter((i) => d.time[i]! <= t && d.status[i] === 1).length, nRiskAtT: idx.filter((i) => d.time[i]! >= t).length,
    });
  }
  const all = observedAt(Array.from({ length: n }, (_, i) => i));
  let mean = 0;
  for (let i = 0; i < n; i++) mean += risk[i]!;
  mean /= n;
  return { time: t, breaks, group, groups, overall: { observed: all.obs, expected: mean, ratio: all.obs / mean } };
}

/** Observed vs expected events by t from each subject's cumulative hazard H(s | x_i) (Crowson et al. 2016). */
export function observedExpected(d: SurvivalData, cumhaz: (i: number, s: number) => number, t: number): { observed: number; expected: number; ratio: number } {
  const n = checkSurvival('observedExpected', d);
  let O = 0, E = 0;
  for (let i = 0; i < n; i++) {
    if (d.time[i]! <= t && d.status[i] === 1) O++;
    E += cumhaz(i, Math.min(d.time[i]!, t));
  }
  return { observed: O, expected: E, ratio: O / E };
}
