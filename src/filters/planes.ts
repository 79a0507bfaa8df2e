/**
 * 2D planes of a volume for in-plane filters (Gabor, slice-wise Fourier filters). A plane is
 * orthogonal to `stackAxis`; its rows and columns follow the IBSI/MIRP convention of a
 * (z, y, x) array: axial (stack z) has rows = y, columns = x; coronal (stack y) rows = z,
 * columns = x; sagittal (stack x) rows = z, columns = y.
 */
import type { Vec3 } from '../image/image.ts';
import type { Axis } from './convolve.ts';

export interface PlaneLayout {
  rows: number;
  cols: number;
  rowAxis: Axis;
  colAxis: Axis;
  count: number;
  /** Voxel index of (slice s, row r, column c). */
  index(s: number, r: number, c: number): number;
}

export function planeLayout(size: Vec3, stackAxis: Axis): PlaneLayout {
  const [X, Y] = size;
  const strides = [1, X, X * Y];
  const rowAxis: Axis = stackAxis === 2 ? 1 : 2;
  const colAxis: Axis = stackAxis === 0 ? 1 : 0;
  const rs = strides[rowAxis]!, cs = strides[colAxis]!, ss = strides[stackAxis]!;
  return {
    rows: size[rowAxis], cols: size[colAxis], rowAxis, colAxis, count: size[stackAxis],
    index: (s, r, c) => s * ss + r * rs + c * cs,
  };
}
