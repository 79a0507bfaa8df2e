// partiallySorted (bucket selection behind the first-order statistics) must place at every asked
// rank exactly the value the full sort puts there, bit for bit (−0 before +0), whatever the
// distribution: skewed ones make large buckets that are selected again, ties and NaN fall back to
// sorting.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
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
  it('descriptiveRanks: the minimum, maximum and both neighbours of each type-7 quantile', () => {
    expect(descriptiveRanks(1)).toEqual([0]);
    // n = 11: index 1 + 10p is an integer for p = 0.1, 0.5, 0.9 and 3.5 / 8.5 for the quartiles
    expect(descriptiveRanks(11)).toEqual([0, 1, 2, 3, 5, 7, 8, 9, 10]);
  });
});
