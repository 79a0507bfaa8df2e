/**
 * Non-separable Simoncelli wavelet (IBSI 2 reference manual, section 2.7; Portilla &
 * Simoncelli 2000), applied in the Fourier domain (periodic boundary by construction):
 *   ψ̂(ν) = cos(π/2 · log2(2ν/ν_max))  for ν_max/4 ≤ ν ≤ ν_max, 0 elsewhere,
 * with ν the radial frequency normalised to 1 at the grid edge and ν_max = 2^(1−j) at
 * decomposition level j. The frequency grid follows the IBSI 2 consensus implementation
 * (MIRP): each axis sampled as (k − c)/c with c = (n − 1)/2, then shifted to FFT order. The
 * response is the real part. 2D (slice-wise) or 3D.
 */
import { SonomicsError } from '../core/errors.ts';
import type { Vec3 } from '../image/image.ts';
import { fftNd } from '../math/fft.ts';

/** Radial frequency grid per axis in FFT order (ifftshift of the centred grid). */
function axisFrequencies(n: number): Float64Array {
  const f = new Float64Array(n);
  const c = (n - 1) / 2;
  const shift = Math.floor(n / 2);
  for (let k = 0; k < n; k++) {
    const j = (k + shift) % n;
    f[k] = c > 0 ? (j - c) / c : 0;
  }
  return f;
}

export function simoncelliTransfer(dims: number[], level: number): Float64Array {
  const vmax = 2 ** (1 - level);
  const axes = dims.map(axisFrequencies);
  const total = dims.reduce((a, b) => a * b, 1);
  const h = new Float64Array(total);
  const [nx, ny = 1] = dims;
  for (let i = 0; i < total; i++) {
    const x = i % nx, y = Math.floor(i / nx) % ny, z = Math.floor(i / (nx * ny));
    let v2 = axes[0]![x]! ** 2;
    if (axes[1]) v2 += axes[1][y]! ** 2;
    if (axes[2]) v2 += axes[2][z]! ** 2;
    const v = Math.sqrt(v2);
    if (v >= vmax / 4 && v <= vmax) h[i] = Math.cos((Math.PI / 2) * Math.log2((2 * v) / vmax));
  }
  return h;
}

export function simoncelliFilter(data: Float64Array, size: Vec3, level: number, dims: 2 | 3): Float64Array {
  if (!Number.isInteger(level) || level < 1 || level > 6) {
    throw new SonomicsError('BAD_SETTINGS', `Simoncelli level must be a whole number 1..6 (got ${level})`);
  }
  const [X, Y, Z] = size;
  const out = new Float64Array(data.length);
  if (dims === 3) {
    const h = simoncelliTransfer([X, Y, Z], level);
    const re = Float64Array.from(data), im = new Float64Array(data.length);
    fftNd(re, im, [X, Y, Z]);
    for (let i = 0; i < re.length; i++) { re[i]! *= h[i]!; im[i]! *= h[i]!; }
    fftNd(re, im, [X, Y, Z], true);
    out.set(re);
    return out;
  }
  const h = simoncelliTransfer([X, Y], level);
  const n = X * Y;
  for (let z = 0; z < Z; z++) {
    const re = data.slice(z * n, (z + 1) * n), im = new Float64Array(n);
    fftNd(re, im, [X, Y]);
    for (let i = 0; i < n; i++) { re[i]! *= h[i]!; im[i]! *= h[i]!; }
    fftNd(re, im, [X, Y], true);
    out.set(re, z * n);
  }
  return out;
}
