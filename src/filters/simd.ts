/**
 * The two inner loops of in-plane.ts in WebAssembly SIMD, two columns per instruction (f64x2):
 *
 *   taps4:  acc[x] = (((acc[x] + w0·s[p0 + x]) + w1·s[p1 + x]) + w2·s[p2 + x]) + w3·s[p3 + x]
 *   pairs4: acc[x] = (((acc[x] + w0·(s[a0 + x] + s[b0 + x])) + …) + w3·(s[a3 + x] + s[b3 + x])
 *
 * for x = 0 … n − 1. WebAssembly rounds every f64x2 lane operation as IEEE double arithmetic and has
 * no fused multiply-add (core SIMD, not relaxed SIMD), so each column gets exactly the sum the
 * JavaScript loop computes, in the same order: bit-identical values, without per-element bounds
 * checks and with two columns per instruction. Addresses are byte addresses in the module's memory.
 *
 * The module is small enough to write by hand (binary format: WebAssembly Core Specification 2.0,
 * §5; SIMD opcodes 0xFD-prefixed: v128.load 0x00, v128.store 0x0B, f64x2.splat 0x14,
 * f64x2.add 0xF0, f64x2.mul 0xF2). Where WebAssembly SIMD is missing `simdKernels()` is null and
 * in-plane.ts keeps its JavaScript loops.
 */

export interface SimdKernels {
  memory: WebAssembly.Memory;
  taps4(acc: number, n: number, p0: number, p1: number, p2: number, p3: number, w0: number, w1: number, w2: number, w3: number): void;
  pairs4(
    acc: number, n: number, a0: number, a1: number, a2: number, a3: number, b0: number, b1: number, b2: number, b3: number,
    w0: number, w1: number, w2: number, w3: number,
  ): void;
}

// Opcodes (Core Specification §5.4).
const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b, EMPTY = 0x40;
const BLOCK = 0x02, LOOP = 0x03, IF = 0x04, END = 0x0b, BR = 0x0c, BR_IF = 0x0d;
const GET = 0x20, SET = 0x21, I32_CONST = 0x41, I32_ADD = 0x6a, I32_AND = 0x71, I32_SHL = 0x74, I32_SHR_U = 0x76, I32_GE_U = 0x4f;
const F64_LOAD = 0x2b, F64_STORE = 0x39, F64_ADD = 0xa0, F64_MUL = 0xa2;
const ALIGN8 = [3, 0]; // memarg: alignment 2^3 (addresses are multiples of 8, not 16), offset 0
const V128_LOAD = [0xfd, 0x00, ...ALIGN8], V128_STORE = [0xfd, 0x0b, ...ALIGN8];
const F64X2_SPLAT = [0xfd, 0x14], F64X2_ADD = [0xfd, 0xf0, 0x01], F64X2_MUL = [0xfd, 0xf2, 0x01];

export function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

export const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
export const vec = (items: number[][]) => [...leb(items.length), ...items.flat()];
export const name = (s: string) => [...leb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

/**
 * One kernel: params acc, n, then `streams` source addresses, then 4 weights; locals: end, W0…W3.
 * `term(k)` pushes the v128 that weight k multiplies (one load, or the sum of two loads).
 */
function kernel(streams: number, term: (k: number) => number[], scalarTerm: (k: number) => number[]): number[] {
  const w = 2 + streams; // first weight parameter
  const end = w + 4, W = end + 1; // locals
  const body: number[] = [];
  for (let k = 0; k < 4; k++) body.push(GET, w + k, ...F64X2_SPLAT, SET, W + k);
  // end = acc + 16·⌊n/2⌋
  body.push(GET, 0, GET, 1, I32_CONST, 1, I32_SHR_U, I32_CONST, 4, I32_SHL, I32_ADD, SET, end);
  body.push(BLOCK, EMPTY, LOOP, EMPTY, GET, 0, GET, end, I32_GE_U, BR_IF, 1);
  body.push(GET, 0, GET, 0, ...V128_LOAD);
  for (let k = 0; k < 4; k++) body.push(GET, W + k, ...term(k), ...F64X2_MUL, ...F64X2_ADD);
  body.push(...V128_STORE);
  for (let p = 0; p < 2 + streams; p++) if (p !== 1) body.push(GET, p, I32_CONST, 16, I32_ADD, SET, p);
  body.push(BR, 0, END, END);
  // An odd n leaves one column: the same sum in scalar f64.
  body.push(GET, 1, I32_CONST, 1, I32_AND, IF, EMPTY, GET, 0, GET, 0, F64_LOAD, ...ALIGN8);
  for (let k = 0; k < 4; k++) body.push(GET, w + k, ...scalarTerm(k), F64_MUL, F64_ADD);
  body.push(F64_STORE, ...ALIGN8, END, END);
  const locals = vec([[1, I32], [4, V128]]);
  return [...leb(locals.length + body.length), ...locals, ...body];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  // taps4 params: acc 0, n 1, p0…p3 2–5. pairs4: acc 0, n 1, a0…a3 2–5, b0…b3 6–9.
  const taps = kernel(4, (k) => [GET, 2 + k, ...V128_LOAD], (k) => [GET, 2 + k, F64_LOAD, ...ALIGN8]);
  const pairs = kernel(
    8,
    (k) => [GET, 2 + k, ...V128_LOAD, GET, 6 + k, ...V128_LOAD, ...F64X2_ADD],
    (k) => [GET, 2 + k, F64_LOAD, ...ALIGN8, GET, 6 + k, F64_LOAD, ...ALIGN8, F64_ADD],
  );
  return wasmModule([
    { name: 'taps4', params: [...Array(6).fill(I32), ...Array(4).fill(F64)], body: taps },
    { name: 'pairs4', params: [...Array(10).fill(I32), ...Array(4).fill(F64)], body: pairs },
  ]);
}

/**
 * A module of one memory (at least one 64 KiB page, exported as "memory") and the given functions,
 * each with its own type (parameters only, no result) and exported under its name: the layout of
 * every hand-written kernel here (simd-axpy.ts, simd-recursive.ts). `body` is a function body with
 * its locals, as the Core Specification's code section holds it (§5.5.13).
 */
export function wasmModule(functions: Array<{ name: string; params: number[]; body: number[] }>): Uint8Array<ArrayBuffer> {
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), 0]))),
    ...section(3, vec(functions.map((_, i) => [i]))),
    ...section(5, vec([[0x00, 1]])),
    ...section(7, vec([[...name('memory'), 2, 0], ...functions.map((f, i) => [...name(f.name), 0, i])])),
    ...section(10, vec(functions.map((f) => f.body))),
  ]);
}

/**
 * A kernel made on first use (one instance per thread) and a switch for it: `get()` is null without
 * WebAssembly SIMD (the callers' JavaScript loops run instead) or after `use(false)` (tests run the
 * JavaScript loops this way too). `imports` are the module's imports (the texture kernels import
 * JavaScript's Math.log2).
 */
export function lazyKernel<T>(bytes: () => Uint8Array<ArrayBuffer>, imports: WebAssembly.Imports = {}): { get(): T | null; use(on: boolean): void } {
  let made: T | null | undefined;
  let enabled = true;
  return {
    use(on: boolean): void {
      enabled = on;
    },
    get(): T | null {
      if (!enabled) return null;
      if (made !== undefined) return made;
      made = null;
      try {
        const b = bytes();
        if (typeof WebAssembly === 'object' && WebAssembly.validate(b)) made = new WebAssembly.Instance(new WebAssembly.Module(b), imports).exports as unknown as T;
      } catch {
        made = null; // no usable WebAssembly: the JavaScript loops run instead
      }
      return made;
    },
  };
}

const kernels = lazyKernel<SimdKernels>(moduleBytes);

/** Switch the SIMD kernels off (or back on): tests run the JavaScript loops this way too. */
export function useSimd(on: boolean): void {
  kernels.use(on);
}

/** The SIMD kernels (one instance per thread, made on first use), or null without WebAssembly SIMD. */
export function simdKernels(): SimdKernels | null {
  return kernels.get();
}

/**
 * Float64 views of consecutive blocks of the kernels' memory (grown as needed), for one computation;
 * null when the memory cannot grow that far (the caller then uses ordinary arrays).
 */
export function simdArrays(k: SimdKernels, lengths: number[]): Float64Array[] | null {
  const bytes = 8 * lengths.reduce((a, b) => a + b, 0);
  const have = k.memory.buffer.byteLength;
  try {
    if (bytes > have) k.memory.grow(Math.ceil((bytes - have) / 65536));
  } catch {
    return null;
  }
  let at = 0;
  return lengths.map((n) => {
    const view = new Float64Array(k.memory.buffer, at, n);
    at += 8 * n;
    return view;
  });
}
