/**
 * Exact Euclidean distance transform in millimetres, 2D and 3D, anisotropic spacing respected.
 *
 * Method: Felzenszwalb & Huttenlocher, "Distance Transforms of Sampled Functions", Theory of
 * Computing 8 (2012) 415–428, §2.1 (lower envelope of parabolas), applied separably along x,
 * then y, then z (squared Euclidean distance is a sum over axes, so the 1D transforms compose
 * exactly). Along an axis with spacing s the parabola rooted at grid point q is
 * f(q) + s²(p − q)², which is how anisotropy enters.
 *
 * Distances are between voxel centres. Voxels outside the grid are neither seeds nor
 * obstacles: only voxels of the grid take part.
 */
import type { Geometry, Vec3 } from './image.ts';

/**
 * Squared distance (mm²) from every voxel to the nearest voxel where `seeds[i]` is non-zero.
 * Seeds get 0; when there are no seeds every voxel gets +Infinity.
 */
export function squaredDistanceToSeeds(seeds: ArrayLike<number>, size: Vec3, spacing: Vec3): Float64Array {
  return run(seeds, size, spacing, false).d2;
}

export interface FeatureTransform {
  /** Squared distance (mm²) to the nearest seed; +Infinity when there is none. */
  d2: Float64Array;
  /** Linear index of that nearest seed (ties: one of them), -1 when there is none. */
  nearest: Int32Array;
}

/** Squared distance and the nearest seed itself (the "feature transform"), same method. */
export function nearestSeed(seeds: ArrayLike<number>, size: Vec3, spacing: Vec3): FeatureTransform {
  const r = run(seeds, size, spacing, true);
  return { d2: r.d2, nearest: r.nearest! };
}

function run(seeds: ArrayLike<number>, size: Vec3, spacing: Vec3, track: boolean): { d2: Float64Array; nearest: Int32Array | null } {
  const [X, Y, Z] = size;
  const n = X * Y * Z;
  const d = new Float64Array(n);
  const idx = track ? new Int32Array(n) : null;
  for (let i = 0; i < n; i++) {
    d[i] = seeds[i] ? 0 : Infinity;
    if (idx) idx[i] = seeds[i] ? i : -1;
  }
  const maxLen = Math.max(X, Y, Z);
  const f = new Float64Array(maxLen), out = new Float64Array(maxLen);
  const fi = new Int32Array(maxLen), oi = new Int32Array(maxLen);
  const v = new Int32Array(maxLen), z = new Float64Array(maxLen + 1);
  const axes: Array<[number, number, number, number]> = [
    // [line length, stride along the line, spacing², which axis]
    [X, 1, spacing[0] * spacing[0], 0],
    [Y, X, spacing[1] * spacing[1], 1],
    [Z, X * Y, spacing[2] * spacing[2], 2],
  ];
  for (const [len, stride, w, axis] of axes) {
    if (len <= 1) continue;
    // Every line along this axis starts at a voxel whose coordinate on the axis is 0.
    for (let start = 0; start < n; start++) {
      const coord = axis === 0 ? start % X : axis === 1 ? Math.floor(start / X) % Y : Math.floor(start / (X * Y));
      if (coord !== 0) continue;
      for (let p = 0; p < len; p++) { f[p] = d[start + stride * p]!; if (idx) fi[p] = idx[start + stride * p]!; }
      transform1D(f, len, w, out, v, z, idx ? fi : null, oi);
      for (let p = 0; p < len; p++) { d[start + stride * p] = out[p]!; if (idx) idx[start + stride * p] = oi[p]!; }
    }
  }
  return { d2: d, nearest: idx };
}

/**
 * 1D transform: out[p] = min_q ( f[q] + w (p − q)² ), w = spacing². Infinite f[q] (no seed)
 * never joins the envelope, so rows without seeds stay infinite. With `fi`, the winning q's
 * seed index is carried along into `oi`.
 */
function transform1D(f: Float64Array, n: number, w: number, out: Float64Array, v: Int32Array, z: Float64Array, fi: Int32Array | null, oi: Int32Array): void {
  let k = -1;
  for (let q = 0; q < n; q++) {
    const fq = f[q]!;
    if (fq === Infinity) continue;
    if (k < 0) { k = 0; v[0] = q; z[0] = -Infinity; z[1] = Infinity; continue; }
    // Intersection of the parabola at q with the rightmost one in the envelope.
    let s = intersect(f, w, q, v[k]!);
    while (s <= z[k]!) {
      k--;
      if (k < 0) break;
      s = intersect(f, w, q, v[k]!);
    }
    if (k < 0) { k = 0; v[0] = q; z[0] = -Infinity; z[1] = Infinity; continue; }
    k++;
    v[k] = q; z[k] = s; z[k + 1] = Infinity;
  }
  if (k < 0) {
    for (let p = 0; p < n; p++) { out[p] = Infinity; oi[p] = -1; }
    return;
  }
  let j = 0;
  for (let p = 0; p < n; p++) {
    while (z[j + 1]! < p) j++;
    const dq = p - v[j]!;
    out[p] = w * dq * dq + f[v[j]!]!;
    if (fi) oi[p] = fi[v[j]!]!;
  }
}

function intersect(f: Float64Array, w: number, q: number, r: number): number {
  return ((f[q]! + w * q * q) - (f[r]! + w * r * r)) / (2 * w * (q - r));
}

/** Distance (mm) from every voxel to the nearest voxel of the mask (0 inside the mask). */
export function distanceToMask(mask: Geometry & { data: Uint8Array }): Float64Array {
  const d = squaredDistanceToSeeds(mask.data, mask.size, mask.spacing);
  for (let i = 0; i < d.length; i++) d[i] = Math.sqrt(d[i]!);
  return d;
}

/** Distance (mm) from every voxel to the nearest voxel outside the mask (0 outside the mask). */
export function distanceToOutside(mask: Geometry & { data: Uint8Array }): Float64Array {
  const outside = new Uint8Array(mask.data.length);
  for (let i = 0; i < outside.length; i++) outside[i] = mask.data[i] ? 0 : 1;
  const d = squaredDistanceToSeeds(outside, mask.size, mask.spacing);
  for (let i = 0; i < d.length; i++) d[i] = Math.sqrt(d[i]!);
  return d;
}
