// Anderson extrapolation (src/ml/anderson.ts): on a linear fixed-point iteration x ← Ax + b in m
// dimensions, K ≥ m differences span the error space, so the extrapolation is the fixed point
// itself (to rounding) however slowly the iteration converges; stalled iterates give null.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { andersonWeights } from '../../src/ml/anderson.ts';

describe('andersonWeights', () => {
  it('extrapolates a slowly converging linear iteration to its fixed point', () => {
    const r = new Random(5);
    const m = 4, K = 5;
    // A = 0.97·(a random rotation-like contraction): plain iteration would need ~1000 steps for 1e-12.
    const A = Array.from({ length: m }, () => Array.from({ length: m }, () => r.normal() * 0.3));
    let norm = 0;
    for (const row of A) norm = Math.max(norm, row.reduce((s, v) => s + Math.abs(v), 0));
    for (const row of A) for (let c = 0; c < m; c++) row[c] = (0.97 * row[c]!) / norm;
    const b = Array.from({ length: m }, () => r.normal());
    // Fixed point by solving (I − A)x = b with plenty of iterations.
    let x = new Array<number>(m).fill(0);
    for (let it = 0; it < 20000; it++) x = A.map((row, i) => row.reduce((s, v, c) => s + v * x[c]!, 0) + b[i]!);
    const star = x;
    const iterates = new Float64Array((K + 1) * m);
    let y = new Array<number>(m).fill(0);
    for (let k = 0; k <= K; k++) {
      iterates.set(y, k * m);
      y = A.map((row, i) => row.reduce((s, v, c) => s + v * y[c]!, 0) + b[i]!);
    }
    const c = andersonWeights(iterates, m, K)!;
    expect(c).not.toBeNull();
    expect(Math.abs(c.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
    const extra = new Array<number>(m).fill(0);
    for (let k = 0; k < K; k++) for (let q = 0; q < m; q++) extra[q] += c[k]! * iterates[(k + 1) * m + q]!;
    const err = Math.max(...extra.map((v, q) => Math.abs(v - star[q]!)));
    const plain = Math.max(...Array.from(iterates.subarray(K * m)).map((v, q) => Math.abs(v - star[q]!)));
    // The ridge of 1e-10·trace leaves a small bias; still orders of magnitude better than plain.
    expect(err).toBeLessThan(1e-4 * plain);
  });

  it('returns null when the iterates have stopped moving', () => {
    expect(andersonWeights(new Float64Array(6 * 3).fill(2), 3, 5)).toBeNull();
  });
});
