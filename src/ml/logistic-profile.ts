/**
 * Profile-likelihood confidence intervals for logistic-regression coefficients (Venables &
 * Ripley, MASS `confint.glm`): for coefficient j the bound is the value b where the signed root
 * deviance  z(b) = sign(b − β̂_j) · √(D(b) − D̂)  equals ∓ z₀.₉₇₅, D(b) being the deviance refitted
 * with β_j fixed at b (x_j·b as an offset). MASS evaluates z on a grid and interpolates with a
 * spline; we solve z(b) = ±z₀.₉₇₅ to convergence by bracketing and the Illinois (regula falsi)
 * method, so differences from MASS are its interpolation error (README tolerance rel 1e-3).
 */
import { irls } from './irls.ts';

export function profileBounds(D: Float64Array, n: number, k: number, y: Float64Array, beta: number[], se: number[], deviance: number, zq: number):
  { lower: number[]; upper: number[] } {
  const lower: number[] = [], upper: number[] = [];
  const Dm = new Float64Array(n * (k - 1));
  const offset = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    // Design without column j.
    for (let c = 0, t = 0; c < k; c++) {
      if (c === j) continue;
      Dm.set(D.subarray(c * n, (c + 1) * n), t * n);
      t++;
    }
    const z = (b: number): number => {
      for (let i = 0; i < n; i++) offset[i] = b * D[j * n + i]!;
      const dev = k > 1 ? irls(Dm, n, k - 1, y, offset, 1e-12, 100).deviance : devianceOffsetOnly(y, offset);
      return Math.sign(b - beta[j]!) * Math.sqrt(Math.max(dev - deviance, 0));
    };
    lower.push(solveSigned(z, beta[j]!, -se[j]!, -zq));
    upper.push(solveSigned(z, beta[j]!, se[j]!, zq));
  }
  return { lower, upper };
}

/** Finds b on the side of b0 given by step's sign with z(b) = target, starting at b0 + step·|target|. */
function solveSigned(z: (b: number) => number, b0: number, step: number, target: number): number {
  let a = b0, fa = -target; // z(b0) = 0
  let b = b0 + step * Math.abs(target);
  let fb = z(b) - target;
  let guard = 0;
  while (Math.sign(fb) === Math.sign(fa) && guard++ < 60) { // expand until bracketed
    a = b; fa = fb;
    b = b0 + (b - b0) * 2;
    fb = z(b) - target;
  }
  let side = 0;
  for (let it = 0; it < 200; it++) {
    const c = (a * fb - b * fa) / (fb - fa);
    const fc = z(c) - target;
    if (Math.abs(fc) < 1e-12 || Math.abs(b - a) < 1e-14 * Math.max(1, Math.abs(c))) return c;
    if (Math.sign(fc) === Math.sign(fb)) {
      b = c; fb = fc;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = c; fa = fc;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  return (a + b) / 2;
}

function devianceOffsetOnly(y: Float64Array, offset: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const mu = 1 / (1 + Math.exp(-offset[i]!));
    d -= 2 * (y[i] === 1 ? Math.log(mu) : Math.log(1 - mu));
  }
  return d;
}
