/**
 * Intensity discretisation (IBSI 1 manual §2.7).
 * FBN: X_d = ⌊N_g (X − X_min)/(X_max − X_min)⌋ + 1, with X_d = N_g at X = X_max; N_g = N.
 * FBS: X_d = ⌊(X − X_min)/w_b⌋ + 1 with X_min the lower re-segmentation bound when one is
 * set (else the ROI minimum); N_g = the highest bin present.
 */
import { SonomicsError } from '../core/errors.ts';
import type { DiscretisationSettings } from './settings.ts';

export interface Discretised {
  /** Grey level 1..nLevels inside the mask, 0 outside. */
  levels: Int32Array;
  nLevels: number;
  /** X_min used by the discretisation. */
  min: number;
  /** Bin width (FBS) or (X_max − X_min)/N_g (FBN). */
  width: number;
}

export function discretise(values: ArrayLike<number>, mask: Uint8Array, d: DiscretisationSettings, lowerBound?: number | null): Discretised {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) throw new SonomicsError('EMPTY_MASK', 'no voxel left in the intensity mask after re-segmentation: widen the re-segmentation range');
  const levels = new Int32Array(mask.length);
  if (d.method === 'FBN') {
    const n = d.value!;
    const range = max - min;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      levels[i] = range > 0 ? Math.min(n, Math.floor((n * (values[i]! - min)) / range) + 1) : 1;
    }
    return { levels, nLevels: n, min, width: range / n };
  }
  if (d.method === 'FBS') {
    const w = d.value!;
    const x0 = lowerBound !== undefined && lowerBound !== null && Number.isFinite(lowerBound) ? lowerBound : min;
    let top = 1;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      const l = Math.floor((values[i]! - x0) / w) + 1;
      levels[i] = l;
      if (l > top) top = l;
    }
    return { levels, nLevels: top, min: x0, width: w };
  }
  throw new SonomicsError('BAD_SETTINGS', `discretisation method '${d.method}' is not FBN or FBS`);
}
