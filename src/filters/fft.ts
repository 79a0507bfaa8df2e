/**
 * Complex FFT for any length: iterative radix-2 Cooley–Tukey for powers of two and
 * Bluestein's chirp-z algorithm (via a power-of-two FFT) for other lengths. Used by the
 * Fourier-domain filters (Gabor, Simoncelli). Plans are cached per length.
 * Reference: Cooley & Tukey 1965; Bluestein 1970 (see e.g. Numerical Recipes 3rd ed., §12.2).
 */
interface Plan { n: number; fft(re: Float64Array, im: Float64Array, inverse: boolean): void }

const plans = new Map<number, Plan>();

export function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function radix2Plan(n: number): Plan {
  const levels = Math.round(Math.log2(n));
  const rev = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0; b < levels; b++) r |= ((i >> b) & 1) << (levels - 1 - b);
    rev[i] = r;
  }
  const cos = new Float64Array(n / 2), sin = new Float64Array(n / 2);
  for (let i = 0; i < n / 2; i++) {
    cos[i] = Math.cos((2 * Math.PI * i) / n);
    sin[i] = Math.sin((2 * Math.PI * i) / n);
  }
  return {
    n,
    fft(re, im, inverse) {
      for (let i = 0; i < n; i++) {
        const j = rev[i]!;
        if (j > i) {
          let t = re[i]!; re[i] = re[j]!; re[j] = t;
          t = im[i]!; im[i] = im[j]!; im[j] = t;
        }
      }
      const sgn = inverse ? 1 : -1;
      for (let size = 2; size <= n; size *= 2) {
        const half = size / 2, step = n / size;
        for (let i = 0; i < n; i += size) {
          for (let j = 0, k = 0; j < half; j++, k += step) {
            const wr = cos[k]!, wi = sgn * sin[k]!;
            const a = i + j, b = a + half;
            const tr = re[b]! * wr - im[b]! * wi;
            const ti = re[b]! * wi + im[b]! * wr;
            re[b] = re[a]! - tr; im[b] = im[a]! - ti;
            re[a] = re[a]! + tr; im[a] = im[a]! + ti;
          }
        }
      }
    },
  };
}

/**
 * Radix-2 FFT along the slow axis of a block of `cols` interleaved lines (element (r, c) at
 * offset + r·cols + c), all columns at once: every butterfly runs over contiguous memory
 * and reuses one twiddle, which is much faster than copying strided lines out and back.
 */
function radix2Columns(re: Float64Array, im: Float64Array, offset: number, cols: number, rows: number, inverse: boolean): void {
  const levels = Math.round(Math.log2(rows));
  for (let i = 0; i < rows; i++) {
    let j = 0;
    for (let b = 0; b < levels; b++) j |= ((i >> b) & 1) << (levels - 1 - b);
    if (j > i) {
      const a = offset + i * cols, bb = offset + j * cols;
      for (let c = 0; c < cols; c++) {
        let t = re[a + c]!; re[a + c] = re[bb + c]!; re[bb + c] = t;
        t = im[a + c]!; im[a + c] = im[bb + c]!; im[bb + c] = t;
      }
    }
  }
  const sgn = inverse ? 1 : -1;
  for (let size = 2; size <= rows; size *= 2) {
    const half = size / 2;
    for (let j = 0; j < half; j++) {
      const ang = (2 * Math.PI * j) / size;
      const wr = Math.cos(ang), wi = sgn * Math.sin(ang);
      for (let i = j; i < rows; i += size) {
        const a = offset + i * cols, b = offset + (i + half) * cols;
        for (let c = 0; c < cols; c++) {
          const br = re[b + c]!, bi = im[b + c]!;
          const tr = br * wr - bi * wi, ti = br * wi + bi * wr;
          const ar = re[a + c]!, ai = im[a + c]!;
          re[b + c] = ar - tr; im[b + c] = ai - ti;
          re[a + c] = ar + tr; im[a + c] = ai + ti;
        }
      }
    }
  }
}

function bluesteinPlan(n: number): Plan {
  const m = nextPowerOfTwo(2 * n - 1);
  const inner = getPlan(m);
  // Chirp w_k = exp(−iπk²/n); k² mod 2n keeps the angle accurate for large k.
  const cr = new Float64Array(n), ci = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const a = (Math.PI * ((k * k) % (2 * n))) / n;
    cr[k] = Math.cos(a); ci[k] = -Math.sin(a);
  }
  // FFT of the conjugate chirp, wrapped: b_k = conj(w_k) for |k| < n.
  const br = new Float64Array(m), bi = new Float64Array(m);
  br[0] = cr[0]!; bi[0] = -ci[0]!;
  for (let k = 1; k < n; k++) {
    br[k] = br[m - k] = cr[k]!;
    bi[k] = bi[m - k] = -ci[k]!;
  }
  inner.fft(br, bi, false);
  const ar = new Float64Array(m), ai = new Float64Array(m);
  return {
    n,
    fft(re, im, inverse) {
      const s = inverse ? -1 : 1; // the inverse uses the conjugate chirp
      ar.fill(0); ai.fill(0);
      for (let k = 0; k < n; k++) {
        const wr = cr[k]!, wi = s * ci[k]!;
        ar[k] = re[k]! * wr - im[k]! * wi;
        ai[k] = re[k]! * wi + im[k]! * wr;
      }
      inner.fft(ar, ai, false);
      for (let k = 0; k < m; k++) {
        const xr = ar[k]!, xi = ai[k]!, yr = br[k]!, yi = s * bi[k]!;
        // Inverse: the conjugate kernel's FFT is conj(B(−f)); B is even so conj(B(f)) suffices.
        ar[k] = xr * yr - xi * yi;
        ai[k] = xr * yi + xi * yr;
      }
      inner.fft(ar, ai, true);
      for (let k = 0; k < n; k++) {
        const xr = ar[k]! / m, xi = ai[k]! / m;
        const wr = cr[k]!, wi = s * ci[k]!;
        re[k] = xr * wr - xi * wi;
        im[k] = xr * wi + xi * wr;
      }
    },
  };
}

function getPlan(n: number): Plan {
  let p = plans.get(n);
  if (!p) {
    p = n === 1 ? { n, fft() {} } : isPowerOfTwo(n) ? radix2Plan(n) : bluesteinPlan(n);
    plans.set(n, p);
  }
  return p;
}

/** In-place 1D FFT (unnormalised; the inverse is divided by n). */
export function fft1d(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  getPlan(n).fft(re, im, inverse);
  if (inverse) for (let i = 0; i < n; i++) { re[i]! /= n; im[i]! /= n; }
}

/**
 * In-place n-dimensional FFT of a complex array laid out x fastest with the given dims
 * (1 to 3 of them). The inverse is normalised by the total size.
 */
export function fftNd(re: Float64Array, im: Float64Array, dims: number[], inverse = false): void {
  const total = re.length;
  let stride = 1;
  for (const n of dims) {
    if (n > 1 && stride > 1 && isPowerOfTwo(n)) {
      // Lines along a slow axis: transform all `stride` interleaved lines of each block together.
      for (let o = 0; o < total; o += n * stride) radix2Columns(re, im, o, stride, n, inverse);
    } else if (n > 1) {
      const plan = getPlan(n);
      const lr = new Float64Array(n), li = new Float64Array(n);
      const outer = total / (n * stride);
      for (let o = 0; o < outer; o++) {
        for (let s = 0; s < stride; s++) {
          const base = o * n * stride + s;
          for (let i = 0; i < n; i++) { lr[i] = re[base + i * stride]!; li[i] = im[base + i * stride]!; }
          plan.fft(lr, li, inverse);
          for (let i = 0; i < n; i++) { re[base + i * stride] = lr[i]!; im[base + i * stride] = li[i]!; }
        }
      }
    }
    stride *= n;
  }
  if (inverse) for (let i = 0; i < total; i++) { re[i]! /= total; im[i]! /= total; }
}

/** 1D FFTs of the lines of a 2D array (x fastest, C columns, R rows) along `axis`, for the given index range of the other axis. */
function lines2d(re: Float64Array, im: Float64Array, C: number, R: number, axis: 0 | 1, from: number, to: number, inverse: boolean): void {
  const n = axis === 0 ? C : R;
  if (n < 2) return;
  const plan = getPlan(n);
  if (axis === 0) {
    for (let r = from; r < to; r++) {
      const lr = re.subarray(r * C, (r + 1) * C), li = im.subarray(r * C, (r + 1) * C);
      plan.fft(lr, li, inverse);
    }
    return;
  }
  if (isPowerOfTwo(R) && from === 0 && to === C) { radix2Columns(re, im, 0, C, R, inverse); return; }
  const lr = new Float64Array(R), li = new Float64Array(R);
  for (let c = from; c < to; c++) {
    for (let r = 0; r < R; r++) { lr[r] = re[r * C + c]!; li[r] = im[r * C + c]!; }
    plan.fft(lr, li, inverse);
    for (let r = 0; r < R; r++) { re[r * C + c] = lr[r]!; im[r * C + c] = li[r]!; }
  }
}

/** Forward 2D FFT of a C×R array whose rows from `usedRows` on are zero (their row FFTs are skipped). */
export function fft2dForward(re: Float64Array, im: Float64Array, C: number, R: number, usedRows = R): void {
  lines2d(re, im, C, R, 0, 0, Math.min(usedRows, R), false);
  lines2d(re, im, C, R, 1, 0, C, false);
}

/**
 * Inverse 2D FFT of a C×R array, finished (and normalised) only for rows [rowFrom, rowTo): the
 * other rows hold partial results. Saves the row transforms nobody reads.
 */
export function fft2dInverseRows(re: Float64Array, im: Float64Array, C: number, R: number, rowFrom: number, rowTo: number): void {
  lines2d(re, im, C, R, 1, 0, C, true);
  lines2d(re, im, C, R, 0, rowFrom, rowTo, true);
  const s = 1 / (C * R);
  for (let i = rowFrom * C; i < rowTo * C; i++) { re[i]! *= s; im[i]! *= s; }
}
