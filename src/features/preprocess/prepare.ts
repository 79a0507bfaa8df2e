/**
 * The IBSI 1 image-processing chain up to the two ROI masks (manual §2.1–2.5, fig. 2.1):
 * crop to the ROI bounding box plus a margin → interpolate image and mask → round
 * intensities → threshold the interpolated mask (partial-volume threshold) → re-segment
 * the intensity mask (range, then μ ± kσ outliers). The morphological mask is the
 * interpolated mask; the intensity mask is the re-segmented one (IBSI §2.5).
 */
import { SonomicsError } from '../../core/errors.ts';
import { countInside, type Image, type Mask, type Vec3 } from '../../image/image.ts';
import { PEAK_RADIUS_MM, type ProcessingSettings } from '../processing-settings.ts';
import { boxSize, cropData, cropToFloat64, growBox, maskBox, type Box } from './grid.ts';
import { axisMaps, resampleWindow, targetWindow } from './resample.ts';

export interface PreparedRoi {
  size: Vec3;
  spacing: Vec3;
  /** Intensities of the working box (ROI plus a margin for the local-intensity sphere). */
  image: Float64Array;
  /** Morphological mask (interpolated, not re-segmented). */
  morphMask: Uint8Array;
  /** Intensity mask (morphological mask after re-segmentation). */
  intensityMask: Uint8Array;
  /** Size of the full (resampled) image grid, for diagnostics. */
  fullSize: Vec3;
}

export function prepareRoi(image: Image, mask: Mask, settings: ProcessingSettings): PreparedRoi {
  if (image.size.some((v, i) => v !== mask.size[i])) {
    throw new SonomicsError('MASK_MISMATCH', `mask ${mask.size.join('×')} does not match image ${image.size.join('×')}: resample or re-export the mask on the image grid`);
  }
  const box = maskBox(image.size, mask.data);
  if (!box) throw new SonomicsError('EMPTY_MASK', 'the mask has no voxel inside the region of interest: check the mask file and its label value');
  const radius = settings.localIntensityRadiusMm ?? PEAK_RADIUS_MM;
  const rs = settings.resampling;
  const spacing = image.spacing;
  checkSpacing(spacing, 'image');
  if (rs) checkSpacing(settings.dimension === '2D' ? rs.spacing.slice(0, 2) : rs.spacing, 'resampling');
  if (!rs) {
    const imageSize: Vec3 = [...image.size];
    const margin = spacing.map((s) => Math.ceil(radius / s) + 1) as Vec3;
    const crop = growBox(box, margin, imageSize);
    const img = cropToFloat64(imageSize, image.data, crop);
    if (settings.roundIntensities) roundInPlace(img);
    const morph = binarise(cropData(imageSize, mask.data, crop));
    return finish(boxSize(crop), [...spacing] as Vec3, img, morph, settings, imageSize);
  }
  const twoD = settings.dimension === '2D';
  const target: Vec3 = [rs.spacing[0], rs.spacing[1], twoD ? spacing[2] : rs.spacing[2]];
  const maps = axisMaps(image.size, spacing, target, [true, true, !twoD && image.size[2] > 1]);
  // margin (in source voxels) so that the target window holds the peak sphere around every ROI voxel
  const inner = [0, 1, 2].map((a) => Math.ceil((radius + target[a]!) / spacing[a]!) + 1) as Vec3;
  const win: Box = { lo: [0, 0, 0], hi: [0, 0, 0] };
  for (let a = 0; a < 3; a++) {
    const [lo, hi] = targetWindow(maps[a]!, box.lo[a]! - inner[a]!, box.hi[a]! + inner[a]!);
    win.lo[a] = lo;
    win.hi[a] = hi;
  }
  const support = rs.imageInterpolation === 'cubic' ? 16 : 3; // spline prefilter needs room to settle
  const srcBox = growBox(box, inner.map((v) => v + support) as Vec3, image.size);
  const srcSize = boxSize(srcBox);
  const srcImg = { size: srcSize, spacing: [...spacing] as Vec3, data: cropData(image.size, image.data, srcBox) };
  const img = resampleWindow(srcImg, srcBox, maps, win, rs.imageInterpolation ?? 'linear');
  if (settings.roundIntensities) for (let i = 0; i < img.length; i++) img[i] = Math.round(img[i]!);
  const srcMask = { size: srcSize, spacing: [...spacing] as Vec3, data: Float32Array.from(cropData(image.size, mask.data, srcBox), (v) => (v ? 1 : 0)) };
  const maskMethod = rs.maskInterpolation ?? 'linear';
  const fm = resampleWindow(srcMask, srcBox, maps, win, maskMethod);
  const threshold = rs.partialVolumeThreshold ?? 0.5;
  const morph = new Uint8Array(fm.length);
  // 1e-9 guard: a voxel exactly half inside must not flip on round-off of the weights
  for (let i = 0; i < fm.length; i++) morph[i] = fm[i]! >= threshold - 1e-9 ? 1 : 0;
  const fullSize = maps.map((m) => m.n) as Vec3;
  return finish(boxSize(win), target, img, morph, settings, fullSize);
}

/**
 * Spacings outside [1e-4 mm, 1e4 mm] (0.1 µm to 10 m) are not physical for any imaging we read, and
 * the local-intensity sphere's margin grows as radius / spacing: a spacing of 1e-30 from a damaged
 * header asked for gigabytes (issue #20). Refuse them by name instead.
 */
export const SPACING_LIMITS_MM: readonly [number, number] = [1e-4, 1e4];

function checkSpacing(spacing: readonly number[], what: string): void {
  for (const s of spacing) {
    if (!(s >= SPACING_LIMITS_MM[0] && s <= SPACING_LIMITS_MM[1])) {
      throw new SonomicsError('BAD_INPUT', `${what} spacing ${spacing.join(' × ')} mm is outside the plausible range ${SPACING_LIMITS_MM[0]}–${SPACING_LIMITS_MM[1]} mm: check the file's pixel spacing (or give spacing_mm in the manifest)`);
    }
  }
}

// The voxel loops live in small functions of their own: inside prepareRoi, an on-stack-replaced
// loop made V8 deoptimise prepareRoi on nearly every ROI (a deopt loop on a property load after it).

function roundInPlace(img: Float64Array): void {
  for (let i = 0; i < img.length; i++) img[i] = Math.round(img[i]!);
}

/** Mask values to 0/1 in place (a plain loop: TypedArray.map calls back per voxel). */
function binarise(m: Uint8Array): Uint8Array {
  for (let i = 0; i < m.length; i++) m[i] = m[i] ? 1 : 0;
  return m;
}

function countNonFinite(img: Float64Array): number {
  let n = 0;
  // v − v is 0 exactly for every finite v and NaN for ±Inf and NaN: the test Number.isFinite
  // makes, without a call per voxel (what a process's first cases pay, still interpreted)
  for (let i = 0; i < img.length; i++) { const v = img[i]!; if (!(v - v === 0)) n++; }
  return n;
}

function finish(size: Vec3, spacing: Vec3, img: Float64Array, morph: Uint8Array, settings: ProcessingSettings, fullSize: Vec3): PreparedRoi {
  const nonFinite = countNonFinite(img);
  if (nonFinite > 0) {
    // NaN would silently turn every feature into NaN, ±Inf would make binning unbounded: refuse.
    throw new SonomicsError('BAD_INPUT', `the region and its ${PEAK_RADIUS_MM} mm surroundings hold ${nonFinite} non-finite intensity value(s) (NaN or ±Inf): check the image file (rescale slope, float data) or mask out those voxels`);
  }
  const intensityMask = resegment(img, morph, settings.resegmentation);
  if (countInside(morph) === 0) throw new SonomicsError('EMPTY_MASK', 'no voxel of the mask survives interpolation: use a smaller resampling spacing or nearest-neighbour mask interpolation');
  return { size, spacing, image: img, morphMask: morph, intensityMask, fullSize };
}

/** IBSI §2.5: range re-segmentation, then outlier filtering (μ ± kσ over the remaining voxels). */
export function resegment(img: Float64Array, morph: Uint8Array, reseg: ProcessingSettings['resegmentation']): Uint8Array {
  const out = morph.slice();
  if (!reseg) return out;
  if (reseg.sigmaRange || reseg.relativeRange) return resegmentByRoi(img, out, reseg);
  const lo = reseg.range?.[0] ?? -Infinity, hi = reseg.range?.[1] ?? Infinity;
  for (let i = 0; i < out.length; i++) if (out[i] && (img[i]! < lo || img[i]! > hi)) out[i] = 0;
  if (reseg.outlierSigma !== undefined) {
    let n = 0, s = 0, ss = 0;
    for (let i = 0; i < out.length; i++) if (out[i]) { n++; s += img[i]!; }
    const mu = s / n;
    for (let i = 0; i < out.length; i++) if (out[i]) ss += (img[i]! - mu) ** 2;
    const sd = Math.sqrt(ss / n);
    const k = reseg.outlierSigma;
    for (let i = 0; i < out.length; i++) if (out[i] && (img[i]! < mu - k * sd || img[i]! > mu + k * sd)) out[i] = 0;
  }
  return out;
}

/**
 * PyRadiomics' resegmentMode 'sigma' / 'relative' (imageoperations.resegmentMask): thresholds from
 * the ROI before re-segmentation (mean + k·sd with the population sd, or k·max), lower bound then
 * upper bound, both inclusive.
 */
function resegmentByRoi(img: Float64Array, out: Uint8Array, reseg: NonNullable<ProcessingSettings['resegmentation']>): Uint8Array {
  let n = 0, s = 0, max = -Infinity;
  for (let i = 0; i < out.length; i++) if (out[i]) { n++; s += img[i]!; if (img[i]! > max) max = img[i]!; }
  let lo: number, hi: number;
  if (reseg.sigmaRange) {
    const mu = s / n;
    let ss = 0;
    for (let i = 0; i < out.length; i++) if (out[i]) ss += (img[i]! - mu) ** 2;
    const sd = Math.sqrt(ss / n);
    lo = mu + sd * reseg.sigmaRange[0];
    hi = reseg.sigmaRange[1] === null ? Infinity : mu + sd * reseg.sigmaRange[1];
  } else {
    const r = reseg.relativeRange!;
    lo = max * r[0];
    hi = r[1] === null ? Infinity : max * r[1];
  }
  for (let i = 0; i < out.length; i++) if (out[i] && (img[i]! < lo || img[i]! > hi)) out[i] = 0;
  return out;
}
