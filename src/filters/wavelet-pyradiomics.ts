/**
 * The wavelet sub-bands as PyRadiomics computes them (radiomics/imageoperations.py, `_swt3` and
 * `getWaveletImage`, pyradiomics 3.x), which differ from the IBSI 2 à trous wavelet (wavelet.ts):
 *
 * 1. every axis of odd length is padded by one voxel with numpy's 'wrap' mode (the first voxel
 *    appended at the end), because pywt.swtn needs even lengths; the pad is cut off at the end;
 * 2. each decomposition is `pywt.swtn(data, wavelet, level=1, start_level=0)`: a periodic
 *    (circular) convolution along every axis with pywt's dec_lo / dec_hi, aligned as pywt's C
 *    kernel `downsampling_convolution_periodization` with step 1 does:
 *        out[o] = Σ_j f[j] · x[(o + F/2 − j) mod N]      (F = filter length);
 * 3. level k (1-based; PyRadiomics' start_level + index) first replaces the data k − 1 times by
 *    its approximation (low-pass along every axis) — with the *same, undilated* filters each time
 *    (PyRadiomics calls swtn with level=1 in a loop, so pywt's à trous dilation never happens).
 *
 * Sub-band letters: one per decomposed axis, x first (pywt.swtn keys follow `axes`, and
 * PyRadiomics passes the numpy axes (2, 1, 0) = (x, y, z) of the array SimpleITK gives; force2D
 * drops z). 'LL…' is the approximation. Verified against pywt itself by
 * scripts/oracles/pyradiomics_wavelet.py (test/filters/pyradiomics-wavelet.test.ts).
 */
import { SonomicsError } from '../core/errors.ts';
import type { Vec3 } from '../image/image.ts';
import { parseSubband } from './wavelet.ts';
import { waveletFilters } from './wavelet-coefficients.ts';

export interface PyradiomicsWaveletOptions {
  family: string;
  /** One letter per decomposed axis, x first: 'LH' (x, y) or 'LLH' (x, y, z). */
  subband: string;
  /** 1-based decomposition level. */
  level: number;
}

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

export function checkPyradiomicsWavelet(o: PyradiomicsWaveletOptions, size?: Vec3): ('L' | 'H')[] {
  const letters = parseSubband(o.subband);
  if (size && letters.length === 3 && size[2] === 1) {
    throw new SonomicsError('BAD_SETTINGS', `PyRadiomics wavelet sub-band "${o.subband}" is 3D but the image has one slice: use two letters such as "LH" (PyRadiomics decomposes x and y of a 2D image)`);
  }
  if (!Number.isInteger(o.level) || o.level < 1 || o.level > 8) {
    throw new SonomicsError('BAD_SETTINGS', `PyRadiomics wavelet level must be a whole number 1..8 (start_level + 1 … start_level + level), got ${o.level}`);
  }
  waveletFilters(o.family); // throws for families we do not have, naming them
  return letters;
}

/**
 * Several sub-bands of one family and level: the padded image and the approximation of the
 * earlier levels are computed once, and passes along x (then y) are shared by the sub-bands
 * that start with the same letters. Returns one array per requested sub-band.
 */
export function pyradiomicsWaveletBands(data: Float64Array, size: Vec3, family: string, level: number, subbands: string[]): Float64Array[] {
  const letters = subbands.map((b) => checkPyradiomicsWavelet({ family, subband: b, level }, size));
  const axes = letters[0]?.length ?? 2;
  if (letters.some((l) => l.length !== axes)) {
    throw new SonomicsError('BAD_SETTINGS', `PyRadiomics wavelet sub-bands of one decomposition must all have ${axes} letters (got ${subbands.join(', ')})`);
  }
  const f = waveletFilters(family);
  const pick = (l: 'L' | 'H') => (l === 'L' ? f.lo : f.hi);
  const p = padToEven(data, size, axes);
  let v = p.data;
  for (let k = 1; k < level; k++) for (let a = 0; a < axes; a++) v = periodicPass(v, p.size, a as 0 | 1 | 2, f.lo);
  // Passes in axis order x, y, z; a prefix of letters shares its partial result.
  const memo = new Map<string, Float64Array>([['', v]]);
  const get = (prefix: string): Float64Array => {
    const hit = memo.get(prefix);
    if (hit) return hit;
    const a = prefix.length - 1;
    const r = periodicPass(get(prefix.slice(0, -1)), p.size, a as 0 | 1 | 2, pick(prefix[a] as 'L' | 'H'));
    memo.set(prefix, r);
    return r;
  };
  return letters.map((l) => crop(get(l.join('')), p.size, size));
}

/** One sub-band (see pyradiomicsWaveletBands). */
export function pyradiomicsWavelet(data: Float64Array, size: Vec3, o: PyradiomicsWaveletOptions): Float64Array {
  return pyradiomicsWaveletBands(data, size, o.family, o.level, [o.subband])[0]!;
}
