/**
 * Laws kernels (IBSI 2 reference manual, section 2.4; Laws 1980). A filter is named by one
 * 1D kernel per axis, x first: "L5E5" (2D: L5 along x, E5 along y), "E5L5S5" (3D). Kernels
 * are normalised to unit L2 norm (IBSI). Optional rotation invariance (pooling over the
 * right-angle rotations) and the texture-energy map: the mean of |response| over a
 * (2δ+1)-voxel cube/square, computed after pooling, with the same boundary condition (IBSI 2,
 * "Laws energy"; as MIRP).
 */
import { SonomicsError } from '../core/errors.ts';
import type { Vec3 } from '../image/image.ts';
import type { BoundaryMode } from './boundary.ts';
import { meanFilter } from './mean.ts';
import type { Pooling } from './rotations.ts';
import { FirstPassCache, kernelKey, pooledOverRotations, rotateKernels } from './separable-bank.ts';

const LAWS_1D: Record<string, number[]> = {
  L3: [1, 2, 1],
  E3: [-1, 0, 1],
  S3: [-1, 2, -1],
  L5: [1, 4, 6, 4, 1],
  E5: [-1, -2, 0, 2, 1],
  S5: [-1, 0, 2, 0, -1],
  W5: [-1, 2, 0, -2, 1],
  R5: [1, -4, 6, -4, 1],
};

export const LAWS_KERNEL_NAMES = Object.keys(LAWS_1D);

/** Parse "E5L5S5" into unit-norm 1D kernels (x, y[, z]). */
export function lawsKernels(name: string): Float64Array[] {
  const parts = name.toUpperCase().match(/[A-Z]\d/g) ?? [];
  if (parts.join('') !== name.toUpperCase() || parts.length < 2 || parts.length > 3) {
    throw new SonomicsError('BAD_SETTINGS', `Laws kernel "${name}" must be 2 or 3 of ${LAWS_KERNEL_NAMES.join(', ')} (e.g. "L5E5" or "E5L5S5")`);
  }
  return parts.map((p) => {
    const k = LAWS_1D[p];
    if (!k) throw new SonomicsError('BAD_SETTINGS', `unknown Laws kernel "${p}" in "${name}": use ${LAWS_KERNEL_NAMES.join(', ')}`);
    const norm = Math.sqrt(k.reduce((s, v) => s + v * v, 0));
    return Float64Array.from(k, (v) => v / norm);
  });
}

export interface LawsOptions {
  kernels: string;
  rotationInvariant: boolean;
  pooling: Pooling;
  /** Texture energy map with half-width δ (voxels); null = the plain response. */
  energyDelta: number | null;
  mode: BoundaryMode;
}

export function lawsFilter(data: Float64Array, size: Vec3, o: LawsOptions): Float64Array {
  const kernels = lawsKernels(o.kernels);
  const dims = kernels.length as 2 | 3;
  if (dims === 3 && size[2] === 1) {
    throw new SonomicsError('BAD_SETTINGS', `Laws kernel "${o.kernels}" is 3D but the image is 2D: use a 2-kernel name such as "L5E5"`);
  }
  const cache = new FirstPassCache(data, size, o.mode);
  const response = pooledOverRotations(
    dims, o.rotationInvariant, o.pooling,
    (rot) => cache.convolve(rotateKernels(kernels, rot)),
    (rot) => kernelKey(rotateKernels(kernels, rot)),
  );
  if (o.energyDelta === null) return response;
  for (let i = 0; i < response.length; i++) response[i] = Math.abs(response[i]!);
  return meanFilter(response, size, 2 * o.energyDelta + 1, dims, o.mode);
}
