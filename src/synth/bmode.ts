/**
 * B-mode image formation (baseband model of fully developed speckle):
 *   1. complex Gaussian scatterers with SD = local echogenicity (many scatterers per resolution cell);
 *   2. convolution with an anisotropic Gaussian point-spread function (axial σ, lateral σ);
 *   3. envelope detection |·| (Rayleigh-distributed in homogeneous tissue);
 *   4. depth attenuation left after time-gain compensation, and acoustic shadows;
 *   5. log compression into the scanner's dynamic range, 8-bit grey.
 * See Wagner et al., IEEE Trans Sonics Ultrason 1983 (speckle statistics) and Jensen, "Estimation
 * of Blood Velocities Using Ultrasound", ch. 2 (the convolution model).
 */
import type { Random } from '../core/random.ts';
import type { ScannerProfile } from './scanners.ts';
import type { Scene } from './anatomy.ts';
import { gaussianBlur, whiteNoise } from './fields.ts';

/** Reference envelope level for 0 dB: a homogeneous amplitude-1 region after the PSF. */
export function formBMode(scene: Scene, s: ScannerProfile, rng: Random, extraAttenuationDbPerCm = 0): Uint8Array {
  const { width: W, height: H, amplitude, transmission, fov, depthMm } = scene;
  const n = W * H;
  // Scatterers: unit-variance noise scaled by echogenicity (the PSF blur makes them Gaussian).
  const re = whiteNoise(n, rng), im = whiteNoise(n, rng);
  for (let i = 0; i < n; i++) {
    re[i]! *= amplitude[i]!;
    im[i]! *= amplitude[i]!;
  }
  const sa = s.psfAxialMm / s.spacingMm, sl = s.psfLateralMm / s.spacingMm;
  gaussianBlur(re, W, H, sl, sa);
  gaussianBlur(im, W, H, sl, sa);
  // Expected envelope power after a unit-energy-normalised blur: Σ k² = 1/(4π σx σy) for a 2D Gaussian.
  const refLevel = Math.sqrt(1 / (4 * Math.PI * sa * sl));
  const att = s.residualAttenuationDbPerCm + extraAttenuationDbPerCm;
  const logImage = new Float32Array(n);
  const dr = s.dynamicRangeDb;
  // Liver (amplitude 1, mean envelope ≈ +2 dB) sits at about 45 % of the display window.
  const topDb = 2 + 0.55 * dr - s.gainDb;
  for (let i = 0; i < n; i++) {
    if (!fov[i]) continue;
    const a = re[i]!, b = im[i]!;
    // 20·log10(√(a²+b²)) = (10/ln 10)·ln(a²+b²)
    const env2 = ((a * a + b * b) / (refLevel * refLevel)) * transmission[i]! * transmission[i]!;
    const db = 4.342944819032518 * Math.log(env2 + 1e-24) - (att * depthMm[i]!) / 10;
    logImage[i] = ((db - topDb + dr) / dr) * 255;
  }
  // Scan conversion interpolates between beam lines and samples: a slight blur of the displayed image.
  gaussianBlur(logImage, W, H, 0.8, 0.6);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = logImage[i]!;
    out[i] = !fov[i] || v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
  }
  return out;
}
