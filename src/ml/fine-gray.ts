/**
 * Fine–Gray proportional subdistribution-hazards regression for the cumulative incidence of
 * cause 1 under competing risks (Fine & Gray 1999, JASA 94:496), as cmprsk::crr (2.2):
 *   a subject with a competing event at T_j stays in the risk sets of later cause-1 failure
 *   times t with weight w_j(t) = G(t−)/G(T_j−), G the Kaplan–Meier of the censoring (failures
 *   of any cause stay in its risk set at tied times), read just before each time;
 *   ℓ(β) = Σ_{cause-1 failure times t} [Σ_{D_t} x'β − d_t·log Σ_{R_t} w_j(t)e^{x_j'β}] (Breslow ties),
 * maximised by Newton–Raphson with step halving; the variance is crr's sandwich I⁻¹ V I⁻¹, where V
 * sums the outer products of each subject's score contribution η_i plus the term ψ_i for the
 * estimation of G (Fine & Gray 1999, §3; cmprsk's `crrvv`, which this follows step by step).
 * status: 0 censored, 1 the cause of interest, ≥ 2 competing. O(n²) per iteration.
 */
import { SonomicsError } from '../core/errors.ts';
import { pNormalTwoSided } from '../stats/distributions.ts';
import { checkSurvival, type SurvivalData } from '../stats/survival/data.ts';
import { invertSymmetric, solveSymmetric } from '../stats/survival/linear.ts';
import { checkMatrix, type Matrix } from './matrix.ts';

export interface FineGrayModel {
  kind: 'fine-gray';
  names: string[];
  coef: number[];
  se: number[];
  z: number[];
  p: number[];
  subdistributionHR: number[];
  vcov: number[][];
  loglik: number;
  loglikNull: number;
  iterations: number;
}

interface Sorted {
  n: number;
  p: number;
  t: Float64Array;
  st: Int32Array;
  x: number[][];
  /** G(T_i−), the censoring KM just before each sorted time. */
  wt: Float64Array;
}

function prepare(X: Matrix, d: SurvivalData, p: number): Sorted {
  const n = d.time.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d.time[a]! - d.time[b]! || a - b);
  const t = Float64Array.from(order, (i) => d.time[i]!);
  const st = Int32Array.from(order, (i) => { const s = d.status[i]!; return s === 0 ? 0 : s === 1 ? 1 : 2; });
  const x = order.map((i) => Array.from({ length: p }, (_, j) => X[i]![j]!));
  // Censoring KM: at each distinct time s, G ×= 1 − c_s/n_s with n_s = #{T ≥ s}.
  const wt = new Float64Array(n);
  let G = 1;
  for (let a = 0; a < n; ) {
    let b = a, c = 0;
    while (b < n && t[b] === t[a]) { if (st[b] === 0) c++; b++; }
    for (let k = a; k < b; k++) wt[k] = G; // left limit at t[a]
    G *= 1 - c / (n - a);
    a = b;
  }
  return { n, p, t, st, x, wt };
}

/** Weight of subject j in the risk set of the failure at sorted index i (0 if not at risk). */
function riskWeight(s: Sorted, i: number, j: number): number {
  if (s.t[j]! >= s.t[i]!) return 1;
  return s.st[j] === 2 ? s.wt[i]! / s.wt[j]! : 0;
}

function likelihood(s: Sorted, beta: number[]): { loglik: number; score: number[]; info: number[][] } {
  const { n, p, t, st, x } = s;
  const eta = x.map((r) => r.reduce((acc, v, k) => acc + v * beta[k]!, 0));
  const e = eta.map(Math.exp);
  let loglik = 0;
  const score = new Array<number>(p).fill(0);
  const info = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let a = 0; a < n; ) {
    let b = a, dcount = 0;
    while (b < n && t[b] === t[a]) { if (st[b] === 1) { dcount++; loglik += eta[b]!; for (let k = 0; k < p; k++) score[k] += x[b]![k]!; } b++; }
    if (dcount > 0) {
      let s0 = 0;
      const s1 = new Array<number>(p).fill(0), s2 = Array.from({ length: p }, () => new Array<number>(p).fill(0));
      for (let j = 0; j < n; j++) {
        const w = riskWeight(s, a, j);
        if (w === 0) continue;
        const tw = w * e[j]!;
        s0 += tw;
        for (let k = 0; k < p; k++) { s1[k] += tw * x[j]![k]!; for (let l = 0; l <= k; l++) s2[k]![l] += tw * x[j]![k]! * x[j]![l]!; }
      }
      loglik -= dcount * Math.log(s0);
      for (let k = 0; k < p; k++) {
        score[k] -= (dcount * s1[k]!) / s0;
        for (let l = 0; l <= k; l++) { const v = dcount * (s2[k]![l]! / s0 - (s1[k]! * s1[l]!) / (s0 * s0)); info[k]![l] += v; if (l !== k) info[l]![k] += v; }
      }
    }
    a = b;
  }
  return { loglik, score, info };
}

export function fineGray(X: Matrix, d: SurvivalData, opts: { names?: string[]; tol?: number; maxIter?: number } = {}): FineGrayModel {
  const [n, p] = checkMatrix(X, 'fineGray');
  if (checkSurvival('fineGray', d) !== n) throw new SonomicsError('BAD_INPUT', `fineGray: X has ${n} rows but there are ${d.time.length} survival times`);
  const names = opts.names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (!Array.from(d.status).some((v) => v === 1)) throw new SonomicsError('ONE_CLASS', 'fineGray: no events of cause 1 (status 1)');
  const s = prepare(X, d, p);
  let beta = new Array<number>(p).fill(0);
  let cur = likelihood(s, beta);
  const loglikNull = cur.loglik;
  const tol = opts.tol ?? 1e-12;
  let it = 0;
  for (; it < (opts.maxIter ?? 50); it++) {
    const step = solveSymmetric(cur.info, cur.score);
    let trial = beta.map((b, k) => b + step[k]!);
    let next = likelihood(s, trial);
    for (let h = 0; h < 30 && !(next.loglik >= cur.loglik); h++) { trial = trial.map((b, k) => (b + beta[k]!) / 2); next = likelihood(s, trial); }
    // Converged: the score is below tol, or no step changes β any more — at the optimum the
    // likelihood is flat in double precision while the summed score can keep a residue of ~1e-9
    // (seen with one binary covariate on the oracle data), which no Newton step can remove.
    const still = trial.every((b, k) => Math.abs(b - beta[k]!) <= 1e-13 * (1 + Math.abs(b)));
    beta = trial; cur = next;
    if (Math.max(...cur.score.map(Math.abs)) < tol || still) break;
  }
  if (it >= (opts.maxIter ?? 50)) throw new SonomicsError('NOT_CONVERGED', `fineGray: no convergence in ${opts.maxIter ?? 50} iterations; a covariate may separate the events`);
  const Iinv = invertSymmetric(cur.info);
  const V = sandwichMeat(s, beta);
  const vcov = Iinv.map((r) => Iinv[0]!.map((_, c) => r.reduce((acc, v, k) => acc + v * V[k]!.reduce((a2, vv, l) => a2 + vv * Iinv[l]![c]!, 0), 0)));
  const se = vcov.map((r, k) => Math.sqrt(r[k]!));
  const z = beta.map((b, k) => b / se[k]!);
  return { kind: 'fine-gray', names, coef: beta, se, z, p: z.map(pNormalTwoSided), subdistributionHR: beta.map(Math.exp), vcov, loglik: cur.loglik, loglikNull, iterations: it + 1 };
}

/** Σ_i (η_i + ψ_i)(η_i + ψ_i)ᵀ — crr's v2 (score contributions plus the censoring-estimation term). */
function sandwichMeat(s: Sorted, beta: number[]): number[][] {
  const { n, p, t, st, x, wt } = s;
  const e = x.map((r) => Math.exp(r.reduce((acc, v, k) => acc + v * beta[k]!, 0)));
  // Risk-set sums at each cause-1 failure (index i): xb0[i] = Σ w e, xb[i] = Σ w e x.
  const xb0 = new Float64Array(n), xb = Array.from({ length: n }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < n; i++) {
    if (st[i] !== 1) continue;
    for (let j = 0; j < n; j++) {
      const w = riskWeight(s, i, j);
      if (w === 0) continue;
      const tw = w * e[j]!;
      xb0[i] += tw;
      for (let k = 0; k < p; k++) xb[i]![k] += tw * x[j]![k]!;
    }
  }
  const V = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const ss2 = new Array<number>(p).fill(0);
  let qu = new Array<number>(p).fill(0);
  let icrsk = n, lc = 0;
  for (let i = 0; i < n; i++) {
    const st1 = new Array<number>(p).fill(0);
    // dΛ̂ part of η_i: −Σ_j (x_i − x̄_j)·w_i(t_j)e_i/S0_j over the failures whose risk set holds i.
    for (let j = 0; j < n; j++) {
      if (st[j] !== 1) continue;
      let tw: number;
      if (t[j]! <= t[i]!) tw = e[i]!; else if (st[i] === 2) tw = (e[i]! * wt[j]!) / wt[i]!; else continue;
      for (let k = 0; k < p; k++) st1[k] -= ((x[i]![k]! - xb[j]![k]! / xb0[j]!) * tw) / xb0[j]!;
    }
    // dN part: its own failure.
    if (st[i] === 1) for (let k = 0; k < p; k++) st1[k] += x[i]![k]! - xb[i]![k]! / xb0[i]!;
    if (i === 0 || t[i]! > t[i - 1]!) {
      // At the first subject of a time block that contains a censoring, q(t) for the ψ terms.
      let hasCens = false, endOfData = true;
      for (let j = i; j < n; j++) { if (t[j]! > t[i]!) { endOfData = false; break; } if (st[j] === 0) { hasCens = true; break; } }
      if (hasCens || endOfData) {
        qu = new Array<number>(p).fill(0);
        for (let j1 = lc; j1 < n; j1++) {
          if (st[j1] !== 1) continue;
          let ss0 = 0;
          const ss = new Array<number>(p).fill(0);
          for (let j2 = 0; j2 < n && t[j2]! < t[i]!; j2++) {
            if (st[j2] !== 2) continue;
            const tw = (e[j2]! * wt[j1]!) / wt[j2]!;
            ss0 += tw;
            for (let k = 0; k < p; k++) ss[k] += x[j2]![k]! * tw;
          }
          for (let k = 0; k < p; k++) qu[k] += (ss[k]! - (xb[j1]![k]! * ss0) / xb0[j1]!) / xb0[j1]!;
        }
        for (let j = i; j < n && t[j] === t[i]; j++) if (st[j] === 0) for (let k = 0; k < p; k++) ss2[k] -= qu[k]! / (icrsk * icrsk);
      }
    }
    const st2 = ss2.slice();
    if (st[i] === 0) for (let k = 0; k < p; k++) st2[k] += qu[k]! / icrsk;
    for (let k = 0; k < p; k++) st1[k] += st2[k]!;
    for (let k = 0; k < p; k++) for (let l = 0; l < p; l++) V[k]![l] += st1[k]! * st1[l]!;
    if (i < n - 1 && t[i + 1]! > t[i]!) { icrsk -= i - lc + 1; lc = i + 1; }
  }
  return V;
}
