/**
 * The working grid of every texture family: the ROI cropped to its bounding box and padded
 * with a frame of zeros, so that neighbour look-ups at offsets up to the padding need no
 * bounds checks (a padded voxel has level 0 = outside the ROI, and is outside the
 * morphological mask, which is what IBSI wants at the image edge too).
 */
import { SonomicsError } from '../../core/errors.ts';
import type { DiscretisedRoi } from '../types.ts';

export interface TextureVolume {
  /** Padded, cropped grid size; index = x + X·(y + Y·z). */
  X: number;
  Y: number;
  Z: number;
  /** Grey levels 1..nLevels inside the intensity ROI, 0 elsewhere. */
  levels: Int32Array;
  /** Morphological mask on the same grid (levels > 0 when the ROI carries none). */
  morph: Uint8Array;
  nLevels: number;
  /** Padding in x/y and in z (z is padded only for 3D work). */
  padXY: number;
  padZ: number;
  /** Number of ROI voxels (levels > 0). */
  nVoxels: number;
  /** Flat indices of the ROI voxels, ascending (so each slice is one contiguous run). */
  roiIndex: Int32Array;
  /** roiIndex[sliceStart[z] .. sliceStart[z + 1]) are the ROI voxels of slice z. */
  sliceStart: Int32Array;
}

/** Range [start, end) of roiIndex positions of slice z (z = -1: the whole volume). */
export function roiRange(v: TextureVolume, z: number): [number, number] {
  return z < 0 ? [0, v.nVoxels] : [v.sliceStart[z]!, v.sliceStart[z + 1]!];
}

/**
 * Working volumes are cached per ROI (keyed by its levels array): the six families of one
 * extraction share the crop. A DiscretisedRoi is treated as immutable once built.
 */
const cache = new WeakMap<Int32Array, { roi: DiscretisedRoi; volumes: Map<string, TextureVolume> }>();

/** textureVolume, reusing the volume built for the same ROI and padding. */
export function cachedTextureVolume(roi: DiscretisedRoi, padXY: number, padZ: number): TextureVolume {
  let entry = cache.get(roi.levels);
  if (!entry || entry.roi.morphMask !== roi.morphMask || entry.roi.nLevels !== roi.nLevels || entry.roi.size.join() !== roi.size.join()) {
    entry = { roi, volumes: new Map() };
    cache.set(roi.levels, entry);
  }
  const key = `${padXY},${padZ}`;
  let v = entry.volumes.get(key);
  if (!v) {
    v = textureVolume(roi, padXY, padZ);
    entry.volumes.set(key, v);
  }
  return v;
}

/** Crop `roi` to the bounding box of its intensity and morphological masks and pad it. */
export function textureVolume(roi: DiscretisedRoi, padXY: number, padZ: number): TextureVolume {
  const [sx, sy, sz] = roi.size;
  const n = sx * sy * sz;
  const lv = roi.levels;
  const mm = roi.morphMask;
  if (lv.length !== n) {
    throw new SonomicsError('BAD_INPUT', `texture ROI: levels has ${lv.length} values but size ${roi.size.join('×')} needs ${n}; rebuild the DiscretisedRoi from one grid`);
  }
  if (mm && mm.length !== n) {
    throw new SonomicsError('BAD_INPUT', `texture ROI: morphMask has ${mm.length} values but size ${roi.size.join('×')} needs ${n}; pass the mask on the same grid as levels`);
  }
  if (!Number.isInteger(roi.nLevels) || roi.nLevels < 1) {
    throw new SonomicsError('BAD_INPUT', `texture ROI: nLevels must be a positive integer, got ${roi.nLevels}`);
  }
  // Bounding box of intensity ROI ∪ morphological mask, one row at a time.
  let x0 = sx, y0 = sy, z0 = sz, x1 = -1, y1 = -1, z1 = -1, count = 0, maxLevel = 0;
  for (let z = 0; z < sz; z++) {
    for (let y = 0; y < sy; y++) {
      const row = sx * (y + sy * z);
      let first = -1, last = -1;
      for (let x = 0; x < sx; x++) {
        const l = lv[row + x]!;
        if (l > 0) {
          count++;
          if (l > maxLevel) maxLevel = l;
        } else if (mm === undefined || mm[row + x] === 0) continue;
        if (first < 0) first = x;
        last = x;
      }
      if (first < 0) continue;
      if (first < x0) x0 = first;
      if (last > x1) x1 = last;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (z < z0) z0 = z;
      z1 = z;
    }
  }
  if (count === 0) {
    throw new SonomicsError('EMPTY_MASK', 'texture ROI has no voxel with a grey level > 0; check the mask and the re-segmentation range');
  }
  if (maxLevel > roi.nLevels) {
    throw new SonomicsError('BAD_INPUT', `texture ROI: grey level ${maxLevel} exceeds nLevels ${roi.nLevels}; discretise to 1..nLevels`);
  }
  const X = x1 - x0 + 1 + 2 * padXY, Y = y1 - y0 + 1 + 2 * padXY, Z = z1 - z0 + 1 + 2 * padZ;
  const levels = new Int32Array(X * Y * Z);
  const morph = new Uint8Array(X * Y * Z);
  const roiIndex = new Int32Array(count);
  const sliceStart = new Int32Array(Z + 1);
  let q = 0;
  for (let z = z0; z <= z1; z++) {
    const zz = z - z0 + padZ;
    sliceStart[zz] = q;
    for (let y = y0; y <= y1; y++) {
      const src = x0 + sx * (y + sy * z);
      const dst = padXY + X * (y - y0 + padXY + Y * zz);
      for (let x = 0; x <= x1 - x0; x++) {
        const l = lv[src + x]!;
        if (l > 0) {
          levels[dst + x] = l;
          morph[dst + x] = 1;
          roiIndex[q++] = dst + x;
        } else if (mm !== undefined && mm[src + x] !== 0) {
          morph[dst + x] = 1;
        }
      }
    }
  }
  // Padding slices (and the slices after the last) start where the ROI voxels end.
  for (let zz = z1 - z0 + 1 + padZ; zz <= Z; zz++) sliceStart[zz] = q;
  return { X, Y, Z, levels, morph, nLevels: roi.nLevels, padXY, padZ, nVoxels: count, roiIndex, sliceStart };
}

/** Number of ROI voxels in slice z of the volume. */
export function sliceVoxelCount(v: TextureVolume, z: number): number {
  return v.sliceStart[z + 1]! - v.sliceStart[z]!;
}

/** Size [x, y, z] of the ROI box inside the padding (z: the slices, when z is not padded). */
export function roiBox(v: TextureVolume): [number, number, number] {
  return [v.X - 2 * v.padXY, v.Y - 2 * v.padXY, v.Z - 2 * v.padZ];
}
