/**
 * Smooth random fields for the scene (parenchymal texture, tumour heterogeneity). A field with
 * correlation length σ ≥ 3 px has no detail finer than σ, so it is made on a grid of every
 * step-th pixel (step ≈ σ/1.5), blurred there with an exact Gaussian, and bilinearly interpolated:
 * the cost falls with step² instead of growing with σ.
 */
import type { Random } from '../core/random.ts';

/** A field sampled at pixels (step·i, step·j); cols × rows covers the image plus one node. */
export interface CoarseField {
  data: Float32Array;
  step: number;
  cols: number;
  rows: number;
}

/**
 * White noise with zero mean and unit variance. Uniform on [−√3, √3] rather than Gaussian: every
 * use here is followed by a blur that sums dozens of samples, so the result is Gaussian by the
 * central limit theorem, at a tenth of the cost of exact normal deviates.
 */
export function whiteNoise(n: number, rng: Random): Float32Array {
  const out = new Float32Array(n);
  const scale = (2 * Math.sqrt(3)) / 4294967296;
  const shift = Math.sqrt(3);
  // Bulk draws use an inline xorshift128 (Marsaglia 2003) seeded from the caller's generator:
  // several times faster than going through Random per sample, and still deterministic.
  let x = rng.nextUint32() | 1, y = rng.nextUint32(), z = rng.nextUint32(), w = rng.nextUint32();
  for (let i = 0; i < n; i++) {
    const t = x ^ (x << 11);
    x = y; y = z; z = w;
    w = w ^ (w >>> 19) ^ (t ^ (t >>> 8));
    out[i] = (w >>> 0) * scale - shift;
  }
  return out;
}

/**
 * Smooth random field with zero mean and unit SD (on average over the image) and a Gaussian correlation of SD
 * ≈ √(σ² + 0.75) px (the grain of the three-box-blur field this replaces), on a coarse grid.
 */
export function coarseSmoothField(width: number, height: number, sigma: number, rng: Random): CoarseField {
  const step = Math.max(1, Math.floor(sigma / 1.5));
  const cols = Math.floor((width - 1) / step) + 2, rows = Math.floor((height - 1) / step) + 2;
  const noise = whiteNoise(cols * rows, rng);
  // Bilinear interpolation adds the variance of a triangle kernel, step²/6, per axis: take it off.
  const sc = Math.sqrt(Math.max(0.25, sigma * sigma + 0.75 - (step * step) / 6)) / step;
  const k = gaussianKernel(sc);
  const data = new Float32Array(cols * rows);
  blurRows(noise, cols, rows, k);
  blurColumns(noise, data, cols, rows, k);
  standardise(data);
  if (step > 1) {
    // Between nodes, interpolation averages correlated values and loses variance: on average a
    // factor (2/3 + ρ/3) per axis, ρ = the correlation of neighbouring nodes. Scale it back.
    let kk = 0, k1 = 0;
    for (let i = 0; i < k.length; i++) { kk += k[i]! * k[i]!; if (i) k1 += k[i]! * k[i - 1]!; }
    const gain = 1 / (2 / 3 + k1 / kk / 3);
    for (let i = 0; i < data.length; i++) data[i]! *= gain;
  }
  return { data, step, cols, rows };
}

/** The field at every pixel of a width × height image (bilinear); 0 where mask is given and 0. */
export function upsample(f: CoarseField, width: number, height: number, mask?: Uint8Array): Float32Array {
  const out = new Float32Array(width * height);
  const { data, step, cols } = f;
  const ix = new Int32Array(width), fx = new Float32Array(width);
  for (let x = 0; x < width; x++) { ix[x] = Math.floor(x / step); fx[x] = x / step - ix[x]!; }
  const line = new Float32Array(cols);
  for (let y = 0; y < height; y++) {
    const iy = Math.floor(y / step), fy = y / step - iy, r0 = cols * iy, r1 = r0 + cols;
    for (let c = 0; c < cols; c++) line[c] = data[r0 + c]! + fy * (data[r1 + c]! - data[r0 + c]!);
    const o = width * y;
    for (let x = 0; x < width; x++) {
      if (mask && !mask[o + x]) continue;
      const c = ix[x]!;
      out[o + x] = line[c]! + fx[x]! * (line[c + 1]! - line[c]!);
    }
  }
  return out;
}

export function standardise(f: Float32Array): void {
  let s = 0, s2 = 0;
  for (let i = 0; i < f.length; i++) { s += f[i]!; s2 += f[i]! * f[i]!; }
  const mean = s / f.length;
  const sd = Math.sqrt(Math.max(1e-20, s2 / f.length - mean * mean));
  for (let i = 0; i < f.length; i++) f[i] = (f[i]! - mean) / sd;
}

/** Normalised Gaussian kernel of SD sigma (pixels), truncated at 3σ. */
export function gaussianKernel(sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float32Array(2 * r + 1);
  let s = 0;
  for (let i = -r; i <= r; i++) { k[i + r] = Math.exp((-i * i) / (2 * sigma * sigma)); s += k[i + r]!; }
  for (let i = 0; i < k.length; i++) k[i]! /= s;
  return k;
}

/** In-place symmetric convolution of every row (taps at ±d paired), edges clamped. */
function blurRows(data: Float32Array, cols: number, rows: number, k: Float32Array): void {
  const r = (k.length - 1) >> 1, c = k[r]!;
  const tmp = new Float32Array(cols + 2 * r);
  for (let y = 0; y < rows; y++) {
    const o = cols * y;
    for (let j = -r; j < cols + r; j++) tmp[j + r] = data[o + (j < 0 ? 0 : j >= cols ? cols - 1 : j)]!;
    for (let j = 0; j < cols; j++) {
      let acc = c * tmp[j + r]!;
      for (let d = 1; d <= r; d++) acc += k[r + d]! * (tmp[j + r - d]! + tmp[j + r + d]!);
      data[o + j] = acc;
    }
  }
}

/** Symmetric convolution along columns, src → dst, a whole row at a time; edges clamped. */
function blurColumns(src: Float32Array, dst: Float32Array, cols: number, rows: number, k: Float32Array): void {
  const r = (k.length - 1) >> 1, c = k[r]!;
  for (let y = 0; y < rows; y++) {
    const o = cols * y;
    for (let j = 0; j < cols; j++) dst[o + j] = c * src[o + j]!;
    for (let d = 1; d <= r; d++) {
      const kd = k[r + d]!, up = cols * Math.max(0, y - d), down = cols * Math.min(rows - 1, y + d);
      for (let j = 0; j < cols; j++) dst[o + j] = dst[o + j]! + kd * (src[up + j]! + src[down + j]!);
    }
  }
}
