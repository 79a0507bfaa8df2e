/**
 * Whole-image intensity normalisation as PyRadiomics does it (imageoperations.normalizeImage):
 * SimpleITK's Normalize — (X − mean)/σ over every pixel, with ITK's StatisticsImageFilter σ
 * (denominator N − 1) — then values beyond ±removeOutliers σ clipped, then × scale. It needs the
 * whole image (not a crop around the ROI), so callers apply it before cropping.
 */
import type { Image } from '../../image/image.ts';
import type { ProcessingSettings } from '../processing-settings.ts';

export function normaliseImage(image: Image, n: NonNullable<ProcessingSettings['normalisation']>): Image {
  const d = image.data;
  // Kahan-compensated sums, as ITK's CompensatedSummation in StatisticsImageFilter
  let sum = 0, cs = 0, sq = 0, cq = 0;
  for (let i = 0; i < d.length; i++) {
    const x = d[i]!;
    let y = x - cs, t = sum + y;
    cs = t - sum - y; sum = t;
    y = x * x - cq; t = sq + y;
    cq = t - sq - y; sq = t;
  }
  const count = d.length;
  const mean = sum / count;
  const sigma = Math.sqrt((sq - (sum * sum) / count) / (count - 1));
  const shift = -mean, scale = 1 / sigma;
  const out = new Float64Array(d.length);
  const limit = n.removeOutliers ?? Infinity, factor = n.scale ?? 1;
  for (let i = 0; i < d.length; i++) {
    let v = (d[i]! + shift) * scale; // itk::ShiftScaleImageFilter: (x + shift) · scale
    if (v > limit) v = limit;
    else if (v < -limit) v = -limit;
    out[i] = v * factor;
  }
  // Float64 values (SimpleITK's Normalize returns a double image): Float32 rounding would move
  // values by ~1e-7 relative and flip bin edges. The feature chain reads `data` only by index.
  return { ...image, data: out as unknown as Float32Array };
}
