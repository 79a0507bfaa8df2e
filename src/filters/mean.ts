/**
 * Mean filter (IBSI 2 reference manual, section 2.1): the average over a cubic (3D) or square
 * (2D, slice-wise) support of M voxels per side; separable as M⁻¹·1 along each axis.
 */
import { SonomicsError } from '../core/errors.ts';
import type { Vec3 } from '../image/image.ts';
import type { BoundaryMode } from './boundary.ts';
import { convolveSeparable } from './convolve.ts';

export function meanFilter(data: Float64Array, size: Vec3, support: number, dims: 2 | 3, mode: BoundaryMode): Float64Array {
  if (!Number.isInteger(support) || support < 1 || support % 2 === 0) {
    throw new SonomicsError('BAD_SETTINGS', `mean filter support must be an odd whole number of voxels (got ${support})`);
  }
  const w = new Float64Array(support).fill(1 / support);
  return convolveSeparable(data, size, [w, w, dims === 3 ? w : null], mode);
}
