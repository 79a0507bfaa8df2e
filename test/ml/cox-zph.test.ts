// The proportional-hazards test (scaled Schoenfeld residuals, cox.zph's score form) on data where
// the truth is known: proportional hazards hold (p-values spread over (0, 1)), or a covariate's
// effect reverses over follow-up (the test finds it).
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { coxPH, coxZph } from '../../src/ml/index.ts';

function cohort(seed: number, n: number, timeVarying: boolean) {
  const r = new Random(seed);
  const X: number[][] = [], time: number[] = [], status: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = [r.normal(), r.next() < 0.5 ? 1 : 0];
    let te: number;
    if (!timeVarying) te = -Math.log(1 - r.next()) / (0.05 * Math.exp(0.7 * x[0]! + 0.5 * x[1]!));
    else {
      // x2 triples the hazard before t = 5 and divides it by 3 after: piecewise exponential.
      const h1 = 0.05 * Math.exp(0.7 * x[0]! + (x[1] ? Math.log(3) : 0)), h2 = 0.05 * Math.exp(0.7 * x[0]! - (x[1] ? Math.log(3) : 0));
      const u = -Math.log(1 - r.next());
      te = u < 5 * h1 ? u / h1 : 5 + (u - 5 * h1) / h2;
    }
    const tc = -Math.log(1 - r.next()) / 0.03;
    X.push(x); time.push(Math.min(te, tc)); status.push(te <= tc ? 1 : 0);
  }
  return { X, d: { time, status } };
}

describe('coxZph', () => {
  it('under proportional hazards the global p-values of 40 seeded cohorts are not concentrated near 0', () => {
    const ps: number[] = [];
    for (let s = 0; s < 40; s++) {
      const { X, d } = cohort(100 + s, 200, false);
      const m = coxPH(X, d, { names: ['x1', 'x2'] });
      ps.push(coxZph(m, X, d).global.p);
    }
    // Under H0 about 5 % fall below 0.05: allow up to 6 of 40 (P(Bin(40, 0.05) ≥ 7) ≈ 0.005).
    expect(ps.filter((p) => p < 0.05).length).toBeLessThanOrEqual(6);
    expect(ps.filter((p) => p > 0.5).length).toBeGreaterThanOrEqual(10);
  });

  it('finds a covariate whose hazard ratio reverses over follow-up, and only that one', () => {
    const { X, d } = cohort(7, 400, true);
    const m = coxPH(X, d, { names: ['x1', 'x2'] });
    const z = coxZph(m, X, d);
    expect(z.terms[1]!.p).toBeLessThan(1e-6);
    expect(z.terms[0]!.p).toBeGreaterThan(0.01);
    expect(z.global.p).toBeLessThan(1e-5);
    for (const tr of ['identity', 'log', 'rank'] as const) expect(coxZph(m, X, d, { transform: tr }).terms[1]!.p).toBeLessThan(1e-4);
  });
});
