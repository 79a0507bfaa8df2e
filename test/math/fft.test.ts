// The one FFT (src/math/fft.ts): Stockham stages for 2^a·3^b·5^c lengths, Bluestein for the rest,
// blocked sequences, any-dimensional transforms and the 2D helpers Gabor uses — checked against
// a direct DFT, against each other and for their inverses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fft1d, fft2dForward, fft2dInverseRows, fft3d, fftBlocks, fftNd, goodSize, isSmooth, ladderSize } from '../../src/math/fft.ts';

/** Direct DFT over a layout x fastest (sign −1), the definition the FFT must reproduce. */
function dft(xr: Float64Array, xi: Float64Array, dims: number[]): [Float64Array, Float64Array] {
  const n = xr.length;
  const yr = new Float64Array(n), yi = new Float64Array(n);
  const coords = (i: number) => { const c: number[] = []; for (const d of dims) { c.push(i % d); i = Math.floor(i / d); } return c; };
  for (let k = 0; k < n; k++) {
    const kc = coords(k);
    let sr = 0, si = 0;
    for (let j = 0; j < n; j++) {
      const jc = coords(j);
      let t = 0;
      dims.forEach((d, a) => { t += ((kc[a]! * jc[a]!) % d) / d; });
      const ang = -2 * Math.PI * t;
      sr += xr[j]! * Math.cos(ang) - xi[j]! * Math.sin(ang);
      si += xr[j]! * Math.sin(ang) + xi[j]! * Math.cos(ang);
    }
    yr[k] = sr; yi[k] = si;
  }
  return [yr, yi];
}

function signal(n: number, seed: number): [Float64Array, Float64Array] {
  return [Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.3 + seed) + (i % 7) / 7), Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.7 * seed))];
}

const maxDiff = (a: Float64Array, b: Float64Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe('FFT', () => {
  it('fft1d matches the direct DFT for every length 1..64 and long smooth and prime lengths, and inverts', () => {
    // Error bound: FFT rounding grows like ε·log n·Σ|x|; 1e-12·n·max|x| is far above it and far below any bug.
    for (const n of [...Array.from({ length: 64 }, (_, i) => i + 1), 97, 121, 243, 250, 256, 331, 500]) {
      const [xr, xi] = signal(n, n);
      const [dr, di] = dft(xr, xi, [n]);
      const yr = xr.slice(), yi = xi.slice();
      fft1d(yr, yi);
      const tol = 1e-12 * n * 2;
      expect(maxDiff(yr, dr), `n = ${n}`).toBeLessThan(tol);
      expect(maxDiff(yi, di), `n = ${n}`).toBeLessThan(tol);
      fft1d(yr, yi, true);
      expect(maxDiff(yr, xr), `n = ${n}`).toBeLessThan(1e-13 * n + 1e-14);
      expect(maxDiff(yi, xi), `n = ${n}`).toBeLessThan(1e-13 * n + 1e-14);
    }
  });

  it('blocks: B interleaved sequences from an offset give each sequence\'s own transform bit for bit, leaving the rest alone', () => {
    for (const n of [12, 7, 30, 13]) { // smooth (Stockham) and not (Bluestein)
      const B = 3, base = 5, len = base + n * B + 4;
      const re = Float64Array.from({ length: len }, (_, i) => Math.sin(i * 0.9)), im = Float64Array.from({ length: len }, (_, i) => Math.cos(i * 0.4));
      const before = [re.slice(), im.slice()];
      fftBlocks(re, im, n, B, base, new Float64Array(len), new Float64Array(len));
      for (let e = 0; e < B; e++) {
        const sr = Float64Array.from({ length: n }, (_, k) => before[0]![base + k * B + e]!), si = Float64Array.from({ length: n }, (_, k) => before[1]![base + k * B + e]!);
        fft1d(sr, si);
        for (let k = 0; k < n; k++) {
          expect(re[base + k * B + e], `n ${n} e ${e} k ${k}`).toBe(sr[k]);
          expect(im[base + k * B + e], `n ${n} e ${e} k ${k}`).toBe(si[k]);
        }
      }
      for (const i of [0, 1, 2, 3, 4, len - 4, len - 3, len - 2, len - 1]) { expect(re[i]).toBe(before[0]![i]); expect(im[i]).toBe(before[1]![i]); }
    }
  });

  it('fftNd matches the direct DFT in 2D and 3D (smooth and prime sides) and inverts', () => {
    for (const dims of [[4, 8, 2], [3, 4, 5], [8, 1, 4], [7, 11, 3], [13, 6]]) {
      const n = dims.reduce((a, b) => a * b, 1);
      const [xr, xi] = signal(n, 3);
      const [dr, di] = dft(xr, xi, dims);
      const yr = xr.slice(), yi = xi.slice();
      fftNd(yr, yi, dims);
      expect(maxDiff(yr, dr), dims.join('x')).toBeLessThan(1e-12 * n * 2);
      expect(maxDiff(yi, di), dims.join('x')).toBeLessThan(1e-12 * n * 2);
      fftNd(yr, yi, dims, true);
      expect(maxDiff(yr, xr), dims.join('x')).toBeLessThan(1e-13 * n);
      expect(maxDiff(yi, xi), dims.join('x')).toBeLessThan(1e-13 * n);
    }
  });

  it('fft3d (with its pruning) and the 2D helpers give fftNd\'s values exactly', () => {
    const dims: [number, number, number] = [6, 5, 4];
    const n = 120;
    const [xr] = signal(n, 2);
    // zero outside the support [0,3)×[0,2)×[0,4)
    const sup = xr.map((v, i) => (i % 6 < 3 && Math.floor(i / 6) % 5 < 2 ? v : 0));
    const ref = [sup.slice(), new Float64Array(n)] as const;
    fftNd(ref[0], ref[1], dims);
    const a = [sup.slice(), new Float64Array(n)] as const;
    fft3d(a[0], a[1], dims, { support: [3, 2, 4] });
    expect(maxDiff(a[0], ref[0])).toBe(0);
    expect(maxDiff(a[1], ref[1])).toBe(0);

    const [C, R] = [10, 9];
    const [pr, pi] = signal(C * R, 5);
    for (let i = 6 * C; i < C * R; i++) { pr[i] = 0; pi[i] = 0; } // rows from 6 on are zero
    const f = [pr.slice(), pi.slice()] as const, g = [pr.slice(), pi.slice()] as const;
    fftNd(f[0], f[1], [C, R]);
    fft2dForward(g[0], g[1], C, R, 6);
    expect(maxDiff(g[0], f[0])).toBe(0);
    expect(maxDiff(g[1], f[1])).toBe(0);
    fftNd(f[0], f[1], [C, R], true);
    fft2dInverseRows(g[0], g[1], C, R, 2, 7);
    expect(maxDiff(g[0].subarray(2 * C, 7 * C), f[0].subarray(2 * C, 7 * C))).toBeLessThan(1e-15);
    expect(maxDiff(g[1].subarray(2 * C, 7 * C), f[1].subarray(2 * C, 7 * C))).toBeLessThan(1e-15);
  });

  it('sizes: goodSize and ladderSize are the smallest smooth sizes ≥ n', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), (n) => {
      const g = goodSize(n), l = ladderSize(n);
      if (!(g >= n && isSmooth(g) && l >= g && isSmooth(l))) return false;
      for (let m = n; m < g; m++) if (isSmooth(m)) return false;
      return true;
    }));
    expect([1, 7, 11, 97].map(isSmooth)).toEqual([true, false, false, false]);
    expect(goodSize(97)).toBe(100);
  });
});
