// Resampling: identity at the same spacing, exact on linear ramps (linear and cubic B-spline
// reproduce polynomials of degree 1), and in-plane only for 2D settings.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createImage, createMask } from '../../src/image/image.ts';
import { prepareRoi } from '../../src/features/preprocess/prepare.ts';
import { resolveSettings } from '../../src/features/settings.ts';

function ramp(size: [number, number, number], a: [number, number, number], spacing: [number, number, number]) {
  const n = size[0] * size[1] * size[2];
  const data = new Float32Array(n);
  for (let z = 0, i = 0; z < size[2]; z++) for (let y = 0; y < size[1]; y++) for (let x = 0; x < size[0]; x++, i++) data[i] = 10 + a[0] * x * spacing[0] + a[1] * y * spacing[1] + a[2] * z * spacing[2];
  const mask = new Uint8Array(n);
  for (let z = 0, i = 0; z < size[2]; z++) for (let y = 0; y < size[1]; y++) for (let x = 0; x < size[0]; x++, i++) {
    if (x > 8 && x < size[0] - 9 && y > 8 && y < size[1] - 9 && (size[2] === 1 || (z > 8 && z < size[2] - 9))) mask[i] = 1;
  }
  return { image: createImage(size, spacing, data), mask: createMask(size, spacing, mask) };
}

describe('resampling', () => {
  it('linear and cubic interpolation reproduce a linear ramp inside the image (property)', () => {
    fc.assert(fc.property(
      fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.6, max: 1.7, noNaN: true }),
      fc.constantFrom('linear' as const, 'cubic' as const),
      (ax, ay, target, method) => {
        const sp: [number, number, number] = [0.9, 1.1, 1];
        const { image, mask } = ramp([40, 36, 1], [ax, ay, 0], sp);
        const roi = prepareRoi(image, mask, resolveSettings({ dimension: '2D', resampling: { spacing: [target, target, 1], imageInterpolation: method } }));
        // the ramp value at each target voxel follows from its position: check the gradient between ROI neighbours
        const X = roi.size[0];
        for (let i = 0; i < roi.image.length - 1; i++) {
          if (!roi.morphMask[i] || !roi.morphMask[i + 1] || (i + 1) % X === 0) continue;
          // the ramp is stored as Float32 (≈ 1e-6 relative), hence 4 decimals
          expect(roi.image[i + 1]! - roi.image[i]!).toBeCloseTo(ax * target, 4);
        }
      },
    ), { numRuns: 12 });
  });

  it('2D settings keep z; 3D settings resample it', () => {
    const { image, mask } = ramp([30, 30, 30], [1, 1, 1], [1, 1, 3]);
    const r2 = prepareRoi(image, mask, resolveSettings({ dimension: '2D', resampling: { spacing: [2, 2, 2] } }));
    expect(r2.spacing).toEqual([2, 2, 3]);
    expect(r2.fullSize).toEqual([15, 15, 30]);
    const r3 = prepareRoi(image, mask, resolveSettings({ dimension: '3D', resampling: { spacing: [2, 2, 2] } }));
    expect(r3.fullSize).toEqual([15, 15, 45]);
  });

  it('no resampling keeps intensities exactly', () => {
    const { image, mask } = ramp([30, 30, 1], [0.3, -0.2, 0], [1, 1, 1]);
    const roi = prepareRoi(image, mask, resolveSettings({ dimension: '2D' }));
    let n = 0;
    for (let i = 0; i < roi.morphMask.length; i++) n += roi.morphMask[i]!;
    expect(n).toBe(mask.data.reduce((a, b) => a + b, 0));
  });

  it('rejects aggregation strings of the wrong kind', () => {
    expect(() => resolveSettings({ texture: { aggregation: { glszm: '3D, merged' } } })).toThrow(/glszm must be one of/);
    expect(resolveSettings({ texture: { aggregation: { glcm: '3D, merged', ngtdm: '2.5D' } } }).texture?.aggregation?.glcm).toBe('3D, merged');
  });
});
