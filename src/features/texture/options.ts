/** Validation of the texture options shared by the families. */
import { SonomicsError } from '../../core/errors.ts';
import type { TextureOptions } from '../types.ts';
import { shellOffsets, type Direction } from './directions.ts';

/** Chebyshev neighbourhood distance δ (IBSI 1 §3.6, §3.10, §3.11), default 1. */
export function textureDistance(options: TextureOptions, family: string): number {
  const d = options.distance ?? 1;
  if (!Number.isInteger(d) || d < 1) {
    throw new SonomicsError('BAD_SETTINGS', `${family}: texture distance must be a positive integer (Chebyshev voxels), got ${d}`);
  }
  return d;
}

/**
 * PyRadiomics distance shells (TextureOptions.distanceShells), checked; undefined when unset (IBSI δ).
 * Shells replace δ, so a δ other than 1 beside them is refused rather than silently ignored.
 */
export function textureShells(options: TextureOptions, family: string): readonly number[] | undefined {
  const shells = options.distanceShells;
  if (shells === undefined) return undefined;
  if (!Array.isArray(shells) || shells.length === 0 || shells.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new SonomicsError('BAD_SETTINGS', `${family}: texture distance shells must be a non-empty list of positive integers (Chebyshev voxels), got ${JSON.stringify(shells)}`);
  }
  if ((options.distance ?? 1) !== 1) {
    throw new SonomicsError('BAD_SETTINGS', `${family}: texture distance ${options.distance} and distance shells ${JSON.stringify(shells)} are both set; the shells replace the distance, so set only one`);
  }
  return shells;
}

/**
 * How far the neighbours reach, i.e. the padding the texture volume needs: δ, or the largest shell,
 * but never more than the ROI's largest side (offsets reaching the box size are dropped anyway).
 */
export function neighbourReach(distance: number, shells: readonly number[] | undefined, size: readonly number[]): number {
  return shells ? Math.min(Math.max(...shells), Math.max(...size)) : distance;
}

/**
 * Offsets of the shells within the ROI box, or an error naming the shells and the box when none
 * fits (PyRadiomics stops there too, with "Error getting angle count").
 */
export function shellNeighbours(shells: readonly number[], box: readonly number[], volumetric: boolean, oneSided: boolean, family: string): Direction[] {
  const offsets = shellOffsets(shells, box, volumetric, oneSided);
  if (offsets.length === 0) {
    throw new SonomicsError('BAD_SETTINGS', `${family}: no neighbour at Chebyshev distance ${shells.join(', ')} fits in the ROI's ${box.slice(0, volumetric ? 3 : 2).join('×')} voxel box${volumetric ? '' : ' (in-plane)'} (PyRadiomics stops here with "Error getting angle count"); list a distance smaller than the ROI`);
  }
  return offsets;
}

/** NGLDM coarseness a (IBSI 1 §3.11), default 0. */
export function ngldmCoarseness(options: TextureOptions): number {
  const a = options.ngldmCoarseness ?? 0;
  if (!Number.isFinite(a) || a < 0) {
    throw new SonomicsError('BAD_SETTINGS', `NGLDM: coarseness a must be ≥ 0, got ${a}`);
  }
  return a;
}
