// Firth's penalised logistic regression: with one binary predictor its estimates are known in
// closed form — the log odds with ½ added to every cell of the 2 × 2 table (Haldane's correction;
// Firth 1993, Heinze & Schemper 2002) — including tables with an empty cell (separation) and a
// lone exposed case (hat value near 1: the plain iteration oscillates without step-halving).
import { describe, expect, it } from 'vitest';
import { logisticRegression } from '../../src/ml/logistic.ts';

function table(a: number, b: number, c: number, d: number): { X: number[][]; y: number[] } {
  const X: number[][] = [], y: number[] = [];
  const put = (x: number, yy: number, m: number) => { for (let i = 0; i < m; i++) { X.push([x]); y.push(yy); } };
  put(1, 1, a); put(1, 0, b); put(0, 1, c); put(0, 0, d);
  return { X, y };
}

describe('logisticRegression, firth: true', () => {
  for (const [a, b, c, d] of [[10, 0, 3, 12], [5, 7, 9, 2], [0, 8, 6, 6], [20, 1, 1, 20], [1, 0, 9, 14]] as const) {
    it(`2×2 table ${a}/${b}/${c}/${d}: intercept and slope are the Haldane-corrected log odds`, () => {
      const { X, y } = table(a, b, c, d);
      const m = logisticRegression(X, y, { firth: true });
      expect(m.converged).toBe(true);
      expect(m.coef[0]).toBeCloseTo(Math.log((c + 0.5) / (d + 0.5)), 9);
      expect(m.coef[1]).toBeCloseTo(Math.log(((a + 0.5) * (d + 0.5)) / ((b + 0.5) * (c + 0.5))), 9);
      expect(Number.isFinite(m.se[1]!)).toBe(true);
    });
  }

  it('separated data: maximum likelihood fails, Firth gives finite estimates of the right sign', () => {
    const X = [[-2, 1], [-1, 0], [-0.5, 1], [0.5, 0], [1, 1], [2, 0], [-1.5, 0], [1.5, 1]];
    const y = [0, 0, 0, 1, 1, 1, 0, 1];
    expect(() => logisticRegression(X, y)).toThrow(/separation/);
    const m = logisticRegression(X, y, { firth: true });
    expect(m.converged).toBe(true);
    expect(m.coef[1]).toBeGreaterThan(0);
    expect(m.coef.every(Number.isFinite)).toBe(true);
  });
});
