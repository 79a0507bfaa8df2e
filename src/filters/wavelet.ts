/**
 * Separable undecimated (stationary, à trous) wavelets (IBSI 2 reference manual, section 2.6).
 *
 * A sub-band is named by one letter per axis, x first: "LH" (2D, slice-wise: low-pass along
 * x, high-pass along y), "LLH" / "HHL" (3D). At level 1 the image is convolved with the
 * decomposition filters; at level j > 1 it is first low-passed along every axis at levels
 * 1..j−1 and then convolved with the sub-band filters dilated 2^(j−1) times (zeros inserted,
 * "à trous"). Even-length filters get a trailing zero before any flip or dilation so the
 * alignment matches the IBSI consensus maps (see convolve.ts). Rotation invariance pools the
 * sub-band over the right-angle rotations (the low-pass pre-filters rotate with it).
 */
import { SonomicsError } from '../core/errors.ts';
import type { Box } from '../image/crop.ts';
import type { Vec3 } from '../image/image.ts';
import type { BoundaryMode } from './boundary.ts';
import { dilateKernel, oddKernel } from './convolve.ts';
import { separableInPlane } from './in-plane.ts';
import type { AxisRotation, Pooling } from './rotations.ts';
import { convolveKernelSet, FirstPassCache, kernelKey, pooledOverRotations, rotateKernels, type KernelSet } from './separable-bank.ts';
import { waveletFilters } from './wavelet-coefficients.ts';

export interface WaveletOptions {
  family: string;
  subband: string;
  level: number;
  rotationInvariant: boolean;
  pooling: Pooling;
  mode: BoundaryMode;
}

/** Letters of a sub-band, x first; `fewest` 1 admits PyRadiomics' 1D bands (force2D on a 2D image: x only). */
export function parseSubband(subband: string, fewest: 1 | 2 = 2): ('L' | 'H')[] {
  const s = subband.toUpperCase();
  if (!(fewest === 1 ? /^[LH]{1,3}$/ : /^[LH]{2,3}$/).test(s)) {
    throw new SonomicsError('BAD_SETTINGS', `wavelet sub-band "${subband}" must be ${fewest === 1 ? '1 (along x), ' : ''}2 (2D) or 3 (3D) letters L/H, x first (e.g. "LH", "HHL")`);
  }
  return s.split('') as ('L' | 'H')[];
}

function dilate(k: Float64Array, times: number): Float64Array {
  let out = k;
  for (let i = 0; i < times; i++) out = dilateKernel(out);
  return out;
}

function checkOptions(subband: string, level: number, size: Vec3): ('L' | 'H')[] {
  const letters = parseSubband(subband);
  if (letters.length === 3 && size[2] === 1) {
    throw new SonomicsError('BAD_SETTINGS', `wavelet sub-band "${subband}" is 3D but the image is 2D: use two letters such as "LH"`);
  }
  if (!Number.isInteger(level) || level < 1 || level > 4) {
    throw new SonomicsError('BAD_SETTINGS', `wavelet level must be 1..4 (got ${level})`);
  }
  return letters;
}

/** True when `waveletSubbands` can compute this sub-band (2D, not rotation-invariant, not zero-padded). */
export function sharesPasses(o: WaveletOptions): boolean {
  return o.subband.length === 2 && !o.rotationInvariant && o.mode !== 'zero';
}

/**
 * Several 2D sub-bands of one family and level (not rotation-invariant) in one sweep: L and H y
 * passes are computed once and shared by the sub-bands that use them (LL, LH, HL, HH need two y
 * passes instead of four; IBSI 2 §2.6). `region`: only these voxels are needed, the rest stay 0.
 * Same values as waveletFilter on each sub-band alone.
 */
export function waveletSubbands(data: Float64Array, size: Vec3, o: Omit<WaveletOptions, 'subband'>, subbands: string[], region?: Box): Float64Array[] {
  const letters = subbands.map((b) => checkOptions(b, o.level, size));
  if (letters.some((l) => l.length !== 2) || o.rotationInvariant || o.mode === 'zero') {
    throw new SonomicsError('BAD_SETTINGS', `waveletSubbands takes 2D sub-bands without rotation invariance or zero padding (got ${subbands.join(', ')}); use waveletFilter`);
  }
  const f = waveletFilters(o.family);
  const lo = oddKernel(f.lo), hi = oddKernel(f.hi);
  // Level j > 1: low-pass along x and y at levels 1..j−1 first (whole image), then the dilated filters.
  let v = data;
  for (let level = 1; level < o.level; level++) v = convolveKernelSet(v, size, [lo, lo].map((w) => dilate(w, level - 1)), o.mode);
  const L = dilate(lo, o.level - 1), H = dilate(hi, o.level - 1);
  const pick = (l: 'L' | 'H') => (l === 'L' ? L : H);
  const yKernels = [...new Set(letters.map((l) => pick(l[1]!)))];
  const outputs = letters.map((l) => [{ x: pick(l[0]!), y: yKernels.indexOf(pick(l[1]!)) }]);
  return separableInPlane(v, size, yKernels, outputs, o.mode, region);
}

/** One sub-band. `region`: only these voxels are needed (2D sub-bands compute just them; see waveletSubbands). */
export function waveletFilter(data: Float64Array, size: Vec3, o: WaveletOptions, region?: Box): Float64Array {
  const letters = checkOptions(o.subband, o.level, size);
  const dims = letters.length as 2 | 3;
  if (sharesPasses(o)) return waveletSubbands(data, size, o, [o.subband], region)[0]!;
  const f = waveletFilters(o.family);
  const lo = oddKernel(f.lo), hi = oddKernel(f.hi);
  const main: KernelSet = letters.map((l) => (l === 'L' ? lo : hi));
  const pre: KernelSet = letters.map(() => lo);
  const orient = (rot: AxisRotation) => ({ main: rotateKernels(main, rot), pre: rotateKernels(pre, rot) });
  // Rotations share low-pass pre-filters (only the flips differ) and first-pass kernels: cache both.
  const approximations = new Map<string, FirstPassCache>();
  return pooledOverRotations(
    dims, o.rotationInvariant, o.pooling,
    (rot) => {
      const k = orient(rot);
      const key = kernelKey(k.pre);
      let cache = approximations.get(key);
      if (!cache) {
        let v = data;
        for (let level = 1; level < o.level; level++) {
          v = convolveKernelSet(v, size, k.pre.map((w) => dilate(w, level - 1)), o.mode);
        }
        cache = new FirstPassCache(v, size, o.mode);
        approximations.set(key, cache);
      }
      return cache.convolve(k.main.map((w) => dilate(w, o.level - 1)));
    },
    (rot) => { const k = orient(rot); return kernelKey(k.main) + '#' + kernelKey(k.pre); },
  );
}

