// sortedCopy (radix sort on Float32 bit patterns for large inputs) must equal the comparison sort.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { sortedCopy } from '../../src/features/stats-util.ts';

describe('sortedCopy', () => {
  for (const [name, make] of [
    ['Float32 values of mixed sign and magnitude, with ±0', (r: Random) => Math.fround((r.next() - 0.3) * 10 ** (r.int(8) - 3)) * (r.next() < 0.05 ? 0 : 1)],
    ['8-bit intensities', (r: Random) => r.int(256)],
    ['values that are not Float32 (comparison sort)', (r: Random) => r.normal()],
  ] as const) {
    it(name, () => {
      const r = new Random(name.length);
      for (const n of [10, 999, 1000, 7001]) {
        const v = Float64Array.from({ length: n }, () => make(r));
        v[0] = -0;
        const want = Float64Array.from(v).sort();
        const got = sortedCopy(v);
        expect(got.length).toBe(n);
        for (let i = 0; i < n; i++) expect(Object.is(got[i], want[i])).toBe(true);
      }
    });
  }
});
