/** Validation of the texture options shared by the families. */
import { SonomicsError } from '../../core/errors.ts';
import type { TextureOptions } from '../types.ts';

/** Chebyshev neighbourhood distance δ (IBSI 1 §3.6, §3.10, §3.11), default 1. */
export function textureDistance(options: TextureOptions, family: string): number {
  const d = options.distance ?? 1;
  if (!Number.isInteger(d) || d < 1) {
    throw new SonomicsError('BAD_SETTINGS', `${family}: texture distance must be a positive integer (Chebyshev voxels), got ${d}`);
  }
  return d;
}

/** NGLDM coarseness a (IBSI 1 §3.11), default 0. */
export function ngldmCoarseness(options: TextureOptions): number {
  const a = options.ngldmCoarseness ?? 0;
  if (!Number.isFinite(a) || a < 0) {
    throw new SonomicsError('BAD_SETTINGS', `NGLDM: coarseness a must be ≥ 0, got ${a}`);
  }
  return a;
}
