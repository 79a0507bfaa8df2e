/**
 * 1D convolution along one axis of a volume (x fastest: index = x + X·(y + Y·z)).
 *
 * Convention (as scipy.ndimage.convolve1d, which the IBSI 2 consensus teams used): a true
 * convolution with the kernel centred on index c = ⌊K/2⌋,
 *   out[i] = Σ_k w[k] · in[i + c − k].
 * Even-length kernels (wavelets) are first extended with a trailing zero (MIRP does the same
 * in its SeparableFilterSet), so that flipping them for rotation invariance shifts them the
 * way the reference maps expect; see `oddKernel`.
 */
import type { Vec3 } from '../image/image.ts';
import { boundaryIndex, type BoundaryMode } from './boundary.ts';

export type Axis = 0 | 1 | 2;

/** An odd-length copy of the kernel (a trailing 0 appended to even-length kernels). */
export function oddKernel(w: ArrayLike<number>): Float64Array {
  const k = new Float64Array(w.length % 2 === 0 ? w.length + 1 : w.length);
  for (let i = 0; i < w.length; i++) k[i] = w[i]!;
  return k;
}

export function flipKernel(w: Float64Array): Float64Array {
  const k = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) k[i] = w[w.length - 1 - i]!;
  return k;
}

/** À trous dilation: a zero between consecutive taps (length 2K − 1). */
export function dilateKernel(w: Float64Array): Float64Array {
  const k = new Float64Array(2 * w.length - 1);
  for (let i = 0; i < w.length; i++) k[2 * i] = w[i]!;
  return k;
}

/** Convolve `input` along `axis` with kernel `w` (odd length expected), returning a new array. */
export function convolveAxis(input: Float64Array, size: Vec3, axis: Axis, w: Float64Array, mode: BoundaryMode): Float64Array {
  if (axis !== 0) return convolveSlowAxis(input, size, axis, w, mode);
  const [X, Y, Z] = size;
  const n = size[axis];
  const stride = axis === 0 ? 1 : axis === 1 ? X : X * Y;
  const out = new Float64Array(input.length);
  const K = w.length;
  const c = K >> 1;
  // Only the non-zero taps (à trous kernels are mostly zeros): out[i] = Σ wt · ext[i + off].
  const taps: number[] = [], offs: number[] = [];
  for (let k = 0; k < K; k++) if (w[k] !== 0) { taps.push(w[k]!); offs.push(K - 1 - k); }
  const T = taps.length;
  const tw = Float64Array.from(taps), to = Int32Array.from(offs);
  // Extended line: ext[j] holds input position j − (K − 1 − c); the source index of each
  // position is the same for every line, so it is looked up once.
  const lo = K - 1 - c;
  const extLen = n + K - 1;
  const src = new Int32Array(extLen);
  for (let j = 0; j < extLen; j++) src[j] = boundaryIndex(j - lo, n, mode);
  const ext = new Float64Array(extLen);
  const lines = (X * Y * Z) / n;
  const symmetric = isDenseSymmetric(w);
  for (let line = 0; line < lines; line++) {
    let start: number;
    if (axis === 0) start = line * X;
    else if (axis === 1) start = (line % X) + Math.floor(line / X) * X * Y;
    else start = line;
    for (let j = 0; j < extLen; j++) {
      const s = src[j]!;
      ext[j] = s < 0 ? 0 : input[start + s * stride]!;
    }
    if (symmetric) {
      // Even kernel (Gaussian, its derivatives of even order, mean): pair the taps at ±d so each
      // weight multiplies once — half the multiplications of the plain sum.
      for (let i = 0; i < n; i++) {
        let s = w[c]! * ext[i + c]!;
        for (let d = 1; d <= c; d++) s += w[c + d]! * (ext[i + c - d]! + ext[i + c + d]!);
        out[start + i * stride] = s;
      }
      continue;
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let t = 0; t < T; t++) s += tw[t]! * ext[i + to[t]!]!;
      out[start + i * stride] = s;
    }
  }
  return out;
}

/** True for an odd-length kernel with w[c − d] = w[c + d] and no zero taps (dense, even). */
function isDenseSymmetric(w: Float64Array): boolean {
  const K = w.length, c = K >> 1;
  if (K % 2 === 0 || K < 5) return false;
  for (let d = 0; d <= c; d++) if (w[c - d] !== w[c + d] || w[c + d] === 0) return false;
  return true;
}

/**
 * Convolution along y or z, done on whole contiguous rows (x runs) or planes (x–y) at a time:
 * out[.., i, ..] = Σ_k w[k] · in[.., src(i + c − k), ..], which streams through memory instead of
 * gathering strided lines.
 */
function convolveSlowAxis(input: Float64Array, size: Vec3, axis: 1 | 2, w: Float64Array, mode: BoundaryMode): Float64Array {
  const [X, Y, Z] = size;
  const n = size[axis];
  const run = axis === 1 ? X : X * Y; // contiguous elements per index along the axis
  const blocks = axis === 1 ? Z : 1; // independent blocks (z slices for y convolution)
  const blockLen = run * n;
  const out = new Float64Array(input.length);
  const K = w.length, c = K >> 1;
  const symmetric = isDenseSymmetric(w);
  for (let b = 0; b < blocks; b++) {
    const base = b * blockLen;
    for (let i = 0; i < n; i++) {
      const o = base + i * run;
      if (symmetric) {
        // Even kernel: rows at ±d share their weight, so each pair is added before one multiply.
        const mid = boundaryIndex(i, n, mode);
        if (mid >= 0) { const wc = w[c]!, s0 = base + mid * run; for (let x = 0; x < run; x++) out[o + x]! += wc * input[s0 + x]!; }
        for (let d = 1; d <= c; d++) {
          const wd = w[c + d]!;
          const a = boundaryIndex(i - d, n, mode), b2 = boundaryIndex(i + d, n, mode);
          if (a >= 0 && b2 >= 0) {
            const sa = base + a * run, sb = base + b2 * run;
            for (let x = 0; x < run; x++) out[o + x]! += wd * (input[sa + x]! + input[sb + x]!);
          } else if (a >= 0 || b2 >= 0) {
            const s1 = base + (a >= 0 ? a : b2) * run;
            for (let x = 0; x < run; x++) out[o + x]! += wd * input[s1 + x]!;
          }
        }
        continue;
      }
      for (let k = 0; k < K; k++) {
        const wk = w[k]!;
        if (wk === 0) continue;
        const src = boundaryIndex(i + c - k, n, mode);
        if (src < 0) continue;
        const s0 = base + src * run;
        for (let x = 0; x < run; x++) out[o + x]! += wk * input[s0 + x]!;
      }
    }
  }
  return out;
}

/** Apply one kernel per axis (null = leave that axis alone), z first then y then x as MIRP. */
export function convolveSeparable(
  input: Float64Array,
  size: Vec3,
  kernels: [Float64Array | null, Float64Array | null, Float64Array | null],
  mode: BoundaryMode,
): Float64Array {
  let v = input;
  for (const axis of [2, 1, 0] as const) {
    const w = kernels[axis];
    if (w && size[axis] > 0) v = convolveAxis(v, size, axis, w, mode);
  }
  return v === input ? Float64Array.from(input) : v;
}
