/**
 * Gradient magnitude |∇I| in intensity units per mm, by central differences (one-sided at the
 * image edge, i.e. a zero-flux boundary, as SimpleITK's GradientMagnitudeImageFilter that
 * PyRadiomics' getGradientImage uses with spacing on). 2D (in-plane) or 3D.
 */
import type { Box } from '../image/crop.ts';
import type { Vec3 } from '../image/image.ts';

export function gradientMagnitude(data: Float64Array, size: Vec3, spacing: Vec3, dims: 2 | 3, region?: Box): Float64Array {
  const [X, Y, Z] = size;
  const strides = [1, X, X * Y];
  const out = new Float64Array(data.length);
  // a region: only its voxels (each the same central differences), 0 elsewhere
  const b = region ?? { lo: [0, 0, 0], hi: [X, Y, Z] };
  for (let z = b.lo[2]; z < b.hi[2]; z++) {
    for (let y = b.lo[1]; y < b.hi[1]; y++) {
      for (let x = b.lo[0]; x < b.hi[0]; x++) {
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
