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
 * Each λ is solved by proximal Newton (Lee, Sun & Saunders 2014, SIAM J Optim 24(3)) instead of
 * coxnet's diagonal-Hessian quadratic approximations (≈ 29 per λ when p ≫ n, against ≈ 3 here):
 * the quadratic model uses the exact Hessian of the partial likelihood, applied to a column in
 * O(n) by risk-set prefix sums (cox-breslow.ts) and reused while η moves little; coordinate
 * descent solves the model with Anderson extrapolation (anderson.ts); a halving step keeps the
 * objective from increasing. glmnet's convergence rule is kept (max v_j·Δβ_j² below thresh ×
 * null deviance/2n), as are the sequential strong rule for the working set and the KKT check
 * over every feature after convergence. Each λ then finishes with Newton steps on the non-zero
 * coefficients (full Hessian), kept only if signs and KKT hold, else the solver continues to a
 * tight threshold (default 1e-16 × null deviance/2n; glmnet's is 1e-7). So the solution is the
 * minimiser to rounding (the oracle's path_tight). Deviance = 2(ℓ_sat − ℓ_Breslow), ℓ_sat = −Σ d_k log d_k.
 */
import { SonomicsError } from '../core/errors.ts';
import { checkSurvival, type SurvivalData } from '../stats/survival/data.ts';
import { cholesky, solveFactored } from '../stats/survival/linear.ts';
import { andersonWeights } from './anderson.ts';
import { crossprodColumns, dotCol, subtractAt, subtractThenDot } from './lasso-kernels.ts';
import { BreslowDerivatives, breslowLoglik, breslowSets } from './cox-breslow.ts';
import { checkMatrix, columnMoments, toColumnMajor, type Matrix } from './matrix.ts';
import { GradientBounds } from './lasso-screen.ts';
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

/** Cox deviance of glmnet (coxnet.deviance): 2(ℓ_sat − ℓ_Breslow(lp)), lp indexed by subject. */
export function coxnetDeviance(d: SurvivalData, lp: ArrayLike<number>): number {
  return coxnetDevianceOf(d)(lp);
}

/** `coxnetDeviance` for one data set and many linear predictors (the risk sets sorted once). */
export function coxnetDevianceOf(d: SurvivalData): (lp: ArrayLike<number>) => number {
  const s = breslowSets(d);
  const f = new Float64Array(s.n);
  return (lp) => {
    for (let a = 0; a < s.n; a++) f[a] = lp[s.order[a]!]!;
    return 2 * (-s.dLogD - breslowLoglik(s, f));
  };
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
  const sets = breslowSets(d);
  if (sets.nEvents === 0) throw new SonomicsError('ONE_CLASS', 'lassoCoxPath: no events (status 1); a Cox model needs events');

  // Standardised columns, rows in sorted-time order (every n-vector of the solver is by sorted
  // position, so the risk-set sums run over contiguous memory).
  const xs = toColumnMajor(X, n, p);
  const column = new Float64Array(n);
  const { mean: xMean, scale: xSd, constant: skip } = columnMoments(xs, n, p, standardize);
  for (let j = 0; j < p; j++) {
    const off = j * n, m = xMean[j]!;
    column.set(xs.subarray(off, off + n));
    for (let a = 0; a < n; a++) xs[off + a] = (column[sets.order[a]!]! - m) / xSd[j]!;
  }

  const f = new Float64Array(n);        // linear predictor by sorted position
  const D = new BreslowDerivatives(sets);
  // The Newton model's Hessian is taken at fH (its own derivatives DH) and kept while η stays
  // within HESSIAN_REUSE of fH in every subject; the gradient is always the current one.
  const DH = new BreslowDerivatives(sets);
  const fH = new Float64Array(n);
  const HESSIAN_REUSE = 0.25;
  D.at(f);
  const ll0 = D.loglik;
  const lsat = -sets.dLogD;
  const nulldev = 2 * (lsat - ll0);
  const rr = (lsat - ll0) / n;
  const cthr = thresh * rr;
  const looseThr = 1e-9 * rr;
  const maxPolish = opts.maxPolishActive ?? Math.min(n, 80);

  const grad = new Float64Array(p);
  for (let j = 0; j < p; j++) if (!skip[j]) grad[j] = Math.abs(dotCol(xs, j * n, D.residual, n));
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
  /** Features in the Newton model: the working set's non-zero coefficients, plus those entering. */
  let active: number[] = [];
  const isActive = new Uint8Array(p);
  const beta = new Float64Array(p);
  const beta0 = new Float64Array(p);
  /** v_j = x_jᵀHx_j of the current Newton step, H·x_j in row `slot[j]` of hx, x_jᵀr in xr. */
  const v = new Float64Array(p);
  const slot = new Int32Array(p);
  let hx = new Float64Array(16 * n);
  let xr = new Float64Array(16);
  const rho = new Float64Array(n);      // −gradient of the Newton model at the current β
  const f0 = new Float64Array(n);
  let passes = 0;
  let converged = true;
  const out: LassoCoxPath = { family: 'cox', lambda: [], a0: [], beta: Array.from({ length: p }, () => []), df: [], devRatio: [], nulldev, xMean, xSd, converged: true, passes: 0 };

  /** Adds j to the Newton model: its slot, H·x_j, v_j and x_jᵀr at the current Newton point. */
  const activate = (j: number, reuse = false): void => {
    const c = active.length;
    isActive[j] = 1;
    active.push(j);
    beta0[j] = beta[j]!;
    if (hx.length < (c + 1) * n) { const g = new Float64Array(2 * hx.length); g.set(hx); hx = g; const q = new Float64Array(2 * xr.length); q.set(xr); xr = q; }
    if (reuse) {
      // Compaction keeps the order, so row slot[j] ≥ c and moving it down overwrites nothing needed.
      if (slot[j] !== c) hx.copyWithin(c * n, slot[j]! * n, (slot[j]! + 1) * n);
    } else {
      DH.hessianTimes(xs, j * n, hx, c * n);
      v[j] = dotCol(hx, c * n, xs.subarray(j * n, (j + 1) * n), n);
    }
    slot[j] = c;
    xr[c] = dotCol(xs, j * n, D.residual, n);
  };

  // The model's smooth part q(Δ) = −rᵀXΔ + ½ΔᵀXᵀHXΔ (r = D.residual, Δ = β − β0) is tracked
  // exactly through the updates: moving β_j by δ when x_jᵀρ = g changes it by −δg + ½δ²v_j.
  let model = 0;
  /** Pending update of the last changed coordinate (applied to ρ fused with the next gradient). */
  let pendJ = -1, pendD = 0;
  const flush = (): void => { if (pendD !== 0) subtractAt(rho, pendD, hx, slot[pendJ]! * n, n); pendJ = -1; pendD = 0; };
  /** Coordinate update of j on the Newton model; returns v_j·Δβ_j². */
  const update = (j: number, l1: number, l2: number): number => {
    const off = j * n;
    const g = pendD !== 0 ? subtractThenDot(rho, pendD, hx, slot[pendJ]! * n, xs, off, n) : dotCol(xs, off, rho, n);
    pendJ = -1; pendD = 0;
    const vj = v[j]!, bj = beta[j]!;
    const z = bj * vj + g;
    const nb = Math.abs(z) <= l1 ? 0 : (Math.sign(z) * (Math.abs(z) - l1)) / (vj + l2);
    if (nb === bj) return 0;
    const del = nb - bj;
    beta[j] = nb;
    model += del * (0.5 * del * vj - g);
    pendJ = j; pendD = del;
    return vj * del * del;
  };
  const penalty = (l1: number, l2: number): number => {
    let pen = 0;
    for (const j of active) { const b = beta[j]!; pen += l1 * Math.abs(b) + 0.5 * l2 * b * b; }
    return pen;
  };

  // Anderson extrapolation of the active-set passes (anderson.ts): every ANDERSON_K passes, from
  // the last ANDERSON_K + 1 iterates of β on the active set and of ρ (affine in β, so it
  // extrapolates with the same weights). Kept only if it lowers the model (q + penalty), whose
  // value at the extrapolated β is −½Δᵀ(Xᵀr + Xᵀρ) — m dot products.
  const ANDERSON_K = 5;
  let itB = new Float64Array(0);
  const itR = new Float64Array((ANDERSON_K + 1) * n);
  let extraB = new Float64Array(0);
  /** Coordinate descent over the active set until max v_j·Δβ_j² < thr; false at maxit. */
  const cdActive = (thr: number, l1: number, l2: number): boolean => {
    const m = active.length;
    if (itB.length < (ANDERSON_K + 1) * m) { itB = new Float64Array((ANDERSON_K + 1) * 2 * m); extraB = new Float64Array(2 * m); }
    const store = (k: number): void => {
      for (let c = 0; c < m; c++) itB[k * m + c] = beta[active[c]!]!;
      itR.set(rho, k * n);
    };
    let stored = 0;
    store(stored++);
    for (;;) {
      if (passes > maxit) return false;
      let dl = 0;
      for (const j of active) { const c = update(j, l1, l2); if (c > dl) dl = c; }
      flush();
      passes++;
      if (dl < thr) return true;
      store(stored++);
      if (stored <= ANDERSON_K) continue;
      stored = 0;
      const c = andersonWeights(itB, m, ANDERSON_K);
      if (c !== null) {
        extraB.fill(0, 0, m);
        for (let k = 0; k < ANDERSON_K; k++) for (let q = 0; q < m; q++) extraB[q] += c[k]! * itB[(k + 1) * m + q]!;
        // ρ at the extrapolated β goes to row 0 (free now).
        itR.fill(0, 0, n);
        for (let k = 0; k < ANDERSON_K; k++) { const ck = c[k]!, o = (k + 1) * n; for (let i = 0; i < n; i++) itR[i] += ck * itR[o + i]!; }
        let qe = 0, pen = 0;
        for (let q = 0; q < m; q++) {
          const j = active[q]!, b = extraB[q]!;
          qe -= 0.5 * (b - beta0[j]!) * (xr[q]! + dotCol(xs, j * n, itR, n));
          pen += l1 * Math.abs(b) + 0.5 * l2 * b * b;
        }
        if (qe + pen < model + penalty(l1, l2)) {
          for (let q = 0; q < m; q++) beta[active[q]!] = extraB[q]!;
          rho.set(itR.subarray(0, n));
          model = qe;
        }
      }
      store(stored++);
    }
  };

  /**
   * Solve at one λ to threshold `thr` by proximal Newton (Lee, Sun & Saunders 2014): a quadratic
   * model of −ℓ/n with the exact Hessian at the current β, minimised with the penalty by
   * coordinate descent (the active set to convergence, then one pass over the rest of the working
   * set, repeated while features enter), then a step halved until the true objective does not
   * increase; until the step's max v_j·Δβ_j² is below thr (glmnet's criterion).
   */
  let hessianValid = false;
  const solve = (thr: number, l1: number, l2: number): void => {
    for (;;) {
      if (passes > maxit) { converged = false; return; }
      // Zero coefficients leave the model (they re-enter from the working set when their gradient
      // exceeds λα), so the passes run over the non-zero ones only.
      for (const j of active) isActive[j] = 0;
      const keep = active.filter((j) => beta[j] !== 0);
      active = [];
      let reuse = hessianValid;
      for (let i = 0; i < n && reuse; i++) if (Math.abs(f[i]! - fH[i]!) > HESSIAN_REUSE) reuse = false;
      if (!reuse) { DH.at(f); fH.set(f); hessianValid = true; }
      for (const j of keep) activate(j, reuse);
      const F0 = -D.loglik / n + penalty(l1, l2);
      rho.set(D.residual);
      f0.set(f);
      model = 0;
      for (;;) {
        if (!cdActive(thr, l1, l2)) { converged = false; return; }
        let entered = false;
        for (const j of work) {
          if (isActive[j] || Math.abs(dotCol(xs, j * n, rho, n)) <= l1) continue;
          activate(j);
          update(j, l1, l2);
          flush();
          entered = true;
        }
        passes++;
        if (!entered) break;
      }
      for (const j of active) { const del = beta[j]! - beta0[j]!; if (del !== 0) subtractAt(f, -del, xs, j * n, n); }
      D.at(f);
      let F1 = -D.loglik / n + penalty(l1, l2);
      // Halving until the objective does not increase beyond rounding.
      const slack = 1e-13 * Math.max(1, Math.abs(F0));
      for (let t = 1; F1 > F0 + slack && t > 1e-6; t *= 0.5) {
        for (const j of active) beta[j] = beta0[j]! + 0.5 * (beta[j]! - beta0[j]!);
        for (let i = 0; i < n; i++) f[i] = f0[i]! + 0.5 * (f[i]! - f0[i]!);
        D.at(f);
        F1 = -D.loglik / n + penalty(l1, l2);
      }
      let moved = 0;
      for (const j of active) { const del = beta[j]! - beta0[j]!; moved = Math.max(moved, v[j]! * del * del); }
      if (moved < thr || settled(thr, l1, l2)) return;
    }
  };
  /**
   * The convergence test of the next Newton step without building it: the first coordinate pass
   * of a model at the current β would move no coefficient of the working set by v_j·Δβ_j² ≥ thr
   * (the v_j of the current Hessian are used; they change little in one step).
   */
  const settled = (thr: number, l1: number, l2: number): boolean => {
    const r = D.residual;
    for (const j of work) {
      const g = dotCol(xs, j * n, r, n);
      const bj = beta[j]!;
      if (bj === 0) { if (Math.abs(g) > l1) return false; continue; }
      const vj = v[j]!;
      const z = bj * vj + g;
      const nb = Math.abs(z) <= l1 ? 0 : (Math.sign(z) * (Math.abs(z) - l1)) / (vj + l2);
      if (vj * (nb - bj) ** 2 >= thr) return false;
    }
    return true;
  };

  /**
   * Newton on the non-zero coefficients with their signs fixed: 'exact' if the result is the
   * minimiser, 'unchanged' if it was given up (β, f as before), 'moved' if it converged but a zero
   * coefficient of the working set then failed KKT (β, f at the Newton point). The Hessian
   * XᵀHX/n is factorised again only while the steps shrink by less than 100× (near the solution
   * a factor from the previous point is as good: the simplified Newton method).
   */
  const polish = (l1: number, l2: number): 'exact' | 'unchanged' | 'moved' => {
    const A = active.filter((j) => beta[j] !== 0);
    const m = A.length;
    if (m > maxPolish) return 'unchanged';
    if (m === 0) return 'exact';
    const sgn = A.map((j) => Math.sign(beta[j]!));
    const b = A.map((j) => beta[j]!);
    const hxa = new Float64Array(m * n);
    const row = new Float64Array(m);
    f0.set(f);
    const restore = (): 'unchanged' => { f.set(f0); D.at(f); return 'unchanged'; };
    let factor: ReturnType<typeof cholesky> | null = null;
    let done = false, lastBig = Infinity;
    for (let it = 0; it < 30 && !done; it++) {
      const g = new Array<number>(m);
      for (let c = 0; c < m; c++) g[c] = -dotCol(xs, A[c]! * n, D.residual, n) + l1 * sgn[c]! + l2 * b[c]!;
      if (factor === null) {
        const H: number[][] = Array.from({ length: m }, () => new Array<number>(m));
        for (let c = 0; c < m; c++) {
          D.hessianTimes(xs, A[c]! * n, hxa, c * n);
          crossprodColumns(xs, n, A.slice(0, c + 1), hxa.subarray(c * n, (c + 1) * n), row);
          for (let r = 0; r <= c; r++) { H[r]![c] = row[r]!; H[c]![r] = row[r]!; }
          H[c]![c] += l2;
        }
        factor = cholesky(H);
      }
      const step = solveFactored(factor, g);
      let big = 0, scale = 1;
      for (let c = 0; c < m; c++) { b[c] -= step[c]!; big = Math.max(big, Math.abs(step[c]!)); scale = Math.max(scale, Math.abs(b[c]!)); }
      if (b.some((bj, c) => Math.sign(bj) !== sgn[c])) return restore();
      f.fill(0);
      for (let c = 0; c < m; c++) subtractAt(f, -b[c]!, xs, A[c]! * n, n);
      D.at(f);
      done = big <= 1e-13 * scale;
      if (big > 0.01 * lastBig) factor = null;
      lastBig = big;
    }
    if (!done) return restore();
    A.forEach((j, c) => { beta[j] = b[c]!; });
    // Zero coefficients of the working set must satisfy |x̃_jᵀ r| ≤ λα.
    for (const j of work) if (beta[j] === 0 && Math.abs(dotCol(xs, j * n, D.residual, n)) > l1 * (1 + 1e-9)) return 'moved';
    return 'exact';
  };

  const outside: number[] = [];
  const outsideGrad = new Float64Array(p);
  // GradientBounds works in |x̃ᵀr|/n with r on the scale of n·residual.
  const bounds = new GradientBounds(xs, n, p);
  const residualN = new Float64Array(n);

  for (let k = 0; k < lambdas.length; k++) {
    const lam = lambdas[k]!;
    const l1 = alpha * lam, l2 = (1 - alpha) * lam;
    const atLambdaMax = !userLambda && k === 0;
    const nextCut = k + 1 < lambdas.length ? alpha * (2 * lambdas[k + 1]! - lam) : Infinity;
    if (!atLambdaMax) {
      const lamPrev = k === 0 ? lam : lambdas[k - 1]!;
      const cut = alpha * (2 * lam - lamPrev);
      for (let j = 0; j < p; j++) if (!skip[j] && !inWork[j] && grad[j]! > cut) { inWork[j] = 1; work.push(j); }
      for (;;) {
        // Newton steps to a moderate threshold find the active set; a Newton finish on it with
        // the signs fixed then gives the exact minimiser, accepted only if it keeps the signs and
        // meets the KKT conditions of the working set; otherwise the steps continue to the tight
        // threshold.
        solve(Math.max(cthr, looseThr), l1, l2);
        if (converged) {
          const polished = polish(l1, l2);
          // Unchanged at a threshold already met: solving again would only confirm it.
          if (polished === 'moved' || (polished === 'unchanged' && cthr < looseThr)) solve(cthr, l1, l2);
        }
        // KKT over the features outside the working set.
        // A feature whose gradient bound (lasso-screen.ts) is below both λα and the next λ's
        // strong-rule cut can neither violate KKT nor enter the next working set: not computed.
        let added = false;
        for (let i = 0; i < n; i++) residualN[i] = D.residual[i]! * n;
        bounds.advance(residualN);
        const safe = Math.min(l1, nextCut);
        outside.length = 0;
        for (let j = 0; j < p; j++) {
          if (skip[j] || inWork[j]) continue;
          const b = bounds.bound(j);
          if (b < safe) grad[j] = b; else outside.push(j);
        }
        crossprodColumns(xs, n, outside, D.residual, outsideGrad);
        for (let t = 0; t < outside.length; t++) {
          const j = outside[t]!;
          grad[j] = Math.abs(outsideGrad[t]!);
          bounds.record(j, grad[j]!);
          if (grad[j]! > l1) { inWork[j] = 1; work.push(j); added = true; }
        }
        if (!added || !converged) break;
      }
    }
    const ll = D.loglik;
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
  // Each used feature's non-zero (λ index, coefficient) pairs, so a row costs its non-zeros only
  // (the sums are taken in the same order as a dense loop over features, so the values are the same).
  const used: number[] = [], at: Int32Array[] = [], coef: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const bj = path.beta[j]!;
    const ks: number[] = [];
    for (let k = 0; k < L; k++) if (bj[k] !== 0) ks.push(k);
    if (ks.length === 0) continue;
    used.push(j); at.push(Int32Array.from(ks)); coef.push(Float64Array.from(ks, (k) => bj[k]!));
  }
  const lp = new Float64Array(L);
  return Array.from(X, (row) => {
    lp.fill(0);
    for (let u = 0; u < used.length; u++) {
      const x = row[used[u]!]!, ks = at[u]!, bs = coef[u]!, m = ks.length, k0 = ks[0]!;
      // A feature usually stays in the model once it enters: then its λ indices are a range.
      if (ks[m - 1]! - k0 + 1 === m) for (let t = 0; t < m; t++) lp[k0 + t] += bs[t]! * x;
      else for (let t = 0; t < m; t++) lp[ks[t]!] += bs[t]! * x;
    }
    return Array.from(lp);
  });
}
