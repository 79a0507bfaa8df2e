/**
 * Random fields and blurs for the B-mode simulator. Speed matters (hundreds of 800×600 images
 * per demo), so low-frequency fields use three running-sum box blurs (≈ Gaussian, cost
 * independent of the width) and only the point-spread function uses an exact Gaussian kernel.
 */
import type { Random } from '../core/random.ts';

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
 * In-place separable Gaussian blur, σ in pixels: an exact truncated (3σ) kernel for small σ, and
 * three box passes of matching variance (r(r+1) = σ², within a few %) for σ ≥ 2.5, whose cost
 * does not grow with σ.
 */
export function gaussianBlur(data: Float32Array, width: number, height: number, sigmaX: number, sigmaY: number): void {
  const tmp = new Float32Array(Math.max(width, height) + 2 * Math.ceil(3 * Math.max(sigmaX, sigmaY)) + 2);
  const pass = (sigma: number, lines: number, startOf: (l: number) => number, stride: number, n: number) => {
    if (sigma <= 0) return;
    if (sigma >= 2.5) {
      const r = Math.max(1, Math.round(Math.sqrt(sigma * sigma + 0.25) - 0.5));
      for (let l = 0; l < lines; l++) for (let p = 0; p < 3; p++) boxLine(data, startOf(l), stride, n, r, tmp);
      return;
    }
    const k = gaussianKernel(sigma);
    for (let l = 0; l < lines; l++) convolveLine(data, startOf(l), stride, n, k, tmp);
  };
  pass(sigmaX, height, (y) => y * width, 1, width);
  pass(sigmaY, width, (x) => x, width, height);
}

/**
 * Smooth random field with correlation length ≈ sigma pixels, rescaled to zero mean and unit SD
 * (three box blurs of width w ≈ σ·√(12/3) approximate a Gaussian of SD σ).
 */
export function smoothField(width: number, height: number, sigma: number, rng: Random): Float32Array {
  const f = whiteNoise(width * height, rng);
  const radius = Math.max(1, Math.round(Math.sqrt(sigma * sigma + 1) - 0.5));
  for (let pass = 0; pass < 3; pass++) boxBlur(f, width, height, radius);
  standardise(f);
  return f;
}

export function standardise(f: Float32Array): void {
  let s = 0, s2 = 0;
  for (let i = 0; i < f.length; i++) { s += f[i]!; s2 += f[i]! * f[i]!; }
  const mean = s / f.length;
  const sd = Math.sqrt(Math.max(1e-20, s2 / f.length - mean * mean));
  for (let i = 0; i < f.length; i++) f[i] = (f[i]! - mean) / sd;
}

function gaussianKernel(sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float32Array(2 * r + 1);
  let s = 0;
  for (let i = -r; i <= r; i++) { k[i + r] = Math.exp((-i * i) / (2 * sigma * sigma)); s += k[i + r]!; }
  for (let i = 0; i < k.length; i++) k[i]! /= s;
  return k;
}

/** Convolve one line (start, stride, length) with kernel k; edges clamp to the nearest sample. */
function convolveLine(data: Float32Array, start: number, stride: number, n: number, k: Float32Array, tmp: Float32Array): void {
  const r = (k.length - 1) >> 1;
  // tmp holds the line padded by r clamped samples on each side, so the inner loop has no branches.
  for (let i = -r; i < n + r; i++) tmp[i + r] = data[start + (i < 0 ? 0 : i >= n ? n - 1 : i) * stride]!;
  const m = k.length;
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < m; j++) acc += k[j]! * tmp[i + j]!;
    data[start + i * stride] = acc;
  }
}

/** In-place box blur of half-width r along x then y (running sums, clamped edges). */
function boxBlur(data: Float32Array, width: number, height: number, r: number): void {
  const tmp = new Float32Array(Math.max(width, height));
  for (let y = 0; y < height; y++) boxLine(data, y * width, 1, width, r, tmp);
  for (let x = 0; x < width; x++) boxLine(data, x, width, height, r, tmp);
}

/** Box average of half-width r over one line (start, stride, n), clamped edges. */
function boxLine(data: Float32Array, start: number, stride: number, n: number, r: number, tmp: Float32Array): void {
  const norm = 1 / (2 * r + 1);
  for (let i = 0; i < n; i++) tmp[i] = data[start + i * stride]!;
  let acc = 0;
  for (let j = -r; j <= r; j++) acc += tmp[Math.min(n - 1, Math.max(0, j))]!;
  for (let i = 0; i < n; i++) {
    data[start + i * stride] = acc * norm;
    acc += tmp[Math.min(n - 1, i + r + 1)]! - tmp[Math.max(0, i - r)]!;
  }
}
