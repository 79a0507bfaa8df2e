/**
 * Boundary conditions for convolution (IBSI 2 reference manual, section 2.3 "Boundary
 * conditions"): how a filter sees voxels outside the image.
 *
 * - 'zero'     constant zero padding            ... 0 0 | a b c d | 0 0 ...
 * - 'nearest'  the edge voxel repeated          ... a a | a b c d | d d ...
 * - 'periodic' the image tiled (wrap)           ... c d | a b c d | a b ...
 * - 'mirror'   symmetric about the image edge   ... b a | a b c d | d c ...
 *   (the edge voxel is repeated; scipy.ndimage 'reflect', numpy 'symmetric', as MIRP uses
 *   for the IBSI 2 "mirror" tests)
 */
import { SonomicsError } from '../core/errors.ts';

export type BoundaryMode = 'zero' | 'nearest' | 'periodic' | 'mirror';

export const BOUNDARY_MODES: readonly BoundaryMode[] = ['zero', 'nearest', 'periodic', 'mirror'];

/**
 * The index inside [0, n) that position i (possibly outside) reads from, or -1 for a zero.
 * Works for any distance outside the image (the kernel may be longer than the image).
 */
export function boundaryIndex(i: number, n: number, mode: BoundaryMode): number {
  if (i >= 0 && i < n) return i;
  switch (mode) {
    case 'zero':
      return -1;
    case 'nearest':
      return i < 0 ? 0 : n - 1;
    case 'periodic':
      return ((i % n) + n) % n;
    case 'mirror': {
      // Period 2n: a b c d d c b a | a b c d ...
      const p = 2 * n;
      const m = ((i % p) + p) % p;
      return m < n ? m : p - 1 - m;
    }
  }
}

export function parseBoundary(value: string): BoundaryMode {
  const v = value.toLowerCase();
  if (v === 'zero' || v === 'constant') return 'zero';
  if (v === 'nearest' || v === 'edge') return 'nearest';
  if (v === 'periodic' || v === 'wrap') return 'periodic';
  if (v === 'mirror' || v === 'reflect' || v === 'symmetric') return 'mirror';
  throw new SonomicsError('BAD_SETTINGS', `unknown filter boundary condition "${value}": use one of ${BOUNDARY_MODES.join(', ')}`);
}
