/**
 * Simple intensity transforms with PyRadiomics' definitions (radiomics/imageoperations.py:
 * getSquareImage, getSquareRootImage, getLogarithmImage, getExponentialImage), which rescale
 * so the output keeps the input's intensity range scale. M = max |x| over the image.
 *
 * With `region` (and the image's `size`), square, square root and exponential map only the
 * voxels inside it (the others are 0): M is still taken over the whole image, and each voxel's
 * value is the same expression, so the values are the whole image's. The logarithm rescales by
 * the largest transformed value, so it maps every voxel anyway.
 */
import type { Box } from '../image/crop.ts';
import type { Vec3 } from '../image/image.ts';

/** f at every voxel, or (with size and region) at the voxels inside the region, 0 elsewhere. */
function mapVoxels(d: Float64Array, f: (x: number) => number, size?: Vec3, region?: Box): Float64Array {
  if (!region || !size) return d.map(f);
  const out = new Float64Array(d.length);
  const [X, Y] = size;
  for (let z = region.lo[2]; z < region.hi[2]; z++) for (let y = region.lo[1]; y < region.hi[1]; y++) {
    const row = X * (y + Y * z);
    for (let i = row + region.lo[0]; i < row + region.hi[0]; i++) out[i] = f(d[i]!);
  }
  return out;
}

export function squareTransform(d: Float64Array, size?: Vec3, region?: Box): Float64Array {
  const M = maxAbs(d);
  const c = M > 0 ? 1 / Math.sqrt(M) : 1;
  return mapVoxels(d, (x) => (c * x) ** 2, size, region);
}

export function squareRootTransform(d: Float64Array, size?: Vec3, region?: Box): Float64Array {
  const M = maxAbs(d);
  return mapVoxels(d, (x) => (x > 0 ? Math.sqrt(x * M) : x < 0 ? -Math.sqrt(-x * M) : 0), size, region);
}

export function logarithmTransform(d: Float64Array): Float64Array {
  const M = maxAbs(d);
  const out = d.map((x) => (x > 0 ? Math.log(x + 1) : x < 0 ? -Math.log(1 - x) : 0));
  const m = maxAbs(out);
  if (m > 0) for (let i = 0; i < out.length; i++) out[i]! *= M / m;
  return out;
}

export function exponentialTransform(d: Float64Array, size?: Vec3, region?: Box): Float64Array {
  const M = maxAbs(d);
  const c = M > 0 ? Math.log(M) / M : 0;
  return mapVoxels(d, (x) => Math.exp(c * x), size, region);
}

function maxAbs(d: Float64Array): number {
  let m = 0;
  for (let i = 0; i < d.length; i++) { const a = Math.abs(d[i]!); if (a > m) m = a; }
  return m;
}
