// partiallySorted (bucket selection behind the first-order statistics) must place at every asked
// rank exactly the value the full sort puts there, bit for bit (−0 before +0), whatever the
// distribution: skewed ones make large buckets that are selected again, ties and NaN fall back to
// sorting.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { quantile7Sorted } from '../../src/math/quantile.ts';
import { descriptive, descriptiveRanks, partiallySorted, sortedCopy } from '../../src/features/stats-util.ts';

const same = (a: number, b: number): boolean => Object.is(a, b);

describe('partiallySorted', () => {
  for (const [name, make] of [
    ['Float32 values of mixed sign and magnitude, with ±0', (r: Random) => Math.fround((r.next() - 0.3) * 10 ** (r.int(8) - 3)) * (r.next() < 0.05 ? (r.next() < 0.5 ? -0 : 0) : 1)],
    ['8-bit intensities (many ties)', (r: Random) => r.int(256)],
    ['heavy tails: LoG-like, most values near 0 and a few far out', (r: Random) => (r.next() < 0.01 ? r.normal() * 1e6 : r.normal() * 1e-3)],
    ['two values only', (r: Random) => (r.next() < 0.3 ? 1 : 2)],
    ['all equal', () => 7],
    ['±0 only', (r: Random) => (r.next() < 0.5 ? -0 : 0)],
    ['values that are not Float32', (r: Random) => r.normal()],
    // integers are counted (countedRanks) unless −0, a fraction or a span over 65,536 is among them
    ['16-bit signed integers', (r: Random) => r.int(65536) - 32768],
    ['integers with a −0 among them', (r: Random) => (r.next() < 0.01 ? -0 : r.int(20))],
    ['integers spanning more than 65,536', (r: Random) => (r.next() < 0.01 ? 1e6 : r.int(256))],
    ['integers beyond int32', (r: Random) => r.int(256) + (r.next() < 0.5 ? 2 ** 31 : 0)],
    ['8-bit intensities and one fraction', (r: Random) => (r.next() < 0.001 ? 0.5 : r.int(256))],
    ['with a NaN among them', (r: Random) => (r.next() < 0.001 ? NaN : r.normal())],
  ] as const) {
    it(`${name}: the asked ranks equal the full sort's`, () => {
      const r = new Random(name.length);
      for (const n of [1, 2, 10, 64, 65, 999, 5000, 20011]) {
        const v = Float64Array.from({ length: n }, () => make(r));
        const want = sortedCopy(v);
        const ranks = descriptiveRanks(n);
        const got = partiallySorted(v, ranks);
        for (const k of ranks) expect(same(got[k]!, want[k]!), `n ${n} rank ${k}: ${got[k]} vs ${want[k]}`).toBe(true);
        // every rank at once (each bucket then sorted or selected)
        const all = Array.from({ length: n }, (_, k) => k);
        const full = partiallySorted(v, all);
        expect(all.filter((k) => !same(full[k]!, want[k]!))).toEqual([]);
        // and descriptive gives bit-identical statistics from either
        if (!v.some(Number.isNaN)) expect(descriptive(v, got)).toStrictEqual(descriptive(v, want));
      }
    });
  }
  it('descriptive: every statistic bit-identical to the textbook loops', () => {
    // descriptive sums in loop functions of their own (stats-util); the reference is the one
    // function they were taken from, the same sums in the same order
    const r = new Random(11);
    for (const n of [1, 2, 1023, 1024, 1025, 3000, 20011]) {
      for (const make of [() => r.normal() * 100, () => r.int(256)]) {
        const v = Float64Array.from({ length: n }, make);
        const want = sortedCopy(v);
        const got = descriptive(v, want);
        let s = 0, s2 = 0;
        for (let i = 0; i < n; i++) { s += v[i]!; s2 += v[i]! * v[i]!; }
        const mean = s / n;
        let m2 = 0, m3 = 0, m4 = 0, mad = 0;
        for (let i = 0; i < n; i++) { const d = v[i]! - mean, d2 = d * d; m2 += d2; m3 += d2 * d; m4 += d2 * d2; mad += Math.abs(d); }
        m2 /= n; m3 /= n; m4 /= n; mad /= n;
        const q = (p: number) => quantile7Sorted(want, p);
        const p10 = q(0.1), p90 = q(0.9), median = q(0.5);
        let rn = 0, rs = 0;
        for (let i = 0; i < n; i++) if (v[i]! >= p10 && v[i]! <= p90) { rn++; rs += v[i]!; }
        const rmean = rs / rn;
        let rmad = 0, medad = 0;
        for (let i = 0; i < n; i++) { if (v[i]! >= p10 && v[i]! <= p90) rmad += Math.abs(v[i]! - rmean); medad += Math.abs(v[i]! - median); }
        expect([got.mean, got.variance, got.mean_absolute_deviation, got.energy, got.robust_mean_absolute_deviation, got.median_absolute_deviation]).toEqual([mean, m2, mad, s2, rmad / rn, medad / n]);
        expect(got.skewness).toBe(m2 === 0 ? 0 : m3 / m2 ** 1.5);
        expect(got.kurtosis).toBe(m2 === 0 ? 0 : m4 / (m2 * m2) - 3);
      }
    }
  });
  it('descriptiveRanks: the minimum, maximum and both neighbours of each type-7 quantile', () => {
    expect(descriptiveRanks(1)).toEqual([0]);
    // n = 11: index 1 + 10p is an integer for p = 0.1, 0.5, 0.9 and 3.5 / 8.5 for the quartiles
    expect(descriptiveRanks(11)).toEqual([0, 1, 2, 3, 5, 7, 8, 9, 10]);
  });
});
