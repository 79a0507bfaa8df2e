/**
 * A PyRadiomics parameter file's filtered images in extraction: the LoG and wavelet features
 * come from PyRadiomics' filters (ITK's recursive Gaussian LoG, pywt's stationary wavelet; their
 * values are checked against ITK and pywt in test/filters/itk-oracle, pyradiomics-wavelet) run on
 * the *whole* image as PyRadiomics does (or on its preCrop box), not on sonomics' ROI crop.
 * Checked through first-order Mean, Minimum and Maximum, which read the filtered voxels in the mask.
 */
import { describe, expect, it } from 'vitest';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { extractCase } from '../../src/extract/case.ts';
import { logLikePyradiomics } from '../../src/filters/log-itk.ts';
import { pyradiomicsWavelet } from '../../src/filters/wavelet-pyradiomics.ts';
import { boundingBox, cropImage, cropMask } from '../../src/image/crop.ts';
import type { Image, Mask, Vec3 } from '../../src/image/image.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { loadCase } from './baseline.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';

/** Mean, Minimum, Maximum of the filtered values (stored as float32 like every image) in the mask. */
function stats(filtered: Float64Array, mask: Mask): { Mean: number; Minimum: number; Maximum: number } {
  let s = 0, n = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < filtered.length; i++) {
    if (!mask.data[i]) continue;
    const v = Math.fround(filtered[i]!);
    s += v; n++; lo = Math.min(lo, v); hi = Math.max(hi, v);
  }
  return { Mean: s / n, Minimum: lo, Maximum: hi };
}

function expectStats(f: Record<string, number>, image: string, want: ReturnType<typeof stats>): void {
  expect(f[`${image}_firstorder_Minimum`], image).toBe(want.Minimum);
  expect(f[`${image}_firstorder_Maximum`], image).toBe(want.Maximum);
  expect(Math.abs(f[`${image}_firstorder_Mean`]! - want.Mean) / Math.abs(want.Mean), image).toBeLessThan(1e-12);
}

const PARAMS = (extra: Record<string, unknown> = {}) => ({
  imageType: { Original: {}, LoG: { sigma: [2.0] }, Wavelet: {} },
  featureClass: { firstorder: ['Mean', 'Minimum', 'Maximum'] },
  setting: { binWidth: 25, ...extra },
});

function wholeImage(img: Image, mask: Mask, f: Record<string, number>): void {
  const d = Float64Array.from(img.data);
  expectStats(f, 'log-sigma-2-0-mm-3D', stats(logLikePyradiomics(d, img.size, img.spacing, 2), mask));
  const bands = img.size[2] === 1 ? ['LH', 'HL', 'HH', 'LL'] : ['LLH', 'HLL', 'HHH', 'LLL'];
  for (const b of bands) expectStats(f, `wavelet-${b}`, stats(pyradiomicsWavelet(d, img.size, { family: 'coif1', subband: b, level: 1 }), mask));
}

describe.skipIf(!HAS_SHARED)('PyRadiomics filters in extraction', () => {
  it('breast1 (3D, 45×120×21): LoG and wavelet features are those of the filters on the whole image', () => {
    const { image, mask } = loadCase('breast1')!;
    const f = extractCase({ image, tumour: mask }, resolveExtractionSettings(PARAMS()), { caseId: 'breast1' }).features;
    expect(Object.keys(f).filter((k) => k.endsWith('_Mean'))).toEqual(['original', 'log-sigma-2-0-mm-3D', 'wavelet-LLH', 'wavelet-LHL', 'wavelet-LHH', 'wavelet-HLL', 'wavelet-HLH', 'wavelet-HHL', 'wavelet-HHH', 'wavelet-LLL'].map((n) => `${n}_firstorder_Mean`));
    wholeImage(image, mask, f);
  }, 120_000);

  it("breast1 with preCrop: the filters see the mask box ± padDistance, as in PyRadiomics (the LoG then differs from the whole image's)", () => {
    const { image, mask } = loadCase('breast1')!;
    const f = extractCase({ image, tumour: mask }, resolveExtractionSettings(PARAMS({ preCrop: true, padDistance: 3 })), { caseId: 'breast1' }).features;
    const bb = boundingBox([mask])!;
    const box = { lo: bb.lo.map((v) => Math.max(0, v - 3)) as Vec3, hi: bb.hi.map((v, a) => Math.min(image.size[a]!, v + 3)) as Vec3 };
    const ci = cropImage(image, box), cm = cropMask(mask, box);
    wholeImage(ci, cm, f);
    const whole = extractCase({ image, tumour: mask }, resolveExtractionSettings(PARAMS()), { caseId: 'breast1' }).features;
    expect(f['original_firstorder_Mean']).toBe(whole['original_firstorder_Mean']);
    // the recursive LoG reads the crop's edge (coif1's 6 taps reach 3 voxels: pad 3 leaves the wavelet unchanged)
    expect(f['log-sigma-2-0-mm-3D_firstorder_Mean']).not.toBe(whole['log-sigma-2-0-mm-3D_firstorder_Mean']);
    expect(f['wavelet-HHH_firstorder_Mean']).toBe(whole['wavelet-HHH_firstorder_Mean']);
  }, 120_000);

  it('with resegmentRange, filtered images use the mask re-segmented on the original image (as PyRadiomics)', () => {
    const { image, mask } = loadCase('breast1')!;
    const roi: number[] = [];
    mask.data.forEach((v, i) => { if (v) roi.push(image.data[i]!); });
    roi.sort((a, b) => a - b);
    const cut = roi[Math.floor(roi.length / 2)]!; // keep the lower half of the ROI's intensities
    const f = extractCase({ image, tumour: mask }, resolveExtractionSettings(PARAMS({ resegmentRange: [roi[0]!, cut] })), { caseId: 'breast1' }).features;
    const kept = { ...mask, data: mask.data.map((v, i) => (v && image.data[i]! <= cut ? 1 : 0)) };
    const n = kept.data.reduce((a, b) => a + b, 0);
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThan(roi.length);
    const d = Float64Array.from(image.data);
    expectStats(f, 'log-sigma-2-0-mm-3D', stats(logLikePyradiomics(d, image.size, image.spacing, 2), kept));
    expectStats(f, 'wavelet-HLL', stats(pyradiomicsWavelet(d, image.size, { family: 'coif1', subband: 'HLL', level: 1 }), kept));
    expect(f['original_firstorder_Maximum']).toBe(cut);
  }, 120_000);

  it('a BUS-BRA frame (2D): 2D LoG and wavelet-LH/HL/HH/LL on the whole frame', () => {
    const B = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
    const image = readImageFile(`${B}/Images/bus_0003-r.png`), tumour = readMaskFile(`${B}/Masks/mask_0003-r.png`, { label: 1 });
    const f = extractCase({ image, tumour }, resolveExtractionSettings(PARAMS()), { caseId: 'bus_0003-r' }).features;
    wholeImage(image, tumour, f);
  }, 120_000);
});
