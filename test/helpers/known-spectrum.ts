/**
 * Symmetric test matrices of known spectrum, Q diag(λ) Qᵀ with Q from Gram–Schmidt on random
 * vectors; with `repeated`, every fourth eigenvalue is 0.25 (repeated eigenvalues). Used by the
 * eigenvalue tests of src/features/linalg.ts.
 */
import type { Random } from '../../src/core/random.ts';

export function knownSpectrum(rng: Random, n: number, repeated: boolean): { m: Float64Array; lam: number[] } {
  const lam = Array.from({ length: n }, (_, i) => (repeated && i % 4 === 0 ? 0.25 : rng.next() * 2 - 0.5));
  const q: number[][] = [];
  for (let i = 0; i < n; i++) {
    let v = Array.from({ length: n }, () => rng.next() - 0.5);
    for (const u of q) { const dot = u.reduce((a, x, k) => a + x * v[k]!, 0); v = v.map((x, k) => x - dot * u[k]!); }
    const norm = Math.hypot(...v);
    q.push(v.map((x) => x / norm));
  }
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { let s = 0; for (let k = 0; k < n; k++) s += q[k]![i]! * lam[k]! * q[k]![j]!; m[i * n + j] = s; }
  return { m, lam };
}

