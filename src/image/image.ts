/**
 * The one pixel container. x runs fastest: index = x + X·(y + Y·z). A 2D image has z = 1.
 * Geometry is in millimetres unless `spacingUnit` says 'pixel' (an uncalibrated image:
 * every mm quantity is then in pixel units, and readers say so with a warning).
 */
export type Vec3 = [number, number, number];
/** Row-major 3×3 direction cosines; columns are the x, y, z axis directions in patient space. */
export type Mat3 = [number, number, number, number, number, number, number, number, number];

export interface Geometry {
  size: Vec3;
  spacing: Vec3;
  origin: Vec3;
  direction: Mat3;
  /** 'mm' for calibrated images; 'pixel' when no physical calibration was found. */
  spacingUnit: 'mm' | 'pixel';
}

export interface Image extends Geometry {
  data: Float32Array;
  /** Where the spacing came from (e.g. 'PixelSpacing', 'SequenceOfUltrasoundRegions', 'default'). */
  spacingSource?: string;
  /** Non-fatal notes from reading (uncalibrated spacing, lossy compression, ...). */
  warnings?: string[];
  /** Reader-specific facts (format, photometric, frames, transfer syntax, ultrasound regions, ...). */
  meta?: Record<string, unknown>;
}

export interface Mask extends Geometry {
  /** 0 outside, 1 inside. */
  data: Uint8Array;
}

export const IDENTITY: Mat3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

export function voxelCount(size: Vec3): number {
  return size[0] * size[1] * size[2];
}

export function is2D(g: Geometry): boolean {
  return g.size[2] === 1;
}

export function makeGeometry(size: Vec3, spacing: Vec3 = [1, 1, 1], partial: Partial<Geometry> = {}): Geometry {
  return {
    size: [...size] as Vec3,
    spacing: [...spacing] as Vec3,
    origin: partial.origin ? ([...partial.origin] as Vec3) : [0, 0, 0],
    direction: partial.direction ? ([...partial.direction] as Mat3) : [...IDENTITY],
    spacingUnit: partial.spacingUnit ?? 'mm',
  };
}

export function createImage(size: Vec3, spacing: Vec3 = [1, 1, 1], data?: Float32Array, partial: Partial<Geometry> = {}): Image {
  const n = voxelCount(size);
  if (data && data.length !== n) throw new RangeError(`image data has ${data.length} values, size ${size.join('×')} needs ${n}`);
  return { ...makeGeometry(size, spacing, partial), data: data ?? new Float32Array(n) };
}

export function createMask(size: Vec3, spacing: Vec3 = [1, 1, 1], data?: Uint8Array, partial: Partial<Geometry> = {}): Mask {
  const n = voxelCount(size);
  if (data && data.length !== n) throw new RangeError(`mask data has ${data.length} values, size ${size.join('×')} needs ${n}`);
  return { ...makeGeometry(size, spacing, partial), data: data ?? new Uint8Array(n) };
}

/** The geometry of an image or mask, without its pixels. */
export function geometryOf(g: Geometry): Geometry {
  return makeGeometry(g.size, g.spacing, g);
}

export function maskCount(mask: Mask): number {
  return countInside(mask.data);
}

/**
 * Non-zero entries of mask data. The one counting loop of case set-up (mask checks, region sizes,
 * the prepared ROI): V8 compiles a hot loop once per function, and each separate copy of this loop
 * cost its own compile (a few ms each) on a process's first case.
 */
export function countInside(d: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < d.length; i++) if (d[i]) n++;
  return n;
}
