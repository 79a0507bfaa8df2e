/**
 * The working grid of every texture family: the ROI cropped to its bounding box and padded
 * with a frame of zeros, so that neighbour look-ups at offsets up to the padding need no
 * bounds checks (a padded voxel has level 0 = outside the ROI, and is outside the
 * morphological mask, which is what IBSI wants at the image edge too).
 */
import { SonomicsError } from '../../core/errors.ts';
import type { DiscretisedRoi } from '../types.ts';
import { textureArena, type KernelArena } from './kernels.ts';

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
  const wasm = textureArena();
  if (wasm !== null) {
    const v = volumeWasm(wasm, roi, padXY, padZ);
    if (v !== null) return v;
  }
  const [x0, y0, z0, x1, y1, z1, count, maxLevel] = roiExtentJs(roi);
  checkExtent(roi, count, maxLevel);
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

function checkExtent(roi: DiscretisedRoi, count: number, maxLevel: number): void {
  if (count === 0) {
    throw new SonomicsError('EMPTY_MASK', 'texture ROI has no voxel with a grey level > 0; check the mask and the re-segmentation range');
  }
  if (maxLevel > roi.nLevels) {
    throw new SonomicsError('BAD_INPUT', `texture ROI: grey level ${maxLevel} exceeds nLevels ${roi.nLevels}; discretise to 1..nLevels`);
  }
}

/** Bounding box of intensity ROI ∪ morphological mask, one row at a time: x0, y0, z0, x1, y1, z1, ROI voxels, largest level. */
function roiExtentJs(roi: DiscretisedRoi): number[] {
  const [sx, sy, sz] = roi.size;
  const lv = roi.levels, mm = roi.morphMask;
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
  return [x0, y0, z0, x1, y1, z1, count, maxLevel];
}

/**
 * The volume by the WebAssembly kernels (assembly/texture.ts roiExtent, fillVolume): the grid is
 * made in the kernels' memory, copied out, and its levels and ROI voxel list stay there for the
 * families' kernels (no copy back in). Null without memory.
 */
function volumeWasm(arena: KernelArena, roi: DiscretisedRoi, padXY: number, padZ: number): TextureVolume | null {
  const [sx, sy, sz] = roi.size;
  const n = sx * sy * sz, mm = roi.morphMask;
  arena.forVolume(roi); // a new volume follows: nothing placed so far is needed
  const mark = arena.mark();
  const lv = arena.alloc(4 * n), m = arena.alloc(mm ? n : 0), ext = arena.alloc(32);
  if (lv < 0 || m < 0 || ext < 0) { arena.release(mark); return null; }
  arena.i32(lv, n).set(roi.levels);
  if (mm) arena.u8(m, n).set(mm);
  arena.k.roiExtent(lv, m, mm ? 1 : 0, sx, sy, sz, ext);
  const [x0, y0, z0, x1, y1, z1, count, maxLevel] = arena.i32(ext, 8);
  checkExtent(roi, count!, maxLevel!);
  const X = x1! - x0! + 1 + 2 * padXY, Y = y1! - y0! + 1 + 2 * padXY, Z = z1! - z0! + 1 + 2 * padZ, grid = X * Y * Z;
  const at = [arena.alloc(4 * grid), arena.alloc(grid), arena.alloc(4 * count!), arena.alloc(4 * (Z + 1))];
  if (at.some((a) => a < 0)) { arena.release(mark); return null; }
  const [levelsAt, morphAt, indexAt, startAt] = at as [number, number, number, number];
  arena.i32(levelsAt, grid).fill(0);
  arena.u8(morphAt, grid).fill(0);
  arena.i32(startAt, Z + 1).fill(0);
  arena.k.fillVolume(lv, m, mm ? 1 : 0, sx, sy, x0!, y0!, z0!, x1!, y1!, z1!, padXY, padZ, X, Y, Z, levelsAt, morphAt, indexAt, startAt);
  const v: TextureVolume = {
    X, Y, Z,
    levels: arena.i32(levelsAt, grid).slice(),
    morph: arena.u8(morphAt, grid).slice(),
    nLevels: roi.nLevels, padXY, padZ, nVoxels: count!,
    roiIndex: arena.i32(indexAt, count!).slice(),
    sliceStart: arena.i32(startAt, Z + 1).slice(),
  };
  arena.release(mark);
  // the grid's levels and ROI voxel list, placed for v (the families' kernels read them)
  arena.forVolume(v);
  const levels = arena.place(v.levels), index = arena.place(v.roiIndex);
  if (levels < 0 || index < 0) arena.forVolume(roi);
  return v;
}

/** Number of ROI voxels in slice z of the volume. */
export function sliceVoxelCount(v: TextureVolume, z: number): number {
  return v.sliceStart[z + 1]! - v.sliceStart[z]!;
}

/** Size [x, y, z] of the ROI box inside the padding (z: the slices, when z is not padded). */
export function roiBox(v: TextureVolume): [number, number, number] {
  return [v.X - 2 * v.padXY, v.Y - 2 * v.padXY, v.Z - 2 * v.padZ];
}
