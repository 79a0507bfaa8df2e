/**
 * Gabor filter (IBSI 2 reference manual, section 2.5), applied in 2D planes:
 *   h(x, y) = exp(−(x̃² + γ²ỹ²)/(2σ²)) · exp(i·2πx̃/λ),
 *   x̃ =  x·cosθ + y·sinθ,  ỹ = −x·sinθ + y·cosθ  (θ clockwise in the image, rows = y down;
 *   the orientation convention of the IBSI 2 consensus maps, verified on test 4.a.1).
 * σ and λ are in mm, converted with the largest in-plane spacing. As in the consensus
 * implementations the kernel is not normalised; they let it span the whole plane (K = 1 + 2⌊N/2⌋
 * voxels, N the larger in-plane size). We cap its half-width at ⌊t·σ·max(1, 1/γ) + 0.5⌋
 * (t = `truncate`, default 4, as for the LoG): beyond that the envelope is below e^−8 of its
 * peak, and the FFTs get 4–16× smaller on large images. `truncate: 0` keeps the whole-plane
 * kernel. The plane is padded by ⌊K/2⌋ with the boundary condition and the convolution is
 * done with FFTs. The response is the modulus (default), real
 * or imaginary part, or the phase; orientations (θ list) and planes (axial only, or the three
 * orthogonal planes for 3D rotation invariance) are pooled (mean by default).
 */
import { SonomicsError } from '../core/errors.ts';
import type { Vec3 } from '../image/image.ts';
import { boundaryIndex, type BoundaryMode } from './boundary.ts';
import type { Axis } from './convolve.ts';
import { fft2dForward, fft2dInverseRows, fftNd, goodSize } from '../math/fft.ts';
import { planeLayout } from './planes.ts';
import { ResponsePool, type Pooling } from './rotations.ts';

export type ComplexResponse = 'modulus' | 'real' | 'imaginary' | 'phase';

export interface GaborOptions {
  sigmaMm: number;
  gamma: number;
  lambdaMm: number;
  /** Orientations in degrees. */
  thetasDeg: number[];
  /** Planes: axial only (slice-wise), or axial + coronal + sagittal. */
  planes: 'axial' | 'orthogonal';
  response: ComplexResponse;
  pooling: Pooling;
  mode: BoundaryMode;
  /** Kernel half-width in units of the envelope's long-axis σ; 0 = whole plane (IBSI consensus). */
  truncate: number;
}

function responseValue(re: number, im: number, r: ComplexResponse): number {
  switch (r) {
    case 'modulus': return Math.hypot(re, im);
    case 'real': return re;
    case 'imaginary': return im;
    case 'phase': return Math.atan2(im, re);
  }
}

export function gaborFilter(data: Float64Array, size: Vec3, spacing: Vec3, o: GaborOptions): Float64Array {
  if (!(o.sigmaMm > 0) || !(o.lambdaMm > 0) || !(o.gamma > 0) || o.thetasDeg.length === 0 || !(o.truncate >= 0)) {
    throw new SonomicsError('BAD_SETTINGS', `Gabor filter needs sigmaMm, lambdaMm, gamma > 0, truncate ≥ 0 and at least one orientation (got σ=${o.sigmaMm}, λ=${o.lambdaMm}, γ=${o.gamma}, truncate=${o.truncate})`);
  }
  const stackAxes: Axis[] = o.planes === 'orthogonal' && size[2] > 1 ? [2, 1, 0] : [2];
  // Orientations θ and θ+180° give complex-conjugate responses for a real image: the same
  // modulus and real part. Skip the repeat (each pair counts equally, so the mean is unchanged).
  let thetas = o.thetasDeg;
  if (o.response === 'modulus' || o.response === 'real') {
    const seen = new Set<number>();
    thetas = thetas.filter((t) => {
      const key = Math.round((((t % 180) + 180) % 180) * 1e6);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const pool = new ResponsePool(o.pooling);
  for (const stackAxis of stackAxes) {
    for (const r of gaborPlaneResponses(data, size, spacing, stackAxis, thetas, o)) pool.add(r);
  }
  return pool.result();
}

/** One response map per orientation for the planes orthogonal to `stackAxis`. */
function gaborPlaneResponses(data: Float64Array, size: Vec3, spacing: Vec3, stackAxis: Axis, thetas: number[], o: GaborOptions): Float64Array[] {
  const pl = planeLayout(size, stackAxis);
  const inPlaneSpacing = Math.max(spacing[pl.rowAxis], spacing[pl.colAxis]);
  const sigma = o.sigmaMm / inPlaneSpacing, lambda = o.lambdaMm / inPlaneSpacing;
  const planeHalf = Math.floor(Math.max(pl.rows, pl.cols) / 2);
  const envelopeHalf = Math.floor(o.truncate * sigma * Math.max(1, 1 / o.gamma) + 0.5);
  const p = o.truncate > 0 ? Math.min(planeHalf, envelopeHalf) : planeHalf;
  // Any size ≥ the padded plane keeps the cyclic convolution free of wrap-around there; 2^a·3^b·5^c
  // sizes run the fast Stockham stages with less padding than powers of two.
  const R = goodSize(pl.rows + 2 * p), C = goodSize(pl.cols + 2 * p);
  // Kernels in the Fourier domain, centre at (0, 0) (wrapped).
  const kernels = thetas.map((deg) => {
    const t = (deg * Math.PI) / 180, ct = Math.cos(t), st = Math.sin(t);
    const re = new Float64Array(R * C), im = new Float64Array(R * C);
    for (let dy = -p; dy <= p; dy++) {
      for (let dx = -p; dx <= p; dx++) {
        const xr = dx * ct + dy * st;
        const yr = -dx * st + dy * ct;
        const env = Math.exp(-(xr * xr + o.gamma * o.gamma * yr * yr) / (2 * sigma * sigma));
        const ph = (2 * Math.PI * xr) / lambda;
        const idx = ((dy + R) % R) * C + ((dx + C) % C);
        re[idx] = env * Math.cos(ph);
        im[idx] = env * Math.sin(ph);
      }
    }
    fftNd(re, im, [C, R]);
    return { re, im };
  });
  const outs = thetas.map(() => new Float64Array(data.length));
  const sre = new Float64Array(R * C), sim = new Float64Array(R * C);
  const wre = new Float64Array(R * C), wim = new Float64Array(R * C);
  // Precomputed boundary lookups for the padded plane.
  const rowSrc = Int32Array.from({ length: pl.rows + 2 * p }, (_, i) => boundaryIndex(i - p, pl.rows, o.mode));
  const colSrc = Int32Array.from({ length: pl.cols + 2 * p }, (_, i) => boundaryIndex(i - p, pl.cols, o.mode));
  for (let s = 0; s < pl.count; s++) {
    sre.fill(0); sim.fill(0);
    for (let r = 0; r < rowSrc.length; r++) {
      const sr = rowSrc[r]!;
      if (sr < 0) continue;
      for (let c = 0; c < colSrc.length; c++) {
        const sc = colSrc[c]!;
        if (sc >= 0) sre[r * C + c] = data[pl.index(s, sr, sc)]!;
      }
    }
    fft2dForward(sre, sim, C, R, rowSrc.length);
    thetas.forEach((_, t) => {
      const k = kernels[t]!;
      for (let i = 0; i < R * C; i++) {
        wre[i] = sre[i]! * k.re[i]! - sim[i]! * k.im[i]!;
        wim[i] = sre[i]! * k.im[i]! + sim[i]! * k.re[i]!;
      }
      fft2dInverseRows(wre, wim, C, R, p, p + pl.rows);
      const out = outs[t]!;
      for (let r = 0; r < pl.rows; r++) {
        for (let c = 0; c < pl.cols; c++) {
          const q = (r + p) * C + (c + p);
          out[pl.index(s, r, c)] = responseValue(wre[q]!, wim[q]!, o.response);
        }
      }
    });
  }
  return outs;
}
