/**
 * Patient-space geometry of one DICOM image (PS3.3 C.7.6.2): ImagePositionPatient is the
 * centre of the first pixel; ImageOrientationPatient holds the row (x) and column (y)
 * direction cosines; the slice normal is their cross product. PixelSpacing is
 * [between rows (y), between columns (x)] in mm.
 */
import type { Mat3, Vec3 } from '../../image/image.ts';
import type { DicomDataset } from './dataset.ts';
import { T } from './tags.ts';

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function orientation(ds: DicomDataset): { row: Vec3; col: Vec3; normal: Vec3 } | undefined {
  const v = ds.numbers(T.ImageOrientationPatient);
  if (v.length !== 6 || v.some((x) => !Number.isFinite(x))) return undefined;
  const row: Vec3 = [v[0]!, v[1]!, v[2]!], col: Vec3 = [v[3]!, v[4]!, v[5]!];
  return { row, col, normal: cross(row, col) };
}

export function position(ds: DicomDataset): Vec3 | undefined {
  const p = ds.numbers(T.ImagePositionPatient);
  return p.length === 3 && p.every(Number.isFinite) ? [p[0]!, p[1]!, p[2]!] : undefined;
}

/** Row-major matrix whose columns are the x, y, z axis directions. */
export function directionMatrix(row: Vec3, col: Vec3, normal: Vec3): Mat3 {
  return [row[0], col[0], normal[0], row[1], col[1], normal[1], row[2], col[2], normal[2]];
}

export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
