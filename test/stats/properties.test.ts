// Invariants of the stats functions, checked on random data with fast-check.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  auc, bootstrapCI, calibration, decisionCurve, delongCI, delongTest, delongTestUnpaired, exactUDistribution,
  fisherExact, icc, iccAnova, mannWhitney, pAdjust, roc, thresholdMetrics, youdenThreshold,
} from '../../src/stats/index.ts';
import { SonomicsError } from '../../src/core/errors.ts';
import { Random } from '../../src/core/random.ts';

/**
 * Random labelled scores with both classes present: small integers (many ties) or values on a
 * 1e-4 grid. (Scores that are adjacent doubles, e.g. denormals, make a midpoint threshold round
 * onto a score — pROC has the same limitation — and are not what these invariants are about.)
 */
const labelled = fc
  .array(fc.record({ y: fc.constantFrom(0, 1), s: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -1e5, max: 1e5 }).map((v) => v / 1e4)) }), {
    minLength: 4,
    maxLength: 60,
  })
  .filter((rows) => rows.some((r) => r.y === 1) && rows.some((r) => r.y === 0) )
  .map((rows) => ({ y: rows.map((r) => r.y), s: rows.map((r) => r.s) }));

const close = (a: number, b: number, tol = 1e-12): boolean => Math.abs(a - b) <= tol;

/** Brute-force AUC: P(case > control) + ½ P(tie). */
function bruteAuc(y: number[], s: number[]): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue;
      pairs++;
      sum += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
    }
  }
  return sum / pairs;
}

describe('ROC / AUC', () => {
  it('AUC equals the brute-force pair count; AUC(−s) = 1 − AUC(s); invariant to monotone transforms', () => {
    fc.assert(
      fc.property(labelled, ({ y, s }) => {
        const a = auc(y, s);
        expect(close(a, bruteAuc(y, s))).toBe(true);
        expect(close(auc(y, s.map((v) => -v)), 1 - a)).toBe(true);
        expect(close(auc(y, s.map((v) => Math.atan(v) * 3 + 1)), a)).toBe(true);
        expect(close(auc(y, s, { direction: '>' }), 1 - a)).toBe(true);
        expect(auc(y, s, { direction: 'auto' })).toBeGreaterThanOrEqual(0); // defined for any data
      }),
    );
  });

  it('curve: thresholds ascending with ±Inf ends, se 1→0, sp 0→1, each point = thresholdMetrics', () => {
    fc.assert(
      fc.property(labelled, ({ y, s }) => {
        const r = roc(y, s);
        const k = r.thresholds.length;
        expect(r.thresholds[0]).toBe(-Infinity);
        expect(r.thresholds[k - 1]).toBe(Infinity);
        expect([r.sensitivities[0], r.specificities[0], r.sensitivities[k - 1], r.specificities[k - 1]]).toEqual([1, 0, 0, 1]);
        for (let i = 1; i < k; i++) {
          expect(r.thresholds[i]!).toBeGreaterThan(r.thresholds[i - 1]!);
          expect(r.sensitivities[i]!).toBeLessThanOrEqual(r.sensitivities[i - 1]!);
          expect(r.specificities[i]!).toBeGreaterThanOrEqual(r.specificities[i - 1]!);
        }
        for (let i = 1; i < k - 1; i++) {
          const m = thresholdMetrics(y, s, r.thresholds[i]!);
          expect(m.sensitivity).toBe(r.sensitivities[i]);
          expect(m.specificity).toBe(r.specificities[i]);
        }
      }),
    );
  });

  it('thresholdMetrics counts are consistent', () => {
    fc.assert(
      fc.property(labelled, fc.double({ min: -12, max: 12, noNaN: true }), ({ y, s }, t) => {
        const m = thresholdMetrics(y, s, t);
        const n1 = y.filter((v) => v === 1).length;
        expect(m.tp + m.fn).toBe(n1);
        expect(m.fp + m.tn).toBe(y.length - n1);
        expect(close(m.accuracy, (m.tp + m.tn) / y.length)).toBe(true);
        expect(m.tp + m.fp).toBe(s.filter((v) => v >= t).length);
      }),
    );
  });

  it('Youden: J is the curve maximum, every tie reaches it, the chosen threshold is the lowest tie', () => {
    fc.assert(
      fc.property(labelled, ({ y, s }) => {
        const b = youdenThreshold(y, s);
        const r = roc(y, s);
        const best = Math.max(...r.sensitivities.map((se, i) => se + r.specificities[i]!));
        expect(b.j).toBe(best - 1);
        expect(b.threshold).toBe(b.tied[0]);
        for (const t of b.tied) {
          const i = r.thresholds.indexOf(t);
          expect(r.sensitivities[i]! + r.specificities[i]!).toBe(best);
        }
        expect(close(b.sensitivity + b.specificity - 1, b.j)).toBe(true);
      }),
    );
  });
});

describe('DeLong', () => {
  it('CI contains the AUC, stays in [0, 1], variance ≥ 0; AUC matches roc()', () => {
    fc.assert(
      fc.property(labelled, ({ y, s }) => {
        const ci = delongCI(y, s);
        expect(close(ci.auc, auc(y, s))).toBe(true);
        // With a single case or control the sample variance of its placements is undefined
        // (NaN, as in pROC).
        fc.pre(y.filter((v) => v === 1).length >= 2 && y.filter((v) => v === 0).length >= 2);
        expect(ci.variance).toBeGreaterThanOrEqual(-1e-15);
        expect(ci.lower).toBeLessThanOrEqual(ci.auc);
        expect(ci.upper).toBeGreaterThanOrEqual(ci.auc);
        expect(ci.lower).toBeGreaterThanOrEqual(0);
        expect(ci.upper).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('paired test is antisymmetric and uses the single-curve variances; unpaired likewise', () => {
    fc.assert(
      fc.property(labelled, fc.integer({ min: 1, max: 1000 }), ({ y, s }, seed) => {
        fc.pre(y.filter((v) => v === 1).length >= 2 && y.filter((v) => v === 0).length >= 2);
        const s2 = s.map((v, i) => v + ((i * 7919 + seed) % 13) - 6);
        const ab = delongTest(y, s, s2);
        const ba = delongTest(y, s2, s);
        expect(close(ab.diff, -ba.diff)).toBe(true);
        if (Number.isFinite(ab.z)) expect(close(ab.p, ba.p, 1e-12)).toBe(true);
        expect(close(ab.var1, delongCI(y, s).variance, 1e-15)).toBe(true);
        expect(ab.cov12 * ab.cov12).toBeLessThanOrEqual(ab.var1 * ab.var2 * (1 + 1e-9) + 1e-30); // Cauchy–Schwarz
        const u = delongTestUnpaired(y, s, y, s2);
        expect(close(u.var1, ab.var1, 1e-15)).toBe(true);
        if (Number.isFinite(u.z)) expect(u.p).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('bootstrap', () => {
  it('is reproducible by seed; identity replay gives the AUC; CI brackets the median', () => {
    fc.assert(
      fc.property(labelled, fc.integer({ min: 0, max: 2 ** 31 }), ({ y, s }, seed) => {
        const a = bootstrapCI(y, s, { n: 50, seed });
        const b = bootstrapCI(y, s, { n: 50, seed });
        expect(a.values).toEqual(b.values);
        expect(a.lower).toBeLessThanOrEqual(a.median);
        expect(a.median).toBeLessThanOrEqual(a.upper);
        const id = bootstrapCI(y, s, { indices: [y.map((_, i) => i)] });
        expect(close(id.values[0]!, auc(y, s))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('the counting AUC of a seeded replicate equals the rank AUC of the same draws', () => {
    fc.assert(
      fc.property(labelled, fc.integer({ min: 0, max: 2 ** 31 }), ({ y, s }, seed) => {
        const got = bootstrapCI(y, s, { n: 3, seed }).values;
        // Re-draw as bootstrapCI documents: per replicate n1 case draws, then n0 control draws.
        const cases = s.filter((_, i) => y[i] === 1);
        const controls = s.filter((_, i) => y[i] === 0);
        const rng = new Random(seed);
        for (let r = 0; r < 3; r++) {
          const c = cases.map(() => cases[rng.int(cases.length)]!);
          const k = controls.map(() => controls[rng.int(controls.length)]!);
          const yy = [...c.map(() => 1), ...k.map(() => 0)];
          expect(close(got[r]!, auc(yy, [...c, ...k]))).toBe(true);
        }
        const free = bootstrapCI(y, s, { n: 20, seed, stratified: false });
        for (const v of free.values) expect(Number.isNaN(v) || (v >= 0 && v <= 1)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects out-of-range replay indices with a clear error', () => {
    expect(() => bootstrapCI([0, 1], [0, 1], { indices: [[0, 2]] })).toThrow(SonomicsError);
  });
});

describe('calibration and decision curves', () => {
  it('recalibrating p on its own logistic fit gives slope 1, intercept 0, CITL 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ y: fc.constantFrom(0, 1), lp: fc.integer({ min: -400, max: 400 }).map((v) => v / 100) }), { minLength: 30, maxLength: 120 }),
        (rows) => {
          const y = rows.map((r) => r.y);
          const n1 = y.filter((v) => v === 1).length;
          fc.pre(n1 >= 5 && y.length - n1 >= 5 && new Set(rows.map((r) => r.lp)).size > 3);
          const p = rows.map((r) => 1 / (1 + Math.exp(-r.lp)));
          let c: ReturnType<typeof calibration>;
          try {
            c = calibration(y, p);
          } catch (e) {
            // separation or a degenerate fit: not what this property is about
            fc.pre(!(e instanceof SonomicsError));
            throw e;
          }
          fc.pre(Math.abs(c.slope) > 0.05 && Math.abs(c.slope) < 20);
          const p2 = rows.map((r) => 1 / (1 + Math.exp(-(c.slopeIntercept + c.slope * r.lp))));
          const c2 = calibration(y, p2);
          expect(Math.abs(c2.slope - 1)).toBeLessThan(1e-6);
          expect(Math.abs(c2.slopeIntercept)).toBeLessThan(1e-6);
          expect(Math.abs(c2.citl)).toBeLessThan(1e-6);
          expect(c2.brier).toBeLessThanOrEqual(c.brier + 1e-12 + 0.25); // finite and sane
          const groups = c.hosmerLemeshow.groups.reduce((s, g) => s + g.n, 0);
          expect(groups).toBe(y.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('net benefit: equals treat-all below the smallest p, 0 above the largest', () => {
    fc.assert(
      fc.property(labelled, ({ y, s }) => {
        const p = s.map((v) => 0.05 + 0.9 / (1 + Math.exp(-v)));
        const [lo, hi] = decisionCurve(y, p, [0.01, 0.96]);
        expect(close(lo!.netBenefit, lo!.treatAll)).toBe(true);
        expect(hi!.netBenefit).toBe(0);
        expect(hi!.treatNone).toBe(0);
      }),
    );
  });
});

describe('hypothesis tests', () => {
  it('Mann–Whitney U / (n1 n0) is the AUC; exact null distribution sums to 1 and is symmetric', () => {
    fc.assert(
      fc.property(labelled, ({ y, s }) => {
        const x1 = s.filter((_, i) => y[i] === 1);
        const x0 = s.filter((_, i) => y[i] === 0);
        const m = mannWhitney(x1, x0);
        expect(close(m.auc, auc(y, s))).toBe(true);
        expect(m.p).toBeGreaterThanOrEqual(0);
        expect(m.p).toBeLessThanOrEqual(1);
      }),
    );
    for (const [a, b] of [[3, 5], [7, 7], [12, 20]] as const) {
      const d = exactUDistribution(a, b);
      expect(Math.abs(d.reduce((x, v) => x + v, 0) - 1)).toBeLessThan(1e-13);
      for (let u = 0; u < d.length; u++) expect(Math.abs(d[u]! - d[d.length - 1 - u]!)).toBeLessThan(1e-16);
    }
  });

  it('BH: ≥ p, ≤ Bonferroni, order-preserving; Bonferroni = min(1, n p)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }), (p) => {
        const bh = pAdjust(p, 'BH');
        const bo = pAdjust(p, 'bonferroni');
        p.forEach((v, i) => {
          expect(bh[i]!).toBeGreaterThanOrEqual(v);
          expect(bh[i]!).toBeLessThanOrEqual(bo[i]! + 1e-15);
          expect(bo[i]).toBe(Math.min(1, p.length * v));
          p.forEach((w, j) => {
            if (v < w) expect(bh[i]!).toBeLessThanOrEqual(bh[j]!);
          });
        });
      }),
    );
  });

  it('Fisher 2 × 2: p in (0, 1], OR estimate ordered like the sample OR', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(15), fc.nat(15), fc.nat(15), fc.nat(15)), ([a, b, c, d]) => {
        fc.pre(a + b > 0 && c + d > 0 && a + c > 0 && b + d > 0);
        const f = fisherExact([[a, b], [c, d]]);
        expect(f.p).toBeGreaterThan(0);
        expect(f.p).toBeLessThanOrEqual(1);
        if (b * c > 0 && a * d > b * c) expect(f.oddsRatio!).toBeGreaterThan(1);
        if (a * d > 0 && a * d < b * c) expect(f.oddsRatio!).toBeLessThan(1);
        expect(f.ci![0]).toBeLessThanOrEqual(f.oddsRatio!);
        expect(f.ci![1]).toBeGreaterThanOrEqual(f.oddsRatio!);
      }),
    );
  });
});

describe('ICC', () => {
  it('ICC(3) ignores a rater bias; all forms ignore a common shift and scale', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 })).map(([t, a, b]) => [t / 100, a / 100, b / 100] as const), { minLength: 5, maxLength: 30 }),
        fc.integer({ min: -500, max: 500 }).map((v) => v / 100),
        (rows, bias) => {
          const m = rows.map(([t, e1, e2]) => [t + e1, t + e2]);
          fc.pre(iccAnova(m).mse > 1e-6 && iccAnova(m).msr > 1e-6);
          const base = icc(m);
          const biased = icc(m.map(([a, b]) => [a!, b! + bias]));
          expect(Math.abs(biased[2]!.icc - base[2]!.icc)).toBeLessThan(1e-9);
          const scaled = icc(m.map((r) => r.map((v) => 3 * v + 7)));
          scaled.forEach((r, i) => expect(Math.abs(r.icc - base[i]!.icc)).toBeLessThan(1e-9));
        },
      ),
      { numRuns: 60 },
    );
  });
});
