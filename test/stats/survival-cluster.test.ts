/**
 * Cluster-robust CIs for the C-index, AUC(t) and the Brier score (patients with several cases, data.group): the
 * per-subject influence values are summed per patient before squaring (R's
 * concordance(cluster = ) for C; the same sandwich for the AUC(t) influence function).
 * Properties: one case per cluster reproduces the plain variance; a cohort whose every patient is
 * entered twice keeps exactly the single-entry SE when clustered, while the naive SE wrongly
 * shrinks by √2; cluster labels are only labels.
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { brierScore, concordance, timeDependentAuc, type SurvivalData } from '../../src/stats/index.ts';
import { compareConcordance } from '../../src/study/survival/compare.ts';

/** Exponential event and censoring times; the hazard rises with x (true C about 0.7). */
function cohort(n: number, seed: number): { d: SurvivalData; risk: number[]; other: number[] } {
  const rng = new Random(seed);
  const time: number[] = [], status: number[] = [], risk: number[] = [], other: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.normal();
    const t = -Math.log(1 - rng.next()) / (0.03 * Math.exp(0.8 * x));
    const c = -Math.log(1 - rng.next()) / 0.02;
    time.push(Math.min(t, c)); status.push(t <= c ? 1 : 0);
    risk.push(x); other.push(x + rng.normal());
  }
  return { d: { time, status }, risk, other };
}

const twice = <T>(a: T[]): T[] => [...a, ...a];

describe('cluster-robust C-index and AUC(t)', () => {
  const { d, risk, other } = cohort(300, 7);
  const ids = risk.map((_, i) => `p${i}`);

  it('one case per cluster gives the plain IJ variance (C exactly, AUC(t) to rounding)', () => {
    expect(concordance(d, risk, { cluster: ids }).variance).toBe(concordance(d, risk).variance);
    const a = timeDependentAuc(d, risk, 24), b = timeDependentAuc(d, risk, 24, { cluster: ids });
    expect(b.auc).toBe(a.auc);
    expect(Math.abs(b.se / a.se - 1)).toBeLessThan(1e-12);
    const p = compareConcordance('cv', d, 'clinical', risk, 'radiomics', other, 0.95);
    const q = compareConcordance('cv', d, 'clinical', risk, 'radiomics', other, 0.95, ids);
    expect(q.se).toBe(p.se);
  });

  it('every patient entered twice: the clustered SE is the single-entry SE exactly, the naive SE shrinks by √2', () => {
    const d2: SurvivalData = { time: twice(Array.from(d.time)), status: twice(Array.from(d.status)) };
    const r2 = twice(risk), ids2 = twice(ids);
    const single = concordance(d, risk), naive = concordance(d2, r2), clustered = concordance(d2, r2, { cluster: ids2 });
    // A copy's pairs with its twin are tied in time and add nothing, so C is unchanged; both copies
    // carry the same dfbeta (half the single-entry one, N having quadrupled and each pair doubled),
    // so summing them per patient gives back the single-entry variance, and the naive sum 1/2 of it.
    expect(clustered.concordance).toBe(single.concordance);
    expect(Math.abs(clustered.se / single.se - 1)).toBeLessThan(1e-12);
    expect(Math.abs(naive.se / single.se - Math.SQRT1_2)).toBeLessThan(1e-12);
    const a1 = timeDependentAuc(d, risk, 24), an = timeDependentAuc(d2, r2, 24), ac = timeDependentAuc(d2, r2, 24, { cluster: ids2 });
    expect(Math.abs(ac.auc - a1.auc)).toBeLessThan(1e-12);
    expect(Math.abs(ac.se / a1.se - 1)).toBeLessThan(1e-12);
    // Naive: 1/√2 times the n − 1 → 2n − 1 SD correction.
    expect(Math.abs(an.se / a1.se - Math.SQRT1_2 * Math.sqrt(299 / 599) / Math.sqrt(300 / 600))).toBeLessThan(1e-12);
  });

  it('Brier(t): one case per cluster gives the plain SE; a cohort entered twice keeps the single-entry SE (naive shrinks by √2 up to n − 1)', () => {
    // Probabilities in [0, 1] from the risk score (any monotone map will do).
    const prob = risk.map((x) => 1 / (1 + Math.exp(-x)));
    const plain = brierScore(d, prob, 24), perCase = brierScore(d, prob, 24, { cluster: ids });
    expect(perCase.brier).toBe(plain.brier);
    expect(Math.abs(perCase.se / plain.se - 1)).toBeLessThan(1e-12);
    const d2: SurvivalData = { time: twice(Array.from(d.time)), status: twice(Array.from(d.status)) };
    const naive = brierScore(d2, twice(prob), 24), clustered = brierScore(d2, twice(prob), 24, { cluster: twice(ids) });
    // Doubling every case leaves the censoring KM, hence every weight and term, unchanged.
    expect(Math.abs(clustered.brier - plain.brier)).toBeLessThan(1e-15);
    expect(Math.abs(clustered.se / plain.se - 1)).toBeLessThan(1e-12);
    expect(Math.abs(naive.se / plain.se - Math.SQRT1_2 * Math.sqrt(299 / 599) / Math.sqrt(300 / 600))).toBeLessThan(1e-12);
    expect(clustered.upper - clustered.lower).toBeGreaterThan(naive.upper - naive.lower);
    expect(() => brierScore(d, prob, 24, { cluster: ids.slice(1) })).toThrow(/300 subjects but 299 cluster labels/);
  });

  it('cluster labels are only labels: renaming and reordering them changes nothing', () => {
    const groups = risk.map((_, i) => `g${i % 120}`);
    const renamed = groups.map((g) => `patient-${g.split('').reverse().join('')}`);
    expect(concordance(d, risk, { cluster: renamed }).variance).toBeCloseTo(concordance(d, risk, { cluster: groups }).variance, 15);
    expect(timeDependentAuc(d, risk, 24, { cluster: renamed }).se).toBeCloseTo(timeDependentAuc(d, risk, 24, { cluster: groups }).se, 15);
    const prob = risk.map((x) => 1 / (1 + Math.exp(-x)));
    expect(brierScore(d, prob, 24, { cluster: renamed }).se).toBeCloseTo(brierScore(d, prob, 24, { cluster: groups }).se, 15);
  });

  it('a cluster list of the wrong length is an error naming both counts', () => {
    expect(() => concordance(d, risk, { cluster: ids.slice(1) })).toThrow(/300 subjects but 299 cluster labels/);
    expect(() => timeDependentAuc(d, risk, 24, { cluster: ids.slice(1) })).toThrow(/300 subjects but 299 cluster labels/);
  });
});
