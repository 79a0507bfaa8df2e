/**
 * In-place radix-2 complex FFT (iterative Cooley–Tukey, forward sign −1) on blocks: element
 * k of a transform is the contiguous run [base + k·B, base + k·B + B), so one call transforms
 * B interleaved sequences at once. Axis y and z of a 3D array (x fastest) are then
 * transformed with unit-stride inner loops, which keeps large volumes cache-friendly.
 */
const twiddles = new Map<number, [Float64Array, Float64Array]>();

function twiddle(n: number): [Float64Array, Float64Array] {
  let t = twiddles.get(n);
  if (!t) {
    const c = new Float64Array(n / 2), s = new Float64Array(n / 2);
    for (let k = 0; k < n / 2; k++) { c[k] = Math.cos((-2 * Math.PI * k) / n); s[k] = Math.sin((-2 * Math.PI * k) / n); }
    t = [c, s];
    twiddles.set(n, t);
  }
  return t;
}

const reversals = new Map<number, Int32Array>();

function bitReversal(n: number): Int32Array {
  let r = reversals.get(n);
  if (!r) {
    r = new Int32Array(n);
    for (let i = 1, j = 0; i < n; i++) {
      let bit = n >> 1;
      for (; j & bit; bit >>= 1) j ^= bit;
      j ^= bit;
      r[i] = j;
    }
    reversals.set(n, r);
  }
  return r;
}

/** Forward FFT of B sequences of length n (power of two) stored as blocks from `base`. */
export function fftBlocks(re: Float64Array, im: Float64Array, n: number, B: number, base: number): void {
  if (n < 2) return;
  const rev = bitReversal(n);
  for (let i = 1; i < n; i++) {
    const j = rev[i]!;
    if (i < j) {
      const a = base + i * B, b = base + j * B;
      for (let e = 0; e < B; e++) {
        let t = re[a + e]!; re[a + e] = re[b + e]!; re[b + e] = t;
        t = im[a + e]!; im[a + e] = im[b + e]!; im[b + e] = t;
      }
    }
  }
  const [cs, sn] = twiddle(n);
  if (B === 1) {
    unitButterflies(re, im, n, base, cs, sn);
    return;
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1, step = n / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const wr = cs[k * step]!, wi = sn[k * step]!;
        const a = base + (i + k) * B, b = a + half * B;
        for (let e = 0; e < B; e++) {
          const br = re[b + e]!, bi = im[b + e]!;
          const xr = br * wr - bi * wi, xi = br * wi + bi * wr;
          re[b + e] = re[a + e]! - xr; im[b + e] = im[a + e]! - xi;
          re[a + e] = re[a + e]! + xr; im[a + e] = im[a + e]! + xi;
        }
      }
    }
  }
}

/** The butterfly passes for one contiguous sequence (B = 1), without the block loop. */
function unitButterflies(re: Float64Array, im: Float64Array, n: number, base: number, cs: Float64Array, sn: Float64Array): void {
  // first pass (len 2) has the trivial twiddle 1
  for (let i = base; i < base + n; i += 2) {
    const br = re[i + 1]!, bi = im[i + 1]!;
    re[i + 1] = re[i]! - br; im[i + 1] = im[i]! - bi;
    re[i] = re[i]! + br; im[i] = im[i]! + bi;
  }
  for (let len = 4; len <= n; len <<= 1) {
    const half = len >> 1, step = n / len;
    for (let i = base; i < base + n; i += len) {
      for (let k = 0, tw = 0; k < half; k++, tw += step) {
        const wr = cs[tw]!, wi = sn[tw]!;
        const a = i + k, b = a + half;
        const br = re[b]!, bi = im[b]!;
        const xr = br * wr - bi * wi, xi = br * wi + bi * wr;
        re[b] = re[a]! - xr; im[b] = im[a]! - xi;
        re[a] = re[a]! + xr; im[a] = im[a]! + xi;
      }
    }
  }
}

/** Forward FFT of a 3D array (x fastest) of power-of-two dimensions, in place. */
export function fft3d(re: Float64Array, im: Float64Array, dims: [number, number, number]): void {
  const [X, Y, Z] = dims;
  for (let l = 0; l < Y * Z; l++) fftBlocks(re, im, X, 1, l * X); // x: B = 1
  for (let z = 0; z < Z; z++) fftBlocks(re, im, Y, X, z * X * Y); // y: blocks of one row
  fftBlocks(re, im, Z, X * Y, 0); // z: blocks of one slice
}

export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}
