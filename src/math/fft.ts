/**
 * The one complex FFT (features: Moran's I / Geary's C; filters: Gabor, Simoncelli).
 *
 * Lengths 2^a·3^b·5^c use the mixed-radix Stockham self-sorting formulation (Van Loan,
 * *Computational Frameworks for the FFT*, §1.7), one radix-r stage at a time (radix 4, 2, 3, 5),
 * out of place between two buffers. Any other length uses Bluestein's chirp-z algorithm
 * (Bluestein 1970; Numerical Recipes 3rd ed., §12.2 and §13.4): the DFT as a convolution with a
 * chirp, done by FFTs of the smallest 2^a·3^b·5^c length ≥ 2n − 1.
 *
 * Element k of a transform may be a contiguous block of B values (index base + k·B + e): B
 * sequences are transformed at once with unit-stride inner loops, which is how the slow axes
 * of a plane or volume are done without copying lines out.
 *
 * The kernels compute the forward transform (sign −1); the inverse is conj(FFT(conj(x))), the
 * same arithmetic on negated imaginary parts (negation is exact), unnormalised unless a
 * function says otherwise.
 */

/** Smallest 2^a·3^b·5^c ≥ n. */
export function goodSize(n: number): number {
  for (let m = Math.max(1, n); ; m++) {
    let r = m;
    for (const p of [2, 3, 5]) while (r % p === 0) r /= p;
    if (r === 1) return m;
  }
}

function radices(n: number): number[] {
  const out: number[] = [];
  let r = n;
  while (r % 4 === 0) { out.push(4); r /= 4; }
  while (r % 2 === 0) { out.push(2); r /= 2; }
  while (r % 3 === 0) { out.push(3); r /= 3; }
  while (r % 5 === 0) { out.push(5); r /= 5; }
  if (r !== 1) throw new RangeError(`FFT length ${n} is not of the form 2^a·3^b·5^c`);
  return out;
}

const C3 = Math.cos((2 * Math.PI) / 3), S3 = Math.sin((2 * Math.PI) / 3);
const C51 = Math.cos((2 * Math.PI) / 5), S51 = Math.sin((2 * Math.PI) / 5);
const C52 = Math.cos((4 * Math.PI) / 5), S52 = Math.sin((4 * Math.PI) / 5);

const twiddleCache = new Map<number, [Float64Array, Float64Array]>();

/** ω_n^p = exp(−2πi·p/n) for p < n, cached per n. */
function twiddles(n: number): [Float64Array, Float64Array] {
  let t = twiddleCache.get(n);
  if (!t) {
    const c = new Float64Array(n), s = new Float64Array(n);
    for (let p = 0; p < n; p++) { c[p] = Math.cos((-2 * Math.PI * p) / n); s[p] = Math.sin((-2 * Math.PI * p) / n); }
    t = [c, s];
    twiddleCache.set(n, t);
  }
  return t;
}

/**
 * One Stockham stage: n-point sub-transforms at stride s; reads x, writes y.
 * y[q + s(r·p + j)] = ω_n^{jp} · Σ_k x[q + s(p + k·m)] ω_r^{jk}, m = n/r.
 * One function per radix keeps the inner loop free of branches.
 */
function stage(n: number, s: number, r: number, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array, off: number): void {
  if (r === 2) stage2(n, s, xr, xi, yr, yi, off);
  else if (r === 4) stage4(n, s, xr, xi, yr, yi, off);
  else if (r === 3) stage3(n, s, xr, xi, yr, yi, off);
  else stage5(n, s, xr, xi, yr, yi, off);
}

function stage2(n: number, s: number, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array, off: number): void {
  const m = n / 2, sm = s * m;
  const [cw, sw] = twiddles(n);
  for (let p = 0; p < m; p++) {
    const w1r = cw[p]!, w1i = sw[p]!;
    const in0 = off + s * p, out0 = off + 2 * s * p;
    for (let q = 0; q < s; q++) {
      const i0 = in0 + q, o0 = out0 + q;
      const ar = xr[i0]!, ai = xi[i0]!, br = xr[i0 + sm]!, bi = xi[i0 + sm]!;
      yr[o0] = ar + br; yi[o0] = ai + bi;
      const dr = ar - br, di = ai - bi;
      yr[o0 + s] = dr * w1r - di * w1i; yi[o0 + s] = dr * w1i + di * w1r;
    }
  }
}

function stage4(n: number, s: number, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array, off: number): void {
  const m = n / 4, sm = s * m;
  const [cw, sw] = twiddles(n);
  for (let p = 0; p < m; p++) {
    const w1r = cw[p]!, w1i = sw[p]!, w2r = cw[2 * p]!, w2i = sw[2 * p]!, w3r = cw[3 * p]!, w3i = sw[3 * p]!;
    const in0 = off + s * p, out0 = off + 4 * s * p;
    for (let q = 0; q < s; q++) {
      const i0 = in0 + q, o0 = out0 + q;
      const a0r = xr[i0]!, a0i = xi[i0]!, a1r = xr[i0 + sm]!, a1i = xi[i0 + sm]!;
      const a2r = xr[i0 + 2 * sm]!, a2i = xi[i0 + 2 * sm]!, a3r = xr[i0 + 3 * sm]!, a3i = xi[i0 + 3 * sm]!;
      const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
      const t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1r - a3r, t3i = a1i - a3i;
      // X1 = t1 − i·t3, X3 = t1 + i·t3 (ω4 = −i)
      const x1r = t1r + t3i, x1i = t1i - t3r, x2r = t0r - t2r, x2i = t0i - t2i, x3r = t1r - t3i, x3i = t1i + t3r;
      yr[o0] = t0r + t2r; yi[o0] = t0i + t2i;
      yr[o0 + s] = x1r * w1r - x1i * w1i; yi[o0 + s] = x1r * w1i + x1i * w1r;
      yr[o0 + 2 * s] = x2r * w2r - x2i * w2i; yi[o0 + 2 * s] = x2r * w2i + x2i * w2r;
      yr[o0 + 3 * s] = x3r * w3r - x3i * w3i; yi[o0 + 3 * s] = x3r * w3i + x3i * w3r;
    }
  }
}

function stage3(n: number, s: number, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array, off: number): void {
  const m = n / 3, sm = s * m;
  const [cw, sw] = twiddles(n);
  for (let p = 0; p < m; p++) {
    const w1r = cw[p]!, w1i = sw[p]!, w2r = cw[2 * p]!, w2i = sw[2 * p]!;
    const in0 = off + s * p, out0 = off + 3 * s * p;
    for (let q = 0; q < s; q++) {
      const i0 = in0 + q, o0 = out0 + q;
      const a0r = xr[i0]!, a0i = xi[i0]!, a1r = xr[i0 + sm]!, a1i = xi[i0 + sm]!, a2r = xr[i0 + 2 * sm]!, a2i = xi[i0 + 2 * sm]!;
      const sr = a1r + a2r, si = a1i + a2i, dr = a1r - a2r, di = a1i - a2i;
      const br = a0r + C3 * sr, bi = a0i + C3 * si;
      // ω3 = cos(2π/3) − i·sin(2π/3)
      const x1r = br + S3 * di, x1i = bi - S3 * dr, x2r = br - S3 * di, x2i = bi + S3 * dr;
      yr[o0] = a0r + sr; yi[o0] = a0i + si;
      yr[o0 + s] = x1r * w1r - x1i * w1i; yi[o0 + s] = x1r * w1i + x1i * w1r;
      yr[o0 + 2 * s] = x2r * w2r - x2i * w2i; yi[o0 + 2 * s] = x2r * w2i + x2i * w2r;
    }
  }
}

function stage5(n: number, s: number, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array, off: number): void {
  const m = n / 5, sm = s * m;
  const [cw, sw] = twiddles(n);
  for (let p = 0; p < m; p++) {
    const w1r = cw[p]!, w1i = sw[p]!, w2r = cw[2 * p]!, w2i = sw[2 * p]!;
    const w3r = cw[3 * p]!, w3i = sw[3 * p]!, w4r = cw[4 * p]!, w4i = sw[4 * p]!;
    const in0 = off + s * p, out0 = off + 5 * s * p;
    for (let q = 0; q < s; q++) {
      const i0 = in0 + q, o0 = out0 + q;
      const a0r = xr[i0]!, a0i = xi[i0]!, a1r = xr[i0 + sm]!, a1i = xi[i0 + sm]!, a2r = xr[i0 + 2 * sm]!, a2i = xi[i0 + 2 * sm]!;
      const a3r = xr[i0 + 3 * sm]!, a3i = xi[i0 + 3 * sm]!, a4r = xr[i0 + 4 * sm]!, a4i = xi[i0 + 4 * sm]!;
      const s1r = a1r + a4r, s1i = a1i + a4i, d1r = a1r - a4r, d1i = a1i - a4i;
      const s2r = a2r + a3r, s2i = a2i + a3i, d2r = a2r - a3r, d2i = a2i - a3i;
      const b1r = a0r + C51 * s1r + C52 * s2r, b1i = a0i + C51 * s1i + C52 * s2i;
      const b2r = a0r + C52 * s1r + C51 * s2r, b2i = a0i + C52 * s1i + C51 * s2i;
      const e1r = S51 * d1r + S52 * d2r, e1i = S51 * d1i + S52 * d2i;
      const e2r = S52 * d1r - S51 * d2r, e2i = S52 * d1i - S51 * d2i;
      // X_j = b ∓ i·e (forward sign): X1 = b1 − i e1, X4 = b1 + i e1, X2 = b2 − i e2, X3 = b2 + i e2
      const x1r = b1r + e1i, x1i = b1i - e1r, x4r = b1r - e1i, x4i = b1i + e1r;
      const x2r = b2r + e2i, x2i = b2i - e2r, x3r = b2r - e2i, x3i = b2i + e2r;
      yr[o0] = a0r + s1r + s2r; yi[o0] = a0i + s1i + s2i;
      yr[o0 + s] = x1r * w1r - x1i * w1i; yi[o0 + s] = x1r * w1i + x1i * w1r;
      yr[o0 + 2 * s] = x2r * w2r - x2i * w2i; yi[o0 + 2 * s] = x2r * w2i + x2i * w2r;
      yr[o0 + 3 * s] = x3r * w3r - x3i * w3i; yi[o0 + 3 * s] = x3r * w3i + x3i * w3r;
      yr[o0 + 4 * s] = x4r * w4r - x4i * w4i; yi[o0 + 4 * s] = x4r * w4i + x4i * w4r;
    }
  }
}

/** True for lengths 2^a·3^b·5^c, which the Stockham stages handle directly. */
export function isSmooth(n: number): boolean {
  if (!(Number.isInteger(n) && n >= 1)) return false;
  let r = n;
  for (const p of [2, 3, 5]) while (r % p === 0) r /= p;
  return r === 1;
}

/**
 * Forward FFT of B sequences of length n (any n ≥ 1) stored as blocks from `base` (element k at
 * base + k·B + e), in place; `tr`/`ti` are scratch buffers of at least base + n·B values.
 */
export function fftBlocks(re: Float64Array, im: Float64Array, n: number, B: number, base: number, tr: Float64Array, ti: Float64Array): void {
  if (n < 2) return;
  if (isSmooth(n)) stockhamBlocks(re, im, n, B, base, tr, ti);
  else bluesteinBlocks(re, im, n, B, base);
}

/** fftBlocks for smooth n: the Stockham stages, ping-ponging between the data and the scratch. */
function stockhamBlocks(re: Float64Array, im: Float64Array, n: number, B: number, base: number, tr: Float64Array, ti: Float64Array): void {
  let xr = re, xi = im, yr = tr, yi = ti;
  let len = n, s = B;
  for (const r of radices(n)) {
    stage(len, s, r, xr, xi, yr, yi, base);
    len /= r; s *= r;
    [xr, yr] = [yr, xr];
    [xi, yi] = [yi, xi];
  }
  if (xr !== re) {
    re.set(xr.subarray(base, base + n * B), base);
    im.set(xi.subarray(base, base + n * B), base);
  }
}

interface Chirp {
  /** Smooth convolution length ≥ 2n − 1. */
  m: number;
  /** w_k = exp(−iπk²/n), k < n. */
  wr: Float64Array; wi: Float64Array;
  /** FFT of the wrapped conjugate chirp b_k = conj(w_|k|), |k| < n, length m. */
  br: Float64Array; bi: Float64Array;
}

const chirpCache = new Map<number, Chirp>();

function chirp(n: number): Chirp {
  let c = chirpCache.get(n);
  if (c) return c;
  const m = goodSize(2 * n - 1);
  const wr = new Float64Array(n), wi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // k² mod 2n keeps the angle accurate for large k (the chirp has period 2n in k²).
    const a = (Math.PI * ((k * k) % (2 * n))) / n;
    wr[k] = Math.cos(a); wi[k] = -Math.sin(a);
  }
  const br = new Float64Array(m), bi = new Float64Array(m);
  br[0] = wr[0]!; bi[0] = -wi[0]!;
  for (let k = 1; k < n; k++) {
    br[k] = br[m - k] = wr[k]!;
    bi[k] = bi[m - k] = -wi[k]!;
  }
  stockhamBlocks(br, bi, m, 1, 0, new Float64Array(m), new Float64Array(m));
  c = { m, wr, wi, br, bi };
  chirpCache.set(n, c);
  return c;
}

/** Scratch for Bluestein, grown as needed (the FFT is synchronous and Bluestein never nests). */
let work = { ar: new Float64Array(0), ai: new Float64Array(0), tr: new Float64Array(0), ti: new Float64Array(0) };
function workspace(len: number): typeof work {
  if (work.ar.length < len) work = { ar: new Float64Array(len), ai: new Float64Array(len), tr: new Float64Array(len), ti: new Float64Array(len) };
  return work;
}

/**
 * Bluestein: X_k = w_k · Σ_j (x_j w_j) · conj(w_{k−j}), since jk = (j² + k² − (k−j)²)/2. The sum
 * is a linear convolution of length 2n − 1, done as a cyclic one of smooth length m by FFTs;
 * its inverse FFT is conj(FFT(conj(·)))/m, so only forward Stockham stages run.
 */
function bluesteinBlocks(re: Float64Array, im: Float64Array, n: number, B: number, base: number): void {
  const { m, wr, wi, br, bi } = chirp(n);
  const { ar, ai, tr, ti } = workspace(m * B);
  ar.fill(0, 0, m * B); ai.fill(0, 0, m * B);
  for (let k = 0; k < n; k++) {
    const cr = wr[k]!, ci = wi[k]!, src = base + k * B, dst = k * B;
    for (let e = 0; e < B; e++) {
      const xr = re[src + e]!, xi = im[src + e]!;
      ar[dst + e] = xr * cr - xi * ci;
      ai[dst + e] = xr * ci + xi * cr;
    }
  }
  stockhamBlocks(ar, ai, m, B, 0, tr, ti);
  for (let k = 0; k < m; k++) {
    const yr = br[k]!, yi = bi[k]!, o = k * B;
    for (let e = 0; e < B; e++) {
      const xr = ar[o + e]!, xi = ai[o + e]!;
      // the product, conjugated for the inverse transform that follows
      ar[o + e] = xr * yr - xi * yi;
      ai[o + e] = -(xr * yi + xi * yr);
    }
  }
  stockhamBlocks(ar, ai, m, B, 0, tr, ti);
  const s = 1 / m;
  for (let k = 0; k < n; k++) {
    const cr = wr[k]!, ci = wi[k]!, src = k * B, dst = base + k * B;
    for (let e = 0; e < B; e++) {
      // conj of the forward result over m is the convolution; times w_k
      const xr = ar[src + e]! * s, xi = -ai[src + e]! * s;
      re[dst + e] = xr * cr - xi * ci;
      im[dst + e] = xr * ci + xi * cr;
    }
  }
}

function negate(a: Float64Array, from = 0, to = a.length): void {
  for (let i = from; i < to; i++) a[i] = -a[i]!;
}

/** In-place 1D FFT of any length (unnormalised; the inverse is divided by n). */
export function fft1d(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (inverse) negate(im);
  fftBlocks(re, im, n, 1, 0, new Float64Array(n), new Float64Array(n));
  if (inverse) {
    const s = 1 / n;
    for (let i = 0; i < n; i++) { re[i]! *= s; im[i] = -im[i]! * s; }
  }
}

/** FFTs along one axis (length n, stride = product of the faster dims) of the whole array. */
function axisPass(re: Float64Array, im: Float64Array, n: number, stride: number, tr: Float64Array, ti: Float64Array): void {
  if (n < 2) return;
  for (let o = 0; o < re.length; o += n * stride) fftBlocks(re, im, n, stride, o, tr, ti);
}

/**
 * In-place n-dimensional FFT of a complex array laid out x fastest with the given dims (any
 * lengths). The inverse is normalised by the total size.
 */
export function fftNd(re: Float64Array, im: Float64Array, dims: number[], inverse = false): void {
  const total = re.length;
  const tr = new Float64Array(total), ti = new Float64Array(total);
  if (inverse) negate(im);
  let stride = 1;
  for (const n of dims) { axisPass(re, im, n, stride, tr, ti); stride *= n; }
  if (inverse) {
    const s = 1 / total;
    for (let i = 0; i < total; i++) { re[i]! *= s; im[i] = -im[i]! * s; }
  }
}

/** Forward 2D FFT of a C×R array (x fastest) whose rows from `usedRows` on are zero (their row FFTs are skipped). */
export function fft2dForward(re: Float64Array, im: Float64Array, C: number, R: number, usedRows = R): void {
  const tr = new Float64Array(C * R), ti = new Float64Array(C * R);
  if (C > 1) for (let r = 0; r < Math.min(usedRows, R); r++) fftBlocks(re, im, C, 1, r * C, tr, ti);
  fftBlocks(re, im, R, C, 0, tr, ti);
}

/**
 * Inverse 2D FFT of a C×R array, finished (and normalised) only for rows [rowFrom, rowTo): the
 * other rows hold partial results. Saves the row transforms nobody reads.
 */
export function fft2dInverseRows(re: Float64Array, im: Float64Array, C: number, R: number, rowFrom: number, rowTo: number): void {
  const tr = new Float64Array(C * R), ti = new Float64Array(C * R);
  negate(im);
  fftBlocks(re, im, R, C, 0, tr, ti);
  if (C > 1) for (let r = rowFrom; r < rowTo; r++) fftBlocks(re, im, C, 1, r * C, tr, ti);
  const s = 1 / (C * R);
  for (let i = rowFrom * C; i < rowTo * C; i++) { re[i]! *= s; im[i] = -im[i]! * s; }
}

/**
 * Forward FFT of a 3D array (x fastest), in place (2^a·3^b·5^c dimensions run fastest).
 * Pruning (the axis passes commute, so the order is free):
 *  - `support` [sx, sy, sz]: the input is zero outside [0, sx)×[0, sy)×[0, sz); x then y then z,
 *    skipping the all-zero rows and slabs;
 *  - `needed` [nx, ny, nz]: only outputs inside that box are wanted; z then y then x, computing
 *    only the slabs and rows that feed it.
 */
export function fft3d(
  re: Float64Array, im: Float64Array, dims: [number, number, number],
  prune: { support?: [number, number, number]; needed?: [number, number, number] } = {},
): void {
  const [X, Y, Z] = dims;
  const tr = new Float64Array(re.length), ti = new Float64Array(re.length);
  if (prune.needed) {
    const [, ny, nz] = prune.needed;
    fftBlocks(re, im, Z, X * Y, 0, tr, ti);
    for (let z = 0; z < nz; z++) fftBlocks(re, im, Y, X, z * X * Y, tr, ti);
    for (let z = 0; z < nz; z++) for (let y = 0; y < ny; y++) fftBlocks(re, im, X, 1, (y + Y * z) * X, tr, ti);
    return;
  }
  const [, sy, sz] = prune.support ?? dims;
  for (let z = 0; z < sz; z++) for (let y = 0; y < sy; y++) fftBlocks(re, im, X, 1, (y + Y * z) * X, tr, ti);
  for (let z = 0; z < sz; z++) fftBlocks(re, im, Y, X, z * X * Y, tr, ti);
  fftBlocks(re, im, Z, X * Y, 0, tr, ti);
}

/** Smallest m ≥ n of the form 2^a, 3·2^a or 5·2^a: few distinct sizes, so cached spectra get reused. */
export function ladderSize(n: number): number {
  for (let m = Math.max(1, n); ; m++) {
    let r = m;
    while (r % 2 === 0) r /= 2;
    if (r === 1 || r === 3 || r === 5) return m;
  }
}
