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
import type { Box } from '../image/crop.ts';
import type { Vec3 } from '../image/image.ts';
import { parseSubband } from './wavelet.ts';
import { waveletFilters } from './wavelet-coefficients.ts';
import { axpyKernel, type AxpyKernel } from './simd-axpy.ts';

export interface PyradiomicsWaveletOptions {
  family: string;
  /** One letter per decomposed axis, x first: 'LH' (x, y) or 'LLH' (x, y, z). */
  subband: string;
  /** 1-based decomposition level. */
  level: number;
}

/**
 * Only a box of the output is computed (`region`; the whole image without one), with exactly the
 * whole computation's numbers. Every pass is local: output o along an axis reads the F inputs
 * (o + F/2 − j) mod N of the padded axis, so the box needs, per axis, the coordinates that the
 * remaining passes along that axis reach back to (the box grown by F per pass, wrapped modulo N
 * — the whole axis when that covers it). Intermediate images hold just those coordinates (a
 * sub-grid: one sorted coordinate list per axis), and each output is the same sum as pywt's, taps
 * j = 0 … F − 1 in order from 0, so the values are bit-identical (test/filters/
 * filter-region.test.ts compares them with the whole-image computation).
 */
interface SubGrid {
  /** Per axis, the padded-image coordinates held, ascending. */
  coords: [Int32Array, Int32Array, Int32Array];
  data: Float64Array;
}

/** The coordinates the next pass's outputs at `out` read, on an axis of length n (sorted, unique). */
function reachBack(out: Int32Array, n: number, F: number): Int32Array {
  const half = F >> 1;
  const used = new Uint8Array(n);
  for (const o of out) for (let j = 0; j < F; j++) used[(((o + half - j) % n) + n) % n] = 1;
  const list: number[] = [];
  for (let c = 0; c < n; c++) if (used[c]) list.push(c);
  return Int32Array.from(list);
}

/**
 * Periodic convolution along `axis` (padded length n) of `src`, computed at the coordinates `out`.
 * Each output is pywt's sum Σ_j f[j]·x[(o + F/2 − j) mod n] taken from 0 in the order j = 0 … F − 1;
 * the loops run over taps outside and outputs inside (each output's partial sum still receives
 * its terms in that order, so the numbers are the same), which keeps many independent sums in
 * flight, and along y and z reads whole rows (planes) of x-contiguous memory.
 */
function periodicPass(src: SubGrid, axis: 0 | 1 | 2, n: number, out: Int32Array, f: Float64Array): SubGrid {
  const F = f.length, half = F >> 1;
  const have = src.coords[axis];
  // Where each source coordinate sits in src's list along the axis (reachBack guarantees presence).
  const at = new Int32Array(n).fill(-1);
  have.forEach((c, i) => { at[c] = i; });
  const K = out.length;
  // Position in src's list of tap j for output k (tap-major: idx[j·K + k])
  const idx = new Int32Array(K * F);
  for (let j = 0; j < F; j++) for (let k = 0; k < K; k++) idx[j * K + k] = at[(((out[k]! + half - j) % n) + n) % n]!;
  const coords = [...src.coords] as SubGrid['coords'];
  coords[axis] = out;
  const [IX, IY] = [src.coords[0].length, src.coords[1].length];
  const [OX, OY, OZ] = [coords[0].length, coords[1].length, coords[2].length];
  const data = alloc(OX * OY * OZ);
  if (axis === 0) tapsAlongX(src.data, data, IX, OY * OZ, OX, f, idx);
  else if (axis === 1) for (let z = 0; z < OZ; z++) tapsAcrossRows(src.data, z * IX * IY, IX, data, z * OX * OY, OX, OX, K, f, idx);
  else tapsAcrossRows(src.data, 0, IX * IY, data, 0, OX * OY, OX * OY, K, f, idx);
  return { coords, data };
}

/** Along x: `lines` rows, input row length m, output row length K; out[k] += f[j]·in[idx[j·K + k]] for j = 0 … F − 1. */
function tapsAlongX(s: Float64Array, d: Float64Array, m: number, lines: number, K: number, f: Float64Array, idx: Int32Array): void {
  const F = f.length;
  if (arena) {
    // runs of outputs whose taps read consecutive inputs: one SIMD axpy per run and tap
    const runs: number[] = [];
    for (let k0 = 0; k0 < K;) {
      let k1 = k0 + 1;
      while (k1 < K && f.every((_, j) => idx[j * K + k1]! === idx[j * K + k1 - 1]! + 1)) k1++;
      runs.push(k0, k1);
      k0 = k1;
    }
    const { k } = arena;
    for (let l = 0; l < lines; l++) {
      const bi = s.byteOffset + 8 * l * m, bo = d.byteOffset + 8 * l * K;
      for (let r = 0; r < runs.length; r += 2) {
        const k0 = runs[r]!, n = runs[r + 1]! - k0;
        for (let j = 0; j < F; j++) k.axpy(bo + 8 * k0, bi + 8 * idx[j * K + k0]!, n, f[j]!);
      }
    }
    return;
  }
  for (let l = 0; l < lines; l++) {
    const bi = l * m, bo = l * K;
    for (let j = 0; j < F; j++) {
      const w = f[j]!, t = j * K;
      for (let k = 0; k < K; k++) d[bo + k] += w * s[bi + idx[t + k]!]!;
    }
  }
}

/**
 * Along y (rows of `width` x-contiguous values, input rows `strideIn` apart, output rows
 * `strideOut` apart, from offsets bi / bo) or z (planes: width = a whole plane):
 * output row k += f[j] · input row idx[j·K + k], for j = 0 … F − 1.
 */
function tapsAcrossRows(s: Float64Array, bi: number, strideIn: number, d: Float64Array, bo: number, strideOut: number, width: number, K: number, f: Float64Array, idx: Int32Array): void {
  const F = f.length;
  if (arena) {
    const { k } = arena;
    for (let r = 0; r < K; r++) {
      const o = d.byteOffset + 8 * (bo + r * strideOut);
      for (let j = 0; j < F; j++) k.axpy(o, s.byteOffset + 8 * (bi + idx[j * K + r]! * strideIn), width, f[j]!);
    }
    return;
  }
  for (let k = 0; k < K; k++) {
    const o = bo + k * strideOut;
    for (let j = 0; j < F; j++) {
      const w = f[j]!, r = bi + idx[j * K + k]! * strideIn;
      for (let x = 0; x < width; x++) d[o + x] += w * s[r + x]!;
    }
  }
}

/** The (odd axes wrap-padded) image at the sub-grid `coords`: padded coordinate c reads c mod size. */
function gather(data: Float64Array, size: Vec3, coords: SubGrid['coords']): SubGrid {
  const [X, Y] = size;
  const [cx, cy, cz] = coords;
  const out = alloc(cx.length * cy.length * cz.length);
  let i = 0;
  for (const z of cz) for (const y of cy) {
    const row = X * ((y % Y) + Y * (z % size[2]));
    for (const x of cx) out[i++] = data[row + (x % X)]!;
  }
  return { coords, data: out };
}

/** A sub-grid whose coordinates are exactly `box` (unpadded coordinates), written into a whole-image array (0 elsewhere). */
function scatter(g: SubGrid, size: Vec3): Float64Array {
  const [X, Y] = size;
  const out = new Float64Array(X * Y * size[2]);
  const [cx, cy, cz] = g.coords;
  let i = 0;
  for (const z of cz) for (const y of cy) {
    const row = X * (y + Y * z);
    for (const x of cx) out[row + x] = g.data[i++]!;
  }
  return out;
}

/**
 * Where the sub-grids of the current decomposition live: with WebAssembly SIMD, the axpy
 * kernel's memory (bump allocation from 0, reset per call; the taps then run there,
 * simd-axpy.ts), else ordinary arrays. Values are the same either way.
 */
let arena: { k: AxpyKernel; at: number } | null = null;
/** Memory the arena may take (the module's memory never shrinks; larger decompositions, e.g. whole 3D volumes, use ordinary arrays). */
const ARENA_MAX_BYTES = 64 * 2 ** 20;

function alloc(n: number): Float64Array {
  if (!arena) return new Float64Array(n);
  const a = new Float64Array(arena.k.memory.buffer, arena.at, n);
  a.fill(0);
  arena.at += 8 * n;
  return a;
}

/** Sets up the arena for `bytes` at most (growing the memory first: views made later stay valid). */
function openArena(bytes: number): void {
  arena = null;
  const k = axpyKernel();
  if (!k || bytes > ARENA_MAX_BYTES) return;
  const have = k.memory.buffer.byteLength;
  try {
    if (bytes > have) k.memory.grow(Math.ceil((bytes - have) / 65536));
    arena = { k, at: 0 };
  } catch {
    arena = null; // the memory cannot grow that far: ordinary arrays
  }
}

const rangeList = (lo: number, hi: number) => Int32Array.from({ length: hi - lo }, (_, k) => lo + k);

export function checkPyradiomicsWavelet(o: PyradiomicsWaveletOptions, size?: Vec3): ('L' | 'H')[] {
  const letters = parseSubband(o.subband, 1); // one letter: along x only (PyRadiomics' force2D on a 2D image)
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
 * Several sub-bands of one family and level: the approximation of the earlier levels is computed
 * once, and passes along x (then y) are shared by the sub-bands that start with the same letters.
 * Returns one whole-image array per requested sub-band; with `region`, only the voxels inside it
 * are computed (the others are 0), with the same values as without.
 */
export function pyradiomicsWaveletBands(data: Float64Array, size: Vec3, family: string, level: number, subbands: string[], region?: Box): Float64Array[] {
  const letters = subbands.map((b) => checkPyradiomicsWavelet({ family, subband: b, level }, size));
  const axes = letters[0]?.length ?? 2;
  if (letters.some((l) => l.length !== axes)) {
    throw new SonomicsError('BAD_SETTINGS', `PyRadiomics wavelet sub-bands of one decomposition must all have ${axes} letters (got ${subbands.join(', ')})`);
  }
  const f = waveletFilters(family);
  const F = f.lo.length; // dec_lo and dec_hi have the same length
  const pick = (l: 'L' | 'H') => (l === 'L' ? f.lo : f.hi);
  // pywt.swtn needs even lengths: odd decomposed axes are padded by one voxel (numpy 'wrap')
  const padded = size.map((n, a) => (a < axes && n % 2 === 1 ? n + 1 : n)) as Vec3;
  const box = region ?? { lo: [0, 0, 0] as Vec3, hi: size };
  // need[a][r]: the coordinates along axis a needed when r passes along it remain (r = 0: the box)
  const need = [0, 1, 2].map((a) => {
    const lists: Int32Array[] = [rangeList(box.lo[a]!, box.hi[a]!)];
    if (a < axes) for (let r = 1; r <= level; r++) lists.push(reachBack(lists[r - 1]!, padded[a]!, F));
    return lists;
  });
  const remaining = [0, 1, 2].map((a) => (a < axes ? level : 0));
  const gridNow = () => need.map((l, a) => l[remaining[a]!]!) as SubGrid['coords'];
  // Sub-grids made: the gathered image, the earlier levels' passes and one per distinct prefix of
  // the requested letters; none is larger than the gathered one.
  const prefixes = new Set(letters.flatMap((l) => l.map((_, i) => l.slice(0, i + 1).join(''))));
  const largest = gridNow().reduce((p, c) => p * c.length, 1);
  openArena(8 * largest * (1 + (level - 1) * axes + prefixes.size));
  try {
    return decompose();
  } finally {
    arena = null;
  }

  function decompose(): Float64Array[] {
    let v = gather(data, size, gridNow());
    for (let k = 1; k < level; k++) {
      for (let a = 0; a < axes; a++) {
        remaining[a]!--;
        v = periodicPass(v, a as 0 | 1 | 2, padded[a]!, need[a]![remaining[a]!]!, f.lo);
      }
    }
    // Passes in axis order x, y, z; a prefix of letters shares its partial result.
    const memo = new Map<string, SubGrid>([['', v]]);
    const get = (prefix: string): SubGrid => {
      const hit = memo.get(prefix);
      if (hit) return hit;
      const a = prefix.length - 1;
      const r = periodicPass(get(prefix.slice(0, -1)), a as 0 | 1 | 2, padded[a]!, need[a]![0]!, pick(prefix[a] as 'L' | 'H'));
      memo.set(prefix, r);
      return r;
    };
    return letters.map((l) => scatter(get(l.join('')), size));
  }
}

/** One sub-band (see pyradiomicsWaveletBands). */
export function pyradiomicsWavelet(data: Float64Array, size: Vec3, o: PyradiomicsWaveletOptions, region?: Box): Float64Array {
  return pyradiomicsWaveletBands(data, size, o.family, o.level, [o.subband], region)[0]!;
}
