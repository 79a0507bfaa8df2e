// Properties of Platt scaling, stratified folds, the SVM orientation and the ComBat/grid-search
// contracts (no oracle data needed).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Random } from '../../src/core/random.ts';
import { SonomicsError } from '../../src/core/errors.ts';
import {
  applyScaler, combatApply, combatFit, fitScaler, gridSearchSVM, plattProbability, plattScale,
  repeatedStratifiedKFold, stratifiedKFold, svmDecision, trainSVM,
} from '../../src/ml/index.ts';

describe('Platt scaling', () => {
  it('probabilities are monotone in the decision value, in (0, 1), increasing when f separates the classes upward', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.integer({ min: 0, max: 1 })), { minLength: 4, maxLength: 60 }), (pairs) => {
        const f = pairs.map((t) => t[0]), y = pairs.map((t) => t[1]);
        const pl = plattScale(f, y);
        const grid = Array.from({ length: 41 }, (_, i) => -10 + i / 2);
        const pr = grid.map((v) => plattProbability(pl, v));
        for (const v of pr) { expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(1); }
        const dir = Math.sign(-pl.A);
        for (let i = 1; i < pr.length; i++) expect(dir * (pr[i]! - pr[i - 1]!)).toBeGreaterThanOrEqual(-1e-15);
      }),
      { numRuns: 100, seed: 1 },
    );
    const pl = plattScale([-2, -1, -0.5, 0.5, 1, 2], [0, 0, 0, 1, 1, 1]);
    expect(pl.A).toBeLessThan(0);
    expect(plattProbability(pl, 2)).toBeGreaterThan(plattProbability(pl, -2));
  });
});

describe('stratified k-fold', () => {
  const labels = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 12, maxLength: 120 }).filter((y) => y.filter((v) => v === 1).length >= 5 && y.filter((v) => v === 0).length >= 5);
  it('partitions the data into k non-empty folds, each class spread within ±1 per fold (plain, shuffled, repeated)', () => {
    fc.assert(
      fc.property(labels, fc.integer({ min: 2, max: 5 }), fc.integer(), (y, k, seed) => {
        const variants = [stratifiedKFold(y, k), stratifiedKFold(y, k, { shuffle: true, seed }), ...repeatedStratifiedKFold(y, k, 2, seed)];
        for (const folds of variants) {
          expect(folds.length).toBe(y.length);
          expect(new Set(folds)).toEqual(new Set(Array.from({ length: k }, (_, f) => f)));
          for (const c of [0, 1]) {
            const counts = Array.from({ length: k }, (_, f) => folds.filter((v, i) => v === f && y[i] === c).length);
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          }
        }
        expect(stratifiedKFold(y, k, { shuffle: true, seed })).toEqual(stratifiedKFold(y, k, { shuffle: true, seed }));
      }),
      { numRuns: 100, seed: 2 },
    );
  });
  it('rejects k larger than every class', () => {
    expect(() => stratifiedKFold([0, 1, 0, 1], 3)).toThrow(SonomicsError);
  });
});

function blobs(seed: number, n: number, p: number): { X: number[][]; y: number[] } {
  const r = new Random(seed);
  const y = Array.from({ length: n }, (_, i) => (i % 3 === 1 ? 1 : 0));
  const X = y.map((c) => Array.from({ length: p }, (_, j) => r.normal() + (j < 2 ? 1.2 * c : 0)));
  return { X, y };
}

describe('SVM', () => {
  it('decision values are oriented to class 1 whatever the class of the first row', () => {
    const { X, y } = blobs(3, 60, 4);
    const a = trainSVM(X, y, { kernel: 'rbf', C: 1, gamma: 0.25, tolerance: 1e-10 });
    // Put a class-1 row first: LIBSVM's label order flips, our orientation must not.
    const first1 = y.indexOf(1);
    const order = [first1, ...y.map((_, i) => i).filter((i) => i !== first1)];
    const b = trainSVM(order.map((i) => X[i]!), order.map((i) => y[i]!), { kernel: 'rbf', C: 1, gamma: 0.25, tolerance: 1e-10 });
    expect(a.firstLabel).toBe(0);
    expect(b.firstLabel).toBe(1);
    const da = svmDecision(a, X), db = svmDecision(b, X);
    da.forEach((v, i) => expect(v).toBeCloseTo(db[i]!, 6));
    // Positive ⇒ class 1 on average.
    const m1 = da.filter((_, i) => y[i] === 1).reduce((s, v) => s + v, 0);
    expect(m1).toBeGreaterThan(0);
  });

  it('class weights move the boundary toward the down-weighted class; model is plain JSON', () => {
    const { X, y } = blobs(4, 60, 3);
    const plain = trainSVM(X, y, { kernel: 'linear', C: 1 });
    const heavy = trainSVM(X, y, { kernel: 'linear', C: 1, classWeights: { 1: 5 } });
    const pos = (m: typeof plain) => svmDecision(m, X).filter((v) => v > 0).length;
    expect(pos(heavy)).toBeGreaterThanOrEqual(pos(plain));
    const copy = JSON.parse(JSON.stringify(heavy));
    expect(svmDecision(copy, X)).toEqual(svmDecision(heavy, X));
  });

  it('grid search returns the best grid point of its table, deterministically', () => {
    const { X, y } = blobs(5, 45, 3);
    const opts = { kernel: 'rbf' as const, Cs: [0.1, 1, 10], gammas: [0.1, 1], folds: 3, seed: 9 };
    const g = gridSearchSVM(X, y, opts);
    expect(g.table.length).toBe(6);
    // Since issue #21 the best is taken among the grid points that are not degenerate (held-out
    // decision values all on one side of zero, or constant), unless every point is.
    const eligible = g.table.filter((r) => g.degenerate || !r.degenerate);
    expect(eligible.length).toBeGreaterThan(0);
    expect(g.score).toBe(Math.max(...eligible.map((r) => r.auc)));
    expect(gridSearchSVM(X, y, opts)).toEqual(g);
  });
});

describe('scaler and ComBat contracts', () => {
  it('population vs sample SD', () => {
    const s = fitScaler([[1], [2], [3], [4]]);
    expect(s.sd[0]).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(fitScaler([[1], [2], [3], [4]], { sd: 'sample' }).sd[0]).toBeCloseTo(Math.sqrt(5 / 3), 15);
    expect(applyScaler(s, [[2.5]])[0]![0]).toBeCloseTo(0, 15);
  });
  it('ComBat removes a batch shift and refuses an unseen batch', () => {
    const r = new Random(11);
    const X = Array.from({ length: 40 }, (_, i) => [r.normal() + (i < 20 ? 0 : 3), 2 * r.normal() + (i < 20 ? 1 : -1)]);
    const batch = X.map((_, i) => (i < 20 ? 'A' : 'B'));
    const m = combatFit(X, batch);
    const adj = combatApply(m, X, batch);
    const mean = (b: string, g: number) => adj.filter((_, i) => batch[i] === b).reduce((s, row) => s + row[g]!, 0) / 20;
    expect(Math.abs(mean('A', 0) - mean('B', 0))).toBeLessThan(0.2);
    expect(() => combatApply(m, [[0, 0]], ['C'])).toThrow(/batch 'C'/);
  });
});
