/**
 * Cumulative incidence of one cause under competing risks: the Aalen–Johansen estimate with
 * Gray's (1988) variance, as cmprsk::cuminc. At each distinct time with d₁ events of the cause,
 * d₂ of other causes and r at risk, with S(t−) the all-cause Kaplan–Meier just before:
 *   F(t) = F(t−) + S(t−)·d₁/r,  S(t) = S(t−)·(r − d₁ − d₂)/r.
 * The variance accumulates, with the tie factor τ(d) = 1 − (d − 1)/(r − 1) and c = S(t−)²τ(d)d/r²:
 *   other-cause events:  a = F(t)/S(t), b = 1/S(t):  v₁ += a²c, v₂ += a·b·c, v₃ += b²c;
 *   cause events:        b = 1/S(t) (0 if S(t) = 0), a = 1 + b·F(t): the same updates;
 *   Var F(t) = v₁ + F(t)²·v₃ − 2F(t)·v₂, recorded at the cause's event times.
 */
import { checkSurvival, stepAt, timeOrder, type SurvivalData } from './data.ts';

export interface CumulativeIncidence {
  cause: number;
  /** Jump times of the cause's incidence, with the estimate and variance after each jump. */
  time: number[];
  est: number[];
  variance: number[];
  /** Largest follow-up time (the curve continues flat to it). */
  lastTime: number;
}

export function aalenJohansen(d: SurvivalData, cause = 1): CumulativeIncidence {
  const n = checkSurvival('aalenJohansen', d);
  const order = timeOrder(d.time);
  const out: CumulativeIncidence = { cause, time: [], est: [], variance: [], lastTime: d.time[order[n - 1]!]! };
  let fk = 1, f = 0, v1 = 0, v2 = 0, v3 = 0, rs = n;
  for (let k = 0; k < n; ) {
    const t = d.time[order[k]!]!;
    let nd1 = 0, nd2 = 0, m = k;
    for (; m < n && d.time[order[m]!] === t; m++) {
      const s = d.status[order[m]!]!;
      if (s === cause) nd1++; else if (s !== 0) nd2++;
    }
    const nd = nd1 + nd2;
    if (nd > 0) {
      const fkn = (fk * (rs - nd)) / rs;
      if (nd1 > 0) f += (fk * nd1) / rs;
      if (nd2 > 0 && fkn > 0) {
        const c = (fk * fk * (nd2 > 1 ? 1 - (nd2 - 1) / (rs - 1) : 1) * nd2) / (rs * rs);
        const b = 1 / fkn, a = f / fkn;
        v1 += a * a * c; v2 += a * b * c; v3 += b * b * c;
      }
      if (nd1 > 0) {
        const c = (fk * fk * (nd1 > 1 ? 1 - (nd1 - 1) / (rs - 1) : 1) * nd1) / (rs * rs);
        const b = fkn > 0 ? 1 / fkn : 0, a = 1 + b * f;
        v1 += a * a * c; v2 += a * b * c; v3 += b * b * c;
        out.time.push(t);
        out.est.push(f);
        out.variance.push(v1 + f * f * v3 - 2 * f * v2);
      }
      fk = fkn;
    }
    rs = n - m;
    k = m;
  }
  return out;
}

/** F(t) and its variance at chosen times (cmprsk::timepoints: the value at the last jump ≤ t). */
export function cumulativeIncidenceAt(ci: CumulativeIncidence, times: number[]): { time: number; est: number; variance: number }[] {
  return times.map((t) => ({ time: t, est: stepAt(ci.time, ci.est, t, 0), variance: stepAt(ci.time, ci.variance, t, 0) }));
}
