/**
 * Zones for GLSZM (IBSI 1 §3.8) and GLDZM (§3.9): maximal groups of connected ROI voxels
 * with the same grey level; 8-connected within a slice (2D) or 26-connected (3D).
 * One labelling pass over the working volume; zones carry their slice for 2D aggregation.
 */
import { neighbourhoodOffsets } from './directions.ts';
import type { TextureVolume } from './volume.ts';

export interface Zones {
  count: number;
  level: Int32Array;
  size: Int32Array;
  /** Slice index (z of the working volume) of each zone; meaningful for 2D labelling. */
  slice: Int32Array;
  /** Smallest distance-map value over the zone's voxels (0 when no map was given). */
  minDistance: Int32Array;
}

/** Label the zones of `v`; `distance` (optional) is a per-voxel map to take zone minima of. */
export function labelZones(v: TextureVolume, volumetric: boolean, distance?: Int32Array): Zones {
  const lv = v.levels, n = lv.length, plane = v.X * v.Y;
  const offs = neighbourhoodOffsets(1, volumetric, v.X, v.Y);
  const seen = new Uint8Array(n);
  const stack = new Int32Array(v.nVoxels);
  // Zone arrays grow by doubling (the zone count is unknown until labelling ends).
  let cap = 64;
  let level: Int32Array = new Int32Array(cap), size: Int32Array = new Int32Array(cap);
  let slice: Int32Array = new Int32Array(cap), minD: Int32Array = new Int32Array(cap);
  let count = 0;
  for (let s = 0; s < n; s++) {
    const a = lv[s]!;
    if (a === 0 || seen[s]) continue;
    seen[s] = 1;
    let top = 0, members = 0, dmin = distance ? distance[s]! : 0;
    stack[top++] = s;
    while (top > 0) {
      const i = stack[--top]!;
      members++;
      if (distance && distance[i]! < dmin) dmin = distance[i]!;
      for (let k = 0; k < offs.length; k++) {
        const j = i + offs[k]!;
        if (lv[j] === a && !seen[j]) { seen[j] = 1; stack[top++] = j; }
      }
    }
    if (count === cap) {
      cap *= 2;
      level = grow(level, cap); size = grow(size, cap); slice = grow(slice, cap); minD = grow(minD, cap);
    }
    level[count] = a;
    size[count] = members;
    slice[count] = Math.floor(s / plane);
    minD[count] = dmin;
    count++;
  }
  return { count, level, size, slice, minDistance: minD };
}

function grow(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
