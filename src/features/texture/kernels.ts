/**
 * The texture kernels compiled from AssemblyScript (assembly/texture.ts → kernels-wasm.ts) and the
 * memory they work in. Why WebAssembly: the first lesion of a process runs the texture loops in
 * V8's interpreter and then waits for TurboFan to compile them (tens of ms per function under the
 * workers' `--single-threaded`); a WebAssembly module is compiled before its first call, in well
 * under a millisecond, so the loops run compiled from the first voxel. The kernels compute what
 * their JavaScript twins compute, bit for bit (assembly/texture.ts says how); the twins stay as the
 * fallback where WebAssembly is missing and are tested against the kernels (test/texture/kernels.test.ts).
 *
 * Memory: one bump-allocated arena per thread. The arrays of the current working volume (grey
 * levels, ROI voxel list, same-level bits) are copied in once and stay while the families of one
 * image use that volume; per-call scratch is taken above them and given back after the call.
 */
import { lazyKernel } from '../../filters/simd.ts';
import { TEXTURE_WASM_BASE64 } from './kernels-wasm.ts';

export interface TextureKernels {
  memory: WebAssembly.Memory;
  sizeFeatures(counts: number, rows: number, cols: number, nVoxels: number, out: number, scratch: number): void;
  glcmFeatures(c: number, ng: number, flat: number, mcc: number, out: number, scratch: number): void;
  maximalCorrelation(c: number, ng: number, total: number, px: number, py: number, scratch: number): number;
  sameLevelBits(levels: number, idx: number, nIdx: number, offs: number, nOffs: number, bits: number): void;
  labelZones(levels: number, idx: number, nIdx: number, offs: number, bits: number, plane: number, label: number, stack: number, level: number, size: number, slice: number): number;
  ngtdmAccumulate(levels: number, idx: number, offs: number, nOffs: number, start: number, end: number, s: number, n: number, isolated: number): number;
  ngldmCounts(levels: number, idx: number, bits: number, start: number, end: number, c: number, cols: number): number;
  compactColumns(c: number, rows: number, cols: number, width: number): void;
  glcmMatrices(levels: number, idx: number, offs: number, nd: number, start: number, end: number, ng: number, symmetric: number, all: number, out: number, pairs: number): void;
  ngtdmFeatures(s: number, n: number, ng: number, out: number, scratch: number): void;
  roiExtent(lv: number, mm: number, hasMorph: number, sx: number, sy: number, sz: number, out: number): void;
  fillVolume(
    lv: number, mm: number, hasMorph: number, sx: number, sy: number, x0: number, y0: number, z0: number, x1: number, y1: number, z1: number,
    padXY: number, padZ: number, X: number, Y: number, Z: number, levels: number, morph: number, roiIndex: number, sliceStart: number,
  ): void;
  maxI32(a: number, n: number): number;
  zoneCounts(level: number, second: number, n: number, c: number, cols: number): void;
  countRunsByBits(bits: number, levels: number, idx: number, len: number, off: number, fwd: number, back: number, start: number, end: number, c: number, cols: number): number;
}

/**
 * The module's bytes. Node's Buffer decodes base64 natively (≈ 0.05 ms), where the portable atob
 * loop below runs in the interpreter on the first lesion (≈ 1–3 ms); browsers take the loop. Both
 * give the same bytes (test/texture/kernels.test.ts).
 */
export function moduleBytes(portable = false): Uint8Array<ArrayBuffer> {
  const nodeBuffer = (globalThis as { Buffer?: { from(s: string, encoding: 'base64'): Uint8Array } }).Buffer;
  if (nodeBuffer && !portable) return new Uint8Array(nodeBuffer.from(TEXTURE_WASM_BASE64, 'base64'));
  const text = atob(TEXTURE_WASM_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
  return bytes;
}

// The kernels' logarithms and exponentials are JavaScript's own (AssemblyScript's may round differently).
const kernels = lazyKernel<TextureKernels>(() => moduleBytes(), { env: { log2: Math.log2, exp: Math.exp } });

/** Switch the WebAssembly texture kernels off (or back on): tests run the JavaScript twins this way. */
export function useTextureWasm(on: boolean): void {
  kernels.use(on);
}

type Placeable = Int32Array | Uint32Array | Float64Array | Uint8Array;

/** Bump allocation in the kernels' memory (byte addresses, 8-aligned). */
export class KernelArena {
  private top = 0;
  private owner: object | null = null;
  private readonly placed = new Map<Placeable, number>();

  constructor(readonly k: TextureKernels) {}

  /** Start working on volume `v`: the arrays placed for another volume are forgotten. */
  forVolume(v: object): void {
    if (v === this.owner) return;
    this.owner = v;
    this.placed.clear();
    this.top = 0;
  }

  /** Address of `bytes` bytes (8-aligned), growing the memory; −1 when it cannot grow that far. */
  alloc(bytes: number): number {
    const at = this.top, end = at + ((bytes + 7) & ~7);
    // the common case stays tiny (it is called per kernel call: cheap to compile on the first lesions)
    if (end > this.k.memory.buffer.byteLength && !this.reserve(end)) return -1;
    this.top = end;
    return at;
  }

  /** Grow the memory to hold `end` bytes: at least double (a few grows per process, not one per larger volume), else just enough. */
  private reserve(end: number): boolean {
    const have = this.k.memory.buffer.byteLength, need = Math.ceil((end - have) / 65536);
    return this.grow(Math.max(need, have / 65536, 16)) || this.grow(need);
  }

  private grow(pages: number): boolean {
    try {
      this.k.memory.grow(pages);
      return true;
    } catch {
      return false;
    }
  }

  /** Address of a copy of `a` (copied once per volume); −1 when the memory is full. */
  place(a: Placeable): number {
    const known = this.placed.get(a);
    if (known !== undefined) return known;
    const at = this.alloc(a.byteLength);
    if (at < 0) return -1;
    new Uint8Array(this.k.memory.buffer, at, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    this.placed.set(a, at);
    return at;
  }

  /**
   * Address of `a`'s copy if it is placed for the current volume, else −1. Arrays that a kernel
   * made here and JavaScript copied out are registered with adopt(), so they are not copied back.
   */
  addressOf(a: Placeable): number {
    return this.placed.get(a) ?? -1;
  }

  /** Register `a` as the copy of the `a.byteLength` bytes at `at` (a resident allocation). */
  adopt(a: Placeable, at: number): void {
    this.placed.set(a, at);
  }

  /** The current top, to give per-call scratch back with release(). */
  mark(): number {
    return this.top;
  }

  release(mark: number): void {
    this.top = mark;
  }

  f64(at: number, n: number): Float64Array {
    return new Float64Array(this.k.memory.buffer, at, n);
  }

  i32(at: number, n: number): Int32Array {
    return new Int32Array(this.k.memory.buffer, at, n);
  }

  /**
   * A copy of the first `width` columns of the rows × cols counts at `at` (packed there by the
   * kernel compactColumns) as a count matrix: what trimColumns makes, without its scan.
   */
  trimmedCopy(at: number, rows: number, cols: number, width: number, nVoxels: number): { counts: Float64Array; rows: number; cols: number; nVoxels: number } {
    this.k.compactColumns(at, rows, cols, width);
    return { counts: this.f64(at, rows * width).slice(), rows, cols: width, nVoxels };
  }

  u8(at: number, n: number): Uint8Array {
    return new Uint8Array(this.k.memory.buffer, at, n);
  }
}

let arena: KernelArena | null = null;

/** The kernels and their arena (one per thread), or null without WebAssembly or after useTextureWasm(false). */
export function textureArena(): KernelArena | null {
  const k = kernels.get();
  if (k === null) return null;
  if (arena === null || arena.k !== k) arena = new KernelArena(k);
  return arena;
}
