// Moran's I / Geary's C: the FFT route must equal the direct O(N²) double sum.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { spatialAutocorrelation } from '../../src/features/spatial-autocorrelation.ts';
import { fft3d } from '../../src/math/fft.ts';

describe('spatial autocorrelation', () => {
  for (const size of [[13, 9, 4], [21, 17, 1]] as Array<[number, number, number]>) {
    it(`FFT equals direct sum on ${size.join('×')}`, () => {
      const r = new Random(size[0]);
      const n = size[0] * size[1] * size[2];
      const img = Float64Array.from({ length: n }, (_, i) => 100 * Math.sin(i / 7) + 20 * r.normal());
      const mask = Uint8Array.from({ length: n }, () => (r.next() < 0.7 ? 1 : 0));
      const sp: [number, number, number] = [0.8, 1.2, 2.5];
      const a = spatialAutocorrelation(size, sp, img, mask, 'direct');
      const b = spatialAutocorrelation(size, sp, img, mask, 'fft');
      expect(b.moransI).toBeCloseTo(a.moransI, 10);
      expect(b.gearysC).toBeCloseTo(a.gearysC, 10);
    });
  }

  it('3D FFT of a delta is flat', () => {
    const re = new Float64Array(8 * 4 * 2), im = new Float64Array(re.length);
    re[0] = 1;
    fft3d(re, im, [8, 4, 2]);
    for (let i = 0; i < re.length; i++) { expect(re[i]).toBeCloseTo(1, 12); expect(im[i]).toBeCloseTo(0, 12); }
  });
});
