/**
 * The censoring distribution G(t) = P(C > t), estimated by the reverse Kaplan–Meier in which, at
 * a tied time, the events (of any cause) leave the risk set before the censorings:
 *   G(t) = Π_{s ≤ t} (1 − c_s / (n_s − d_s)),
 * the convention of survival's concordance (timewt) and riskRegression's IPCW (cens.model = "km").
 * Inverse-probability-of-censoring weights (IPCW) for a horizon t follow from it.
 */
import { riskTable, stepAt, stepBefore, type SurvivalData } from './data.ts';

export interface CensoringKM {
  time: number[];
  /** G at each distinct time (right-continuous). */
  G: number[];
}

export function censoringKM(d: SurvivalData): CensoringKM {
  const rt = riskTable(d);
  let g = 1;
  const G = rt.time.map((_, k) => {
    const c = rt.nCensor[k]!;
    const r = rt.nRisk[k]! - rt.nEvent[k]! - rt.nCompeting[k]!;
    if (c > 0) g *= 1 - c / r;
    return g;
  });
  return { time: rt.time, G };
}

/** G(t) (right-continuous). */
export function censoringAt(cens: CensoringKM, t: number): number {
  return stepAt(cens.time, cens.G, t, 1);
}

/** G(t−), the left limit. */
export function censoringBefore(cens: CensoringKM, t: number): number {
  return stepBefore(cens.time, cens.G, t, 1);
}

/**
 * IPCW weights at horizon t (riskRegression's Score, cens.model = "km"): 1/G(T_i−) if T_i ≤ t
 * and the subject had an event of any cause; 1/G(t) if T_i > t; 0 if censored at T_i ≤ t.
 */
export function ipcwWeights(d: SurvivalData, t: number, cens: CensoringKM = censoringKM(d)): Float64Array {
  const n = d.time.length;
  const w = new Float64Array(n);
  const Gt = censoringAt(cens, t);
  for (let i = 0; i < n; i++) {
    const Ti = d.time[i]!;
    if (Ti > t) w[i] = 1 / Gt;
    else if (d.status[i] !== 0) w[i] = 1 / censoringBefore(cens, Ti);
  }
  return w;
}
