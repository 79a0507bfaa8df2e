/**
 * ITK's recursive (IIR) Gaussian and its second derivative along one axis, transcribed from
 * itk::RecursiveGaussianImageFilter::SetUp / ComputeNCoefficients / ComputeDCoefficients /
 * ComputeRemainingCoefficients and itk::RecursiveSeparableImageFilter::FilterDataArray (ITK 4.x
 * to 6.x: the coefficients and recurrences have not changed since 2011). Apache-2.0, (c) NumFOCUS.
 *
 * The kernel is Deriche's 4th-order approximation of the Gaussian (and derivatives) as a causal
 * plus an anti-causal recursive filter, with the parameters of Farnebäck & Westin, "Improving
 * Deriche-style recursive Gaussian filters", J. Math. Imaging Vis. 26 (2006), Table 3. Each
 * order is normalised so that it is exact on polynomials: order 0 sums to 1 (alpha0), order 2
 * gives 2 on k² (alpha2) and 0 on constants (beta). The borders repeat the edge voxel to
 * infinity (ITK's "edge extension" initial conditions BN/BM). σ is in physical units; the
 * coefficients use σ/spacing; NormalizeAcrossScale multiplies the second derivative by σ².
 */
import { SonomicsError } from '../core/errors.ts';
import { recursiveKernel } from './simd-recursive.ts';

export interface RecursiveGaussianCoefficients {
  N0: number; N1: number; N2: number; N3: number;
  D1: number; D2: number; D3: number; D4: number;
  M1: number; M2: number; M3: number; M4: number;
  BN1: number; BN2: number; BN3: number; BN4: number;
  BM1: number; BM2: number; BM3: number; BM4: number;
}

// Farnebäck & Westin (2006) Table 3, as ITK's SetUp: [order 0, order 1, order 2].
const A1 = [1.3530, -0.6724, -1.3563], B1 = [1.8151, -3.4327, 5.2318], W1 = 0.6681, L1 = -1.3932;
const A2 = [-0.3531, 0.6724, 0.3446], B2 = [0.0902, 0.6100, -2.2355], W2 = 2.0787, L2 = -1.3732;

function nCoefficients(sigmad: number, a1: number, b1: number, a2: number, b2: number) {
  const Sin1 = Math.sin(W1 / sigmad), Sin2 = Math.sin(W2 / sigmad);
  const Cos1 = Math.cos(W1 / sigmad), Cos2 = Math.cos(W2 / sigmad);
  const Exp1 = Math.exp(L1 / sigmad), Exp2 = Math.exp(L2 / sigmad);
  const N0 = a1 + a2;
  let N1 = Exp2 * (b2 * Sin2 - (a2 + 2 * a1) * Cos2);
  N1 += Exp1 * (b1 * Sin1 - (a1 + 2 * a2) * Cos1);
  let N2 = (a1 + a2) * Cos2 * Cos1;
  N2 -= b1 * Cos2 * Sin1 + b2 * Cos1 * Sin2;
  N2 *= 2 * Exp1 * Exp2;
  N2 += a2 * Exp1 * Exp1 + a1 * Exp2 * Exp2;
  let N3 = Exp2 * Exp1 * Exp1 * (b2 * Sin2 - a2 * Cos2);
  N3 += Exp1 * Exp2 * Exp2 * (b1 * Sin1 - a1 * Cos1);
  return { N0, N1, N2, N3, SN: N0 + N1 + N2 + N3, DN: N1 + 2 * N2 + 3 * N3, EN: N1 + 4 * N2 + 9 * N3 };
}

function dCoefficients(sigmad: number) {
  const Cos1 = Math.cos(W1 / sigmad), Cos2 = Math.cos(W2 / sigmad);
  const Exp1 = Math.exp(L1 / sigmad), Exp2 = Math.exp(L2 / sigmad);
  const D4 = Exp1 * Exp1 * Exp2 * Exp2;
  let D3 = -2 * Cos1 * Exp1 * Exp2 * Exp2;
  D3 += -2 * Cos2 * Exp2 * Exp1 * Exp1;
  let D2 = 4 * Cos2 * Cos1 * Exp1 * Exp2;
  D2 += Exp1 * Exp1 + Exp2 * Exp2;
  const D1 = -2 * (Exp2 * Cos2 + Exp1 * Cos1);
  return { D1, D2, D3, D4, SD: 1 + D1 + D2 + D3 + D4, DD: D1 + 2 * D2 + 3 * D3 + 4 * D4, ED: D1 + 4 * D2 + 9 * D3 + 16 * D4 };
}

/** Coefficients of order 0 (smoothing) or 2 (second derivative) for σ (mm) on a grid of `spacing` (mm). */
export function recursiveGaussianCoefficients(sigma: number, spacing: number, order: 0 | 2, normalizeAcrossScale: boolean): RecursiveGaussianCoefficients {
  if (!(sigma > 0)) throw new SonomicsError('BAD_SETTINGS', `recursive Gaussian: sigma must be > 0 (got ${sigma})`);
  const sp = Math.abs(spacing);
  if (!(sp >= 1e-8)) throw new SonomicsError('BAD_SETTINGS', `recursive Gaussian: the spacing ${spacing} is suspiciously small; check the image's pixel size`);
  const sigmad = sigma / sp;
  const d = dCoefficients(sigmad);
  let N0: number, N1: number, N2: number, N3: number;
  if (order === 0) {
    const n = nCoefficients(sigmad, A1[0]!, B1[0]!, A2[0]!, B2[0]!);
    const alpha0 = 2 * n.SN / d.SD - n.N0;
    // across-scale normalisation is 1 for order 0 (ITK applies σ only to derivatives)
    N0 = n.N0 / alpha0; N1 = n.N1 / alpha0; N2 = n.N2 / alpha0; N3 = n.N3 / alpha0;
  } else {
    const scale = normalizeAcrossScale ? sigma * sigma : 1;
    const n0 = nCoefficients(sigmad, A1[0]!, B1[0]!, A2[0]!, B2[0]!);
    const n2 = nCoefficients(sigmad, A1[2]!, B1[2]!, A2[2]!, B2[2]!);
    const beta = -(2 * n2.SN - d.SD * n2.N0) / (2 * n0.SN - d.SD * n0.N0);
    N0 = n2.N0 + beta * n0.N0; N1 = n2.N1 + beta * n0.N1; N2 = n2.N2 + beta * n0.N2; N3 = n2.N3 + beta * n0.N3;
    const SN = n2.SN + beta * n0.SN, DN = n2.DN + beta * n0.DN, EN = n2.EN + beta * n0.EN;
    let alpha2 = EN * d.SD * d.SD - d.ED * SN * d.SD - 2 * DN * d.DD * d.SD + 2 * d.DD * d.DD * SN;
    alpha2 /= d.SD * d.SD * d.SD;
    N0 *= scale / alpha2; N1 *= scale / alpha2; N2 *= scale / alpha2; N3 *= scale / alpha2;
  }
  // ComputeRemainingCoefficients(symmetric = true): orders 0 and 2 are even kernels
  const { D1, D2, D3, D4 } = d;
  const M1 = N1 - D1 * N0, M2 = N2 - D2 * N0, M3 = N3 - D3 * N0, M4 = -D4 * N0;
  const SN = N0 + N1 + N2 + N3, SM = M1 + M2 + M3 + M4, SD = 1 + D1 + D2 + D3 + D4;
  return {
    N0, N1, N2, N3, D1, D2, D3, D4, M1, M2, M3, M4,
    BN1: D1 * SN / SD, BN2: D2 * SN / SD, BN3: D3 * SN / SD, BN4: D4 * SN / SD,
    BM1: D1 * SM / SD, BM2: D2 * SM / SD, BM3: D3 * SM / SD, BM4: D4 * SM / SD,
  };
}

/**
 * One line through the causal and anti-causal recurrences (FilterDataArray), same operations in
 * the same order as ITK: outs = causal + anticausal. `ln` ≥ 4 (ITK refuses shorter lines).
 */
export function filterLine(outs: Float64Array, data: Float64Array, scratch: Float64Array, ln: number, c: RecursiveGaussianCoefficients): void {
  const { N0, N1, N2, N3, D1, D2, D3, D4, M1, M2, M3, M4, BN1, BN2, BN3, BN4, BM1, BM2, BM3, BM4 } = c;
  const v1 = data[0]!; // assumed to extend from the border to infinity
  outs[0] = v1 * N0 + v1 * N1 + v1 * N2 + v1 * N3;
  outs[1] = data[1]! * N0 + v1 * N1 + v1 * N2 + v1 * N3;
  outs[2] = data[2]! * N0 + data[1]! * N1 + v1 * N2 + v1 * N3;
  outs[3] = data[3]! * N0 + data[2]! * N1 + data[1]! * N2 + v1 * N3;
  outs[0] -= v1 * BN1 + v1 * BN2 + v1 * BN3 + v1 * BN4;
  outs[1] -= outs[0]! * D1 + v1 * BN2 + v1 * BN3 + v1 * BN4;
  outs[2] -= outs[1]! * D1 + outs[0]! * D2 + v1 * BN3 + v1 * BN4;
  outs[3] -= outs[2]! * D1 + outs[1]! * D2 + outs[0]! * D3 + v1 * BN4;
  for (let i = 4; i < ln; i++) {
    outs[i] = data[i]! * N0 + data[i - 1]! * N1 + data[i - 2]! * N2 + data[i - 3]! * N3;
    outs[i] -= outs[i - 1]! * D1 + outs[i - 2]! * D2 + outs[i - 3]! * D3 + outs[i - 4]! * D4;
  }
  const v2 = data[ln - 1]!;
  scratch[ln - 1] = v2 * M1 + v2 * M2 + v2 * M3 + v2 * M4;
  scratch[ln - 2] = data[ln - 1]! * M1 + v2 * M2 + v2 * M3 + v2 * M4;
  scratch[ln - 3] = data[ln - 2]! * M1 + data[ln - 1]! * M2 + v2 * M3 + v2 * M4;
  scratch[ln - 4] = data[ln - 3]! * M1 + data[ln - 2]! * M2 + data[ln - 1]! * M3 + v2 * M4;
  scratch[ln - 1] -= v2 * BM1 + v2 * BM2 + v2 * BM3 + v2 * BM4;
  scratch[ln - 2] -= scratch[ln - 1]! * D1 + v2 * BM2 + v2 * BM3 + v2 * BM4;
  scratch[ln - 3] -= scratch[ln - 2]! * D1 + scratch[ln - 1]! * D2 + v2 * BM3 + v2 * BM4;
  scratch[ln - 4] -= scratch[ln - 3]! * D1 + scratch[ln - 2]! * D2 + scratch[ln - 1]! * D3 + v2 * BM4;
  for (let i = ln - 4; i > 0; i--) {
    scratch[i - 1] = data[i]! * M1 + data[i + 1]! * M2 + data[i + 2]! * M3 + data[i + 3]! * M4;
    scratch[i - 1] -= scratch[i]! * D1 + scratch[i + 1]! * D2 + scratch[i + 2]! * D3 + scratch[i + 3]! * D4;
  }
  for (let i = 0; i < ln; i++) outs[i] += scratch[i]!;
}

/**
 * filterLine on `count` adjacent lines at once: element k of line l is at base + l + k·stride
 * (lines along y or z of an x-fastest volume; one line along x with count 1), read from `src`,
 * written to `out` (rounded to float32, as ITK stores its float images). Each line sees exactly
 * filterLine's operations in filterLine's order; looping over the lines innermost reads memory
 * contiguously. `scratch` holds n·count values.
 *
 * Only elements lo … hi − 1 are written (default: the whole line), with the whole line's values:
 * the causal recurrence runs from the start up to hi − 1 and the anti-causal one from the end
 * down to lo, which is all those elements depend on. `src` is read only where they depend on it.
 */
export function filterLinesFloat32(out: Float64Array, src: Float64Array, base: number, count: number, stride: number, n: number, c: RecursiveGaussianCoefficients, scratch: Float64Array, lo = 0, hi = n): void {
  const { N0, N1, N2, N3, D1, D2, D3, D4, M1, M2, M3, M4, BN1, BN2, BN3, BN4, BM1, BM2, BM3, BM4 } = c;
  const at = (k: number) => base + k * stride; // element k of line 0 (in src / out)
  const sc = (k: number) => k * count; // element k of line 0 in scratch
  // causal pass into out (unrounded), anticausal into scratch, then out = round(out + scratch)
  for (let l = 0; l < count; l++) {
    const d0 = src[at(0) + l]!, d1 = src[at(1) + l]!, d2 = src[at(2) + l]!, d3 = src[at(3) + l]!, v1 = d0;
    let o0 = v1 * N0 + v1 * N1 + v1 * N2 + v1 * N3;
    let o1 = d1 * N0 + v1 * N1 + v1 * N2 + v1 * N3;
    let o2 = d2 * N0 + d1 * N1 + v1 * N2 + v1 * N3;
    let o3 = d3 * N0 + d2 * N1 + d1 * N2 + v1 * N3;
    o0 -= v1 * BN1 + v1 * BN2 + v1 * BN3 + v1 * BN4;
    o1 -= o0 * D1 + v1 * BN2 + v1 * BN3 + v1 * BN4;
    o2 -= o1 * D1 + o0 * D2 + v1 * BN3 + v1 * BN4;
    o3 -= o2 * D1 + o1 * D2 + o0 * D3 + v1 * BN4;
    out[at(0) + l] = o0; out[at(1) + l] = o1; out[at(2) + l] = o2; out[at(3) + l] = o3;
  }
  // With the WebAssembly kernel and every array in its memory, the two recurrences run there
  // (simd-recursive.ts: the same operations, two lines per instruction).
  const k = recursiveKernel();
  const wasm = k !== null && out.buffer === k.memory.buffer && src.buffer === out.buffer && scratch.buffer === out.buffer;
  const S = 8 * stride, C = 8 * count;
  if (wasm && hi > 4) k.rec(out.byteOffset + 8 * at(4), -S, src.byteOffset + 8 * at(4), -S, hi - 4, S, S, C, N0, N1, N2, N3, D1, D2, D3, D4);
  for (let i = 4; i < (wasm ? 0 : hi); i++) {
    const oi = at(i), o1 = at(i - 1), o2 = at(i - 2), o3 = at(i - 3), o4 = at(i - 4);
    for (let l = 0; l < count; l++) {
      let v = src[oi + l]! * N0 + src[o1 + l]! * N1 + src[o2 + l]! * N2 + src[o3 + l]! * N3;
      v -= out[o1 + l]! * D1 + out[o2 + l]! * D2 + out[o3 + l]! * D3 + out[o4 + l]! * D4;
      out[oi + l] = v;
    }
  }
  for (let l = 0; l < count; l++) {
    const v2 = src[at(n - 1) + l]!, e1 = src[at(n - 1) + l]!, e2 = src[at(n - 2) + l]!, e3 = src[at(n - 3) + l]!;
    let s1 = v2 * M1 + v2 * M2 + v2 * M3 + v2 * M4;
    let s2 = e1 * M1 + v2 * M2 + v2 * M3 + v2 * M4;
    let s3 = e2 * M1 + e1 * M2 + v2 * M3 + v2 * M4;
    let s4 = e3 * M1 + e2 * M2 + e1 * M3 + v2 * M4;
    s1 -= v2 * BM1 + v2 * BM2 + v2 * BM3 + v2 * BM4;
    s2 -= s1 * D1 + v2 * BM2 + v2 * BM3 + v2 * BM4;
    s3 -= s2 * D1 + s1 * D2 + v2 * BM3 + v2 * BM4;
    s4 -= s3 * D1 + s2 * D2 + s1 * D3 + v2 * BM4;
    scratch[sc(n - 1) + l] = s1; scratch[sc(n - 2) + l] = s2; scratch[sc(n - 3) + l] = s3; scratch[sc(n - 4) + l] = s4;
  }
  if (wasm && n - 4 > lo) k.rec(scratch.byteOffset + 8 * sc(n - 5), C, src.byteOffset + 8 * at(n - 4), S, n - 4 - lo, -C, -S, C, M1, M2, M3, M4, D1, D2, D3, D4);
  for (let i = n - 4; i > (wasm ? n : lo); i--) {
    const di = at(i), d1 = at(i + 1), d2 = at(i + 2), d3 = at(i + 3);
    const s0 = sc(i - 1), s1 = sc(i), s2 = sc(i + 1), s3 = sc(i + 2), s4 = sc(i + 3);
    for (let l = 0; l < count; l++) {
      let v = src[di + l]! * M1 + src[d1 + l]! * M2 + src[d2 + l]! * M3 + src[d3 + l]! * M4;
      v -= scratch[s1 + l]! * D1 + scratch[s2 + l]! * D2 + scratch[s3 + l]! * D3 + scratch[s4 + l]! * D4;
      scratch[s0 + l] = v;
    }
  }
  for (let i = lo; i < hi; i++) {
    const oi = at(i), si = sc(i);
    for (let l = 0; l < count; l++) out[oi + l] = Math.fround(out[oi + l]! + scratch[si + l]!);
  }
}

/**
 * filterLinesFloat32 for one line of consecutive elements (along x): out[base + k] for k in
 * lo … hi − 1, the same operations in the same order, with the last four outputs of each
 * recurrence kept in local variables instead of re-read from the arrays.
 */
export function filterRowFloat32(out: Float64Array, src: Float64Array, base: number, n: number, c: RecursiveGaussianCoefficients, scratch: Float64Array, lo = 0, hi = n): void {
  const { N0, N1, N2, N3, D1, D2, D3, D4, M1, M2, M3, M4, BN1, BN2, BN3, BN4, BM1, BM2, BM3, BM4 } = c;
  const d0 = src[base]!, d1 = src[base + 1]!, d2 = src[base + 2]!, d3 = src[base + 3]!, v1 = d0;
  let o0 = v1 * N0 + v1 * N1 + v1 * N2 + v1 * N3;
  let o1 = d1 * N0 + v1 * N1 + v1 * N2 + v1 * N3;
  let o2 = d2 * N0 + d1 * N1 + v1 * N2 + v1 * N3;
  let o3 = d3 * N0 + d2 * N1 + d1 * N2 + v1 * N3;
  o0 -= v1 * BN1 + v1 * BN2 + v1 * BN3 + v1 * BN4;
  o1 -= o0 * D1 + v1 * BN2 + v1 * BN3 + v1 * BN4;
  o2 -= o1 * D1 + o0 * D2 + v1 * BN3 + v1 * BN4;
  o3 -= o2 * D1 + o1 * D2 + o0 * D3 + v1 * BN4;
  // causal values kept unrounded in scratch[0 … hi − 1]
  scratch[0] = o0; scratch[1] = o1; scratch[2] = o2; scratch[3] = o3;
  let p1 = o3, p2 = o2, p3 = o1, p4 = o0; // outputs i − 1 … i − 4
  let x1 = src[base + 3]!, x2 = src[base + 2]!, x3 = src[base + 1]!; // inputs i − 1 … i − 3
  for (let i = 4; i < hi; i++) {
    const x0 = src[base + i]!;
    let v = x0 * N0 + x1 * N1 + x2 * N2 + x3 * N3;
    v -= p1 * D1 + p2 * D2 + p3 * D3 + p4 * D4;
    scratch[i] = v;
    p4 = p3; p3 = p2; p2 = p1; p1 = v;
    x3 = x2; x2 = x1; x1 = x0;
  }
  // anti-causal: values of positions lo … n − 1 go to out (unrounded) and are combined at the end
  const e = base + n - 1;
  const v2 = src[e]!, e1 = src[e]!, e2 = src[e - 1]!, e3 = src[e - 2]!;
  let s1 = v2 * M1 + v2 * M2 + v2 * M3 + v2 * M4;
  let s2 = e1 * M1 + v2 * M2 + v2 * M3 + v2 * M4;
  let s3 = e2 * M1 + e1 * M2 + v2 * M3 + v2 * M4;
  let s4 = e3 * M1 + e2 * M2 + e1 * M3 + v2 * M4;
  s1 -= v2 * BM1 + v2 * BM2 + v2 * BM3 + v2 * BM4;
  s2 -= s1 * D1 + v2 * BM2 + v2 * BM3 + v2 * BM4;
  s3 -= s2 * D1 + s1 * D2 + v2 * BM3 + v2 * BM4;
  s4 -= s3 * D1 + s2 * D2 + s1 * D3 + v2 * BM4;
  const anti = (k: number, v: number) => { if (k >= lo && k < hi) out[base + k] = Math.fround(scratch[k]! + v); };
  anti(n - 1, s1); anti(n - 2, s2); anti(n - 3, s3); anti(n - 4, s4);
  // scratch[i − 1] for i = n − 4 … lo + 1, from inputs i … i + 3 and anti-causal values i … i + 3
  let q1 = s4, q2 = s3, q3 = s2, q4 = s1;
  let y0 = src[base + n - 4]!, y1 = src[base + n - 3]!, y2 = src[base + n - 2]!, y3 = src[base + n - 1]!;
  for (let i = n - 4; i > lo; i--) {
    let v = y0 * M1 + y1 * M2 + y2 * M3 + y3 * M4;
    v -= q1 * D1 + q2 * D2 + q3 * D3 + q4 * D4;
    if (i - 1 < hi) out[base + i - 1] = Math.fround(scratch[i - 1]! + v);
    q4 = q3; q3 = q2; q2 = q1; q1 = v;
    y3 = y2; y2 = y1; y1 = y0; y0 = src[base + i - 1]!;
  }
}
