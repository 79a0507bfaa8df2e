/**
 * Kaplan–Meier survival estimate with Greenwood standard errors, Nelson–Aalen cumulative hazard,
 * pointwise confidence intervals and the median with its CI, following R's survfit
 * (survival 3.5):
 *   S(t) = Π_{t_j ≤ t} (1 − d_j/n_j);
 *   std_err = SE of −log S (Greenwood): √Σ_{t_j ≤ t} d_j / (n_j (n_j − d_j));
 *   cumhaz = Σ d_j/n_j, std_chaz = √Σ d_j/n_j²;
 *   "log" CI: S·exp(∓z·se), upper capped at 1;
 *   "log-log" CI: with L = log(−log S), s = se/|log S|: [exp(−exp(L + z s)), exp(−exp(L − z s))],
 *   undefined (NaN) while S = 1.
 * Rows are the distinct observed times (events or censorings), as survfit returns them.
 * Competing events (status ≥ 2) count as censored here; use aalenJohansen for cumulative incidence.
 */
import { qnorm } from '../distributions.ts';
import { checkSurvival, riskTable, stepAt, type SurvivalData } from './data.ts';

export type SurvivalCI = 'log' | 'log-log';

export interface KaplanMeier {
  n: number;
  events: number;
  time: number[];
  nRisk: number[];
  nEvent: number[];
  /** Censorings, competing events included. */
  nCensor: number[];
  surv: number[];
  /** SE of −log S (survfit's std.err); the SE of S is surv·stdErr. */
  stdErr: number[];
  cumhaz: number[];
  stdChaz: number[];
  lower: number[];
  upper: number[];
  conf: SurvivalCI;
  level: number;
  /** Median survival time and its CI bounds; NaN when not reached. */
  median: number;
  medianLower: number;
  medianUpper: number;
}

export interface KaplanMeierOptions {
  conf?: SurvivalCI;
  level?: number;
}

export function kaplanMeier(d: SurvivalData, opts: KaplanMeierOptions = {}): KaplanMeier {
  const n = checkSurvival('kaplanMeier', d);
  const conf = opts.conf ?? 'log-log';
  const level = opts.level ?? 0.95;
  const z = qnorm((1 + level) / 2);
  const rt = riskTable(d);
  const m = rt.time.length;
  const out: KaplanMeier = {
    n, events: 0, time: rt.time, nRisk: rt.nRisk, nEvent: rt.nEvent, nCensor: [], surv: [], stdErr: [], cumhaz: [], stdChaz: [],
    lower: [], upper: [], conf, level, median: NaN, medianLower: NaN, medianUpper: NaN,
  };
  let s = 1, green = 0, H = 0, vH = 0;
  for (let k = 0; k < m; k++) {
    const r = rt.nRisk[k]!, dd = rt.nEvent[k]!;
    out.nCensor.push(rt.nCensor[k]! + rt.nCompeting[k]!);
    out.events += dd;
    if (dd > 0) {
      s *= 1 - dd / r;
      green += r > dd ? dd / (r * (r - dd)) : Infinity;
      H += dd / r;
      vH += dd / (r * r);
    }
    const se = Math.sqrt(green);
    out.surv.push(s);
    out.stdErr.push(se);
    out.cumhaz.push(H);
    out.stdChaz.push(Math.sqrt(vH));
    const [lo, hi] = survivalCI(s, se, z, conf);
    out.lower.push(lo);
    out.upper.push(hi);
  }
  out.median = medianOf(out.time, out.surv);
  // The lower CI curve reaches 0.5 first, so it bounds the median from below.
  out.medianLower = medianOf(out.time, out.lower);
  out.medianUpper = medianOf(out.time, out.upper);
  return out;
}

/** Pointwise CI of S given the SE of −log S. */
export function survivalCI(s: number, se: number, z: number, conf: SurvivalCI): [number, number] {
  if (conf === 'log') {
    if (s === 0) return [NaN, NaN];
    return [s * Math.exp(-z * se), Math.min(1, s * Math.exp(z * se))];
  }
  if (s === 1 || s === 0 || !Number.isFinite(se)) return [NaN, NaN];
  const L = Math.log(-Math.log(s));
  const sl = se / Math.abs(Math.log(s));
  return [Math.exp(-Math.exp(L + z * sl)), Math.exp(-Math.exp(L - z * sl))];
}

/**
 * survfit's median rule (print.survfit's minmin): the first time the curve is ≤ 0.5 (within
 * √ε); if it equals 0.5 there, the midpoint between that time and the time the curve next drops.
 */
export function medianOf(time: ArrayLike<number>, curve: ArrayLike<number>): number {
  const tol = Math.sqrt(Number.EPSILON);
  let first = -1;
  for (let k = 0; k < curve.length; k++) {
    const v = curve[k]!;
    if (!Number.isNaN(v) && v < 0.5 + tol) { first = k; break; }
  }
  if (first < 0) return NaN;
  const y1 = curve[first]!;
  if (Math.abs(y1 - 0.5) < tol) {
    for (let k = first + 1; k < curve.length; k++) {
      const v = curve[k]!;
      if (!Number.isNaN(v) && v < y1) return (time[first]! + time[k]!) / 2;
    }
  }
  return time[first]!;
}

export interface KaplanMeierAt {
  time: number;
  surv: number;
  /** SE of S (surv × std_err). */
  stdErrSurv: number;
  lower: number;
  upper: number;
  nRisk: number;
}

/** The curve at chosen times (summary.survfit(times =, extend = TRUE)): the last row ≤ t; n at risk at t. */
export function kaplanMeierAt(km: KaplanMeier, times: number[]): KaplanMeierAt[] {
  return times.map((t) => {
    const surv = stepAt(km.time, km.surv, t, 1);
    const se = stepAt(km.time, km.stdErr, t, 0);
    // Subjects at risk at t: those with time ≥ t (the first row at or after t).
    let nRisk = 0;
    for (let k = 0; k < km.time.length; k++) if (km.time[k]! >= t) { nRisk = km.nRisk[k]!; break; }
    return {
      time: t, surv, stdErrSurv: surv * se, nRisk,
      lower: stepAt(km.time, km.lower, t, km.conf === 'log' ? 1 : NaN),
      upper: stepAt(km.time, km.upper, t, km.conf === 'log' ? 1 : NaN),
    };
  });
}
