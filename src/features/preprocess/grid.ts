/**
 * A working sub-volume of an image: the pixels of an index box of the original (or
 * resampled) grid. The pipeline crops to the ROI bounding box plus a margin before
 * interpolating, so every step costs the ROI's size, not the image's.
 */
import type { Geometry, Vec3 } from '../../image/image.ts';

export interface Volume {
  size: Vec3;
  spacing: Vec3;
  data: Float32Array | Float64Array;
}

export interface MaskVolume {
  size: Vec3;
  spacing: Vec3;
  data: Uint8Array;
}

/** Inclusive index box [lo, hi] per axis. */
export interface Box {
  lo: Vec3;
  hi: Vec3;
}

/** Bounding box of the non-zero voxels of a mask, or null when empty. */
export function maskBox(size: Vec3, data: Uint8Array): Box | null {
  const [X, Y, Z] = size;
  const lo: Vec3 = [X, Y, Z];
  const hi: Vec3 = [-1, -1, -1];
  // per row: first and last set voxel; empty rows cost one test per voxel
  for (let z = 0; z < Z; z++) {
    for (let y = 0; y < Y; y++) {
      const row = X * (y + Y * z);
      let x0 = 0;
      while (x0 < X && !data[row + x0]) x0++;
      if (x0 === X) continue;
      let x1 = X - 1;
      while (!data[row + x1]) x1--;
      if (x0 < lo[0]) lo[0] = x0;
      if (x1 > hi[0]) hi[0] = x1;
      if (y < lo[1]) lo[1] = y;
      if (y > hi[1]) hi[1] = y;
      if (z < lo[2]) lo[2] = z;
      if (z > hi[2]) hi[2] = z;
    }
  }
  return hi[0] < 0 ? null : { lo, hi };
}

/** Copies the index box out of a volume (box must lie inside). */
export function cropData<T extends Float32Array | Float64Array | Uint8Array | Int32Array>(size: Vec3, data: T, box: Box): T {
  const nx = box.hi[0] - box.lo[0] + 1, ny = box.hi[1] - box.lo[1] + 1, nz = box.hi[2] - box.lo[2] + 1;
  const out = new (data.constructor as { new (n: number): T })(nx * ny * nz);
  let o = 0;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      const start = box.lo[0] + size[0] * (box.lo[1] + y + size[1] * (box.lo[2] + z));
      out.set(data.subarray(start, start + nx) as never, o);
      o += nx;
    }
  }
  return out;
}

/** cropData into Float64 directly (one copy, converting on the way: the working intensities). */
export function cropToFloat64(size: Vec3, data: Float32Array | Float64Array, box: Box): Float64Array {
  const nx = box.hi[0] - box.lo[0] + 1, ny = box.hi[1] - box.lo[1] + 1, nz = box.hi[2] - box.lo[2] + 1;
  const out = new Float64Array(nx * ny * nz);
  let o = 0;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      const start = box.lo[0] + size[0] * (box.lo[1] + y + size[1] * (box.lo[2] + z));
      out.set(data.subarray(start, start + nx), o);
      o += nx;
    }
  }
  return out;
}

export function boxSize(box: Box): Vec3 {
  return [box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1];
}

/** Clamp a box to a grid, growing it by `margin` voxels per axis first. */
export function growBox(box: Box, margin: Vec3, size: Vec3): Box {
  return {
    lo: [0, 1, 2].map((a) => Math.max(0, box.lo[a]! - margin[a]!)) as Vec3,
    hi: [0, 1, 2].map((a) => Math.min(size[a]! - 1, box.hi[a]! + margin[a]!)) as Vec3,
  };
}

export function sameGrid(a: Geometry, b: Geometry): boolean {
  return a.size.every((v, i) => v === b.size[i]);
}
