/**
 * The Breslow partial likelihood as a function of the linear predictor η, with its gradient and
 * its exact Hessian applied to a vector, each in O(n) over subjects sorted by time (the solver
 * state of lasso-cox.ts). With u_k = Σ_{i∈R_k} e^{η_i} over the risk set of the k-th distinct
 * event time and d_k its events:
 *   ℓ(η) = Σ_i δ_i η_i − Σ_k d_k log u_k;
 *   −∂ℓ/∂η_i = e_i B_i − δ_i,                 B_i = Σ_{k: i∈R_k} d_k/u_k;
 *   −∂²ℓ/∂η∂ηᵀ = diag(e_i B_i) − Σ_k (d_k/u_k²)(e⊙1_{R_k})(e⊙1_{R_k})ᵀ,
 * so (Hv)_i = e_i B_i v_i − e_i Σ_{k: i∈R_k} (d_k/u_k²)·Σ_{l∈R_k} e_l v_l: a suffix sum over the
 * sorted subjects (Σ_{l∈R_k} e_l v_l) and a prefix sum over event times — no n × n matrix.
 * glmnet's coxnet uses only the diagonal e_i(B_i − e_i C_i), C_i = Σ_{k: i∈R_k} d_k/u_k²
 * (Simon et al. 2011, J Stat Softw 39(5), §2.2); the exact Hessian makes each Newton step of the
 * solver worth several of those (Lee, Sun & Saunders 2014, proximal Newton, SIAM J Optim 24(3)).
 * Every vector here is indexed by sorted position, not by subject.
 */
import type { SurvivalData } from '../stats/survival/data.ts';

/** Risk-set structure of one data set's sorted times. */
export interface BreslowSets {
  n: number;
  /** Subjects by increasing time (ties by index): position a holds subject order[a]. */
  order: Uint32Array;
  /** Event indicator by sorted position. */
  event: Uint8Array;
  /** Per distinct event time k: events d_k and the first sorted position at risk. */
  dk: Float64Array;
  riskStart: Int32Array;
  /** Per sorted position: the last event-time index with time ≤ its time (−1 if none). */
  lastEvent: Int32Array;
  /** Σ_k d_k log d_k, so the saturated log-likelihood ℓ_sat = −this. */
  dLogD: number;
  nEvents: number;
}

export function breslowSets(d: SurvivalData): BreslowSets {
  const n = d.time.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => d.time[a]! - d.time[b]! || a - b);
  const event = new Uint8Array(n);
  for (let a = 0; a < n; a++) event[a] = d.status[order[a]!] === 1 ? 1 : 0;
  const dk: number[] = [], riskStart: number[] = [];
  const lastEvent = new Int32Array(n);
  let k = -1, dLogD = 0, nEvents = 0;
  for (let a = 0; a < n; ) {
    const t = d.time[order[a]!]!;
    let b = a, ev = 0;
    while (b < n && d.time[order[b]!] === t) { ev += event[b]!; b++; }
    if (ev > 0) { dk.push(ev); riskStart.push(a); k++; dLogD += ev * Math.log(ev); nEvents += ev; }
    for (let c = a; c < b; c++) lastEvent[c] = k;
    a = b;
  }
  return { n, order, event, dk: Float64Array.from(dk), riskStart: Int32Array.from(riskStart), lastEvent, dLogD, nEvents };
}

/** Breslow log partial likelihood of linear predictors f by sorted position. */
export function breslowLoglik(s: BreslowSets, f: ArrayLike<number>): number {
  const { n, dk, riskStart, event } = s;
  let ll = 0, fmax = -Infinity;
  for (let a = 0; a < n; a++) { if (event[a]) ll += f[a]!; if (f[a]! > fmax) fmax = f[a]!; }
  // Suffix sums of e^f read at each risk-set start; the maximum is subtracted for range safety.
  let acc = 0, k = dk.length - 1;
  for (let a = n - 1; a >= 0 && k >= 0; a--) {
    acc += Math.exp(f[a]! - fmax);
    while (k >= 0 && riskStart[k] === a) { ll -= dk[k]! * (Math.log(acc) + fmax); k--; }
  }
  return ll;
}

/**
 * The derivatives of −ℓ/n at one η, kept for Hessian-vector products. e is e^{η − max η}
 * (u and B scale inversely, so e·B and the Hessian are unchanged by the shift).
 */
export class BreslowDerivatives {
  readonly e: Float64Array;
  /** e_i·B_i by sorted position. */
  readonly eB: Float64Array;
  /** −∂ℓ/∂η divided by n and negated: (δ_i − e_i B_i)/n, the working residual of coordinate descent. */
  readonly residual: Float64Array;
  /** ℓ at the η of the last `at`. */
  loglik = 0;
  /** d_k/u_k² per event time. */
  private readonly dOverU2: Float64Array;
  /** Suffix sums by position, and prefix sums over event times with a leading 0. */
  private readonly suffix: Float64Array;
  private readonly prefix: Float64Array;
  /** lastEvent + 1: the prefix index each position reads. */
  private readonly upTo: Int32Array;

  constructor(private readonly s: BreslowSets) {
    const K = s.dk.length;
    this.e = new Float64Array(s.n);
    this.eB = new Float64Array(s.n);
    this.residual = new Float64Array(s.n);
    this.dOverU2 = new Float64Array(K);
    this.suffix = new Float64Array(s.n);
    this.prefix = new Float64Array(K + 1);
    this.upTo = Int32Array.from(s.lastEvent, (k) => k + 1);
  }

  // Every loop below is branch-free: the risk-set boundaries are read through riskStart and upTo
  // (a data-dependent `while` in the scan mispredicts at about every other event time).

  /** Evaluates everything at η = f (by sorted position). */
  at(f: ArrayLike<number>): void {
    const { n, dk, riskStart, event } = this.s;
    const { e, eB, residual, dOverU2, suffix, prefix, upTo } = this;
    const K = dk.length;
    let fmax = -Infinity, ll = 0;
    for (let a = 0; a < n; a++) { const fa = f[a]!; if (fa > fmax) fmax = fa; ll += event[a]! * fa; }
    let acc = 0;
    for (let a = n - 1; a >= 0; a--) { const ea = Math.exp(f[a]! - fmax); e[a] = ea; acc += ea; suffix[a] = acc; }
    let B = 0;
    for (let k = 0; k < K; k++) {
      const u = suffix[riskStart[k]!]!;
      dOverU2[k] = dk[k]! / (u * u);
      ll -= dk[k]! * (Math.log(u) + fmax);
      B += dk[k]! / u;
      prefix[k + 1] = B;
    }
    this.loglik = ll;
    const inv = 1 / n;
    for (let a = 0; a < n; a++) {
      const v = e[a]! * prefix[upTo[a]!]!;
      eB[a] = v;
      residual[a] = (event[a]! - v) * inv;
    }
  }

  /** out = H·v with H the Hessian of −ℓ/n in η (v and out by sorted position; may not alias). */
  hessianTimes(v: Float64Array, vOff: number, out: Float64Array, outOff: number): void {
    const { n, riskStart } = this.s;
    const { e, eB, dOverU2, suffix, prefix, upTo } = this;
    const K = dOverU2.length;
    let acc = 0;
    for (let a = n - 1; a >= 0; a--) { acc += e[a]! * v[vOff + a]!; suffix[a] = acc; }
    let P = 0;
    for (let k = 0; k < K; k++) { P += dOverU2[k]! * suffix[riskStart[k]!]!; prefix[k + 1] = P; }
    const inv = 1 / n;
    for (let a = 0; a < n; a++) out[outOff + a] = (eB[a]! * v[vOff + a]! - e[a]! * prefix[upTo[a]!]!) * inv;
  }
}
