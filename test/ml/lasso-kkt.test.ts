// Property: every solution on the LASSO / elastic-net path satisfies the KKT conditions of the
// glmnet objective on the standardised scale (g_j = x̃_jᵀ(y − μ)/n):
//   β_j ≠ 0 ⇒ g_j = λα·sign(β_j) + λ(1−α)β̃_j ;   β_j = 0 ⇒ |g_j| ≤ λα ;   Σ(y − μ) = 0.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Random } from '../../src/core/random.ts';
import { lassoPath } from '../../src/ml/index.ts';

function dataset(seed: number, n: number, p: number, binomial: boolean): { X: number[][]; y: number[] } {
  const r = new Random(seed);
  const X = Array.from({ length: n }, () => Array.from({ length: p }, (_, j) => (j + 1) * r.normal() + j));
  // Correlate neighbours a little, as radiomics features are.
  for (const row of X) for (let j = 1; j < p; j++) row[j] = row[j]! + 0.5 * row[j - 1]!;
  const y = X.map((row) => {
    const eta = 0.8 * row[0]! - 0.3 * row[1]! / 2 + r.normal();
    return binomial ? (eta > 0.5 ? 1 : 0) : eta;
  });
  if (binomial) { y[0] = 1; y[1] = 0; y[2] = 1 - y[2]!; } // both classes, and no perfect separation
  return { X, y };
}

function kktViolation(X: number[][], y: number[], binomial: boolean, a0: number, beta: number[], lambda: number, alpha: number): number {
  const n = X.length, p = X[0]!.length;
  const resid = X.map((row, i) => {
    const eta = a0 + row.reduce((s, v, j) => s + v * beta[j]!, 0);
    return y[i]! - (binomial ? 1 / (1 + Math.exp(-eta)) : eta);
  });
  let worst = Math.abs(resid.reduce((a, b) => a + b, 0)) / n / lambda; // intercept stationarity
  for (let j = 0; j < p; j++) {
    const m = X.reduce((s, r) => s + r[j]!, 0) / n;
    const sd = Math.sqrt(X.reduce((s, r) => s + (r[j]! - m) ** 2, 0) / n);
    const g = X.reduce((s, r, i) => s + ((r[j]! - m) / sd) * resid[i]!, 0) / n;
    const bs = beta[j]! * sd;
    const v = bs === 0 ? Math.max(0, Math.abs(g) - lambda * alpha) : Math.abs(g - lambda * alpha * Math.sign(bs) - lambda * (1 - alpha) * bs);
    worst = Math.max(worst, v / lambda);
  }
  return worst;
}

describe('LASSO path satisfies KKT', () => {
  it('for random binomial and gaussian data, alpha and λ index', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 25, max: 60 }), fc.integer({ min: 2, max: 8 }),
        fc.boolean(), fc.constantFrom(1, 0.5), fc.integer({ min: 0, max: 99 }),
        (seed, n, p, binomial, alpha, kRaw) => {
          const { X, y } = dataset(seed, n, p, binomial);
          const fit = lassoPath(X, y, { family: binomial ? 'binomial' : 'gaussian', alpha, nlambda: 30 });
          const k = kRaw % fit.lambda.length;
          const beta = fit.beta.map((b) => b[k]!);
          expect(kktViolation(X, y, binomial, fit.a0[k]!, beta, fit.lambda[k]!, alpha)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 40, seed: 20261126 },
    );
  });

  it('all coefficients are zero at λ_max and the first λ is exactly λ_max', () => {
    const { X, y } = dataset(7, 40, 5, true);
    const fit = lassoPath(X, y);
    expect(fit.beta.every((b) => b[0] === 0)).toBe(true);
    expect(fit.df[0]).toBe(0);
    expect(fit.beta.some((b) => b[1] !== 0)).toBe(true);
  });

  it('stays finite on perfectly separable data (the path stops at dev.ratio > 0.999 as glmnet does)', () => {
    const r = new Random(5);
    const X = Array.from({ length: 30 }, (_, i) => [i < 15 ? -1 - r.next() : 1 + r.next(), r.normal(), r.normal()]);
    const y = X.map((row) => (row[0]! > 0 ? 1 : 0));
    const fit = lassoPath(X, y);
    expect(fit.a0.every(Number.isFinite)).toBe(true);
    expect(fit.beta.every((b) => b.every(Number.isFinite))).toBe(true);
    expect(fit.lambda.length).toBeLessThan(100);
    expect(fit.devRatio[fit.devRatio.length - 1]).toBeGreaterThan(0.99);
  });
});
