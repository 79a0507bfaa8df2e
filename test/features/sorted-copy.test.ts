// sortedCopy (counting sort for narrow integers, radix sort on Float32 bit patterns for other large
// inputs) must equal the comparison sort, bit for bit (−0 before +0).
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { sortedCopy } from '../../src/features/stats-util.ts';

describe('sortedCopy', () => {
  for (const [name, make, negativeZero] of [
    ['Float32 values of mixed sign and magnitude, with ±0', (r: Random) => Math.fround((r.next() - 0.3) * 10 ** (r.int(8) - 3)) * (r.next() < 0.05 ? 0 : 1), true],
    ['8-bit intensities', (r: Random) => r.int(256), true],
    ['8-bit intensities without −0 (counting sort)', (r: Random) => r.int(256), false],
    ['signed 16-bit integers, CT-like (counting sort)', (r: Random) => r.int(4096) - 1024, false],
    ['integers spanning more than 65,536 values (radix sort)', (r: Random) => r.int(200000) - 100000, false],
    ['integers with one fraction among them (radix sort)', (r: Random) => (r.next() < 0.001 ? 0.5 : r.int(256)), false],
    ['values that are not Float32 (comparison sort)', (r: Random) => r.normal(), true],
  ] as const) {
    it(name, () => {
      const r = new Random(name.length);
      for (const n of [10, 999, 1000, 7001]) {
        const v = Float64Array.from({ length: n }, () => make(r));
        if (negativeZero) v[0] = -0;
        const want = Float64Array.from(v).sort();
        const got = sortedCopy(v);
        expect(got.length).toBe(n);
        for (let i = 0; i < n; i++) expect(Object.is(got[i], want[i])).toBe(true);
      }
    });
  }
});
