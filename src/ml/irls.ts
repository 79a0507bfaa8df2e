/**
 * The iteratively reweighted least-squares core of the binomial GLM (R's glm.fit): used by the
 * logistic regression and, with an offset, by its profile-likelihood intervals; each step solves
 * the weighted least-squares problem by Householder QR (R uses LINPACK dqrdc2 QR too).
 * Its own file so that logistic.ts and logistic-profile.ts both import it without a cycle.
 */
import { SonomicsError } from '../core/errors.ts';

/**
 * IRLS for the binomial GLM with an optional offset (R's glm.fit): design D column-major n × k.
 * Starts from μ = (y + ½)/2 as binomial()$initialize does.
 */
export function irls(D: Float64Array, n: number, k: number, yy: Float64Array, offset: Float64Array | null, eps: number, maxit: number):
  { beta: Float64Array; R: Float64Array; deviance: number; converged: boolean; iterations: number } {
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) { mu[i] = (yy[i]! + 0.5) / 2; eta[i] = Math.log(mu[i]! / (1 - mu[i]!)); }
  let devOld = deviance(yy, mu);
  let beta: Float64Array = new Float64Array(k);
  let R: Float64Array = new Float64Array(k * k);
  let converged = false;
  let iter = 0;
  for (iter = 1; iter <= maxit; iter++) {
    const A = new Float64Array(n * k);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const w = mu[i]! * (1 - mu[i]!);
      const sw = Math.sqrt(w);
      const off = offset ? offset[i]! : 0;
      const z = eta[i]! - off + (yy[i]! - mu[i]!) / w;
      b[i] = sw * z;
      for (let j = 0; j < k; j++) A[j * n + i] = sw * D[j * n + i]!;
    }
    const sol = leastSquaresQR(A, b, n, k);
    beta = sol.beta;
    R = sol.R;
    for (let i = 0; i < n; i++) {
      let e = offset ? offset[i]! : 0;
      for (let j = 0; j < k; j++) e += D[j * n + i]! * beta[j]!;
      eta[i] = e;
      mu[i] = 1 / (1 + Math.exp(-e));
    }
    const dev = deviance(yy, mu);
    if (!Number.isFinite(dev)) throw new SonomicsError('NOT_CONVERGED', 'logisticRegression: the deviance became non-finite (perfect separation?); remove separating predictors or use the LASSO.');
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < eps) { devOld = dev; converged = true; break; }
    devOld = dev;
  }
  return { beta, R, deviance: devOld, converged, iterations: Math.min(iter, maxit) };
}

/** Binomial deviance −2 Σ log p(yᵢ | μᵢ). */
export function deviance(y: Float64Array, mu: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) d -= 2 * (y[i]! === 1 ? Math.log(mu[i]!) : Math.log(1 - mu[i]!));
  return d;
}

/** Householder QR least squares for a column-major n × k matrix; returns β and R (row-major k × k). */
export function leastSquaresQR(A: Float64Array, b: Float64Array, n: number, k: number): { beta: Float64Array; R: Float64Array } {
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let i = j; i < n; i++) norm += A[j * n + i]! ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) throw new SonomicsError('BAD_INPUT', `logisticRegression: column ${j} is all zero or collinear with earlier columns; drop it.`);
    const alpha = A[j * n + j]! > 0 ? -norm : norm;
    const v0 = A[j * n + j]! - alpha;
    A[j * n + j] = v0;
    let vnorm2 = v0 * v0;
    for (let i = j + 1; i < n; i++) vnorm2 += A[j * n + i]! ** 2;
    // Apply H = I − 2vvᵀ/(vᵀv) to the remaining columns and to b.
    for (let c = j + 1; c < k; c++) {
      let s = 0;
      for (let i = j; i < n; i++) s += A[j * n + i]! * A[c * n + i]!;
      const f = (2 * s) / vnorm2;
      for (let i = j; i < n; i++) A[c * n + i] -= f * A[j * n + i]!;
    }
    let s = 0;
    for (let i = j; i < n; i++) s += A[j * n + i]! * b[i]!;
    const f = (2 * s) / vnorm2;
    for (let i = j; i < n; i++) b[i] -= f * A[j * n + i]!;
    A[j * n + j] = alpha; // diagonal of R
    for (let i = j + 1; i < n; i++) A[j * n + i] = 0;
  }
  const R = new Float64Array(k * k);
  for (let r = 0; r < k; r++) for (let c = r; c < k; c++) R[r * k + c] = A[c * n + r]!;
  const beta = new Float64Array(k);
  for (let r = k - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < k; c++) s -= R[r * k + c]! * beta[c]!;
    beta[r] = s / R[r * k + r]!;
  }
  return { beta, R };
}

/** Inverse of an upper-triangular k × k matrix (row-major). */
export function invertUpper(R: Float64Array, k: number): Float64Array {
  const inv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    inv[c * k + c] = 1 / R[c * k + c]!;
    for (let r = c - 1; r >= 0; r--) {
      let s = 0;
      for (let m = r + 1; m <= c; m++) s += R[r * k + m]! * inv[m * k + c]!;
      inv[r * k + c] = -s / R[r * k + r]!;
    }
  }
  return inv;
}
