/**
 * Bounding boxes and crops. Extraction works on the part of the image around the regions (plus a
 * margin wide enough for the filters), which makes filtering and feature computation several
 * times faster on ultrasound frames where the lesion is a small part of the picture.
 */
import { createImage, createMask, type Geometry, type Image, type Mask, type Vec3 } from './image.ts';

export interface Box {
  lo: Vec3;
  /** Exclusive upper corner. */
  hi: Vec3;
}

/** Bounding box of the non-zero voxels of one or more masks on the same grid; null if all empty. */
export function boundingBox(masks: Mask[]): Box | null {
  const [X, Y, Z] = masks[0]!.size;
  const lo: Vec3 = [X, Y, Z], hi: Vec3 = [-1, -1, -1];
  // Row by row: the first and last set voxel of a row bound x. Whole ultrasound frames around a
  // small lesion are mostly empty rows, which are skipped four voxels (one 32-bit word) at a time.
  for (const m of masks) {
    const d = m.data;
    const words = new Uint32Array(d.buffer, 0, d.buffer.byteLength >> 2);
    for (let z = 0; z < Z; z++) for (let y = 0; y < Y; y++) {
      const row = X * (y + Y * z);
      const first = firstSet(d, words, row, row + X);
      if (first < 0) continue;
      const x0 = first - row, x1 = lastSet(d, words, row, row + X) - row;
      if (x0 < lo[0]) lo[0] = x0; if (x1 > hi[0]) hi[0] = x1;
      if (y < lo[1]) lo[1] = y; if (y > hi[1]) hi[1] = y;
      if (z < lo[2]) lo[2] = z; if (z > hi[2]) hi[2] = z;
    }
  }
  if (hi[0] < 0) return null;
  return { lo, hi: [hi[0] + 1, hi[1] + 1, hi[2] + 1] };
}

/** Index of the first non-zero d[p], from ≤ p < to, or −1; `words` views d's buffer from byte 0. */
function firstSet(d: Uint8Array, words: Uint32Array, from: number, to: number): number {
  const base = d.byteOffset;
  let p = from;
  for (; p < to && (base + p) & 3; p++) if (d[p]) return p;
  while (p + 4 <= to && words[(base + p) >> 2] === 0) p += 4;
  for (; p < to; p++) if (d[p]) return p;
  return -1;
}

/** Index of the last non-zero d[p], from ≤ p < to, or −1 (as firstSet, scanning backwards). */
function lastSet(d: Uint8Array, words: Uint32Array, from: number, to: number): number {
  const base = d.byteOffset;
  let p = to;
  while (p > from && (base + p) & 3) if (d[--p]) return p;
  while (p - 4 >= from && words[(base + p - 4) >> 2] === 0) p -= 4;
  while (p > from) if (d[--p]) return p;
  return -1;
}

/** Grow a box by a margin in mm (per axis, in voxels of the given spacing), clipped to the grid. */
export function growBox(box: Box, g: Geometry, marginMm: number): Box {
  const lo = [0, 1, 2].map((a) => Math.max(0, box.lo[a]! - (g.size[a]! > 1 ? Math.ceil(marginMm / g.spacing[a]!) : 0))) as Vec3;
  const hi = [0, 1, 2].map((a) => Math.min(g.size[a]!, box.hi[a]! + (g.size[a]! > 1 ? Math.ceil(marginMm / g.spacing[a]!) : 0))) as Vec3;
  return { lo, hi };
}

function cropData<T extends Float32Array | Uint8Array>(src: T | Float64Array, size: Vec3, box: Box, out: T): T {
  const [X, Y] = size;
  const nx = box.hi[0] - box.lo[0], ny = box.hi[1] - box.lo[1];
  let o = 0;
  for (let z = box.lo[2]; z < box.hi[2]; z++) for (let y = box.lo[1]; y < box.hi[1]; y++) {
    const start = box.lo[0] + X * (y + Y * z);
    out.set(src.subarray(start, start + nx), o);
    o += nx;
  }
  void ny;
  return out;
}

function croppedGeometry(g: Geometry, box: Box): { size: Vec3; origin: Vec3 } {
  const size = [0, 1, 2].map((a) => box.hi[a]! - box.lo[a]!) as Vec3;
  // New origin = old origin + direction · (lo · spacing).
  const d = g.direction, s = g.spacing, l = box.lo;
  const origin = [0, 1, 2].map((r) => g.origin[r]! + d[3 * r]! * l[0] * s[0] + d[3 * r + 1]! * l[1] * s[1] + d[3 * r + 2]! * l[2] * s[2]) as Vec3;
  return { size, origin };
}

/**
 * The part of `img` inside `box`. `values` (default img.data): voxel values on img's grid to crop
 * instead, e.g. a filter's Float64 output (rounded to float32 as the image stores them).
 */
export function cropImage(img: Image, box: Box, values: Float32Array | Float64Array = img.data): Image {
  const { size, origin } = croppedGeometry(img, box);
  const out = createImage(size, img.spacing, undefined, { ...img, origin });
  cropData(values, img.size, box, out.data);
  out.spacingSource = img.spacingSource;
  return out;
}

export function cropMask(mask: Mask, box: Box): Mask {
  const { size, origin } = croppedGeometry(mask, box);
  const out = createMask(size, mask.spacing, undefined, { ...mask, origin });
  cropData(mask.data, mask.size, box, out.data);
  return out;
}

/** The inverse of cropMask: a mask on `grid`'s geometry holding `part` (cropped at `box`), 0 elsewhere. */
export function uncropMask(part: Mask, box: Box, grid: Mask): Mask {
  const [X, Y] = grid.size;
  const out = createMask(grid.size, grid.spacing, undefined, grid);
  const nx = box.hi[0] - box.lo[0];
  let o = 0;
  for (let z = box.lo[2]; z < box.hi[2]; z++) for (let y = box.lo[1]; y < box.hi[1]; y++) {
    out.data.set(part.data.subarray(o, o + nx), box.lo[0] + X * (y + Y * z));
    o += nx;
  }
  return out;
}
