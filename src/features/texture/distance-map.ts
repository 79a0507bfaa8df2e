/**
 * Distance of each ROI voxel to the ROI border for the GLDZM (IBSI 1 §3.9): the number of
 * 4-connected (2D, within the slice) or 6-connected (3D) steps to leave the morphological
 * mask, so a voxel on the border has distance 1. Multi-source breadth-first search from the
 * border voxels; the padded frame makes the image edge a border too.
 */
import type { TextureVolume } from './volume.ts';

export function borderDistanceMap(v: TextureVolume, volumetric: boolean): Int32Array {
  const { X, Y, morph } = v;
  const n = morph.length;
  const offs = volumetric ? [1, -1, X, -X, X * Y, -X * Y] : [1, -1, X, -X];
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0, tail = 0;
  for (let i = 0; i < n; i++) {
    if (!morph[i]) continue;
    for (const o of offs) {
      if (!morph[i + o]) { dist[i] = 1; queue[tail++] = i; break; }
    }
  }
  while (head < tail) {
    const i = queue[head++]!;
    const d = dist[i]! + 1;
    for (const o of offs) {
      const j = i + o;
      if (morph[j] && dist[j] === 0) { dist[j] = d; queue[tail++] = j; }
    }
  }
  return dist;
}
