/**
 * LoG as PyRadiomics (SimpleITK LaplacianRecursiveGaussianImageFilter, NormalizeAcrossScale on).
 * No ITK binary runs in this suite, so it checks (a) the properties ITK's coefficients are built
 * to have (exact on polynomials, edge extension, impulse response ≈ σ²∇²G within the
 * Deriche/Farnebäck approximation error, measured and bounded here), and (b) equality with a
 * literal transcription of ITK's C++ (FilterDataArray and GenerateData) on a small anisotropic
 * image, float32 intermediates included.
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import type { Vec3 } from '../../src/image/image.ts';
import { checkLogLikePyradiomics, logLikePyradiomics } from '../../src/filters/log-itk.ts';
import { recursiveGaussianCoefficients } from '../../src/filters/recursive-gaussian.ts';
import { filterLineRef, itkTranscription } from '../helpers/itk-log-transcription.ts';

function image(size: Vec3, f: (x: number, y: number, z: number) => number): Float64Array {
  const out = new Float64Array(size[0] * size[1] * size[2]);
  for (let z = 0; z < size[2]; z++) for (let y = 0; y < size[1]; y++) for (let x = 0; x < size[0]; x++) out[x + size[0] * (y + size[1] * z)] = f(x, y, z);
  return out;
}

describe('ITK recursive Gaussian coefficients: the properties they are normalised to', () => {
  it('order 0 sums to 1 and order 2 is 0 on constants and 2 on k² (the impulse response, sampled far from the borders)', () => {
    for (const sigmaVox of [1, 1.7, 3, 5]) {
      for (const order of [0, 2] as const) {
        const c = recursiveGaussianCoefficients(sigmaVox * 0.8, 0.8, order, false);
        const n = 401, mid = 200;
        const imp = new Float64Array(n); imp[mid] = 1;
        const h = new Float64Array(n), scratch = new Float64Array(n);
        filterLineRef(h, imp, scratch, n, c);
        let s0 = 0, s2 = 0;
        for (let k = 0; k < n; k++) { s0 += h[k]!; s2 += h[k]! * (k - mid) ** 2; }
        if (order === 0) expect(s0).toBeCloseTo(1, 12);
        else { expect(s0).toBeCloseTo(0, 12); expect(s2).toBeCloseTo(2, 10); }
      }
    }
  });

  it('the 3D impulse response is σ²∇²G within the Farnebäck–Deriche approximation error (≤ 2.5 % of the peak for σ ≥ 2 voxels)', () => {
    // The recursive filter approximates the *continuous* Gaussian's derivatives; the sampled
    // analytic σ²∇²G differs from it by the approximation error plus sampling (largest at
    // small σ in voxels). Measured: 1.59 % (σ = 2 voxels), 1.81 % (3), 1.96 % (5).
    for (const [sigma, sp] of [[2, 1], [3, 1], [2.5, 0.5]] as const) {
      const n = 41, mid = 20;
      const size: Vec3 = [n, n, n];
      const spacing: Vec3 = [sp, sp, sp];
      const d = image(size, (x, y, z) => (x === mid && y === mid && z === mid ? 1 : 0));
      const got = logLikePyradiomics(d, size, spacing, sigma);
      // σ²∇²G(r) for a unit impulse of volume sp³: −(σ²)(3/σ² − r²/σ⁴)·G(r)·sp³
      let worst = 0, peak = 0;
      for (let z = 0; z < n; z++) for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
        const r2 = ((x - mid) ** 2 + (y - mid) ** 2 + (z - mid) ** 2) * sp * sp;
        const G = Math.exp(-r2 / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma) ** 1.5;
        const want = -sigma * sigma * (3 / (sigma * sigma) - r2 / sigma ** 4) * G * sp ** 3;
        peak = Math.max(peak, Math.abs(want));
        worst = Math.max(worst, Math.abs(got[x + n * (y + n * z)]! - want));
      }
      console.log(`σ ${sigma} mm, spacing ${sp}: max |ITK − σ²∇²G| / peak = ${(worst / peak).toExponential(2)}`);
      expect(worst / peak).toBeLessThan(0.025);
    }
  });

  it('exact on quadratics away from the borders: LoG of x²+y²+z² (mm) is 6σ²; of a constant, 0; anisotropic spacing', () => {
    // Edge extension is wrong for a quadratic; the error decays as exp(−1.39·d/σ_voxels) from the
    // border (ITK's poles), below 1e-6 at the centre of this image. float32 intermediates leave
    // ~1e-6 relative of the values passed around.
    const size: Vec3 = [64, 64, 56];
    const spacing: Vec3 = [0.5, 0.6, 0.7];
    const sigma = 1.5;
    const q = logLikePyradiomics(image(size, (x, y, z) => (x * 0.5 - 16) ** 2 + (y * 0.6 - 19) ** 2 + (z * 0.7 - 19) ** 2), size, spacing, sigma);
    const c = logLikePyradiomics(image(size, () => 1234), size, spacing, sigma);
    const centre = 32 + 64 * (32 + 64 * 28);
    expect(q[centre]).toBeCloseTo(6 * sigma * sigma, 4);
    let worst = 0;
    for (const v of c) worst = Math.max(worst, Math.abs(v));
    expect(worst).toBeLessThan(1234 * 1e-6); // edge extension: constant everywhere, borders included
  });
});

describe('LoG as ITK computes it: a literal transcription of ITK', () => {
  it('equals FilterDataArray + GenerateData transcribed from ITK on a 9×7×6 image (float32 intermediates), and 2D on one slice', () => {
    const rng = new Random(20);
    for (const size of [[9, 7, 6], [11, 8, 1]] as Vec3[]) {
      const spacing: Vec3 = [0.78, 0.91, 2.5];
      const data = image(size, () => Math.round(rng.next() * 2000) - 500);
      for (const sigma of [1, 2.5]) {
        if (size[2] === 1 || sigma <= 2.5) {
          const want = itkTranscription(data, size, spacing, sigma);
          expect(logLikePyradiomics(data, size, spacing, sigma)).toEqual(want);
        }
      }
    }
  });
});

describe('PyRadiomics refusals', () => {
  it('fewer than 4 voxels along an axis, or σ too large for the image, stop with the numbers', () => {
    expect(() => checkLogLikePyradiomics([3, 10, 10], [1, 1, 1], 1)).toThrow(/smaller than 4 voxels/);
    expect(() => checkLogLikePyradiomics([10, 10, 5], [1, 1, 1], 5)).toThrow(/sigma 5 mm is too large/);
    expect(() => checkLogLikePyradiomics([10, 10, 6], [1, 1, 1], 5)).not.toThrow();
    expect(() => checkLogLikePyradiomics([10, 10, 1], [1, 1, 1], 5)).not.toThrow(); // 2D: x and y only
  });
});
