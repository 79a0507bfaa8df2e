/**
 * LASSO / elastic-net regularisation path with glmnet's conventions (glmnet 4.1, Friedman et al.
 * 2010): predictors standardised with the population SD (divisor n) internally, coefficients
 * reported on the original scale, unpenalised intercept, λ on the original y scale.
 *   λ_max = max_j |Σ_i xs_ij (y_i − ȳ)| / (n · max(α, 1e-3));
 *   λ_k   = λ_max · r^((k−1)/(nlambda−1)), r = lambdaMinRatio (default 1e-4 if n > p, else 0.01),
 *           built by repeated multiplication as glmnet's Fortran/C++ does;
 *   the path stops early (only for a computed sequence, after at least 5 λ) when the deviance
 *   ratio exceeds 0.999 or changes by less than 1e-5 (gaussian: relative to the current ratio,
 *   binomial: absolute), exactly glmnet's fdev/devmax rules.
 * Unlike glmnet's default thresh = 1e-7 (which leaves KKT errors of tens of percent at small λ),
 * each λ is finished by a Newton step on the active set whose result is accepted only if it meets
 * the KKT conditions (lasso-polish.ts), so it is the actual minimiser to rounding; where that is not
 * possible (very large active sets) sweeps continue to `thresh` (default 1e-12; pass e.g. 1e-18 for
 * a tighter solution). Sequential strong rules limit the sweeps to likely features, and a KKT
 * check over all features after each λ adds any feature they wrongly left out.
 */
import { SonomicsError } from '../core/errors.ts';
import { checkBinary, checkMatrix, checkNumeric, columnMoments, toColumnMajor, type Matrix } from './matrix.ts';
import { kktViolators, solveBinomial, solveGaussian, type CdState } from './lasso-cd.ts';
import { polishActiveSet } from './lasso-polish.ts';
import { GradientBounds } from './lasso-screen.ts';

export type LassoFamily = 'binomial' | 'gaussian';

export interface LassoOptions {
  family?: LassoFamily;
  /** Elastic-net mixing: 1 = LASSO (default), 0 = ridge. */
  alpha?: number;
  nlambda?: number;
  lambdaMinRatio?: number;
  /** A user λ sequence (decreasing); no early stopping then, as in glmnet. */
  lambda?: number[];
  standardize?: boolean;
  /** Convergence threshold of the sweeps: max_j xv_j·Δβ_j² < thresh · (null deviance / n). Default 1e-12 (glmnet: 1e-7); the Newton finish makes most λ exact anyway. */
  thresh?: number;
  /** Maximum number of coordinate sweeps over the whole path. Default 1e6. */
  maxit?: number;
  /** Finish each λ by Newton on the active set, verified by KKT (default true). */
  polish?: boolean;
  /** Largest active set for the Newton finish (default min(n, 80)); larger ones use sweeps only. */
  maxPolishActive?: number;
}

export interface LassoPath {
  family: LassoFamily;
  lambda: number[];
  a0: number[];
  /** p × L: beta[j][k] is feature j at lambda k (glmnet's layout). */
  beta: number[][];
  df: number[];
  devRatio: number[];
  nulldev: number;
  /** Column means and population SDs used for standardisation. */
  xMean: number[];
  xSd: number[];
  converged: boolean;
  /** Coordinate sweeps used (a cost measure). */
  passes: number;
}

export function lassoPath(X: Matrix, y: ArrayLike<number>, opts: LassoOptions = {}): LassoPath {
  const family = opts.family ?? 'binomial';
  const [n, p] = checkMatrix(X, 'lassoPath');
  const yy = family === 'binomial' ? checkBinary(y, n, 'lassoPath') : checkNumeric(y, n, 'lassoPath');
  const alpha = opts.alpha ?? 1;
  if (!(alpha >= 0 && alpha <= 1)) throw new SonomicsError('BAD_SETTINGS', `lassoPath: alpha must be in [0, 1], got ${alpha}.`);
  const nlambda = opts.nlambda ?? 100;
  const standardize = opts.standardize ?? true;
  const thresh = opts.thresh ?? 1e-12;
  const maxit = opts.maxit ?? 1e6;

  // Standardise (population SD), column-major.
  const xs = toColumnMajor(X, n, p);
  const { mean: xMean, scale: xSd, constant: skip } = columnMoments(xs, n, p, standardize);
  for (let j = 0; j < p; j++) {
    const off = j * n, m = xMean[j]!, scale = xSd[j]!;
    for (let i = 0; i < n; i++) xs[off + i] = (xs[off + i]! - m) / scale;
  }
  let ybar = 0;
  for (let i = 0; i < n; i++) ybar += yy[i]!;
  ybar /= n;
  const nulldev = family === 'binomial'
    ? -2 * n * (ybar * Math.log(ybar) + (1 - ybar) * Math.log(1 - ybar))
    : yy.reduce((s, v) => s + (v - ybar) ** 2, 0);
  if (!(nulldev > 0)) throw new SonomicsError('BAD_INPUT', 'lassoPath: y is constant; nothing to model.');

  // λ sequence.
  let lambdas: number[];
  const userLambda = opts.lambda !== undefined;
  if (userLambda) {
    lambdas = [...opts.lambda!];
    for (let k = 1; k < lambdas.length; k++) {
      if (!(lambdas[k]! <= lambdas[k - 1]!)) throw new SonomicsError('BAD_SETTINGS', 'lassoPath: a user lambda sequence must be decreasing.');
    }
  } else {
    let gmax = 0;
    for (let j = 0; j < p; j++) {
      if (skip[j]) continue;
      let g = 0;
      const off = j * n;
      for (let i = 0; i < n; i++) g += xs[off + i]! * (yy[i]! - ybar);
      gmax = Math.max(gmax, Math.abs(g) / n);
    }
    const lmax = gmax / Math.max(alpha, 1e-3);
    const ratio = opts.lambdaMinRatio ?? (n > p ? 1e-4 : 0.01);
    const alf = ratio ** (1 / (nlambda - 1));
    lambdas = [lmax];
    let al = lmax;
    for (let k = 1; k < nlambda; k++) { al *= alf; lambdas.push(al); }
  }

  const state: CdState = {
    n, p, xs, y: yy,
    beta: new Float64Array(p),
    b0: family === 'binomial' ? Math.log(ybar / (1 - ybar)) : ybar,
    eta: new Float64Array(n),
    r: new Float64Array(n),
    active: new Uint8Array(p),
    activeList: [],
    skip,
    work: [],
    inWork: new Uint8Array(p),
    passes: 0,
  };
  // |x̃_jᵀ(y − μ)|/n at the previous solution (the null model to start), for the strong rule.
  const grad = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (skip[j]) continue;
    let g = 0;
    const off = j * n;
    for (let i = 0; i < n; i++) g += xs[off + i]! * (yy[i]! - ybar);
    grad[j] = Math.abs(g) / n;
  }
  const bounds = new GradientBounds(xs, n, p);
  const addToWork = (j: number): void => { if (!state.inWork[j]) { state.inWork[j] = 1; state.work.push(j); } };
  state.eta.fill(state.b0);
  for (let i = 0; i < n; i++) state.r[i] = yy[i]! - ybar;

  const out: LassoPath = { family, lambda: [], a0: [], beta: Array.from({ length: p }, () => []), df: [], devRatio: [], nulldev, xMean, xSd, converged: true, passes: 0 };
  const thr = thresh * (nulldev / n);
  const looseThr = 1e-9 * (nulldev / n);
  const polish = opts.polish ?? true;
  const maxPolish = opts.maxPolishActive ?? Math.min(n, 80);
  for (let k = 0; k < lambdas.length; k++) {
    const lam = lambdas[k]!;
    const solve = family === 'binomial' ? solveBinomial : solveGaussian;
    // Sequential strong rule: keep j if |g_j(λ_prev)| ≥ α(2λ − λ_prev); KKT over all features
    // afterwards catches the rare feature it wrongly discards.
    const lamPrev = k === 0 ? lam : lambdas[k - 1]!;
    const cut = alpha * (2 * lam - lamPrev);
    // The next λ's cut, below which the KKT check may skip a feature's gradient (lasso-screen.ts).
    const nextCut = k + 1 < lambdas.length ? alpha * (2 * lambdas[k + 1]! - lam) : Infinity;
    for (let j = 0; j < p; j++) if (!skip[j] && grad[j]! >= cut) addToWork(j);
    let ok = true;
    // At a computed λ_max the solution is β = 0 by construction; glmnet solves its first λ with
    // λ = "big" for that reason. Skipping the sweeps keeps rounding (|g_j| vs λ_max computed
    // with a different summation order) from creating a spurious 1e-17 coefficient.
    const atLambdaMax = !userLambda && k === 0;
    for (;;) {
      if (atLambdaMax) { kktViolators(state, family === 'binomial', lam * alpha, grad, bounds, nextCut); break; }
      // Sweeps to a moderate threshold find the active set; a Newton finish on it then gives the
      // exact minimiser (checked against the KKT conditions), else sweeps continue to `thresh`.
      ok = solve(state, lam, { alpha, thresh: Math.max(thr, looseThr), maxit });
      if (!(ok && polish && polishActiveSet(state, lam, alpha, family === 'binomial', maxPolish))) {
        ok = solve(state, lam, { alpha, thresh: thr, maxit });
      }
      const violators = kktViolators(state, family === 'binomial', lam * alpha, grad, bounds, nextCut);
      if (violators.length === 0 || !ok) break;
      for (const j of violators) addToWork(j);
    }
    if (!ok) out.converged = false;
    // Deviance ratio.
    let dev = 0;
    if (family === 'binomial') {
      for (let i = 0; i < n; i++) {
        const e = state.eta[i]!;
        // −2 loglik = 2 Σ log(1 + e^η) − y η, computed stably.
        const l1p = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
        dev += 2 * (l1p - yy[i]! * e);
      }
    } else {
      for (let i = 0; i < n; i++) dev += state.r[i]! ** 2;
    }
    const dr = 1 - dev / nulldev;
    // Back to the original scale.
    let a0 = state.b0;
    let df = 0;
    for (let j = 0; j < p; j++) {
      const b = state.beta[j]! / xSd[j]!;
      out.beta[j]!.push(b);
      a0 -= b * xMean[j]!;
      if (b !== 0) df++;
    }
    out.lambda.push(lam);
    out.a0.push(a0);
    out.df.push(df);
    out.devRatio.push(dr);
    if (!userLambda && k + 1 >= Math.min(5, lambdas.length)) {
      if (dr > 0.999) break;
      if (k > 0) {
        const prev = out.devRatio[k - 1]!;
        const change = dr - prev;
        if (family === 'gaussian' ? change < 1e-5 * dr : change < 1e-5) break;
      }
    }
  }
  out.passes = state.passes;
  return out;
}

/** Intercept and original-scale coefficients at path index k (0-based). */
export function lassoCoefficients(path: LassoPath, lambdaIndex: number): { intercept: number; beta: number[] } {
  if (!Number.isInteger(lambdaIndex) || lambdaIndex < 0 || lambdaIndex >= path.lambda.length) {
    throw new SonomicsError('BAD_INPUT', `lassoCoefficients: index ${lambdaIndex} is outside the path (0..${path.lambda.length - 1}).`);
  }
  return { intercept: path.a0[lambdaIndex]!, beta: path.beta.map((b) => b[lambdaIndex]!) };
}

/** Linear predictor at each λ for new rows: result[i][k]. */
export function lassoLinearPredictor(path: LassoPath, X: Matrix): number[][] {
  const [n, p] = checkMatrix(X, 'lassoLinearPredictor');
  if (p !== path.beta.length) throw new SonomicsError('BAD_INPUT', `lassoLinearPredictor: X has ${p} columns, the path ${path.beta.length}.`);
  const L = path.lambda.length;
  // Only features with a non-zero coefficient somewhere on the path contribute (with p ≫ n most
  // never enter); the order of the additions is unchanged.
  const used: number[] = [];
  for (let j = 0; j < p; j++) if (path.beta[j]!.some((b) => b !== 0)) used.push(j);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    const lp = path.a0.slice();
    for (const j of used) {
      const x = row[j]!;
      const bj = path.beta[j]!;
      for (let k = 0; k < L; k++) if (bj[k] !== 0) lp[k] += bj[k]! * x;
    }
    out.push(lp);
  }
  return out;
}

/**
 * Coefficients at arbitrary λ values s by linear interpolation between the path's λ
 * (glmnet's lambda.interp / predict(s = …)): s is clamped to [min λ, max λ]; with λ normalised
 * to t = (λ₁ − λ)/(λ₁ − λ_L), the coefficient is frac·β_left + (1 − frac)·β_right. For the
 * gaussian LASSO this is exact between knots, since the solution is piecewise linear in λ.
 */
export function interpolatePath<P extends Pick<LassoPath, 'lambda' | 'a0' | 'beta' | 'df' | 'devRatio'>>(path: P, s: number[]): P {
  const lam = path.lambda;
  const L = lam.length;
  const p = path.beta.length;
  // Features that never enter interpolate to exactly 0 at every s: filled at once, not visited.
  const used: number[] = [];
  const beta: number[][] = new Array(p);
  for (let j = 0; j < p; j++) {
    if (path.beta[j]!.some((b) => b !== 0)) { used.push(j); beta[j] = []; } else beta[j] = new Array<number>(s.length).fill(0);
  }
  const out: P = { ...path, lambda: s.slice(), a0: [], beta, df: [], devRatio: [] };
  const maxL = Math.max(...lam), minL = Math.min(...lam);
  for (const s0 of s) {
    let left: number, right: number, frac: number;
    if (L === 1) { left = right = 0; frac = 1; } else {
      const sc = Math.min(Math.max(s0, minL), maxL);
      const span = lam[0]! - lam[L - 1]!;
      const sfrac = (lam[0]! - sc) / span;
      // approx(t, seq_along(t), sfrac): fractional position of sfrac among the increasing t.
      const t = (k: number): number => (lam[0]! - lam[k]!) / span;
      let k = 0;
      while (k < L - 2 && t(k + 1) < sfrac) k++;
      const coord = t(k + 1) === t(k) ? k : k + (sfrac - t(k)) / (t(k + 1) - t(k));
      left = Math.floor(coord);
      right = Math.ceil(coord);
      frac = (sfrac - t(right)) / (t(left) - t(right));
      if (left === right || Math.abs(t(left) - t(right)) < Number.EPSILON) frac = 1;
    }
    out.a0.push(frac * path.a0[left]! + (1 - frac) * path.a0[right]!);
    let df = 0;
    for (const j of used) {
      const b = frac * path.beta[j]![left]! + (1 - frac) * path.beta[j]![right]!;
      out.beta[j]!.push(b);
      if (b !== 0) df++;
    }
    out.df.push(df);
    out.devRatio.push(NaN);
  }
  return out;
}
