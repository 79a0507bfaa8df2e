/**
 * Hostile intensities and geometry in feature extraction (issue #20): each ends in a named
 * SonomicsError quickly instead of hanging, exhausting memory or giving NaN features.
 */
import { describe, expect, it } from 'vitest';
import { SonomicsError } from '../../src/core/errors.ts';
import { createImage, createMask, type Vec3 } from '../../src/image/image.ts';
import { extractFeatures } from '../../src/features/pipeline.ts';

function square(values: (i: number) => number, spacing: Vec3 = [1, 1, 1]) {
  const size: Vec3 = [24, 24, 1];
  const img = createImage(size, spacing, Float32Array.from({ length: 24 * 24 }, (_, i) => values(i)));
  const mask = createMask(size, spacing);
  for (let y = 6; y < 18; y++) for (let x = 6; x < 18; x++) mask.data[x + 24 * y] = 1;
  return { img, mask };
}

const settings = { dimension: '2D' as const, discretisation: { method: 'FBN' as const, value: 16 } };

function codeOf(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof SonomicsError ? e.code : `not a SonomicsError: ${String(e)}`; }
  return undefined;
}

describe('feature extraction refuses hostile intensities', () => {
  it('a float ROI whose range reaches 1e9 gives finite IVH values (bounded work, formerly (range / 1) steps)', () => {
    const { img, mask } = square((i) => (i % 7) * 1.5e8);
    const f = extractFeatures(img, mask, { ...settings, families: ['intensity_volume_histogram'] });
    expect(Object.values(f).every(Number.isFinite)).toBe(true);
    expect(f.intensity_volume_histogram_i10).toBeGreaterThan(f.intensity_volume_histogram_i90!);
  });

  it.each([
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
    ['NaN', NaN],
  ])('one %s voxel in the ROI is a named BAD_INPUT error', (_, bad) => {
    const { img, mask } = square((i) => (i === 10 + 24 * 10 ? bad : i % 13));
    expect(codeOf(() => extractFeatures(img, mask, settings))).toBe('BAD_INPUT');
  });

  it.each([
    ['1e-30', 1e-30],
    ['1e30', 1e30],
  ])('a pixel spacing of %s mm is refused by name', (_, s) => {
    const { img, mask } = square((i) => i % 13, [s, s, 1]);
    expect(codeOf(() => extractFeatures(img, mask, settings))).toBe('BAD_INPUT');
  });

  it('the IVH look-ups equal a plain linear scan of the IBSI definition (integer intensities, no discretisation)', () => {
    const { img, mask } = square((i) => (i * 37) % 401);
    const f = extractFeatures(img, mask, { ...settings, ivhDiscretisation: { method: 'none' }, families: ['intensity_volume_histogram'] } as never);
    const vals: number[] = [];
    for (let y = 6; y < 18; y++) for (let x = 6; x < 18; x++) vals.push(img.data[x + 24 * y]!);
    const lo = Math.min(...vals), hi = Math.max(...vals), steps = hi - lo;
    const nu = (i: number) => vals.filter((v) => v >= i).length / vals.length;
    const volumeAt = (x: number) => { for (let k = 0; k <= steps; k++) if (k / steps >= x) return nu(lo + k); return 0; };
    const intensityAt = (x: number) => { for (let k = 0; k <= steps; k++) if (nu(lo + k) <= x) return lo + k; return hi + 1; };
    // ν is 1 − (count below)/n in the library and (count at or above)/n here: equal up to one rounding
    expect(f.intensity_volume_histogram_v10).toBeCloseTo(volumeAt(0.1), 14);
    expect(f.intensity_volume_histogram_v90).toBeCloseTo(volumeAt(0.9), 14);
    expect(f.intensity_volume_histogram_i10).toBe(intensityAt(0.1));
    expect(f.intensity_volume_histogram_i90).toBe(intensityAt(0.9));
  });
});
