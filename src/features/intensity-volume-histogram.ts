/**
 * Intensity-volume histogram features (IBSI 1 manual §3.5, family P88C).
 * Discretisation for the IVH (§3.5, "discrete / continuous / arbitrary intensities"):
 *  - 'none' (discrete calibrated, e.g. CT HU): X_d,gl = X_gl, w_d = 1, G = re-segmentation
 *    range (upper bound max(X_gl) when open) or [min, max] of the ROI;
 *  - 'FBS' w: bin centres X_min + (X_d − 0.5)·w, G = [X_min + w/2, X_max − w/2], w_d = w;
 *  - 'FBN' N: X_d,gl = X_d, G = [1, N], w_d = 1.
 * ν_i = fraction of voxels with X_d,gl ≥ i; γ_i = (i − min G)/(max G − min G).
 */
import { SonomicsError } from '../core/errors.ts';
import type { RoiContext } from './context.ts';
import { discretise } from './discretise.ts';
import { maskedValues } from './stats-util.ts';
import type { FamilyValues, FeatureDef } from './types.ts';
import { defineFamily } from './family.ts';

export const FEATURES: FeatureDef[] = [
  { name: 'v10', ibsiCode: 'BC2M', unit: '' },
  { name: 'v90', ibsiCode: 'BC2M', unit: '' },
  { name: 'i10', ibsiCode: 'GBPN', unit: 'I' },
  { name: 'i90', ibsiCode: 'GBPN', unit: 'I' },
  { name: 'v10_minus_v90', ibsiCode: 'DDTU', unit: '' },
  { name: 'i10_minus_i90', ibsiCode: 'CNV2', unit: 'I' },
];

/** Reference-table feature names (their IBSI codes are shared by two features each). */
export const REFERENCE_NAMES: Record<string, string> = {
  'volume fraction at 10% intensity': 'v10',
  'volume fraction at 90% intensity': 'v90',
  'intensity at 10% volume': 'i10',
  'intensity at 90% volume': 'i90',
  'volume fraction difference between 10% and 90% intensity': 'v10_minus_v90',
  'intensity difference between 10% and 90% volume': 'i10_minus_i90',
};

export function computeIntensityVolumeHistogram(ctx: RoiContext): FamilyValues {
  const { roi, settings } = ctx;
  const mask = roi.intensityMask;
  const d = settings.ivhDiscretisation ?? { method: 'none' };
  const range = settings.resegmentation?.range;
  // ascending values of X_d,gl (binary searches below)
  let values: Float64Array;
  let gMin: number, gMax: number, wd: number;
  if (d.method === 'FBN') {
    const disc = discretise(roi.image, mask, d);
    values = maskedValues(disc.levels, mask).sort();
    gMin = 1; gMax = d.value!; wd = 1;
  } else {
    const raw = ctx.sortedIntensities(); // shared with intensity statistics: read only
    const lo = raw[0]!, hi = raw[raw.length - 1]!;
    const xMin = range?.[0] ?? lo, xMax = range?.[1] ?? hi;
    if (d.method === 'FBS') {
      const w = d.value!;
      const disc = discretise(roi.image, mask, d, xMin);
      values = maskedValues(disc.levels, mask).map((l) => xMin + (l - 0.5) * w).sort();
      gMin = xMin + w / 2; gMax = xMax - w / 2; wd = w;
    } else {
      values = raw; gMin = xMin; gMax = xMax; wd = 1;
    }
  }
  const n = values.length;
  const steps = Math.max(0, Math.round((gMax - gMin) / wd));
  if (!Number.isFinite(steps)) {
    throw new SonomicsError('BAD_INPUT', `intensity-volume histogram: the intensity range [${gMin}, ${gMax}] is not finite; check the image for infinite values or an extreme rescale slope`);
  }
  const eps = 1e-9 * wd;
  // ν at intensity i: 1 − (count of values < i)/n, by binary search on the sorted values
  const nu = (i: number): number => {
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid]! < i - eps) lo = mid + 1;
      else hi = mid;
    }
    return 1 - lo / n;
  };
  const at = (k: number): number => gMin + k * wd;
  // Both look-ups below are binary searches over the step index k: their predicates are
  // monotone in k (k/steps rises, ν(at(k)) falls), so the first k that satisfies them is the
  // one a linear scan finds. A linear scan ran (range / w) steps: forever on a float ROI
  // whose range reached ~1e9 (issue #20).
  const firstStep = (ok: (k: number) => boolean): number => {
    let lo = 0, hi = steps + 1; // hi = steps + 1 means "none"
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (ok(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const volumeAt = (x: number): number => {
    const k = firstStep((j) => steps === 0 || j / steps >= x - 1e-12);
    return k <= steps ? nu(at(k)) : 0;
  };
  const intensityAt = (x: number): number => {
    const k = firstStep((j) => nu(at(j)) <= x + 1e-12);
    return k <= steps ? at(k) : gMax + wd;
  };
  const v10 = volumeAt(0.1), v90 = volumeAt(0.9), i10 = intensityAt(0.1), i90 = intensityAt(0.9);
  return { v10, v90, i10, i90, v10_minus_v90: v10 - v90, i10_minus_i90: i10 - i90 };
}

/** This family's entry in the family registry (src/features/families.ts); IBSI 1 §3.5. */
export const INTENSITY_VOLUME_HISTOGRAM_FAMILY = defineFamily({ family: 'intensity_volume_histogram', title: 'intensity-volume histogram', kind: 'roi', features: FEATURES, ibsiReferenceNames: REFERENCE_NAMES, compute: computeIntensityVolumeHistogram });
