/**
 * PyRadiomics' `force2Ddimension` 1 and 2 (2D extraction in coronal / sagittal planes) as a
 * permutation of the volume: the out-of-plane axis becomes z, so the engine's axial 2D path
 * (dimension 0) computes them. PyRadiomics numbers numpy axes of the (z, y, x) array: 0 = z,
 * 1 = y, 2 = x. The in-plane axes keep PyRadiomics' order: its shape2D squeezes the out-of-plane
 * axis from (z, y, x), leaving rows z and columns x (dimension 1) or rows z and columns y
 * (dimension 2), and our x runs along columns; its wavelet decomposes numpy axes [2, 1, 0] without
 * the out-of-plane one, so the sub-band letters run x, z (dimension 1) or y, z (dimension 2),
 * ours x, y of the permuted volume: the same axes in the same order.
 */
import type { Geometry, Mat3, Vec3 } from '../image/image.ts';

/** New axis i of the permuted volume is old axis AXES[dim][i] (x = 0, y = 1, z = 2). */
const AXES: Record<1 | 2, Vec3> = { 1: [0, 2, 1], 2: [1, 2, 0] };

/** The volume with PyRadiomics' force2Ddimension `dim` as its z axis; geometry follows (same physical voxels). */
export function toForce2DPlane<T extends Geometry & { data: Float32Array | Uint8Array }>(v: T, dim: 1 | 2): T {
  const p = AXES[dim];
  const size = p.map((a) => v.size[a]!) as Vec3;
  const [X, Y] = v.size;
  const stride = [1, X, X * Y];
  const [s0, s1, s2] = [stride[p[0]]!, stride[p[1]]!, stride[p[2]]!];
  const out = new (v.data.constructor as { new (n: number): Float32Array | Uint8Array })(v.data.length);
  let k = 0;
  for (let c = 0; c < size[2]; c++) for (let b = 0; b < size[1]; b++) {
    const base = b * s1 + c * s2;
    for (let a = 0; a < size[0]; a++) out[k++] = v.data[base + a * s0]!;
  }
  // direction columns are the axes' directions: new column i = old column p[i]
  const direction = [0, 1, 2].flatMap((r) => p.map((a) => v.direction[r * 3 + a]!)) as Mat3;
  return { ...v, size, spacing: p.map((a) => v.spacing[a]!) as Vec3, direction, data: out };
}

/** A per-axis [x, y, z] setting (resampledPixelSpacing) in the permuted volume's axis order. */
export function vecInForce2DPlane(v: Vec3, dim: 1 | 2): Vec3 {
  return AXES[dim].map((a) => v[a]!) as Vec3;
}

/** The permuted volume back in the given axis order (inverse of toForce2DPlane). */
export function fromForce2DPlane<T extends Geometry & { data: Float32Array | Uint8Array }>(v: T, dim: 1 | 2): T {
  // toForce2DPlane with the inverse permutation: dimension 1 swaps y and z (its own inverse);
  // dimension 2 moves x → z, y → x, z → y, undone by applying it twice more
  return dim === 1 ? toForce2DPlane(v, 1) : toForce2DPlane(toForce2DPlane(v, 2), 2);
}
