/**
 * Distance of each ROI voxel to the ROI border for the GLDZM (IBSI 1 §3.9): the number of
 * 4-connected (2D, within the slice) or 6-connected (3D) steps to leave the morphological
 * mask, so a voxel on the border has distance 1. That is the city-block (L1) distance to
 * the nearest voxel outside the mask, computed exactly by a two-pass raster transform
 * (Rosenfeld & Pfaltz 1966); the padded frame makes the image edge a border too.
 */
import type { TextureVolume } from './volume.ts';

export function borderDistanceMap(v: TextureVolume, volumetric: boolean): Int32Array {
  const { X, Y, morph } = v;
  const n = morph.length, plane = X * Y;
  const dz = volumetric ? plane : 0;
  const dist = new Int32Array(n);
  const far = 0x3fffffff;
  // Forward pass: predecessors in x, y (and z).
  for (let i = 0; i < n; i++) {
    if (!morph[i]) continue;
    let d = far;
    if (i >= 1 && dist[i - 1]! < d) d = dist[i - 1]!;
    if (i >= X && dist[i - X]! < d) d = dist[i - X]!;
    if (dz && i >= dz && dist[i - dz]! < d) d = dist[i - dz]!;
    dist[i] = d + 1;
  }
  // Backward pass: successors.
  for (let i = n - 1; i >= 0; i--) {
    if (!morph[i]) continue;
    let d = dist[i]! - 1;
    if (i + 1 < n && dist[i + 1]! < d) d = dist[i + 1]!;
    if (i + X < n && dist[i + X]! < d) d = dist[i + X]!;
    if (dz && i + dz < n && dist[i + dz]! < d) d = dist[i + dz]!;
    dist[i] = d + 1;
  }
  return dist;
}
