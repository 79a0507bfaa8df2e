/**
 * Gradient magnitude |∇I| in intensity units per mm, by central differences (one-sided at the
 * image edge, i.e. a zero-flux boundary, as SimpleITK's GradientMagnitudeImageFilter that
 * PyRadiomics' getGradientImage uses with spacing on). 2D (in-plane) or 3D.
 */
import type { Vec3 } from '../image/image.ts';

export function gradientMagnitude(data: Float64Array, size: Vec3, spacing: Vec3, dims: 2 | 3): Float64Array {
  const [X, Y, Z] = size;
  const strides = [1, X, X * Y];
  const out = new Float64Array(data.length);
  for (let z = 0; z < Z; z++) {
    for (let y = 0; y < Y; y++) {
      for (let x = 0; x < X; x++) {
        const pos = [x, y, z];
        const i = x + X * (y + Y * z);
        let s = 0;
        for (let a = 0; a < dims; a++) {
          const n = size[a]!;
          if (n < 2) continue;
          const p = pos[a]!;
          const lo = p > 0 ? i - strides[a]! : i;
          const hi = p < n - 1 ? i + strides[a]! : i;
          // Central difference; with zero flux at the edge the missing neighbour equals the voxel.
          const g = (data[hi]! - data[lo]!) / (2 * spacing[a]!);
          s += g * g;
        }
        out[i] = Math.sqrt(s);
      }
    }
  }
  return out;
}
