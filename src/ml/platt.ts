/**
 * Platt scaling, deterministic: a line-for-line port of LIBSVM's `sigmoid_train`
 * (Lin, Lin & Weng 2007, "A note on Platt's probabilistic outputs for support vector machines").
 * Targets are the regularised (N₊+1)/(N₊+2) and 1/(N₋+2); Newton's method on (A, B) with
 * H + σI (σ = 1e-12), Armijo backtracking (min step 1e-10), stop when |g₁|,|g₂| < 1e-5.
 * The decision values must be oriented so that positive ⇒ class 1 (our `svmDecision` is) and
 * should be cross-validated, not in-sample, to avoid over-confident probabilities.
 */
import { SonomicsError } from '../core/errors.ts';

export interface PlattModel {
  A: number;
  B: number;
  /** Newton iterations taken (LIBSVM does not report it; the R port in the oracles does). */
  iterations: number;
}

export function plattScale(decisionValues: ArrayLike<number>, y: ArrayLike<number>): PlattModel {
  const l = decisionValues.length;
  if (y.length !== l) throw new SonomicsError('BAD_INPUT', `plattScale: ${l} decision values but ${y.length} labels.`);
  let prior1 = 0, prior0 = 0;
  for (let i = 0; i < l; i++) {
    if (!Number.isFinite(decisionValues[i]!)) throw new SonomicsError('BAD_INPUT', `plattScale: decision value ${i} is not finite.`);
    if (y[i]! > 0) prior1 += 1; else prior0 += 1;
  }
  const maxIter = 100, minStep = 1e-10, sigma = 1e-12, eps = 1e-5;
  const hiTarget = (prior1 + 1) / (prior1 + 2);
  const loTarget = 1 / (prior0 + 2);
  const t = new Float64Array(l);
  let A = 0, B = Math.log((prior0 + 1) / (prior1 + 1));
  let fval = 0;
  for (let i = 0; i < l; i++) {
    t[i] = y[i]! > 0 ? hiTarget : loTarget;
    const fApB = decisionValues[i]! * A + B;
    fval += fApB >= 0 ? t[i]! * fApB + Math.log(1 + Math.exp(-fApB)) : (t[i]! - 1) * fApB + Math.log(1 + Math.exp(fApB));
  }
  let iter = 0;
  for (; iter < maxIter; iter++) {
    let h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
    for (let i = 0; i < l; i++) {
      const f = decisionValues[i]!;
      const fApB = f * A + B;
      let p: number, q: number;
      if (fApB >= 0) {
        p = Math.exp(-fApB) / (1 + Math.exp(-fApB));
        q = 1 / (1 + Math.exp(-fApB));
      } else {
        p = 1 / (1 + Math.exp(fApB));
        q = Math.exp(fApB) / (1 + Math.exp(fApB));
      }
      const d2 = p * q;
      h11 += f * f * d2;
      h22 += d2;
      h21 += f * d2;
      const d1 = t[i]! - p;
      g1 += f * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < eps && Math.abs(g2) < eps) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let stepsize = 1;
    while (stepsize >= minStep) {
      const newA = A + stepsize * dA;
      const newB = B + stepsize * dB;
      let newf = 0;
      for (let i = 0; i < l; i++) {
        const fApB = decisionValues[i]! * newA + newB;
        newf += fApB >= 0 ? t[i]! * fApB + Math.log(1 + Math.exp(-fApB)) : (t[i]! - 1) * fApB + Math.log(1 + Math.exp(fApB));
      }
      if (newf < fval + 0.0001 * stepsize * gd) {
        A = newA; B = newB; fval = newf;
        break;
      }
      stepsize /= 2;
    }
    if (stepsize < minStep) break; // line search failed: LIBSVM keeps the current (A, B)
  }
  return { A, B, iterations: iter };
}

/** P(y = 1 | f) = 1 / (1 + exp(A f + B)), evaluated without overflow (LIBSVM sigmoid_predict). */
export function plattProbability(platt: { A: number; B: number }, f: number): number {
  const fApB = f * platt.A + platt.B;
  return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
}
