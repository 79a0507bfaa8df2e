/**
 * A tiny logistic regression by Newton–Raphson / IRLS for the calibration models only:
 *   y ~ offset(o)          (calibration-in-the-large: intercept only)
 *   y ~ x                  (calibration slope: intercept + slope)
 * It is kept here rather than imported from src/ml so that stats depends on nothing of ours.
 * Convergence as R's glm.fit: |dev − dev_old| / (|dev| + 0.1) < epsilon (1e-12 here, tighter
 * than glm's default 1e-8, so the result is the MLE to ~1e-10). Wald SE from the inverse
 * Fisher information (X'WX)⁻¹, as summary.glm.
 */
import { SonomicsError } from '../core/errors.ts';

export interface SmallLogisticFit {
  /** [intercept] or [intercept, slope]. */
  coef: number[];
  se: number[];
  deviance: number;
  iterations: number;
  converged: boolean;
}

export function fitSmallLogistic(
  y: ArrayLike<number>,
  x: ArrayLike<number> | null,
  offset: ArrayLike<number> | null,
  opts: { epsilon?: number; maxit?: number } = {},
): SmallLogisticFit {
  const n = y.length;
  const eps = opts.epsilon ?? 1e-12;
  const maxit = opts.maxit ?? 100;
  const p = x ? 2 : 1;
  let b0 = 0;
  let b1 = 0;
  let dev = Infinity;
  let converged = false;
  let iter = 0;
  let h00 = 0, h01 = 0, h11 = 0;
  for (iter = 1; iter <= maxit; iter++) {
    // Gradient g = X'(y − μ) and information H = X'WX at the current coefficients.
    let g0 = 0, g1 = 0;
    h00 = 0; h01 = 0; h11 = 0;
    for (let i = 0; i < n; i++) {
      const xi = x ? x[i]! : 0;
      const eta = b0 + b1 * xi + (offset ? offset[i]! : 0);
      const mu = 1 / (1 + Math.exp(-eta));
      const w = mu * (1 - mu);
      const r = y[i]! - mu;
      g0 += r;
      h00 += w;
      if (x) {
        g1 += r * xi;
        h01 += w * xi;
        h11 += w * xi * xi;
      }
    }
    if (p === 1) {
      b0 += g0 / h00;
    } else {
      const det = h00 * h11 - h01 * h01;
      if (!(det > 0)) throw new SonomicsError('NOT_CONVERGED', 'calibration: the logistic calibration fit is singular (all predictions equal?)');
      b0 += (h11 * g0 - h01 * g1) / det;
      b1 += (h00 * g1 - h01 * g0) / det;
    }
    const newDev = deviance(y, x, offset, b0, b1);
    if (Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1) < eps) {
      dev = newDev;
      converged = true;
      break;
    }
    dev = newDev;
  }
  // Information at the final coefficients for the standard errors.
  h00 = 0; h01 = 0; h11 = 0;
  for (let i = 0; i < n; i++) {
    const xi = x ? x[i]! : 0;
    const mu = 1 / (1 + Math.exp(-(b0 + b1 * xi + (offset ? offset[i]! : 0))));
    const w = mu * (1 - mu);
    h00 += w;
    h01 += w * xi;
    h11 += w * xi * xi;
  }
  if (p === 1) return { coef: [b0], se: [Math.sqrt(1 / h00)], deviance: dev, iterations: iter, converged };
  const det = h00 * h11 - h01 * h01;
  return { coef: [b0, b1], se: [Math.sqrt(h11 / det), Math.sqrt(h00 / det)], deviance: dev, iterations: iter, converged };
}

/** Binomial deviance −2 Σ [y log μ + (1−y) log(1−μ)], with log μ computed stably from η. */
export function deviance(y: ArrayLike<number>, x: ArrayLike<number> | null, offset: ArrayLike<number> | null, b0: number, b1: number): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const eta = b0 + b1 * (x ? x[i]! : 0) + (offset ? offset[i]! : 0);
    // log(1 + e^η) without overflow
    const softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    d += y[i] === 1 ? softplus - eta : softplus;
  }
  return 2 * d;
}
