/**
 * Coordinate-descent core of the LASSO / elastic-net path (Friedman, Hastie & Tibshirani 2010,
 * "Regularization paths for generalized linear models via coordinate descent", J Stat Softw 33(1)).
 *
 * Works on standardised, column-major data: xs (n × p, column j contiguous), centred with
 * population SD 1 (glmnet's convention). Solves, for one λ, starting from the current (warm) β:
 *   gaussian:  (1/2n) Σ (y − β₀ − xsβ)²            + λ Σ [α|β_j| + (1−α)β_j²/2]
 *   binomial: −(1/n) Σ loglik(y; β₀ + xsβ)          + same penalty
 * The binomial case is IRLS (quadratic approximation) outside and coordinate descent inside.
 * Both use "naive" residual updates and an ever-active set: a sweep over the working set
 * (the sequential strong-rule survivors, Tibshirani et al. 2012, plus the ever-active features),
 * then sweeps over the active set to convergence, then a working-set sweep again to confirm; the
 * caller then checks KKT over all features (`kktViolators`) and enlarges the working set if needed.
 * Convergence: max_j xv_j Δβ_j² < thresh (glmnet's criterion).
 */

import { crossprod, crossprodColumns, dotAndWeightedSquare, dotCol, subtractCol, subtractWeightedColThenDot, subtractWeightedColThenSum, weightedDot, weightedSquare } from './lasso-kernels.ts';

import type { GradientBounds } from './lasso-screen.ts';

export interface CdState {
  n: number;
  p: number;
  xs: Float64Array;          // column-major standardised predictors
  y: Float64Array;           // response (0/1 for binomial)
  beta: Float64Array;        // standardised coefficients (warm start, updated in place)
  b0: number;                // intercept on the standardised scale
  eta: Float64Array;         // linear predictor b0 + xs β (binomial) — kept in sync
  r: Float64Array;           // gaussian residual y − b0 − xsβ
  active: Uint8Array;        // ever-active flags
  activeList: number[];
  skip: Uint8Array;          // constant columns: never enter
  /** Working set (strong-rule survivors ∪ ever-active); "full" sweeps visit only these. */
  work: number[];
  inWork: Uint8Array;
  passes: number;
}

export interface CdOptions {
  alpha: number;
  thresh: number;
  maxit: number;
}

function soft(z: number, g: number): number {
  return z > g ? z - g : z < -g ? z + g : 0;
}

/** One gaussian sweep over `list` (or all features); returns max xv·Δβ². */
function gaussianSweep(s: CdState, lambda: number, o: CdOptions, all: boolean): number {
  const { n, xs, beta, r } = s;
  const l1 = lambda * o.alpha, l2 = lambda * (1 - o.alpha);
  let dlx = 0;
  const list = all ? s.work : s.activeList;
  const count = list.length;
  for (let t = 0; t < count; t++) {
    const j = list[t]!;
    if (s.skip[j]) continue;
    const off = j * n;
    const g = dotCol(xs, off, r, n) / n;
    const old = beta[j]!;
    const nb = soft(old + g, l1) / (1 + l2); // xv_j = 1 for standardised columns
    if (nb === old) continue;
    const d = nb - old;
    beta[j] = nb;
    subtractCol(r, d, xs, off, n);
    if (!s.active[j]) { s.active[j] = 1; s.activeList.push(j); }
    if (d * d > dlx) dlx = d * d;
  }
  s.passes++;
  return dlx;
}

export function solveGaussian(s: CdState, lambda: number, o: CdOptions): boolean {
  for (;;) {
    if (s.passes > o.maxit) return false;
    const dlx = gaussianSweep(s, lambda, o, true);
    if (dlx < o.thresh) return true;
    for (;;) {
      if (s.passes > o.maxit) return false;
      if (gaussianSweep(s, lambda, o, false) < o.thresh) break;
    }
  }
}

/** Per-path scratch for the binomial solver, allocated once (no allocation per IRLS step). */
interface BinomialScratch {
  w: Float64Array;           // IRLS weights μ(1−μ), floored
  rho: Float64Array;         // weighted working residual w(z − η) = y − μ − W·Δη
  xv: Float64Array;          // (1/n) Σ w x_j², computed once per IRLS step when j is first visited
  xvStep: Int32Array;        // IRLS step at which xv[j] was computed (stale if ≠ current)
  betaStart: Float64Array;   // β at the start of the IRLS step (for its size)
  step: number;
  gram: GramScratch | null;
}

/**
 * "Covariance updates" (Friedman et al. 2010, §2.2) for one IRLS step: the weights are fixed
 * within the step, so instead of the residual we keep the gradients c_q = x_qᵀρ/n of the working
 * set and c₀ = Σρ/n, and a change Δβ_k updates them through the weighted Gram column
 * G_qk = x_qᵀ W x_k / n (computed when β_k first moves in the step): O(|work|) per update instead
 * of O(n) for the residual plus O(n) per visit. Same iterates as the naive updates up to rounding;
 * worth it only when a step needs many sweeps (slow CD on correlated, nearly separable data).
 */
interface GramScratch {
  m: number;                 // working-set size when the step switched
  pos: Int32Array;           // feature → position in the working set (−1 outside)
  c: Float64Array;           // x_qᵀρ/n by position
  c0: number;                // Σρ/n
  gw: Float64Array;          // Σ w x_q / n by position (the intercept column)
  G: Float64Array;           // m × m, column k at [k·m, (k+1)·m)
  colStep: Int32Array;       // IRLS step at which column k was computed
}

/** Sweeps of one IRLS step after which it switches to Gram updates (see GramScratch). */
function gramSwitchAfter(workSize: number, n: number): number {
  // A Gram column costs |work|·n, a naive update about 2n: pays back after ~|work|/2 updates.
  return workSize > GRAM_MAX ? Infinity : Math.max(6, Math.ceil(workSize / 2) + 2 * Math.ceil(workSize / n));
}
const GRAM_MAX = 1000;

function startGram(s: CdState, b: BinomialScratch): GramScratch {
  const { n, xs } = s;
  const work = s.work;
  const m = work.length;
  let g = b.gram;
  if (!g || g.m < m || g.G.length < m * m) {
    g = { m, pos: new Int32Array(s.p).fill(-1), c: new Float64Array(m), c0: 0, gw: new Float64Array(m), G: new Float64Array(m * m), colStep: new Int32Array(m).fill(-1) };
    b.gram = g;
  } else {
    g.pos.fill(-1);
    g.colStep.fill(-1);
  }
  g.m = m;
  const { w, rho } = b;
  for (let q = 0; q < m; q++) {
    const j = work[q]!;
    g.pos[j] = q;
    g.c[q] = dotCol(xs, j * n, rho, n) / n;
    g.gw[q] = dotCol(xs, j * n, w, n) / n;
  }
  let sr = 0;
  for (let i = 0; i < n; i++) sr += rho[i]!;
  g.c0 = sr / n;
  return g;
}

/** binomialSweep with Gram updates (same coordinate steps; ρ is not kept up to date). */
function gramSweep(s: CdState, b: BinomialScratch, g: GramScratch, list: number[], l1: number, l2: number, sw: number): number {
  const { n, xs, beta, skip, active } = s;
  const { w, xv, xvStep } = b;
  const { m, pos, c, gw, G, colStep } = g;
  const work = s.work;
  const step = b.step;
  let dlx = 0;
  const count = list.length;
  for (let t = 0; t < count; t++) {
    const j = list[t]!;
    if (skip[j]) continue;
    const off = j * n;
    if (xvStep[j] !== step) { xv[j] = weightedSquare(xs, off, w, n) / n; xvStep[j] = step; }
    const k = pos[j]!;
    const old = beta[j]!;
    const v = xv[j]!;
    const nb = soft(v * old + c[k]!, l1) / (v + l2);
    if (nb === old) continue;
    const d = nb - old;
    beta[j] = nb;
    const col = k * m;
    if (colStep[k] !== step) {
      // G is symmetric: entries whose own column is already known this step are copied.
      for (let q = 0; q < m; q++) {
        G[col + q] = q === k ? v : colStep[q] === step ? G[q * m + k]! : weightedDot(xs, work[q]! * n, off, w, n) / n;
      }
      colStep[k] = step;
    }
    for (let q = 0; q < m; q++) c[q] -= d * G[col + q]!;
    g.c0 -= d * gw[k]!;
    if (!active[j]) { active[j] = 1; s.activeList.push(j); }
    if (v * d * d > dlx) dlx = v * d * d;
  }
  const d0 = g.c0 / sw;
  if (d0 !== 0) {
    s.b0 += d0;
    g.c0 -= d0 * sw;
    for (let q = 0; q < m; q++) c[q] -= d0 * gw[q]!;
    if (sw * d0 * d0 > dlx) dlx = sw * d0 * d0;
  }
  s.passes++;
  return dlx;
}

const scratch = new WeakMap<CdState, BinomialScratch>();

function binomialScratch(s: CdState): BinomialScratch {
  let b = scratch.get(s);
  if (!b) {
    b = {
      w: new Float64Array(s.n), rho: new Float64Array(s.n), xv: new Float64Array(s.p),
      xvStep: new Int32Array(s.p).fill(-1), betaStart: new Float64Array(s.p), step: 0, gram: null,
    };
    scratch.set(s, b);
  }
  return b;
}

/**
 * One binomial coordinate sweep over `list` on the current quadratic approximation, then the
 * unpenalised intercept; returns max xv·Δβ² (glmnet's dlx). Residual updates are "naive"
 * (Friedman et al. 2010, §2.2): ρ −= Δβ_j · w ∘ x_j after each change. The update for a changed
 * β_j is deferred and done in the same pass as the next visited feature's gradient (or the
 * intercept's Σρ): the same operations in the same order as update-then-dot, one pass over ρ.
 */
function binomialSweep(s: CdState, b: BinomialScratch, list: number[], l1: number, l2: number, sw: number): number {
  const { n, xs, beta, skip, active } = s;
  const { w, rho, xv, xvStep } = b;
  const step = b.step;
  let dlx = 0;
  let pendingD = 0, pendingOff = -1; // a residual update not yet applied to ρ
  const count = list.length;
  for (let t = 0; t < count; t++) {
    const j = list[t]!;
    if (skip[j]) continue;
    const off = j * n;
    let dot: number;
    if (xvStep[j] !== step) {
      // First visit in this IRLS step: xv_j = Σ w x_j² / n in the same pass.
      dot = dotAndWeightedSquare(rho, pendingD, w, xs, pendingOff, off, n, xv, j);
      xvStep[j] = step;
      pendingOff = -1;
    } else if (pendingOff >= 0) {
      dot = subtractWeightedColThenDot(rho, pendingD, w, xs, pendingOff, off, n);
      pendingOff = -1;
    } else dot = dotCol(xs, off, rho, n);
    const g = dot / n;
    const old = beta[j]!;
    const v = xv[j]!;
    const nb = soft(v * old + g, l1) / (v + l2);
    if (nb === old) continue;
    const d = nb - old;
    beta[j] = nb;
    pendingD = d;
    pendingOff = off;
    if (!active[j]) { active[j] = 1; s.activeList.push(j); }
    if (v * d * d > dlx) dlx = v * d * d;
  }
  // Unpenalised intercept: exact minimiser along β₀.
  let sr = 0;
  if (pendingOff >= 0) sr = subtractWeightedColThenSum(rho, pendingD, w, xs, pendingOff, n);
  else for (let i = 0; i < n; i++) sr += rho[i]!;
  const d0 = sr / n / sw;
  if (d0 !== 0) {
    s.b0 += d0;
    for (let i = 0; i < n; i++) rho[i] -= d0 * w[i]!;
    if (sw * d0 * d0 > dlx) dlx = sw * d0 * d0;
  }
  s.passes++;
  return dlx;
}

/**
 * Binomial: IRLS outer loop. Weights w = μ(1−μ) and the weighted residual
 * ρ_i = w_i (z_i − η_i) = y_i − μ_i are refreshed at the start of each outer iteration; the inner
 * coordinate descent then solves the weighted lasso including the unpenalised intercept.
 */
export function solveBinomial(s: CdState, lambda: number, o: CdOptions): boolean {
  const { n, beta, eta, y } = s;
  const b = binomialScratch(s);
  const { w, rho, xv, xvStep, betaStart } = b;
  const l1 = lambda * o.alpha, l2 = lambda * (1 - o.alpha);
  for (;;) {
    if (s.passes > o.maxit) return false;
    let sw = 0;
    for (let i = 0; i < n; i++) {
      const mu = 1 / (1 + Math.exp(-eta[i]!));
      // Floor as glmnet's pmin = 1e-5: only the step changes, not the fixed point (set by y − μ).
      const wi = Math.max(mu * (1 - mu), W_MIN);
      w[i] = wi;
      rho[i] = y[i]! - mu;
      sw += wi;
    }
    sw /= n;
    b.step++;
    const work = s.work;
    for (const j of work) betaStart[j] = beta[j]!;
    const b0Start = s.b0;
    // Inner coordinate descent (glmnet's order): a sweep over the working set, then sweeps over
    // the active set to convergence, until a working-set sweep changes nothing. After
    // `switchAfter` sweeps the step continues with Gram updates.
    const switchAfter = gramSwitchAfter(work.length, n);
    let sweeps = 0;
    let gram: GramScratch | null = null;
    const sweep = (list: number[]): number => {
      if (!gram && ++sweeps > switchAfter) gram = startGram(s, b);
      return gram ? gramSweep(s, b, gram, list, l1, l2, sw) : binomialSweep(s, b, list, l1, l2, sw);
    };
    for (;;) {
      if (s.passes > o.maxit) return false;
      if (sweep(work) < o.thresh) break;
      for (;;) {
        if (s.passes > o.maxit) return false;
        if (sweep(s.activeList) < o.thresh) break;
      }
    }
    // New linear predictor and the size of this IRLS step (β changes only inside the working set).
    const d0 = s.b0 - b0Start;
    let dlx = sw * d0 * d0;
    for (const j of work) {
      const d = beta[j]! - betaStart[j]!;
      if (d !== 0 && xvStep[j] === b.step) dlx = Math.max(dlx, xv[j]! * d * d);
    }
    linearPredictor(s, eta);
    if (dlx < o.thresh) return true;
  }
}

/**
 * η = b₀ + Σ_j β_j x_j over the active set, as successive `subtractCol(η, −β_j, x_j)` in activeList
 * order; four columns per pass over η (each η_i gets the same subtractions in the same order).
 */
function linearPredictor(s: CdState, eta: Float64Array): void {
  const { n, xs, beta, activeList } = s;
  eta.fill(s.b0);
  let t = 0;
  const m = activeList.length;
  for (;;) {
    // The next four non-zero coefficients (in order).
    let c = 0, o0 = 0, o1 = 0, o2 = 0, o3 = 0, d0 = 0, d1 = 0, d2 = 0, d3 = 0;
    for (; t < m && c < 4; t++) {
      const j = activeList[t]!;
      const bj = beta[j]!;
      if (bj === 0) continue;
      if (c === 0) { o0 = j * n; d0 = -bj; } else if (c === 1) { o1 = j * n; d1 = -bj; } else if (c === 2) { o2 = j * n; d2 = -bj; } else { o3 = j * n; d3 = -bj; }
      c++;
    }
    if (c === 4) {
      for (let i = 0; i < n; i++) {
        let e = eta[i]!;
        e -= d0 * xs[o0 + i]!;
        e -= d1 * xs[o1 + i]!;
        e -= d2 * xs[o2 + i]!;
        e -= d3 * xs[o3 + i]!;
        eta[i] = e;
      }
      continue;
    }
    if (c > 0) subtractCol(eta, d0, xs, o0, n);
    if (c > 1) subtractCol(eta, d1, xs, o1, n);
    if (c > 2) subtractCol(eta, d2, xs, o2, n);
    return;
  }
}

/**
 * Gradient |x̃_jᵀ(y − μ)|/n for the features outside the working set (stored in `grad`, used by the
 * next λ's strong rule) and those that violate KKT, |g_j| > λα. With `bounds`, a feature whose
 * gradient bound is below both λα and `nextCut` (the next strong-rule cut) is not computed; its
 * bound is stored instead, which leads to the same decisions (lasso-screen.ts).
 */
export function kktViolators(s: CdState, binomial: boolean, lambdaAlpha: number, grad: Float64Array, bounds?: GradientBounds, nextCut = Infinity): number[] {
  const { n, p, xs } = s;
  const resid = new Float64Array(n);
  for (let i = 0; i < n; i++) resid[i] = binomial ? s.y[i]! - 1 / (1 + Math.exp(-s.eta[i]!)) : s.r[i]!;
  const out: number[] = [];
  const tol = lambdaAlpha * (1 + 1e-9) + 1e-15;
  if (!bounds) {
    crossprod(xs, n, p, resid, grad);
    for (let j = 0; j < p; j++) {
      if (s.skip[j]) { grad[j] = 0; continue; }
      const g = Math.abs(grad[j]!) / n;
      grad[j] = g;
      if (!s.inWork[j] && g > tol) out.push(j);
    }
    return out;
  }
  bounds.advance(resid);
  const safe = Math.min(tol, nextCut);
  const todo: number[] = [];
  for (let j = 0; j < p; j++) {
    if (s.skip[j]) { grad[j] = 0; continue; }
    if (s.inWork[j]) continue; // already in every later working set; its gradient is not needed
    const b = bounds.bound(j);
    if (b < safe) grad[j] = b; else todo.push(j);
  }
  const g = new Float64Array(todo.length);
  crossprodColumns(xs, n, todo, resid, g);
  for (let t = 0; t < todo.length; t++) {
    const j = todo[t]!;
    const gj = Math.abs(g[t]!) / n;
    grad[j] = gj;
    bounds.record(j, gj);
    if (gj > tol) out.push(j);
  }
  return out;
}

/** Smallest IRLS weight, p(1 − p) at glmnet's pmin = 1e-5. */
const W_MIN = 1e-5 * (1 - 1e-5);
