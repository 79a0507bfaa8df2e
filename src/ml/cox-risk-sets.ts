/**
 * The Cox partial log-likelihood, its score and information, over the risk sets of sorted
 * follow-up times (Cox 1972), with either tie handling of R's coxph:
 *   Breslow: at a time with d events D, ℓ += Σ_D η − d·log S0, where S0 = Σ_{risk set} e^η;
 *   Efron (1977): ℓ += Σ_D η − Σ_{k=0}^{d−1} log(S0 − (k/d)·S0_D), S0_D = Σ_D e^η,
 * and likewise S1 = Σ x e^η and S2 = Σ x xᵀ e^η for the score and information. A censoring at
 * an event time is still in that event's risk set. Covariates are centred by the caller, so e^η
 * stays in range.
 */
export type CoxTies = 'efron' | 'breslow';

/** Subjects grouped by distinct time, latest first (risk sets accumulate while walking back). */
export interface TimeGroups {
  /** Subject indices sorted by decreasing time. */
  order: Uint32Array;
  /** Start offsets of each distinct time's block in `order` (decreasing times), plus n at the end. */
  start: number[];
}

export function timeGroups(time: ArrayLike<number>): TimeGroups {
  const n = time.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => time[b]! - time[a]! || a - b);
  const start: number[] = [];
  for (let k = 0; k < n; k++) if (k === 0 || time[order[k]!] !== time[order[k - 1]!]) start.push(k);
  start.push(n);
  return { order, start };
}

export interface CoxLikelihood {
  loglik: number;
  score: number[];
  /** Observed information −∂²ℓ/∂β², p × p. */
  information: number[][];
}

/**
 * ℓ(β), score and information for column-major centred covariates xc (n × p) and event
 * indicator (1 = event of interest).
 */
export function coxLikelihood(xc: Float64Array, n: number, p: number, event: ArrayLike<number>, groups: TimeGroups, beta: ArrayLike<number>, ties: CoxTies, withInformation = true): CoxLikelihood {
  const eta = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const b = beta[j]!;
    if (b === 0) continue;
    const off = j * n;
    for (let i = 0; i < n; i++) eta[i] += b * xc[off + i]!;
  }
  const r = eta.map(Math.exp);
  let S0 = 0;
  const S1 = new Float64Array(p), S2 = new Float64Array(p * p);
  const D1 = new Float64Array(p), D2 = new Float64Array(p * p), xsum = new Float64Array(p);
  const score = new Float64Array(p), info = new Float64Array(p * p);
  const s1 = new Float64Array(p);
  let loglik = 0;
  const { order, start } = groups;
  for (let g = 0; g + 1 < start.length; g++) {
    let d = 0, D0 = 0, etaSum = 0;
    D1.fill(0); xsum.fill(0);
    if (withInformation) D2.fill(0);
    for (let k = start[g]!; k < start[g + 1]!; k++) {
      const i = order[k]!;
      const ri = r[i]!;
      S0 += ri;
      const isEvent = event[i] === 1;
      if (isEvent) { d++; D0 += ri; etaSum += eta[i]!; }
      for (let a = 0; a < p; a++) {
        const xa = xc[a * n + i]!;
        S1[a] += ri * xa;
        if (isEvent) { D1[a] += ri * xa; xsum[a] += xa; }
        if (withInformation) {
          for (let c = 0; c <= a; c++) {
            const v = ri * xa * xc[c * n + i]!;
            S2[a * p + c] += v;
            if (isEvent) D2[a * p + c] += v;
          }
        }
      }
    }
    if (d === 0) continue;
    loglik += etaSum;
    for (let a = 0; a < p; a++) score[a] += xsum[a]!;
    const steps = ties === 'efron' ? d : 1;
    const mult = ties === 'efron' ? 1 : d;
    for (let k = 0; k < steps; k++) {
      const f = ties === 'efron' ? k / d : 0;
      const s0 = S0 - f * D0;
      loglik -= mult * Math.log(s0);
      for (let a = 0; a < p; a++) { s1[a] = (S1[a]! - f * D1[a]!) / s0; score[a] -= mult * s1[a]!; }
      if (withInformation) {
        for (let a = 0; a < p; a++) for (let c = 0; c <= a; c++) {
          info[a * p + c] += mult * ((S2[a * p + c]! - f * D2[a * p + c]!) / s0 - s1[a]! * s1[c]!);
        }
      }
    }
  }
  const information: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let a = 0; a < p; a++) for (let c = 0; c <= a; c++) { information[a]![c] = info[a * p + c]!; information[c]![a] = info[a * p + c]!; }
  return { loglik, score: Array.from(score), information };
}

/**
 * Baseline cumulative-hazard increments at each distinct time (increasing order), for risk
 * scores e^η: Breslow ΔH₀ = d/S0, or survival's Efron-corrected ΔH₀ = Σ_{k<d} 1/(S0 − (k/d)S0_D)
 * (survfit's ctype = 2, what basehaz() gives for an efron fit).
 */
export function baselineIncrements(time: ArrayLike<number>, event: ArrayLike<number>, riskScore: ArrayLike<number>, estimator: CoxTies): {
  time: number[]; increment: number[]; nRisk: number[]; nEvent: number[]; nCensor: number[];
} {
  const groups = timeGroups(time);
  const { order, start } = groups;
  const G = start.length - 1;
  const out = { time: new Array<number>(G), increment: new Array<number>(G), nRisk: new Array<number>(G), nEvent: new Array<number>(G), nCensor: new Array<number>(G) };
  let S0 = 0, atRisk = 0;
  for (let g = 0; g < G; g++) {
    let d = 0, D0 = 0, c = 0;
    for (let k = start[g]!; k < start[g + 1]!; k++) {
      const i = order[k]!;
      S0 += riskScore[i]!;
      atRisk++;
      if (event[i] === 1) { d++; D0 += riskScore[i]!; } else c++;
    }
    let inc = 0;
    if (d > 0) {
      if (estimator === 'breslow') inc = d / S0;
      else for (let k = 0; k < d; k++) inc += 1 / (S0 - (k / d) * D0);
    }
    // Stored in increasing time order.
    const at = G - 1 - g;
    out.time[at] = time[order[start[g]!]!]!;
    out.increment[at] = inc;
    out.nRisk[at] = atRisk;
    out.nEvent[at] = d;
    out.nCensor[at] = c;
  }
  return out;
}
