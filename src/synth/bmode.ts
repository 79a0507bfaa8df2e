/**
 * B-mode image formation (baseband model of fully developed speckle):
 *   1. complex Gaussian scatterers with SD = local echogenicity (many scatterers per resolution cell);
 *   2. convolution with an anisotropic Gaussian point-spread function (axial σ, lateral σ);
 *   3. envelope detection |·| (Rayleigh-distributed in homogeneous tissue);
 *   4. depth attenuation left after time-gain compensation, and acoustic shadows;
 *   5. log compression into the scanner's dynamic range, 8-bit grey.
 * See Wagner et al., IEEE Trans Sonics Ultrason 1983 (speckle statistics) and Jensen, "Estimation
 * of Blood Velocities Using Ultrasound", ch. 2 (the convolution model).
 *
 * Cost: the lateral PSF (σ ≥ 3.75 px) is so wide that the complex field has no content near the
 * pixel Nyquist frequency laterally, so scatterers and the PSF run on every second column and the
 * field is linearly interpolated back at the envelope (interpolation error ≈ 1 % of the field).
 * Only rows' field-of-view spans are computed; everything outside stays 0 (black).
 */
import type { Random } from '../core/random.ts';
import type { ScannerProfile } from './scanners.ts';
import type { Scene } from './anatomy.ts';
import { lnPositive } from './fast-log.ts';
import { gaussianKernel } from './fields.ts';

/** Reference envelope level for 0 dB: a homogeneous amplitude-1 region after the PSF. */
export function formBMode(scene: Scene, s: ScannerProfile, rng: Random, extraAttenuationDbPerCm = 0): Uint8Array {
  const { width: W, height: H, amplitude, transmission, fov, depthMm } = scene;
  const spans = fovSpans(fov, W, H);
  const Wc = (W + 1) >> 1; // coarse column j is image column 2j
  const kx = gaussianKernel(s.psfLateralMm / s.spacingMm / 2), ky = gaussianKernel(s.psfAxialMm / s.spacingMm);

  // 1. Scatterers (re, im interleaved) at even columns of the field of view.
  const field = new Float32Array(H * Wc * 2);
  scatter(field, amplitude, spans, W, Wc, H, rng);
  // 2a. Lateral PSF on the coarse grid, row by row, over the span plus the kernel's reach.
  const rx = (kx.length - 1) >> 1;
  const line = new Float32Array(2 * (Wc + 2 * rx));
  for (let y = 0; y < H; y++) {
    const xa = spans[2 * y]!, xb = spans[2 * y + 1]!;
    if (xa > xb) continue;
    convolveInterleaved(field, 2 * Wc * y, ((xa + 1) >> 1) - rx, (xb >> 1) + rx, Wc, kx, line);
  }

  // Field variance of an amplitude-1 region: Σkx²·Σky² (unit-variance scatterers); odd columns are
  // the mean of two neighbours whose correlation ρ lowers the variance by (1 + ρ)/2: rescaled.
  let sx2 = 0, sx1 = 0, sy2 = 0;
  for (let i = 0; i < kx.length; i++) { sx2 += kx[i]! * kx[i]!; if (i) sx1 += kx[i]! * kx[i - 1]!; }
  for (let i = 0; i < ky.length; i++) sy2 += ky[i]! * ky[i]!;
  const invRef2 = 1 / (sx2 * sy2);
  const halfOdd = 0.5 / Math.sqrt((1 + sx1 / sx2) / 2);

  const att = (s.residualAttenuationDbPerCm + extraAttenuationDbPerCm) / 10; // dB per mm
  const dr = s.dynamicRangeDb;
  // Liver (amplitude 1, mean envelope ≈ +2 dB) sits at about 45 % of the display window.
  const topDb = 2 + 0.55 * dr - s.gainDb;
  const greyPerDb = 255 / dr, greyOffset = ((dr - topDb) / dr) * 255;
  const DB_PER_NEPER = 4.342944819032518; // 20·log10(√P) = (10/ln 10)·ln P

  // 2b + 3–5. Axial PSF one output row at a time (rows clamp at the image edges), then envelope,
  // attenuation and log compression at full resolution into the grey-level image.
  const ry = (ky.length - 1) >> 1;
  const row = new Float32Array(2 * Wc);
  const logImage = new Float32Array(W * H);
  for (let y = 0; y < H; y++) {
    const xa = spans[2 * y]!, xb = spans[2 * y + 1]!;
    if (xa > xb) continue;
    const k0 = 2 * (xa >> 1), k1 = 2 * Math.min(Wc - 1, (xb >> 1) + 1) + 1;
    verticalRow(field, 2 * Wc, H, y, ky, ry, k0, k1, row);
    for (let x = xa; x <= xb; x++) {
      const i = x + W * y, j = 2 * (x >> 1);
      let a: number, b: number;
      if ((x & 1) === 0 || j + 2 >= 2 * Wc) { a = row[j]!; b = row[j + 1]!; }
      else { a = (row[j]! + row[j + 2]!) * halfOdd; b = (row[j + 1]! + row[j + 3]!) * halfOdd; }
      const t = transmission[i]!;
      const env2 = (a * a + b * b) * invRef2 * t * t;
      const db = DB_PER_NEPER * lnPositive(env2 + 1e-24) - att * depthMm[i]!;
      logImage[i] = db * greyPerDb + greyOffset;
    }
  }

  // Scan conversion interpolates between beam lines and samples: a slight blur of the displayed image.
  return scanBlurAndQuantise(logImage, fov, spans, W, H);
}

/** First and last field-of-view column of every row (xa > xb for an empty row). */
function fovSpans(fov: Uint8Array, W: number, H: number): Int32Array {
  const spans = new Int32Array(2 * H);
  for (let y = 0; y < H; y++) {
    let a = 0, b = W - 1;
    while (a < W && !fov[a + W * y]) a++;
    while (b > a && !fov[b + W * y]) b--;
    spans[2 * y] = a;
    spans[2 * y + 1] = a < W ? b : -1;
  }
  return spans;
}

/**
 * Unit-variance complex scatterers scaled by the amplitude at even columns of each span. One 32-bit
 * draw gives both parts (16 bits each, uniform on [−√3, √3]): the PSF sums ~40 of them per sample,
 * so the field is Gaussian by the central limit theorem. Inline xorshift128 (Marsaglia 2003) seeded
 * from the caller's generator: deterministic and far cheaper than a call per sample.
 */
function scatter(field: Float32Array, amplitude: Float32Array, spans: Int32Array, W: number, Wc: number, H: number, rng: Random): void {
  const scale = (2 * Math.sqrt(3)) / 65536, shift = Math.sqrt(3) - scale / 2;
  let x = rng.nextUint32() | 1, y = rng.nextUint32(), z = rng.nextUint32(), w = rng.nextUint32();
  for (let r = 0; r < H; r++) {
    const xa = spans[2 * r]!, xb = spans[2 * r + 1]!;
    for (let c = xa + (xa & 1); c <= xb; c += 2) {
      const t = x ^ (x << 11);
      x = y; y = z; z = w;
      w = w ^ (w >>> 19) ^ (t ^ (t >>> 8));
      const amp = amplitude[c + W * r]!, o = 2 * ((c >> 1) + Wc * r);
      field[o] = amp * ((w >>> 16) * scale - shift);
      field[o + 1] = amp * ((w & 0xffff) * scale - shift);
    }
  }
}

/**
 * Convolve coarse columns j0..j1 (clipped) of one interleaved complex row with the symmetric
 * kernel k (taps at ±d paired: one multiply per pair); columns beyond the row clamp to its ends.
 */
function convolveInterleaved(data: Float32Array, start: number, j0: number, j1: number, n: number, k: Float32Array, tmp: Float32Array): void {
  const r = (k.length - 1) >> 1;
  const lo = Math.max(0, j0), hi = Math.min(n - 1, j1);
  for (let j = lo - r; j <= hi + r; j++) {
    const src = start + 2 * (j < 0 ? 0 : j >= n ? n - 1 : j), dst = 2 * (j - lo + r);
    tmp[dst] = data[src]!;
    tmp[dst + 1] = data[src + 1]!;
  }
  const c = k[r]!;
  for (let j = lo; j <= hi; j++) {
    const m = 2 * (j - lo + r);
    let re = c * tmp[m]!, im = c * tmp[m + 1]!;
    for (let d = 1; d <= r; d++) {
      const kd = k[r + d]!;
      re += kd * (tmp[m - 2 * d]! + tmp[m + 2 * d]!);
      im += kd * (tmp[m - 2 * d + 1]! + tmp[m + 2 * d + 1]!);
    }
    data[start + 2 * j] = re;
    data[start + 2 * j + 1] = im;
  }
}

/** Output row y of a vertical symmetric convolution, elements k0..k1 of each row (rows clamp). */
function verticalRow(data: Float32Array, stride: number, H: number, y: number, k: Float32Array, r: number, k0: number, k1: number, out: Float32Array): void {
  const c = k[r]!, mid = stride * y;
  for (let e = k0; e <= k1; e++) out[e] = c * data[mid + e]!;
  for (let d = 1; d <= r; d++) {
    const kd = k[r + d]!;
    const up = stride * Math.max(0, y - d), down = stride * Math.min(H - 1, y + d);
    for (let e = k0; e <= k1; e++) out[e] = out[e]! + kd * (data[up + e]! + data[down + e]!);
  }
}

/**
 * Scan-conversion blur (Gaussian σ 0.8 px across, 0.6 px along the beam, exact truncated kernels,
 * edges clamp) of the log image, then 8-bit grey inside the field of view, 0 outside.
 */
function scanBlurAndQuantise(img: Float32Array, fov: Uint8Array, spans: Int32Array, W: number, H: number): Uint8Array {
  const kx = gaussianKernel(0.8), ky = gaussianKernel(0.6);
  const rx = (kx.length - 1) >> 1, ry = (ky.length - 1) >> 1;
  const tmp = new Float32Array(W + 2 * rx);
  // Across: every row that the vertical pass reads (spans widened by the kernel's reach).
  for (let y = 0; y < H; y++) {
    let xa = W, xb = -1;
    for (let d = -ry; d <= ry; d++) {
      const yy = Math.min(H - 1, Math.max(0, y + d));
      if (spans[2 * yy]! <= spans[2 * yy + 1]!) { xa = Math.min(xa, spans[2 * yy]!); xb = Math.max(xb, spans[2 * yy + 1]!); }
    }
    if (xa > xb) continue;
    const lo = Math.max(0, xa - rx), hi = Math.min(W - 1, xb + rx), row = W * y;
    for (let x = lo - rx; x <= hi + rx; x++) tmp[x - lo + rx] = img[row + (x < 0 ? 0 : x >= W ? W - 1 : x)]!;
    const c = kx[rx]!;
    if (rx === 3) {
      // σ = 0.8 always gives 7 taps: unrolled, same sums in the same order.
      const k1 = kx[4]!, k2 = kx[5]!, k3 = kx[6]!;
      for (let x = lo, m = rx; x <= hi; x++, m++) {
        let acc = c * tmp[m]!;
        acc += k1 * (tmp[m - 1]! + tmp[m + 1]!);
        acc += k2 * (tmp[m - 2]! + tmp[m + 2]!);
        acc += k3 * (tmp[m - 3]! + tmp[m + 3]!);
        img[row + x] = acc;
      }
      continue;
    }
    for (let x = lo; x <= hi; x++) {
      const m = x - lo + rx;
      let acc = c * tmp[m]!;
      for (let d = 1; d <= rx; d++) acc += kx[rx + d]! * (tmp[m - d]! + tmp[m + d]!);
      img[row + x] = acc;
    }
  }
  // Along, a row at a time (double accumulators), then quantisation.
  const out = new Uint8Array(W * H);
  const c = ky[ry]!;
  const acc = new Float64Array(W);
  for (let y = 0; y < H; y++) {
    const xa = spans[2 * y]!, xb = spans[2 * y + 1]!, row = W * y;
    if (xa > xb) continue;
    for (let x = xa; x <= xb; x++) acc[x] = c * img[row + x]!;
    for (let d = 1; d <= ry; d++) {
      const kd = ky[ry + d]!, up = W * Math.max(0, y - d), down = W * Math.min(H - 1, y + d);
      for (let x = xa; x <= xb; x++) acc[x] = acc[x]! + kd * (img[up + x]! + img[down + x]!);
    }
    for (let x = xa; x <= xb; x++) {
      const v = acc[x]!;
      out[row + x] = !fov[row + x] || v <= 0 ? 0 : v >= 255 ? 255 : (v + 0.5) | 0;
    }
  }
  return out;
}
