/**
 * LASSO / elastic-net Cox regression with glmnet's conventions (glmnet 4.1 coxnet; Simon,
 * Friedman, Hastie & Tibshirani 2011, J Stat Softw 39(5)):
 *   minimise −(1/n)·ℓ_Breslow(β) + λ·Σ_j [α|β̃_j| + (1−α)β̃_j²/2], β̃_j = β_j·sd_j (population SD),
 *   no intercept, coefficients reported on the original x scale (lp = xβ uncentred, as
 *   predict(fit, type = "link"));
 *   λ_max = max_j |x̃_jᵀ r₀|/(n·max(α, 1e-3)), r₀ = the Breslow martingale residuals at β = 0;
 *   λ_k = λ_max·ratio^((k−1)·fround(1/(nlambda−1))), ratio = 1e-4 if n > p else 0.01;
 *   the path stops (computed λ, from the 5th on) when (dev_k − dev_{k−4})/dev_k < 1e-3 or dev > 0.99
 *   (coxnet multiplies glmnet.control's fdev by 100 and scales devmax by 0.99/0.999).
 * Each λ is solved as glmnet does — a quadratic approximation of the partial likelihood with its
 * diagonal Hessian (weights w_i) and coordinate descent inside, the sequential strong rule for the
 * working set and a KKT check over every feature after convergence — then finishes each λ with
 * Newton steps on the non-zero coefficients (full Hessian), kept only if signs and KKT hold, else
 * sweeps continue to a tight threshold (default 1e-16 × null deviance/2n; glmnet's is 1e-7). So
 * the solution is the minimiser to rounding (the oracle's path_tight). Deviance = 2(ℓ_sat − ℓ_Breslow), ℓ_sat = −Σ d_k log d_k.
 */
import { SonomicsError } from '../core/errors.ts';
import { checkSurvival, type SurvivalData } from '../stats/survival/data.ts';
import { solveSymmetric } from '../stats/survival/linear.ts';
import { coxLikelihood, timeGroups } from './cox-risk-sets.ts';
import { checkMatrix, toColumnMajor, type Matrix } from './matrix.ts';
import type { LassoPath } from './lasso-path.ts';

export interface LassoCoxOptions {
  alpha?: number;
  nlambda?: number;
  lambdaMinRatio?: number;
  /** A user λ sequence (decreasing): no early stop, as in glmnet. */
  lambda?: number[];
  standardize?: boolean;
  /** Convergence threshold, relative to the null deviance/(2n) (glmnet's thresh; default 1e-16). */
  thresh?: number;
  /** Maximum coordinate sweeps over the whole path (default 1e6). */
  maxit?: number;
  /** Largest active set for the Newton finish (default min(n, 80)); larger ones use sweeps only. */
  maxPolishActive?: number;
}

/** A Cox path in cvLasso's layout (lasso-path.ts `LassoPath`); `a0` is always 0, a Cox model has no intercept. */
export interface LassoCoxPath extends Omit<LassoPath, 'family'> {
  family: 'cox';
}

/** Risk-set structure of the sorted times, shared by every Breslow computation on one data set. */
interface CoxSets {
  n: number;
  /** Subjects by increasing time. */
  order: Uint32Array;
  /** Per distinct event time k: events d_k and the first sorted position at risk. */
  dk: Float64Array;
  riskStart: Int32Array;
  /** Per sorted position: the last event-time index ≤ its time (−1 if none). */
  lastEvent: Int32Array;
  event: Uint8Array;
  /** Σ_k d_k log d_k, so ℓ_sat = −this. */
  dLogD: number;
}

function coxSets(d: SurvivalData): CoxSets {
  const n = d.time.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => d.time[a]! - d.time[b]! || a - b);
  const event = new Uint8Array(n);
  for (let i = 0; i < n; i++) event[i] = d.status[i] === 1 ? 1 : 0;
  const dk: number[] = [], riskStart: number[] = [];
  const lastEvent = new Int32Array(n);
  let k = -1, dLogD = 0;
  for (let a = 0; a < n; ) {
    const t = d.time[order[a]!]!;
    let b = a, ev = 0;
    while (b < n && d.time[order[b]!] === t) { ev += event[order[b]!]!; b++; }
    if (ev > 0) { dk.push(ev); riskStart.push(a); k++; dLogD += ev * Math.log(ev); }
    for (let c = a; c < b; c++) lastEvent[c] = k;
    a = b;
  }
  return { n, order, dk: Float64Array.from(dk), riskStart: Int32Array.from(riskStart), lastEvent, event, dLogD };
}

/** Breslow log partial likelihood of linear predictors f (indexed by subject). */
function breslowLoglik(s: CoxSets, f: ArrayLike<number>): number {
  const { n, order, dk, riskStart } = s;
  let ll = 0;
  for (let i = 0; i < n; i++) if (s.event[i]) ll += f[i]!;
  // Suffix sums of e^f over the sorted order, read at each risk-set start. The maximum is
  // subtracted for range safety.
  let fmax = -Infinity;
  for (let i = 0; i < n; i++) if (f[i]! > fmax) fmax = f[i]!;
  let acc = 0, k = dk.length - 1;
  for (let a = n - 1; a >= 0 && k >= 0; a--) {
    acc += Math.exp(f[order[a]!]! - fmax);
    while (k >= 0 && riskStart[k] === a) { ll -= dk[k]! * (Math.log(acc) + fmax); k--; }
  }
  return ll;
}

/** Cox deviance of glmnet (coxnet.deviance): 2(ℓ_sat − ℓ_Breslow(lp)). */
export function coxnetDeviance(d: SurvivalData, lp: ArrayLike<number>): number {
  const s = coxSets(d);
  return 2 * (-s.dLogD - breslowLoglik(s, lp));
}

export function lassoCoxPath(X: Matrix, d: SurvivalData, opts: LassoCoxOptions = {}): LassoCoxPath {
  const [n, p] = checkMatrix(X, 'lassoCoxPath');
  if (checkSurvival('lassoCoxPath', d) !== n) throw new SonomicsError('BAD_INPUT', `lassoCoxPath: X has ${n} rows but there are ${d.time.length} survival times`);
  const alpha = opts.alpha ?? 1;
  if (!(alpha >= 0 && alpha <= 1)) throw new SonomicsError('BAD_SETTINGS', `lassoCoxPath: alpha must be in [0, 1], got ${alpha}`);
  const nlambda = opts.nlambda ?? 100;
  const standardize = opts.standardize ?? true;
  const thresh = opts.thresh ?? 1e-16;
  const maxit = opts.maxit ?? 1e6;
  const sets = coxSets(d);
  const nEvents = sets.dk.reduce((a, b) => a + b, 0);
  if (nEvents === 0) throw new SonomicsError('ONE_CLASS', 'lassoCoxPath: no events (status 1); a Cox model needs events');

  const xs = toColumnMajor(X, n, p);
  const xMean = new Array<number>(p), xSd = new Array<number>(p);
  const skip = new Uint8Array(p);
  for (let j = 0; j < p; j++) {
    const off = j * n;
    let m = 0;
    for (let i = 0; i < n; i++) m += xs[off + i]!;
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) { const c = xs[off + i]! - m; v += c * c; }
    const sd = Math.sqrt(v / n);
    xMean[j] = m;
    xSd[j] = standardize && sd > 0 ? sd : 1;
    if (!(sd > 0)) skip[j] = 1;
    for (let i = 0; i < n; i++) xs[off + i] = (xs[off + i]! - m) / xSd[j]!;
  }

  const f = new Float64Array(n);        // linear predictor by subject
  const w = new Float64Array(n);        // diagonal Hessian weights of −ℓ/n
  const wr = new Float64Array(n);       // gradient residual: δ_i/n − e_i·B_i/n
  const beta = new Float64Array(p);
  const u = new Float64Array(sets.dk.length);
  /** w and wr at the current f (glmnet's `outer`). */
  const outer = (): void => {
    const { order, dk, riskStart, lastEvent } = sets;
    let fmax = -Infinity;
    for (let i = 0; i < n; i++) if (f[i]! > fmax) fmax = f[i]!;
    // With e scaled by e^{−fmax}, u and B scale inversely, so e·B and e²·C are unchanged.
    let acc = 0, k = dk.length - 1;
    for (let a = n - 1; a >= 0 && k >= 0; a--) {
      acc += Math.exp(f[order[a]!]! - fmax);
      while (k >= 0 && riskStart[k] === a) { u[k] = acc; k--; }
    }
    let B = 0, C = 0, kk = -1;
    for (let a = 0; a < n; a++) {
      const le = lastEvent[a]!;
      while (kk < le) { kk++; B += dk[kk]! / u[kk]!; C += dk[kk]! / (u[kk]! * u[kk]!); }
      const i = order[a]!;
      const e = Math.exp(f[i]! - fmax);
      w[i] = (e * (B - e * C)) / n;
      wr[i] = (sets.event[i]! - e * B) / n;
    }
  };
  outer();
  const ll0 = breslowLoglik(sets, f);
  const lsat = -sets.dLogD;
  const nulldev = 2 * (lsat - ll0);
  const rr = (lsat - ll0) / n;
  const cthr = thresh * rr;
  const looseThr = 1e-9 * rr;
  const maxPolish = opts.maxPolishActive ?? Math.min(n, 80);

  const grad = new Float64Array(p);
  const dotWr = (j: number): number => { let s = 0; const off = j * n; for (let i = 0; i < n; i++) s += wr[i]! * xs[off + i]!; return s; };
  for (let j = 0; j < p; j++) if (!skip[j]) grad[j] = Math.abs(dotWr(j));
  let lambdas: number[];
  const userLambda = opts.lambda !== undefined;
  if (userLambda) {
    lambdas = [...opts.lambda!];
    for (let k = 1; k < lambdas.length; k++) if (!(lambdas[k]! <= lambdas[k - 1]!)) throw new SonomicsError('BAD_SETTINGS', 'lassoCoxPath: a user lambda sequence must be decreasing');
  } else {
    let gmax = 0;
    for (let j = 0; j < p; j++) if (!skip[j]) gmax = Math.max(gmax, grad[j]!);
    const lmax = gmax / Math.max(alpha, 1e-3);
    const ratio = opts.lambdaMinRatio ?? (n > p ? 1e-4 : 0.01);
    // coxnet is still Mortran/Fortran, where `1.0/(nlam-1)` is a single-precision constant:
    // the exponent is rounded to float32 (λ_k then differs from the exact ratio by ~1e-10 per step).
    const alf = ratio ** Math.fround(1 / (nlambda - 1));
    lambdas = [lmax];
    let al = lmax;
    for (let k = 1; k < nlambda; k++) { al *= alf; lambdas.push(al); }
  }

  const inWork = new Uint8Array(p);
  const work: number[] = [];
  const active: number[] = [];
  const isActive = new Uint8Array(p);
  const v = new Float64Array(p);
  const betaStart = new Float64Array(p);
  let passes = 0;
  let converged = true;
  const out: LassoCoxPath = { family: 'cox', lambda: [], a0: [], beta: Array.from({ length: p }, () => []), df: [], devRatio: [], nulldev, xMean, xSd, converged: true, passes: 0 };

  /**
   * One coordinate pass over `list`; returns max v_j·Δβ_j². With `freshV`, v_j = Σ w x_j² is computed
   * in the same pass as the gradient (a feature outside the active set has no current v_j).
   */
  const sweep = (list: number[], l1: number, l2: number, freshV: boolean): number => {
    let dlx = 0;
    for (const j of list) {
      const off = j * n;
      let g = 0;
      if (freshV) {
        let vv = 0;
        for (let i = 0; i < n; i++) { const x = xs[off + i]!; g += wr[i]! * x; vv += w[i]! * x * x; }
        v[j] = vv;
      } else {
        for (let i = 0; i < n; i++) g += wr[i]! * xs[off + i]!;
      }
      const z = beta[j]! * v[j]! + g;
      const nb = Math.abs(z) <= l1 ? 0 : (Math.sign(z) * (Math.abs(z) - l1)) / (v[j]! + l2);
      if (nb === beta[j]) continue;
      const del = nb - beta[j]!;
      beta[j] = nb;
      dlx = Math.max(dlx, v[j]! * del * del);
      for (let i = 0; i < n; i++) { const x = xs[off + i]!; wr[i] -= del * w[i]! * x; f[i] += del * x; }
      if (!isActive[j]) { isActive[j] = 1; active.push(j); }
    }
    passes++;
    return dlx;
  };
  const activeVariances = (): void => {
    for (const j of active) { const off = j * n; let s = 0; for (let i = 0; i < n; i++) s += w[i]! * xs[off + i]! ** 2; v[j] = s; }
  };

  /**
   * Solve at one λ to threshold `thr`: quadratic approximations at the current β solved by
   * coordinate descent on the active set until β settles (re-expanding w, wr each time), then one
   * pass over the whole working set; repeated while that pass changes anything. (glmnet's coxnet
   * sweeps the working set in every approximation; sweeping it only once the active set has
   * converged reaches the same minimiser with far fewer passes when p ≫ n.)
   */
  const solve = (thr: number, l1: number, l2: number): void => {
    for (;;) {
      for (;;) {
        if (passes > maxit) { converged = false; return; }
        for (const j of active) betaStart[j] = beta[j]!;
        activeVariances();
        for (;;) {
          if (passes > maxit) { converged = false; return; }
          if (sweep(active, l1, l2, false) < thr) break;
        }
        outer();
        let moved = false;
        for (const j of active) if (v[j]! * (beta[j]! - betaStart[j]!) ** 2 >= thr) { moved = true; break; }
        if (!moved) break;
      }
      if (passes > maxit) { converged = false; return; }
      const before = active.length;
      const dl = sweep(work, l1, l2, true);
      if (dl < thr && active.length === before) return;
      outer();
    }
  };

  const groups = timeGroups(d.time);
  /** Newton on the non-zero coefficients with their signs fixed; true if the result is the minimiser. */
  const polish = (l1: number, l2: number): boolean => {
    const A = active.filter((j) => beta[j] !== 0);
    const m = A.length;
    if (m === 0 || m > maxPolish) return m === 0;
    const xa = new Float64Array(n * m);
    A.forEach((j, c) => xa.set(xs.subarray(j * n, (j + 1) * n), c * n));
    const sgn = A.map((j) => Math.sign(beta[j]!));
    const b = A.map((j) => beta[j]!);
    let done = false;
    for (let it = 0; it < 30 && !done; it++) {
      const lik = coxLikelihood(xa, n, m, sets.event, groups, b, 'breslow');
      const g = b.map((bj, c) => -lik.score[c]! / n + l1 * sgn[c]! + l2 * bj);
      const H = lik.information.map((row, r) => row.map((h, c) => h / n + (r === c ? l2 : 0)));
      const step = solveSymmetric(H, g);
      let big = 0, scale = 1;
      for (let c = 0; c < m; c++) { b[c] -= step[c]!; big = Math.max(big, Math.abs(step[c]!)); scale = Math.max(scale, Math.abs(b[c]!)); }
      if (b.some((bj, c) => Math.sign(bj) !== sgn[c])) return false;
      done = big <= 1e-13 * scale;
    }
    if (!done) return false;
    A.forEach((j, c) => { beta[j] = b[c]!; });
    f.fill(0);
    A.forEach((j, c) => { const off = j * n; for (let i = 0; i < n; i++) f[i] += b[c]! * xs[off + i]!; });
    outer();
    // Zero coefficients of the working set must satisfy |x̃_jᵀ r| ≤ λα.
    for (const j of work) if (beta[j] === 0 && Math.abs(dotWr(j)) > l1 * (1 + 1e-9)) return false;
    return true;
  };

  for (let k = 0; k < lambdas.length; k++) {
    const lam = lambdas[k]!;
    const l1 = alpha * lam, l2 = (1 - alpha) * lam;
    const atLambdaMax = !userLambda && k === 0;
    if (!atLambdaMax) {
      const lamPrev = k === 0 ? lam : lambdas[k - 1]!;
      const cut = alpha * (2 * lam - lamPrev);
      for (let j = 0; j < p; j++) if (!skip[j] && !inWork[j] && grad[j]! > cut) { inWork[j] = 1; work.push(j); }
      for (;;) {
        // Sweeps to a moderate threshold find the active set; a Newton finish on it (full Hessian)
        // then gives the exact minimiser, accepted only if it keeps the signs and meets the KKT
        // conditions of the working set; otherwise sweeps continue to the tight threshold.
        solve(Math.max(cthr, looseThr), l1, l2);
        if (!(converged && polish(l1, l2))) solve(cthr, l1, l2);
        // KKT over the features outside the working set.
        let added = false;
        for (let j = 0; j < p; j++) {
          if (skip[j] || inWork[j]) continue;
          grad[j] = Math.abs(dotWr(j));
          if (grad[j]! > l1) { inWork[j] = 1; work.push(j); added = true; }
        }
        if (!added || !converged) break;
      }
    }
    const ll = breslowLoglik(sets, f);
    const dr = (ll - ll0) / (lsat - ll0);
    let df = 0;
    for (let j = 0; j < p; j++) {
      const b = beta[j]! / xSd[j]!;
      out.beta[j]!.push(b);
      if (b !== 0) df++;
    }
    out.lambda.push(lam);
    out.a0.push(0);
    out.df.push(df);
    out.devRatio.push(dr);
    if (!converged) break;
    if (!userLambda && k + 1 >= Math.min(5, lambdas.length)) {
      if ((dr - out.devRatio[k - 4]!) / dr < 1e-3) break;
      if (dr > 0.99) break;
    }
  }
  out.converged = converged;
  out.passes = passes;
  return out;
}

/** Linear predictors xβ (uncentred) at each λ of the path: result[i][k]. */
export function lassoCoxLinearPredictor(path: Pick<LassoCoxPath, 'beta' | 'lambda'>, X: Matrix): number[][] {
  const [, p] = checkMatrix(X, 'lassoCoxLinearPredictor');
  if (p !== path.beta.length) throw new SonomicsError('BUNDLE_MISMATCH', `lassoCoxLinearPredictor: X has ${p} columns, the path ${path.beta.length}`);
  const L = path.lambda.length;
  const used: number[] = [];
  for (let j = 0; j < p; j++) if (path.beta[j]!.some((b) => b !== 0)) used.push(j);
  return Array.from(X, (row) => {
    const lp = new Array<number>(L).fill(0);
    for (const j of used) { const bj = path.beta[j]!; const x = row[j]!; for (let k = 0; k < L; k++) if (bj[k] !== 0) lp[k] += bj[k]! * x; }
    return lp;
  });
}
