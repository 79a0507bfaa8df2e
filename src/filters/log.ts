/**
 * Gaussian and Laplacian-of-Gaussian filters (IBSI 2 reference manual, section 2.2).
 *
 * σ is given in mm and converted to voxels per axis (σ/spacing). The kernel is sampled on a
 * support of M = 1 + 2⌊tσ + 0.5⌋ voxels per axis (t = truncation, IBSI default 4), not
 * renormalised (as the IBSI consensus implementations). The LoG
 *   ∇²G(r) = −(1/σ²)·(D − |r|²/σ²)·G(r),  G(r) = (2πσ²)^(−D/2)·exp(−|r|²/(2σ²))
 * equals Σ_i g''(x_i)·Π_{j≠i} g(x_j) with g the 1D Gaussian and g''(x) = g(x)(x²/σ⁴ − 1/σ²),
 * so we compute it exactly (same truncated cube kernel) as a sum of D separable convolutions.
 */
import { SonomicsError } from '../core/errors.ts';
import type { Vec3 } from '../image/image.ts';
import type { BoundaryMode } from './boundary.ts';
import type { Box } from '../image/crop.ts';
import { convolveSeparable } from './convolve.ts';
import { separableInPlane } from './in-plane.ts';

function checkSigma(sigmaMm: number, truncate: number): void {
  if (!(sigmaMm > 0) || !(truncate > 0)) {
    throw new SonomicsError('BAD_SETTINGS', `Gaussian/LoG filter needs sigmaMm > 0 and truncate > 0 (got sigmaMm=${sigmaMm}, truncate=${truncate})`);
  }
}

/** Sampled 1D Gaussian g and its second derivative g'' for σ in voxels. */
export function gaussianKernels(sigmaVox: number, truncate: number): { g: Float64Array; d2: Float64Array } {
  const half = Math.floor(truncate * sigmaVox + 0.5);
  const n = 2 * half + 1;
  const g = new Float64Array(n), d2 = new Float64Array(n);
  const s2 = sigmaVox * sigmaVox;
  for (let i = 0; i < n; i++) {
    const x = i - half;
    g[i] = Math.exp(-(x * x) / (2 * s2)) / Math.sqrt(2 * Math.PI * s2);
    d2[i] = g[i]! * ((x * x) / (s2 * s2) - 1 / s2);
  }
  return { g, d2 };
}

function perAxisKernels(sigmaMm: number, truncate: number, spacing: Vec3, dims: 2 | 3) {
  return [0, 1, 2].map((a) => (a < dims ? gaussianKernels(sigmaMm / spacing[a]!, truncate) : null));
}

export function gaussianFilter(data: Float64Array, size: Vec3, spacing: Vec3, sigmaMm: number, truncate: number, dims: 2 | 3, mode: BoundaryMode): Float64Array {
  checkSigma(sigmaMm, truncate);
  const k = perAxisKernels(sigmaMm, truncate, spacing, dims);
  return convolveSeparable(data, size, [k[0]!.g, k[1]!.g, k[2]?.g ?? null], mode);
}

/**
 * `region`: only these voxels are needed (the others may be left 0). The 2D LoG computes just
 * them, both terms in one row-by-row sweep whose y passes read the input rows once (in-plane.ts).
 */
export function logFilter(data: Float64Array, size: Vec3, spacing: Vec3, sigmaMm: number, truncate: number, dims: 2 | 3, mode: BoundaryMode, region?: Box): Float64Array {
  checkSigma(sigmaMm, truncate);
  const k = perAxisKernels(sigmaMm, truncate, spacing, dims);
  if (dims === 2 && mode !== 'zero') {
    const [kx, ky] = [k[0]!, k[1]!];
    // ∇²G = g''(x)·g(y) + g(x)·g''(y): y kernels [g, g''], in the order the loop below adds them.
    return separableInPlane(data, size, [ky.g, ky.d2], [[{ x: kx.d2, y: 0 }, { x: kx.g, y: 1 }]], mode, region)[0]!;
  }
  const out = new Float64Array(data.length);
  for (let i = 0; i < dims; i++) {
    const axes = [0, 1, 2].map((a) => (a >= dims ? null : a === i ? k[a]!.d2 : k[a]!.g)) as [Float64Array, Float64Array, Float64Array | null];
    const part = convolveSeparable(data, size, axes, mode);
    for (let v = 0; v < out.length; v++) out[v]! += part[v]!;
  }
  return out;
}
