/**
 * The texture kernels in WebAssembly (AssemblyScript; compiled by scripts/build-wasm.mjs into
 * src/features/texture/kernels-wasm.ts, the module as base64). Why: on the first lesion of a
 * process V8 interprets, then compiles, each JavaScript loop; a WebAssembly function is compiled
 * once, before its first call, in well under a millisecond (Liftoff), so the first lesion runs
 * compiled code and later lesions do not wait for TurboFan either.
 *
 * Values: every kernel here mirrors its JavaScript twin in src/features/texture/ operation for
 * operation: the same f64 operations on the same operands in the same order (WebAssembly
 * arithmetic is IEEE 754 binary64 with round-to-nearest, as JavaScript's; no fused multiply-add;
 * Binaryen does not reassociate floating point), and log2 is JavaScript's own Math.log2 (imported),
 * so the features are bit-identical. Counts are integers and exact either way.
 *
 * Memory: JavaScript lays out every array in the module's memory (src/features/texture/kernels.ts)
 * and passes byte addresses; nothing here allocates.
 */

// JavaScript's Math.log2 (AssemblyScript's own log2 may differ in the last bit).
// @ts-ignore: decorator
@external("env", "log2")
declare function jsLog2(x: f64): f64;

@inline function f64At(base: usize, k: i32): f64 { return load<f64>(base + (<usize>k << 3)); }
@inline function setF64(base: usize, k: i32, v: f64): void { store<f64>(base + (<usize>k << 3), v); }
@inline function i32At(base: usize, k: i32): i32 { return load<i32>(base + (<usize>k << 2)); }
@inline function setI32(base: usize, k: i32, v: i32): void { store<i32>(base + (<usize>k << 2), v); }

/**
 * log2(c / total), remembered per integer count c < memoLength (count-log2.ts): memo holds NaN
 * until a count's value is computed.
 */
function log2Share(memo: usize, memoLength: i32, total: f64, c: f64): f64 {
  if (c < <f64>memoLength && c == Math.floor(c)) {
    const k = <i32>c;
    let v = f64At(memo, k);
    if (v != v) { v = jsLog2(c / total); setF64(memo, k, v); }
    return v;
  }
  return jsLog2(c / total);
}

/** Memo length of count-log2.ts countLog2(total): min(1024, max(1, ⌈total⌉ + 1)). */
function memoLength(total: f64): i32 {
  return <i32>Math.min(1024, Math.max(1, Math.ceil(total) + 1));
}

/** NaN-fill n f64 slots. */
function fillNaN(base: usize, n: i32): void {
  for (let k = 0; k < n; k++) setF64(base, k, NaN);
}

/**
 * size-features.ts sizeMatrixFeatures on a rows × cols count matrix at `counts`: writes the 17
 * values to `out` in the order of SIZE_FEATURE_KEYS (kernels.ts). Scratch: rows + cols + 1024 f64.
 */
export function sizeFeatures(counts: usize, rows: i32, cols: i32, nVoxels: f64, out: usize, scratch: usize): void {
  const rowSum = scratch, colSum = scratch + (<usize>rows << 3), memo = colSum + (<usize>cols << 3);
  memory.fill(rowSum, 0, <usize>(rows + cols) << 3);
  let ns = 0.0, se = 0.0, le = 0.0, lge = 0.0, hge = 0.0, slge = 0.0, shge = 0.0, llge = 0.0, lhge = 0.0, ent = 0.0, energy = 0.0;
  let sumI = 0.0, sumI2 = 0.0, sumJ = 0.0, sumJ2 = 0.0;
  for (let r = 0; r < rows; r++) {
    const i = <f64>(r + 1), i2 = i * i, base = r * cols;
    for (let k = 0; k < cols; k++) {
      const s = f64At(counts, base + k);
      if (s == 0) continue;
      const j = <f64>(k + 1), j2 = j * j;
      ns += s;
      setF64(rowSum, r, f64At(rowSum, r) + s);
      setF64(colSum, k, f64At(colSum, k) + s);
      se += s / j2;
      le += s * j2;
      lge += s / i2;
      hge += s * i2;
      slge += s / (i2 * j2);
      shge += (s * i2) / j2;
      llge += (s * j2) / i2;
      lhge += s * i2 * j2;
      sumI += s * i;
      sumI2 += s * i2;
      sumJ += s * j;
      sumJ2 += s * j2;
    }
  }
  let gnu = 0.0, snu = 0.0;
  for (let r = 0; r < rows; r++) { const t = f64At(rowSum, r); gnu += t * t; }
  for (let k = 0; k < cols; k++) { const t = f64At(colSum, k); snu += t * t; }
  const ml = memoLength(ns);
  fillNaN(memo, ml);
  const n = rows * cols;
  for (let q = 0; q < n; q++) {
    const s = f64At(counts, q);
    if (s == 0) continue;
    const p = s / ns;
    ent -= p * log2Share(memo, ml, ns, s);
    energy += p * p;
  }
  const muI = sumI / ns, muJ = sumJ / ns;
  setF64(out, 0, se / ns);
  setF64(out, 1, le / ns);
  setF64(out, 2, lge / ns);
  setF64(out, 3, hge / ns);
  setF64(out, 4, slge / ns);
  setF64(out, 5, shge / ns);
  setF64(out, 6, llge / ns);
  setF64(out, 7, lhge / ns);
  setF64(out, 8, gnu / ns);
  setF64(out, 9, gnu / (ns * ns));
  setF64(out, 10, snu / ns);
  setF64(out, 11, snu / (ns * ns));
  setF64(out, 12, ns / nVoxels);
  setF64(out, 13, Math.max(0, sumI2 / ns - muI * muI));
  setF64(out, 14, Math.max(0, sumJ2 / ns - muJ * muJ));
  setF64(out, 15, ent);
  setF64(out, 16, energy);
}

/**
 * glrlm.ts countRunsByBits: run lengths walking against the direction, one count per run start,
 * into the f64 counts at `c` (Ng × cols). `len` is i32 scratch over the working grid.
 */
export function countRunsByBits(bits: usize, levels: usize, idx: usize, len: usize, off: i32, fwd: i32, back: i32, start: i32, end: i32, c: usize, cols: i32): void {
  const step = off > 0 ? -1 : 1;
  for (let q = off > 0 ? end - 1 : start; q >= start && q < end; q += step) {
    const i = i32At(idx, q), m = <u32>i32At(bits, i);
    const l = 1 + <i32>((m >>> <u32>fwd) & 1) * i32At(len, i + off);
    setI32(len, i, l);
    const cell = (i32At(levels, i) - 1) * cols + l - 1;
    setF64(c, cell, f64At(c, cell) + <f64>(((m >>> <u32>back) & 1) ^ 1));
  }
}
