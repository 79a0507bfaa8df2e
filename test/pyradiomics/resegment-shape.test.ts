/**
 * PyRadiomics' `resegmentShape` (issue #16). featureextractor.execute re-segments the mask once
 * (resegmentRange / resegmentMode, on the original image) and, by default, uses the re-segmented
 * mask for every class except shape; with `resegmentShape: True` shape (and shape2D) is computed
 * on the re-segmented mask too. Checked on brain1 (3D, absolute and sigma modes) and a BUS-BRA
 * lesion (2D, shape2D, relative mode): shape equals shape of the re-segmented mask built here by
 * construction, every other class is unchanged, and without resegmentRange the key has no effect.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCase } from '../../src/extract/case.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import type { Image, Mask } from '../../src/image/image.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';

/** mask ∩ {lo ≤ I ≤ hi}: PyRadiomics' resegmentMask with both bounds inclusive. */
function within(image: Image, mask: Mask, lo: number, hi: number): Mask {
  return { ...mask, data: Uint8Array.from(mask.data, (v, i) => (v && image.data[i]! >= lo && image.data[i]! <= hi ? 1 : 0)) };
}
function roiValues(image: Image, mask: Mask): number[] {
  return [...image.data].filter((_, i) => mask.data[i]);
}
const split = (f: Record<string, number>) => {
  const shape: Record<string, number> = {}, rest: Record<string, number> = {};
  for (const [k, v] of Object.entries(f)) (/_shape(2D)?_/.test(k) ? shape : rest)[k] = v;
  return { shape, rest };
};

describe.skipIf(!HAS_SHARED)('resegmentShape', () => {
  const DATA = sharedPath('refdata', 'pyradiomics', 'data');
  const image = () => readImageFile(join(DATA, 'brain1_image.nrrd'));
  const mask = () => readMaskFile(join(DATA, 'brain1_label.nrrd'), { label: 1 });
  const run = (img: Image, m: Mask, setting: Record<string, unknown>, imageType: Record<string, unknown> = { Original: {}, Square: {} }) =>
    extractCase({ image: img, tumour: m }, resolveExtractionSettings({ imageType, setting: { binWidth: 25, ...setting }, featureClass: { shape: [], firstorder: [], glcm: [], glszm: [] } }, 'Params.yaml'), { caseId: 'brain1' }).features;

  it('brain1, resegmentRange [600, 1100]: shape of the re-segmented mask, every other class unchanged', () => {
    const img = image(), m = mask();
    const off = run(img, m, { resegmentRange: [600, 1100] });
    const on = run(img, m, { resegmentRange: [600, 1100], resegmentShape: true });
    const byConstruction = run(img, within(img, m, 600, 1100), {});
    const a = split(off), b = split(on), c = split(byConstruction);
    expect(Object.keys(b.shape).length).toBe(14); // shape: 14 non-deprecated features in PyRadiomics 3.1
    expect(b.shape).toEqual(c.shape);
    expect(b.rest).toEqual(a.rest);
    // the range removes voxels: shape does change (VoxelVolume counts them)
    const kept = roiValues(img, m).filter((v) => v >= 600 && v <= 1100).length;
    expect(kept).toBeLessThan(roiValues(img, m).length);
    expect(b.shape.original_shape_VoxelVolume! / a.shape.original_shape_VoxelVolume!).toBeCloseTo(kept / roiValues(img, m).length, 12);
    // without resegmentRange the key changes nothing
    expect(run(img, m, { resegmentShape: true })).toEqual(run(img, m, {}));
  });

  it('brain1, resegmentMode sigma [-1, 1]: thresholds from the ROI before re-segmentation (population sd)', () => {
    const img = image(), m = mask();
    const v = roiValues(img, m);
    const mu = v.reduce((s, x) => s + x, 0) / v.length;
    const sd = Math.sqrt(v.reduce((s, x) => s + (x - mu) ** 2, 0) / v.length);
    const on = split(run(img, m, { resegmentRange: [-1, 1], resegmentMode: 'sigma', resegmentShape: true }, { Original: {} }));
    expect(on.shape).toEqual(split(run(img, within(img, m, mu - sd, mu + sd), {}, { Original: {} })).shape);
  });

  it('BUS-BRA (2D, force2D, shape2D), resegmentMode relative [0.3, 0.8]: shape2D of the re-segmented mask', () => {
    const B = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
    const img = readImageFile(join(B, 'Images', 'bus_0001-l.png'), { spacing: [0.1, 0.1] });
    const m = readMaskFile(join(B, 'Masks', 'mask_0001-l.png'), { spacing: [0.1, 0.1] });
    const go = (mm: Mask, setting: Record<string, unknown>) =>
      extractCase({ image: img, tumour: mm }, resolveExtractionSettings({ setting: { binCount: 32, force2D: true, ...setting }, featureClass: { shape2D: [], firstorder: [], glrlm: [] } }, 'Params.yaml'), { caseId: 'bus_0001-l' }).features;
    const max = Math.max(...roiValues(img, m));
    const off = split(go(m, { resegmentRange: [0.3, 0.8], resegmentMode: 'relative' }));
    const on = split(go(m, { resegmentRange: [0.3, 0.8], resegmentMode: 'relative', resegmentShape: true }));
    expect(Object.keys(on.shape).length).toBe(9); // shape2D: 9 non-deprecated features
    // Within 1e-12 relative, not bit for bit: the mask built here has a smaller bounding box, so the
    // extraction crops elsewhere and the mesh sums its vertex coordinates from another corner
    // (brain1's above happens to agree to the bit).
    const ref = split(go(within(img, m, 0.3 * max, 0.8 * max), {})).shape;
    expect(Object.keys(ref)).toEqual(Object.keys(on.shape));
    for (const k in ref) expect(Math.abs(on.shape[k]! - ref[k]!), k).toBeLessThanOrEqual(1e-12 * Math.abs(ref[k]!));
    expect(on.rest).toEqual(off.rest);
    expect(on.shape.original_shape2D_PixelSurface).toBeLessThan(off.shape.original_shape2D_PixelSurface!);
  });
});
