// symmetricEigenvalues (Householder + implicit QL; behind GLCM MCC): on random symmetric matrices
// built as Q·diag(λ)·Qᵀ with known λ, every eigenvalue is recovered to round-off.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { hypot2, symmetricEigenvalues } from '../../src/features/linalg.ts';
import { knownSpectrum } from '../helpers/known-spectrum.ts';

describe('symmetricEigenvalues', () => {
  it('recovers the spectrum of Q diag(λ) Qᵀ for n = 1..40 (to 1e-13)', () => {
    const rng = new Random(3);
    for (let t = 0; t < 120; t++) {
      const n = 1 + (t % 40);
      const { m, lam } = knownSpectrum(rng, n, t % 3 === 0); // repeated eigenvalues too
      const got = symmetricEigenvalues(m, n).sort((a, b) => a - b), want = [...lam].sort((a, b) => a - b);
      for (let i = 0; i < n; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThan(1e-13);
    }
  });
  it('a diagonal matrix gives its diagonal', () => {
    expect(symmetricEigenvalues(Float64Array.from([3, 0, 0, 0, -1, 0, 0, 0, 2]), 3).sort((a, b) => a - b)).toEqual([-1, 2, 3]);
  });
});

describe('hypot2 (the QL iteration\'s √(a² + b²))', () => {
  it('equals Math.hypot bit for bit, on special values and on random magnitudes from 1e-300 to 1e300', () => {
    const special = [0, -0, 1, -1, 3, 4, Infinity, -Infinity, NaN, 5e-324, 1e-300, Number.MAX_VALUE];
    for (const a of special) for (const b of special) expect(Object.is(hypot2(a, b), Math.hypot(a, b))).toBe(true);
    const rng = new Random(11);
    for (let i = 0; i < 20000; i++) {
      const a = (rng.next() - 0.5) * 10 ** (rng.int(600) - 300), b = (rng.next() - 0.5) * 10 ** (rng.int(40) - 20);
      expect(hypot2(a, b)).toBe(Math.hypot(a, b));
      expect(hypot2(b, a)).toBe(Math.hypot(b, a));
    }
  });
});
