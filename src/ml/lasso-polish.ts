/**
 * Exact finish for one λ of the coordinate-descent path. Coordinate descent converges only
 * linearly when predictors are correlated, so reaching a near-exact minimiser by sweeps alone is
 * slow. Once CD has identified the active set A and the signs s of its coefficients, the
 * penalised objective is smooth on that orthant, and Newton's method on (β₀, β_A) converges
 * quadratically:  gradient  (1/n) X̃ᵀ(μ − y) + [0; λα s + λ(1−α) β_A],
 *                 Hessian   (1/n) X̃ᵀ W X̃ + diag(0, λ(1−α)),  W = μ(1−μ) (binomial) or I.
 * The result is accepted only if it is a true solution: every sign is kept and every inactive
 * feature of the working set satisfies the KKT condition |x_jᵀ(y − μ)/n| ≤ λα (the caller checks
 * the features outside it). Otherwise the caller falls back to coordinate descent with `thresh`.
 */
import type { CdState } from './lasso-cd.ts';
import { dotCol, subtractCol, weightedDot } from './lasso-kernels.ts';

export function polishActiveSet(s: CdState, lambda: number, alpha: number, binomial: boolean, maxActive: number): boolean {
  const { n, p, xs, y } = s;
  const A: number[] = [];
  for (const j of s.activeList) if (s.beta[j] !== 0) A.push(j);
  const k = A.length;
  if (k > maxActive) return false;
  const l1 = lambda * alpha, l2 = lambda * (1 - alpha);
  const off = binomial ? 1 : 0; // parameter 0 is the intercept for the binomial family
  const m = k + off;
  const sign = A.map((j) => Math.sign(s.beta[j]!));
  const b = new Float64Array(m);
  if (binomial) b[0] = s.b0;
  for (let t = 0; t < k; t++) b[t + off] = s.beta[A[t]!]!;
  const eta = new Float64Array(n);
  const resid = new Float64Array(n); // y − μ (binomial) or y − b0 − xβ (gaussian)
  const w = new Float64Array(n);
  const g = new Float64Array(m);
  const H = new Float64Array(m * m);
  const refresh = (): void => {
    for (let i = 0; i < n; i++) eta[i] = binomial ? b[0]! : s.b0;
    for (let t = 0; t < k; t++) subtractCol(eta, -b[t + off]!, xs, A[t]! * n, n);
    for (let i = 0; i < n; i++) {
      if (binomial) {
        const mu = 1 / (1 + Math.exp(-eta[i]!));
        resid[i] = y[i]! - mu;
        // Floor as glmnet's pmin = 1e-5: only the step changes, not the fixed point (set by y − μ).
        w[i] = Math.max(mu * (1 - mu), W_MIN);
      } else {
        resid[i] = y[i]! - eta[i]!;
        w[i] = 1;
      }
    }
  };
  const maxIter = binomial ? 30 : 1;
  let ok = false;
  let small = false;
  for (let it = 0; it < maxIter; it++) {
    refresh();
    // Gradient and Hessian.
    H.fill(0);
    if (binomial) {
      let sr = 0, sw = 0;
      for (let i = 0; i < n; i++) { sr += resid[i]!; sw += w[i]!; }
      g[0] = -sr / n;
      H[0] = sw / n;
    }
    for (let t = 0; t < k; t++) {
      const o = A[t]! * n;
      const gr = dotCol(xs, o, resid, n);
      g[t + off] = -gr / n + l1 * sign[t]! + l2 * b[t + off]!;
      if (binomial) {
        const h0 = dotCol(xs, o, w, n);
        H[t + off] = H[(t + off) * m] = h0 / n;
      }
      for (let u = 0; u <= t; u++) {
        let h = weightedDot(xs, o, A[u]! * n, w, n); // gaussian: w ≡ 1
        h /= n;
        if (u === t) h += l2;
        H[(t + off) * m + (u + off)] = H[(u + off) * m + (t + off)] = h;
      }
    }
    const d = choleskySolve(H, g, m);
    if (!d) return false;
    let step = 0;
    for (let q = 0; q < m; q++) { b[q] -= d[q]!; step = Math.max(step, Math.abs(d[q]!)); }
    // Quadratic convergence: once a step is below 1e-7, the next one is at rounding level.
    if (!binomial || small) { ok = true; break; }
    small = step < 1e-7 * (1 + maxAbs(b));
  }
  if (!ok) return false;
  for (let t = 0; t < k; t++) if (Math.sign(b[t + off]!) !== sign[t]) return false;
  refresh();
  // KKT for the inactive features of the working set (the caller checks the others).
  const inA = new Uint8Array(p);
  for (const j of A) inA[j] = 1;
  const tol = l1 * (1 + 1e-9) + 1e-15;
  for (const j of s.work) {
    if (inA[j] || s.skip[j]) continue;
    if (Math.abs(dotCol(xs, j * n, resid, n) / n) > tol) return false;
  }
  // Commit.
  if (binomial) s.b0 = b[0]!;
  for (const j of s.activeList) s.beta[j] = 0;
  for (let t = 0; t < k; t++) s.beta[A[t]!] = b[t + off]!;
  if (binomial) s.eta.set(eta); else s.r.set(resid);
  return true;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

/** Solves H x = g for symmetric positive-definite H (row-major m × m); null if not PD. */
export function choleskySolve(H: Float64Array, g: Float64Array, m: number): Float64Array | null {
  const L = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = H[i * m + j]!;
      for (let q = 0; q < j; q++) sum -= L[i * m + q]! * L[j * m + q]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        L[i * m + i] = Math.sqrt(sum);
      } else {
        L[i * m + j] = sum / L[j * m + j]!;
      }
    }
  }
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let sum = g[i]!;
    for (let q = 0; q < i; q++) sum -= L[i * m + q]! * z[q]!;
    z[i] = sum / L[i * m + i]!;
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let sum = z[i]!;
    for (let q = i + 1; q < m; q++) sum -= L[q * m + i]! * x[q]!;
    x[i] = sum / L[i * m + i]!;
  }
  return x;
}

/** Smallest IRLS weight, p(1 − p) at glmnet's pmin = 1e-5. */
const W_MIN = 1e-5 * (1 - 1e-5);
