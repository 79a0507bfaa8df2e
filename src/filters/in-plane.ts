/**
 * In-plane (2D, slice by slice) separable filtering, one output row at a time, for filters that
 * are sums of separable terms whose y passes can be shared:
 * - the 2D LoG, ∇²G = g''(x)·g(y) + g(x)·g''(y) (IBSI 2 reference manual §2.2): two terms, two
 *   y kernels (g and g'') read the same input rows;
 * - the 2D wavelet sub-bands of one family and level (IBSI 2 §2.6): LL/LH/HL/HH need only two
 *   y passes (low, high) between them.
 *
 * Why row by row: the x pass of output row i reads only row i of the y-pass result, so the y pass
 * is computed for that row only, into a short line, and never stored as a whole image. With a
 * `region` only the rows and columns the caller needs are computed (the y pass covers the region's
 * columns plus the x kernels' reach); everything else is left 0.
 *
 * Same values as `convolveSeparable` (y then x) summed term by term as logFilter did, bit for
 * bit: each output is the same sum of the same products in the same order — the paired ±d sum for
 * dense even kernels, the tap-by-tap sum over non-zero taps otherwise (see convolve.ts). Only the
 * loops are rearranged. Not for 'zero' boundaries (callers use convolveSeparable there).
 */
import type { Box } from '../image/crop.ts';
import type { Vec3 } from '../image/image.ts';
import { boundaryIndex, type BoundaryMode } from './boundary.ts';
import { simdArrays, simdKernels } from './simd.ts';

/** One separable term of an output: x kernel `x` applied after y kernel number `y`. */
export interface SeparableTerm {
  x: Float64Array;
  y: number;
}

/** A kernel with the facts the inner loops need, worked out once. */
interface Prepared {
  w: Float64Array;
  c: number;
  /** Dense and even (w[c−d] = w[c+d] ≠ 0): summed as pairs, as convolve.ts does. */
  paired: boolean;
  /** Non-paired kernels: the non-zero taps k (ascending) and their weights. */
  taps: Int32Array;
  weights: Float64Array;
}

function prepare(w: Float64Array): Prepared {
  const K = w.length, c = K >> 1;
  let paired = K % 2 === 1 && K >= 5;
  for (let d = 0; paired && d <= c; d++) if (w[c - d] !== w[c + d] || w[c + d] === 0) paired = false;
  const taps: number[] = [];
  for (let k = 0; k < K; k++) if (w[k] !== 0) taps.push(k);
  return { w, c, paired, taps: Int32Array.from(taps), weights: Float64Array.from(taps, (k) => w[k]!) };
}

/**
 * The outputs (one Float64Array per entry of `outputs`, each the sum of its terms) of a 2D filter
 * applied slice by slice. Kernels must have odd length; `mode` must not be 'zero'.
 */
export function separableInPlane(
  data: Float64Array,
  size: Vec3,
  yKernels: Float64Array[],
  outputs: SeparableTerm[][],
  mode: BoundaryMode,
  region?: Box,
): Float64Array[] {
  const [X, Y, Z] = size;
  const box = region ?? { lo: [0, 0, 0] as Vec3, hi: size };
  const [x0, y0, z0] = box.lo, [x1, y1, z1] = box.hi;
  const outs = outputs.map(() => new Float64Array(X * Y * Z));
  if (x1 <= x0 || y1 <= y0 || z1 <= z0) return outs;
  const ys = yKernels.map(prepare);
  const xPrepared = new Map<Float64Array, Prepared>();
  for (const terms of outputs) for (const t of terms) if (!xPrepared.has(t.x)) xPrepared.set(t.x, prepare(t.x));
  // Line E holds the y-pass values at columns x0 − C … x1 + C − 1 (mapped into the image by the
  // boundary rule), C the widest x kernel's half-width.
  const C = Math.max(0, ...[...xPrepared.values()].map((k) => k.c));
  const xs = new Map([...xPrepared].map(([w, k]) => [w, lineTaps(k, C)]));
  const longest = Math.max(...ys.map((k) => k.w.length));
  const scratch: Scratch = { a: new Int32Array(longest), b: new Int32Array(longest), w: new Float64Array(longest) };
  const n = x1 - x0, lineLen = n + 2 * C;
  const column = new Int32Array(lineLen);
  for (let j = 0; j < lineLen; j++) column[j] = boundaryIndex(x0 - C + j, X, mode);
  // The y pass runs over the columns the line maps to (cLo … cHi − 1), then is laid out as the line.
  let cLo = X, cHi = 0;
  for (let j = 0; j < lineLen; j++) { cLo = Math.min(cLo, column[j]!); cHi = Math.max(cHi, column[j]! + 1); }
  // With WebAssembly SIMD (simd.ts) the input and the working lines live in its memory, and the
  // tap loops run there; otherwise in plain typed arrays.
  // (Not for inputs over 2^25 voxels: the module's memory never shrinks.)
  const simd = data.length <= 2 ** 25 ? simdKernels() : null;
  const [input, acc, row, ...lines] = (simd && simdArrays(simd, [data.length, cHi - cLo, n, ...ys.map(() => lineLen)]))
    || [data, new Float64Array(cHi - cLo), new Float64Array(n), ...ys.map(() => new Float64Array(lineLen))];
  if (input !== data) input!.set(data);
  for (let z = z0; z < z1; z++) {
    const slice = z * X * Y;
    for (let i = y0; i < y1; i++) {
      for (let k = 0; k < ys.length; k++) {
        yRow(input!, slice, X, Y, i, ys[k]!, mode, cLo, acc!, scratch);
        const line = lines[k]!;
        for (let j = 0; j < lineLen; j++) line[j] = acc![column[j]! - cLo]!;
      }
      const at = slice + i * X + x0;
      for (let o = 0; o < outputs.length; o++) {
        const terms = outputs[o]!;
        // Several terms add up as logFilter summed its parts: ((0 + t₀) + t₁) + …
        const out = outs[o]!;
        for (let t = 0; t < terms.length; t++) {
          xRow(lines[terms[t]!.y]!, xs.get(terms[t]!.x)!, row!);
          if (terms.length === 1) out.set(row!, at);
          else for (let x = 0; x < n; x++) out[at + x] += row![x]!;
        }
      }
    }
  }
  return outs;
}

/**
 * Row i of the y pass, out = Σ_k w[k]·in[row(i + c − k)], at columns cLo … cLo + acc.length − 1,
 * added in the order convolveSlowAxis adds (from 0: centre then pairs ±d, or taps by ascending
 * k). Taps outside, columns inside: each tap streams along a contiguous input row.
 */
function yRow(data: Float64Array, slice: number, X: number, Y: number, i: number, k: Prepared, mode: BoundaryMode, cLo: number, acc: Float64Array, s: Scratch): void {
  const { w, c } = k;
  const row = (j: number) => slice + boundaryIndex(j, Y, mode) * X + cLo;
  acc.fill(0);
  if (k.paired) {
    s.a[0] = row(i); s.w[0] = w[c]!;
    addTaps(acc, data, s.a, s.w, 1);
    for (let d = 1; d <= c; d++) { s.a[d - 1] = row(i - d); s.b[d - 1] = row(i + d); s.w[d - 1] = w[c + d]!; }
    addPairs(acc, data, s.a, s.b, s.w, c);
    return;
  }
  const { taps, weights } = k;
  for (let t = 0; t < taps.length; t++) s.a[t] = row(i + c - taps[t]!);
  addTaps(acc, data, s.a, weights, taps.length);
}

/**
 * The x pass of one row over the region's n columns into row (as convolveAxis adds: centre times
 * weight, then pairs ±d; or from 0, taps by ascending k). Offsets are line indices (lineTaps).
 */
function xRow(line: Float64Array, k: LineTaps, row: Float64Array): void {
  if (k.paired) {
    const wc = k.wc, o = k.centre;
    for (let x = 0; x < row.length; x++) row[x] = wc * line[o + x]!;
    addPairs(row, line, k.a, k.b, k.w, k.a.length);
    return;
  }
  row.fill(0);
  addTaps(row, line, k.a, k.w, k.a.length);
}

/** An x kernel's taps as offsets into the line (C: the line's margin before the first output). */
interface LineTaps { paired: boolean; wc: number; centre: number; a: Int32Array; b: Int32Array; w: Float64Array }

function lineTaps(k: Prepared, C: number): LineTaps {
  const { w, c } = k;
  if (k.paired) {
    // Output x has its centre at line index x + C; pair d reads x + C ∓ d.
    const d = Int32Array.from({ length: c }, (_, j) => j + 1);
    return { paired: true, wc: w[c]!, centre: C, a: d.map((v) => C - v), b: d.map((v) => C + v), w: Float64Array.from(d, (v) => w[c + v]!) };
  }
  // Tap k reads position x + c − k, i.e. line index x + C + c − k.
  return { paired: false, wc: 0, centre: C, a: k.taps.map((t) => C + c - t), b: new Int32Array(0), w: k.weights };
}

/** Offsets and weights of the taps of one row (reused between rows). */
interface Scratch { a: Int32Array; b: Int32Array; w: Float64Array }

/**
 * acc[x] += w_t·src[off_t + x] for t = 0 … T−1 in this order. Four taps per sweep along x: the same
 * additions in the same order, a quarter of the loads and stores of acc.
 */
function addTaps(acc: Float64Array, src: Float64Array, off: Int32Array, w: Float64Array, T: number): void {
  const n = acc.length;
  let t = 0;
  const simd = simdKernels();
  if (simd && acc.buffer === simd.memory.buffer && src.buffer === simd.memory.buffer) {
    const a = acc.byteOffset, s = src.byteOffset;
    for (; t + 4 <= T; t += 4) simd.taps4(a, n, s + 8 * off[t]!, s + 8 * off[t + 1]!, s + 8 * off[t + 2]!, s + 8 * off[t + 3]!, w[t]!, w[t + 1]!, w[t + 2]!, w[t + 3]!);
  }
  for (; t + 4 <= T; t += 4) {
    const o0 = off[t]!, o1 = off[t + 1]!, o2 = off[t + 2]!, o3 = off[t + 3]!;
    const w0 = w[t]!, w1 = w[t + 1]!, w2 = w[t + 2]!, w3 = w[t + 3]!;
    for (let x = 0; x < n; x++) {
      let s = acc[x]!;
      s += w0 * src[o0 + x]!;
      s += w1 * src[o1 + x]!;
      s += w2 * src[o2 + x]!;
      s += w3 * src[o3 + x]!;
      acc[x] = s;
    }
  }
  for (; t < T; t++) {
    const o = off[t]!, wt = w[t]!;
    for (let x = 0; x < n; x++) acc[x] += wt * src[o + x]!;
  }
}

/** acc[x] += w_t·(src[a_t + x] + src[b_t + x]) for t = 0 … T−1 in this order, four pairs per sweep. */
function addPairs(acc: Float64Array, src: Float64Array, a: Int32Array, b: Int32Array, w: Float64Array, T: number): void {
  const n = acc.length;
  let t = 0;
  const simd = simdKernels();
  if (simd && acc.buffer === simd.memory.buffer && src.buffer === simd.memory.buffer) {
    const p = acc.byteOffset, s = src.byteOffset;
    for (; t + 4 <= T; t += 4) {
      simd.pairs4(p, n, s + 8 * a[t]!, s + 8 * a[t + 1]!, s + 8 * a[t + 2]!, s + 8 * a[t + 3]!,
        s + 8 * b[t]!, s + 8 * b[t + 1]!, s + 8 * b[t + 2]!, s + 8 * b[t + 3]!, w[t]!, w[t + 1]!, w[t + 2]!, w[t + 3]!);
    }
  }
  for (; t + 4 <= T; t += 4) {
    const a0 = a[t]!, a1 = a[t + 1]!, a2 = a[t + 2]!, a3 = a[t + 3]!;
    const b0 = b[t]!, b1 = b[t + 1]!, b2 = b[t + 2]!, b3 = b[t + 3]!;
    const w0 = w[t]!, w1 = w[t + 1]!, w2 = w[t + 2]!, w3 = w[t + 3]!;
    for (let x = 0; x < n; x++) {
      let s = acc[x]!;
      s += w0 * (src[a0 + x]! + src[b0 + x]!);
      s += w1 * (src[a1 + x]! + src[b1 + x]!);
      s += w2 * (src[a2 + x]! + src[b2 + x]!);
      s += w3 * (src[a3 + x]! + src[b3 + x]!);
      acc[x] = s;
    }
  }
  for (; t < T; t++) {
    const at = a[t]!, bt = b[t]!, wt = w[t]!;
    for (let x = 0; x < n; x++) acc[x] += wt * (src[at + x]! + src[bt + x]!);
  }
}
