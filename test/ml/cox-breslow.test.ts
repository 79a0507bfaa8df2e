// The O(n) Breslow derivatives of the LASSO-Cox solver (src/ml/cox-breslow.ts) against the direct
// risk-set sums of coxLikelihood (ties = "breslow"): log-likelihood, gradient (XᵀD·residual·n =
// the score) and the exact Hessian (XᵀHX·n = the observed information), on seeded data with tied
// times, censoring at event times and a large linear predictor (range safety).
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { BreslowDerivatives, breslowLoglik, breslowSets } from '../../src/ml/cox-breslow.ts';
import { coxLikelihood, timeGroups } from '../../src/ml/cox-risk-sets.ts';

function data(seed: number, n: number, p: number, scale: number) {
  const r = new Random(seed);
  const x = new Float64Array(n * p);            // column-major, by subject
  for (let k = 0; k < n * p; k++) x[k] = r.normal();
  // Times on a coarse grid, so many are tied (events with events, events with censorings).
  const time = Array.from({ length: n }, () => 1 + Math.floor(r.next() * 12));
  const status = time.map(() => (r.next() < 0.6 ? 1 : 0));
  const beta = Array.from({ length: p }, () => scale * r.normal());
  return { x, time, status, beta };
}

describe('Breslow derivatives in O(n) (cox-breslow.ts)', () => {
  for (const [seed, scale] of [[1, 0.3], [2, 1], [3, 40]] as const) {
    it(`seed ${seed}, |β| scale ${scale}: loglik, score and information equal coxLikelihood's`, () => {
      const n = 57, p = 4;
      const { x, time, status, beta } = data(seed, n, p, scale);
      const ref = coxLikelihood(x, n, p, status, timeGroups(time), beta, 'breslow');
      const s = breslowSets({ time, status });
      // Everything in cox-breslow is by sorted position.
      const xs = new Float64Array(n * p);
      for (let j = 0; j < p; j++) for (let a = 0; a < n; a++) xs[j * n + a] = x[j * n + s.order[a]!]!;
      const f = new Float64Array(n);
      for (let j = 0; j < p; j++) for (let a = 0; a < n; a++) f[a] += beta[j]! * xs[j * n + a]!;
      const D = new BreslowDerivatives(s);
      D.at(f);
      const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
      expect(rel(D.loglik, ref.loglik)).toBeLessThan(1e-12);
      expect(rel(breslowLoglik(s, f), ref.loglik)).toBeLessThan(1e-12);
      const hx = new Float64Array(n);
      for (let j = 0; j < p; j++) {
        let g = 0;
        for (let a = 0; a < n; a++) g += xs[j * n + a]! * D.residual[a]!;
        expect(rel(g * n, ref.score[j]!)).toBeLessThan(1e-10);
        D.hessianTimes(xs, j * n, hx, 0);
        for (let c = 0; c < p; c++) {
          let h = 0;
          for (let a = 0; a < n; a++) h += xs[c * n + a]! * hx[a]!;
          expect(rel(h * n, ref.information[c]![j]!)).toBeLessThan(1e-9);
        }
      }
    });
  }

  it('a constant shift of η changes nothing but the log-likelihood by Σδ·shift − Σd·shift = 0', () => {
    const n = 40;
    const { time, status } = data(7, n, 1, 1);
    const s = breslowSets({ time, status });
    const f = Float64Array.from({ length: n }, (_, a) => Math.sin(a));
    const A = new BreslowDerivatives(s), B = new BreslowDerivatives(s);
    A.at(f);
    B.at(f.map((v) => v + 500));          // e^500 overflows without the max subtraction
    expect(Math.abs(A.loglik - B.loglik)).toBeLessThan(1e-9);
    const ha = new Float64Array(n), hb = new Float64Array(n);
    A.hessianTimes(f, 0, ha, 0); B.hessianTimes(f, 0, hb, 0);
    for (let a = 0; a < n; a++) {
      expect(Math.abs(A.residual[a]! - B.residual[a]!)).toBeLessThan(1e-14);
      expect(Math.abs(ha[a]! - hb[a]!)).toBeLessThan(1e-13);
    }
  });
});
