/**
 * PyRadiomics' _swt3 over the whole image, as sonomics computed it before the box-restricted
 * version (session 5, verified against PyWavelets by pyradiomics-wavelet.test.ts): wrap-pad odd
 * axes, level − 1 approximations, then the sub-band's passes, every line in full. The reference
 * filter-region.test.ts compares src/filters/wavelet-pyradiomics.ts with, bit for bit.
 */
import type { Vec3 } from '../../src/image/image.ts';
import { parseSubband } from '../../src/filters/wavelet.ts';
import { waveletFilters } from '../../src/filters/wavelet-coefficients.ts';

/** Periodic convolution of every line along `axis` (stride `stride`, length n) as pywt's swt. */
function periodicPass(src: Float64Array, size: Vec3, axis: 0 | 1 | 2, f: Float64Array): Float64Array {
  const n = size[axis]!;
  const strides = [1, size[0], size[0] * size[1]];
  const stride = strides[axis]!;
  const F = f.length, half = F >> 1;
  const out = new Float64Array(src.length);
  const line = new Float64Array(n);
  // Source index of tap j for output o: (o + F/2 − j) mod n, precomputed once per axis.
  const idx = new Int32Array(n * F);
  for (let o = 0; o < n; o++) for (let j = 0; j < F; j++) idx[o * F + j] = ((((o + half - j) % n) + n) % n);
  const [X, Y, Z] = size;
  const outer = axis === 0 ? [Y, Z, X] : axis === 1 ? [X, Z, X * Y] : [X, Y, X];
  // Lines: every start voxel with coordinate 0 along `axis`.
  for (let b = 0; b < outer[1]!; b++) {
    for (let a = 0; a < outer[0]!; a++) {
      const start = axis === 0 ? X * (a + Y * b) : axis === 1 ? a + X * Y * b : a + X * b;
      for (let k = 0; k < n; k++) line[k] = src[start + k * stride]!;
      for (let o = 0; o < n; o++) {
        let s = 0;
        const top = o + half;
        if (top - F + 1 >= 0 && top < n) {
          // no wrap: the same taps in the same order, without the index table
          for (let j = 0; j < F; j++) s += f[j]! * line[top - j]!;
        } else {
          const base = o * F;
          for (let j = 0; j < F; j++) s += f[j]! * line[idx[base + j]!]!;
        }
        out[start + o * stride] = s;
      }
    }
  }
  return out;
}

/** The image with every decomposed odd-length axis padded by one voxel, numpy 'wrap' mode. */
function padToEven(data: Float64Array, size: Vec3, axes: number): { data: Float64Array; size: Vec3 } {
  const padded = size.map((n, a) => (a < axes && n % 2 === 1 ? n + 1 : n)) as Vec3;
  if (padded.every((n, a) => n === size[a])) return { data, size };
  const [X, Y] = size, [PX, PY, PZ] = padded;
  const out = new Float64Array(PX * PY * PZ);
  for (let z = 0; z < PZ; z++) {
    const sz = z % size[2];
    for (let y = 0; y < PY; y++) {
      const sy = y % Y;
      for (let x = 0; x < PX; x++) out[x + PX * (y + PY * z)] = data[(x % X) + X * (sy + Y * sz)]!;
    }
  }
  return { data: out, size: padded };
}

function crop(data: Float64Array, padded: Vec3, size: Vec3): Float64Array {
  if (padded.every((n, a) => n === size[a])) return data;
  const [X, Y, Z] = size, [PX, PY] = padded;
  const out = new Float64Array(X * Y * Z);
  for (let z = 0; z < Z; z++) for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++) out[x + X * (y + Y * z)] = data[x + PX * (y + PY * z)]!;
  return out;
}

export function wholeImageSwt(data: Float64Array, size: Vec3, family: string, level: number, subband: string): Float64Array {
  const letters = parseSubband(subband);
  const axes = letters.length;
  const f = waveletFilters(family);
  const p = padToEven(data, size, axes);
  let v = p.data;
  for (let k = 1; k < level; k++) for (let a = 0; a < axes; a++) v = periodicPass(v, p.size, a as 0 | 1 | 2, f.lo);
  letters.forEach((l, a) => { v = periodicPass(v, p.size, a as 0 | 1 | 2, l === 'L' ? f.lo : f.hi); });
  return crop(v, p.size, size);
}
