/**
 * The two recurrences of ITK's recursive Gaussian (recursive-gaussian.ts, filterLinesFloat32) in
 * WebAssembly SIMD, two adjacent lines per instruction (f64x2). One kernel serves both:
 *
 *   rec: for each step t (steps of them), for each line l (lineBytes / 8 adjacent lines):
 *        o[l] = (((p0[l]·w0 + p1[l]·w1) + p2[l]·w2) + p3[l]·w3) − (((q1[l]·u1 + q2[l]·u2) + q3[l]·u3) + q4[l]·u4)
 *        with pk = p + k·dp and qk = o + k·dq (byte addresses), then o += stepO, p += stepP.
 *
 * The causal pass is out[i] from src[i … i − 3] and out[i − 1 … i − 4]; the anti-causal one is
 * scratch[i − 1] from src[i … i + 3] and scratch[i … i + 3]: the same kernel with other strides.
 * The expression tree is the JavaScript's (`a·b + c·d + e·f + g·h` groups from the left, and
 * `v −= x` is v − x); WebAssembly rounds each f64x2 lane operation as IEEE double arithmetic and
 * has no fused multiply-add (core SIMD, not relaxed SIMD), so every line gets exactly the
 * JavaScript's values: bit-identical, two lines per instruction, no bounds checks.
 *
 * Binary format: WebAssembly Core Specification 2.0, §5 (as simd.ts). SIMD opcodes (0xFD
 * prefix): v128.load 0x00, v128.store 0x0B, f64x2.splat 0x14, f64x2.add 0xF0, f64x2.sub 0xF1,
 * f64x2.mul 0xF2. Where WebAssembly SIMD is missing `recursiveKernel()` is null and the
 * JavaScript loops run.
 */
import { lazyKernel, leb, vec, wasmModule } from './simd.ts';

export interface RecursiveKernel {
  memory: WebAssembly.Memory;
  rec(o: number, dq: number, p: number, dp: number, steps: number, stepO: number, stepP: number, lineBytes: number,
    w0: number, w1: number, w2: number, w3: number, u1: number, u2: number, u3: number, u4: number): void;
}

const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b, EMPTY = 0x40;
const BLOCK = 0x02, LOOP = 0x03, IF = 0x04, END = 0x0b, BR = 0x0c, BR_IF = 0x0d;
const GET = 0x20, SET = 0x21, I32_CONST = 0x41, I32_ADD = 0x6a, I32_SUB = 0x6b, I32_AND = 0x71, I32_GE_S = 0x4e, I32_GE_U = 0x4f;
const F64_LOAD = 0x2b, F64_STORE = 0x39, F64_ADD = 0xa0, F64_SUB = 0xa1, F64_MUL = 0xa2;
const ALIGN8 = [3, 0];
const V128_LOAD = [0xfd, 0x00, ...ALIGN8], V128_STORE = [0xfd, 0x0b, ...ALIGN8];
const F64X2_SPLAT = [0xfd, 0x14], F64X2_ADD = [0xfd, 0xf0, 0x01], F64X2_SUB = [0xfd, 0xf1, 0x01], F64X2_MUL = [0xfd, 0xf2, 0x01];

// Parameters.
const O = 0, DQ = 1, P = 2, DP = 3, STEPS = 4, STEP_O = 5, STEP_P = 6, LINE_BYTES = 7, W = 8, U = 12;
// Locals: i32 b, t, pairEnd, p1, p2, p3, q1, q2, q3, q4; v128 W0…W3, U1…U4.
const B = 16, T = 17, PAIR_END = 18, P1 = 19, Q1 = 22, VW = 26, VU = 30;

function body(): number[] {
  const c: number[] = [];
  for (let k = 0; k < 4; k++) c.push(GET, W + k, ...F64X2_SPLAT, SET, VW + k, GET, U + k, ...F64X2_SPLAT, SET, VU + k);
  // pairEnd = lineBytes − (lineBytes & 8): the bytes of whole pairs of lines
  c.push(GET, LINE_BYTES, GET, LINE_BYTES, I32_CONST, 8, I32_AND, I32_SUB, SET, PAIR_END);
  c.push(I32_CONST, 0, SET, T);
  c.push(BLOCK, EMPTY, LOOP, EMPTY, GET, T, GET, STEPS, I32_GE_S, BR_IF, 1);
  // p1…p3 = p + k·dp, q1…q4 = o + k·dq
  for (let k = 0; k < 3; k++) c.push(GET, k === 0 ? P : P1 + k - 1, GET, DP, I32_ADD, SET, P1 + k);
  for (let k = 0; k < 4; k++) c.push(GET, k === 0 ? O : Q1 + k - 1, GET, DQ, I32_ADD, SET, Q1 + k);
  const pAddr = (k: number) => (k === 0 ? P : P1 + k - 1);
  // the value for the lines at byte offset b, as v128 (simd) or f64 (scalar)
  const value = (simd: boolean): number[] => {
    const v: number[] = [];
    const load = simd ? V128_LOAD : [F64_LOAD, ...ALIGN8];
    const mul = simd ? F64X2_MUL : [F64_MUL], add = simd ? F64X2_ADD : [F64_ADD], sub = simd ? F64X2_SUB : [F64_SUB];
    const weight = (base: number, k: number) => (simd ? [GET, base === W ? VW + k : VU + k] : [GET, base + k]);
    for (let k = 0; k < 4; k++) {
      v.push(GET, pAddr(k), GET, B, I32_ADD, ...load, ...weight(W, k), ...mul);
      if (k > 0) v.push(...add);
    }
    for (let k = 0; k < 4; k++) {
      v.push(GET, Q1 + k, GET, B, I32_ADD, ...load, ...weight(U, k), ...mul);
      if (k > 0) v.push(...add);
    }
    v.push(...sub);
    return v;
  };
  c.push(I32_CONST, 0, SET, B);
  c.push(BLOCK, EMPTY, LOOP, EMPTY, GET, B, GET, PAIR_END, I32_GE_U, BR_IF, 1);
  c.push(GET, O, GET, B, I32_ADD, ...value(true), ...V128_STORE);
  c.push(GET, B, I32_CONST, 16, I32_ADD, SET, B, BR, 0, END, END);
  // an odd number of lines leaves one: the same value in scalar f64 (b = pairEnd here)
  c.push(GET, LINE_BYTES, I32_CONST, 8, I32_AND, IF, EMPTY);
  c.push(GET, O, GET, B, I32_ADD, ...value(false), F64_STORE, ...ALIGN8, END);
  c.push(GET, O, GET, STEP_O, I32_ADD, SET, O, GET, P, GET, STEP_P, I32_ADD, SET, P);
  c.push(GET, T, I32_CONST, 1, I32_ADD, SET, T, BR, 0, END, END, END);
  const locals = vec([[10, I32], [8, V128]]);
  return [...leb(locals.length + c.length), ...locals, ...c];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  return wasmModule([{ name: 'rec', params: [...Array(8).fill(I32), ...Array(8).fill(F64)], body: body() }]);
}

const kernel = lazyKernel<RecursiveKernel>(moduleBytes);

/** Switch the SIMD kernel off (or back on): tests run the JavaScript loops this way too. */
export function useRecursiveSimd(on: boolean): void {
  kernel.use(on);
}

/** The kernel (one instance per thread, made on first use), or null without WebAssembly SIMD. */
export function recursiveKernel(): RecursiveKernel | null {
  return kernel.get();
}
