/**
 * `d[x] = d[x] + w·s[x]` for x = 0 … n − 1 in WebAssembly SIMD, two values per instruction
 * (f64x2): the inner loop of PyRadiomics' wavelet taps (wavelet-pyradiomics.ts), where each
 * output receives its taps' terms one after another. WebAssembly rounds each f64x2 lane operation
 * as IEEE double arithmetic and has no fused multiply-add (core SIMD), so the values are exactly
 * the JavaScript loop's. Addresses are byte addresses in the module's own memory.
 *
 * Binary format: WebAssembly Core Specification 2.0, §5 (as simd.ts): v128.load 0xFD 0x00,
 * v128.store 0xFD 0x0B, f64x2.splat 0xFD 0x14, f64x2.add 0xFD 0xF0, f64x2.mul 0xFD 0xF2.
 * Where WebAssembly SIMD is missing `axpyKernel()` is null and the JavaScript loops run.
 */
import { lazyKernel, leb, vec, wasmModule } from './simd.ts';

export interface AxpyKernel {
  memory: WebAssembly.Memory;
  axpy(d: number, s: number, n: number, w: number): void;
}

const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b, EMPTY = 0x40;
const BLOCK = 0x02, LOOP = 0x03, IF = 0x04, END = 0x0b, BR = 0x0c, BR_IF = 0x0d;
const GET = 0x20, SET = 0x21, I32_CONST = 0x41, I32_ADD = 0x6a, I32_AND = 0x71, I32_SHL = 0x74, I32_SHR_U = 0x76, I32_GE_U = 0x4f;
const F64_LOAD = 0x2b, F64_STORE = 0x39, F64_ADD = 0xa0, F64_MUL = 0xa2;
const ALIGN8 = [3, 0];
const V128_LOAD = [0xfd, 0x00, ...ALIGN8], V128_STORE = [0xfd, 0x0b, ...ALIGN8];
const F64X2_SPLAT = [0xfd, 0x14], F64X2_ADD = [0xfd, 0xf0, 0x01], F64X2_MUL = [0xfd, 0xf2, 0x01];

function body(): number[] {
  const D = 0, S = 1, N = 2, Wt = 3, END_ = 4, W = 5; // params d, s, n, w; locals end (i32), W (v128)
  const c: number[] = [GET, Wt, ...F64X2_SPLAT, SET, W];
  // end = d + 16·⌊n/2⌋
  c.push(GET, D, GET, N, I32_CONST, 1, I32_SHR_U, I32_CONST, 4, I32_SHL, I32_ADD, SET, END_);
  c.push(BLOCK, EMPTY, LOOP, EMPTY, GET, D, GET, END_, I32_GE_U, BR_IF, 1);
  c.push(GET, D, GET, D, ...V128_LOAD, GET, W, GET, S, ...V128_LOAD, ...F64X2_MUL, ...F64X2_ADD, ...V128_STORE);
  c.push(GET, D, I32_CONST, 16, I32_ADD, SET, D, GET, S, I32_CONST, 16, I32_ADD, SET, S, BR, 0, END, END);
  // an odd n leaves one value: the same sum in scalar f64
  c.push(GET, N, I32_CONST, 1, I32_AND, IF, EMPTY, GET, D, GET, D, F64_LOAD, ...ALIGN8, GET, Wt, GET, S, F64_LOAD, ...ALIGN8, F64_MUL, F64_ADD, F64_STORE, ...ALIGN8, END);
  c.push(END);
  const locals = vec([[1, I32], [1, V128]]);
  return [...leb(locals.length + c.length), ...locals, ...c];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  return wasmModule([{ name: 'axpy', params: [I32, I32, I32, F64], body: body() }]);
}

const kernel = lazyKernel<AxpyKernel>(moduleBytes);

/** Switch the SIMD kernel off (or back on): tests run the JavaScript loops this way too. */
export function useAxpySimd(on: boolean): void {
  kernel.use(on);
}

/** The kernel (one instance per thread, made on first use), or null without WebAssembly SIMD. */
export function axpyKernel(): AxpyKernel | null {
  return kernel.get();
}
