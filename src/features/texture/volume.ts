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
  let x0 = sx, y0 = sy, z0 = sz, x1 = -1, y1 = -1, z1 = -1, count = 0;
  for (let z = 0, i = 0; z < sz; z++) {
    for (let y = 0; y < sy; y++) {
      for (let x = 0; x < sx; x++, i++) {
        const l = lv[i]!;
        if (l > 0) {
          count++;
          if (l > roi.nLevels) {
            throw new SonomicsError('BAD_INPUT', `texture ROI: grey level ${l} at voxel ${i} exceeds nLevels ${roi.nLevels}; discretise to 1..nLevels`);
          }
        }
        if (l > 0 || (mm !== undefined && mm[i] !== 0)) {
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
          if (z < z0) z0 = z;
          if (z > z1) z1 = z;
        }
      }
    }
  }
  if (count === 0) {
    throw new SonomicsError('EMPTY_MASK', 'texture ROI has no voxel with a grey level > 0; check the mask and the re-segmentation range');
  }
  const X = x1 - x0 + 1 + 2 * padXY, Y = y1 - y0 + 1 + 2 * padXY, Z = z1 - z0 + 1 + 2 * padZ;
  const levels = new Int32Array(X * Y * Z);
  const morph = new Uint8Array(X * Y * Z);
  for (let z = z0; z <= z1; z++) {
    for (let y = y0; y <= y1; y++) {
      const src = x0 + sx * (y + sy * z);
      const dst = padXY + X * (y - y0 + padXY + Y * (z - z0 + padZ));
      for (let x = 0; x <= x1 - x0; x++) {
        const l = lv[src + x]!;
        levels[dst + x] = l;
        morph[dst + x] = mm ? (mm[src + x] !== 0 || l > 0 ? 1 : 0) : l > 0 ? 1 : 0;
      }
    }
  }
  return { X, Y, Z, levels, morph, nLevels: roi.nLevels, padXY, padZ, nVoxels: count };
}

/** Number of ROI voxels in slice z of the volume. */
export function sliceVoxelCount(v: TextureVolume, z: number): number {
  const plane = v.X * v.Y, lv = v.levels;
  let n = 0;
  for (let i = z * plane, e = i + plane; i < e; i++) if (lv[i]! > 0) n++;
  return n;
}
