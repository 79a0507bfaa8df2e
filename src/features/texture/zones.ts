/**
 * Zones for GLSZM (IBSI 1 §3.8) and GLDZM (§3.9): maximal groups of connected ROI voxels
 * with the same grey level; 8-connected within a slice (2D) or 26-connected (3D).
 * One flood-fill pass over the working volume; zones carry their slice for 2D aggregation.
 * The fill follows the same-level neighbour bits (same-level.ts) rather than testing the grey
 * level of every neighbour.
 * The labelling is cached per working volume, so GLSZM and GLDZM share it.
 */
import { sameLevelBits } from './same-level.ts';
import type { TextureVolume } from './volume.ts';
import { perVolumeCache } from './per-volume-cache.ts';
import { textureArena } from './kernels.ts';

export interface Zones {
  count: number;
  level: Int32Array;
  size: Int32Array;
  /** Slice index (z of the working volume) of each zone; meaningful for 2D labelling. */
  slice: Int32Array;
  /** Zone number (0-based) of every voxel of the working volume; -1 outside the ROI. */
  label: Int32Array;
}

/** The zones of volume v (8- or 26-connected), cached per volume. */
export const labelZones = perVolumeCache(computeZones);

function computeZones(v: TextureVolume, volumetric: boolean): Zones {
  return zonesWasm(v, volumetric) ?? zonesJs(v, volumetric);
}

/** The labelling by the WebAssembly kernel (assembly/texture.ts labelZones), copied out; null without the kernels or memory. */
function zonesWasm(v: TextureVolume, volumetric: boolean): Zones | null {
  const arena = textureArena();
  if (arena === null) return null;
  const same = sameLevelBits(v, volumetric);
  arena.forVolume(v);
  const lv = arena.place(v.levels), idx = arena.place(v.roiIndex), offs = arena.place(same.offsets), bits = arena.place(same.bits);
  if (lv < 0 || idx < 0 || offs < 0 || bits < 0) return null;
  const mark = arena.mark(), n = v.nVoxels, grid = v.levels.length;
  const label = arena.alloc(4 * grid), stack = arena.alloc(4 * n), level = arena.alloc(4 * n), size = arena.alloc(4 * n), slice = arena.alloc(4 * n);
  if (label < 0 || stack < 0 || level < 0 || size < 0 || slice < 0) { arena.release(mark); return null; }
  arena.i32(label, grid).fill(-1);
  const count = arena.k.labelZones(lv, idx, n, offs, bits, v.X * v.Y, label, stack, level, size, slice);
  const zones = { count, level: arena.i32(level, count).slice(), size: arena.i32(size, count).slice(), slice: arena.i32(slice, count).slice(), label: arena.i32(label, grid).slice() };
  arena.release(mark);
  return zones;
}

/** The JavaScript twin of the kernel (and the fallback without WebAssembly). */
function zonesJs(v: TextureVolume, volumetric: boolean): Zones {
  const plane = v.X * v.Y, idx = v.roiIndex;
  const { offsets: offs, bits } = sameLevelBits(v, volumetric);
  const label = new Int32Array(v.levels.length).fill(-1);
  const stack = new Int32Array(v.nVoxels);
  // There are at most as many zones as ROI voxels: size the arrays once, trim at the end.
  const level = new Int32Array(v.nVoxels), size = new Int32Array(v.nVoxels), slice = new Int32Array(v.nVoxels);
  let count = 0;
  for (let q = 0; q < idx.length; q++) {
    const s = idx[q]!;
    if (label[s] !== -1) continue;
    label[s] = count;
    let top = 0, members = 0;
    stack[top++] = s;
    while (top > 0) {
      const i = stack[--top]!;
      members++;
      // visit the same-level neighbours only: lowest set bit first
      for (let m = bits[i]!; m !== 0; m &= m - 1) {
        const j = i + offs[31 - Math.clz32(m & -m)]!;
        if (label[j] === -1) { label[j] = count; stack[top++] = j; }
      }
    }
    level[count] = v.levels[s]!;
    size[count] = members;
    slice[count] = Math.floor(s / plane);
    count++;
  }
  return { count, level: level.slice(0, count), size: size.slice(0, count), slice: slice.slice(0, count), label };
}

/** Per zone, the smallest value of a per-voxel map over the zone's voxels (GLDZM distance). */
export function zoneMinimum(v: TextureVolume, zones: Zones, map: Int32Array): Int32Array {
  const out = new Int32Array(zones.count).fill(0x7fffffff);
  const idx = v.roiIndex, label = zones.label;
  for (let q = 0; q < idx.length; q++) {
    const i = idx[q]!;
    const z = label[i]!;
    if (map[i]! < out[z]!) out[z] = map[i]!;
  }
  return out;
}
