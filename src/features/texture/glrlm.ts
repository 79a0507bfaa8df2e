/**
 * Grey level run length matrix (GLRLM) features, IBSI 1 manual §3.7 (family code TP0I).
 * Runs along the 4 in-plane or 13 volumetric directions. Run percentage divides by the
 * number of voxels N_v of every matrix that was merged (IBSI 1 §3.7.13), so a merged matrix
 * over 4 directions has N_v = 4 × the ROI voxels.
 */
import { directionalPlan } from './aggregation.ts';
import { DIRECTIONS_2D, DIRECTIONS_3D, directionLength, directionsWithin, flatOffset, scaledMatrix, type Direction } from './directions.ts';
import { SonomicsError } from '../../core/errors.ts';
import { mergeMatrices, trimColumns, type CountMatrix } from './matrix.ts';
import { runDirectional } from './runner.ts';
import { bitOf, sameLevelBits } from './same-level.ts';
import { sizeMatrixFeatures } from './size-features.ts';
import { cachedTextureVolume, roiRange, type TextureVolume } from './volume.ts';
import type { DiscretisedRoi, FamilyValues, FeatureDef, TextureAggregation, TextureOptions } from '../types.ts';
import { defineFamily } from '../family.ts';
import { textureArena } from './kernels.ts';

export const FEATURES: FeatureDef[] = [
  { name: 'short_runs_emphasis', ibsiCode: '22OV', unit: '', pyradiomics: 'ShortRunEmphasis' },
  { name: 'long_runs_emphasis', ibsiCode: 'W4KF', unit: '', pyradiomics: 'LongRunEmphasis' },
  { name: 'low_grey_level_run_emphasis', ibsiCode: 'V3SW', unit: '', pyradiomics: 'LowGrayLevelRunEmphasis' },
  { name: 'high_grey_level_run_emphasis', ibsiCode: 'G3QZ', unit: '', pyradiomics: 'HighGrayLevelRunEmphasis' },
  { name: 'short_run_low_grey_level_emphasis', ibsiCode: 'HTZT', unit: '', pyradiomics: 'ShortRunLowGrayLevelEmphasis' },
  { name: 'short_run_high_grey_level_emphasis', ibsiCode: 'GD3A', unit: '', pyradiomics: 'ShortRunHighGrayLevelEmphasis' },
  { name: 'long_run_low_grey_level_emphasis', ibsiCode: 'IVPO', unit: '', pyradiomics: 'LongRunLowGrayLevelEmphasis' },
  { name: 'long_run_high_grey_level_emphasis', ibsiCode: '3KUM', unit: '', pyradiomics: 'LongRunHighGrayLevelEmphasis' },
  { name: 'grey_level_non_uniformity', ibsiCode: 'R5YN', unit: '', pyradiomics: 'GrayLevelNonUniformity' },
  { name: 'normalised_grey_level_non_uniformity', ibsiCode: 'OVBL', unit: '', pyradiomics: 'GrayLevelNonUniformityNormalized' },
  { name: 'run_length_non_uniformity', ibsiCode: 'W92Y', unit: '', pyradiomics: 'RunLengthNonUniformity' },
  { name: 'normalised_run_length_non_uniformity', ibsiCode: 'IC23', unit: '', pyradiomics: 'RunLengthNonUniformityNormalized' },
  { name: 'run_percentage', ibsiCode: '9ZK5', unit: '', pyradiomics: 'RunPercentage' },
  { name: 'grey_level_variance', ibsiCode: '8CE5', unit: '', pyradiomics: 'GrayLevelVariance' },
  { name: 'run_length_variance', ibsiCode: 'SXLW', unit: '', pyradiomics: 'RunVariance' },
  { name: 'run_entropy', ibsiCode: 'HJ9O', unit: '', pyradiomics: 'RunEntropy' },
];
const NAMES = FEATURES.map((f) => f.name);

/** Run length counts of direction d in slice z (z = -1: whole volume); columns = run length. */
export function glrlmMatrix(v: TextureVolume, d: Direction, z: number): CountMatrix | null {
  const off = flatOffset(d, 1, v.X, v.Y);
  const [start, end] = roiRange(v, z);
  if (end === start) return null;
  const cols = Math.max(v.X, v.Y, v.Z);
  // counted in a scratch matrix reused across calls, then copied out trimmed to the longest run
  // (the same matrix trimColumns makes of a fresh one, without a fresh Ng × max(X, Y, Z) each time)
  const size = v.nLevels * cols;
  if (runCounts.length < size) runCounts = new Float64Array(size);
  const counts = runCounts.subarray(0, size);
  const same = sameLevelBits(v, v.padZ > 0);
  const fwd = bitOf(same, off), back = bitOf(same, -off);
  if (fwd >= 0 && back >= 0) {
    const m = countRunsWasm(v, same.bits, off, fwd, back, start, end, size, cols);
    if (m) return m;
    countRunsByBits(v, same.bits, off, fwd, back, start, end, counts, cols);
  } else countRunsByWalking(v, off, start, end, counts, cols);
  const m = trimColumns({ counts, rows: v.nLevels, cols, nVoxels: end - start }, true);
  counts.fill(0);
  return m;
}

/** countRunsByBits by the WebAssembly kernel, copied out trimmed; null without the kernels or memory. */
function countRunsWasm(v: TextureVolume, bits: Uint32Array, off: number, fwd: number, back: number, start: number, end: number, size: number, cols: number): CountMatrix | null {
  const arena = textureArena();
  if (arena === null) return null;
  arena.forVolume(v);
  const lv = arena.place(v.levels), idx = arena.place(v.roiIndex), b = arena.place(bits);
  if (lv < 0 || idx < 0 || b < 0) return null;
  const mark = arena.mark();
  const len = arena.alloc(4 * bits.length), c = arena.alloc(8 * size);
  if (len < 0 || c < 0) { arena.release(mark); return null; }
  arena.f64(c, size).fill(0);
  // the kernel returns the longest run: the width trimColumns would find, without its scan
  const width = Math.max(1, arena.k.countRunsByBits(b, lv, idx, len, off, fwd, back, start, end, c, cols));
  const m = arena.trimmedCopy(c, v.nLevels, cols, width, end - start);
  arena.release(mark);
  return m;
}

/** Scratch run counts (grown as needed; all zero between calls). */
let runCounts = new Float64Array(0);

/** Scratch run lengths per voxel of the working grid (grown as needed; stale entries are never read unmasked). */
let runScratch = new Int32Array(0);

/**
 * Runs without branches on the grey levels: walking against the direction, a voxel's run length
 * to the end of its run is 1 + (same level ahead ? that neighbour's length : 0); a voxel starts a
 * run when the voxel behind it has another level, and only run starts add 1 to the matrix.
 */
function countRunsByBits(v: TextureVolume, bits: Uint32Array, off: number, fwd: number, back: number, start: number, end: number, c: Float64Array, cols: number): void {
  if (runScratch.length < bits.length) runScratch = new Int32Array(bits.length);
  const len = runScratch, lv = v.levels, idx = v.roiIndex;
  // the neighbour ahead (i + off) must be done before i: descending voxel order when off > 0
  const step = off > 0 ? -1 : 1;
  for (let q = off > 0 ? end - 1 : start; q >= start && q < end; q += step) {
    const i = idx[q]!, m = bits[i]!;
    const l = 1 + ((m >>> fwd) & 1) * len[i + off]!;
    len[i] = l;
    c[(lv[i]! - 1) * cols + l - 1] += ((m >>> back) & 1) ^ 1;
  }
}

/** Direct form (a direction outside the distance-1 neighbourhood): find run starts, walk each run. */
function countRunsByWalking(v: TextureVolume, off: number, start: number, end: number, c: Float64Array, cols: number): void {
  const lv = v.levels, idx = v.roiIndex;
  for (let q = start; q < end; q++) {
    const i = idx[q]!;
    const a = lv[i]!;
    if (lv[i - off] === a) continue; // not the first voxel of its run
    let len = 1;
    for (let k = i + off; lv[k] === a; k += off) len++;
    c[(a - 1) * cols + len - 1]++;
  }
}

export function glrlmFeatures(m: CountMatrix): FamilyValues {
  const f = sizeMatrixFeatures(m);
  return {
    short_runs_emphasis: f.smallEmphasis,
    long_runs_emphasis: f.largeEmphasis,
    low_grey_level_run_emphasis: f.lowGreyEmphasis,
    high_grey_level_run_emphasis: f.highGreyEmphasis,
    short_run_low_grey_level_emphasis: f.smallLowGreyEmphasis,
    short_run_high_grey_level_emphasis: f.smallHighGreyEmphasis,
    long_run_low_grey_level_emphasis: f.largeLowGreyEmphasis,
    long_run_high_grey_level_emphasis: f.largeHighGreyEmphasis,
    grey_level_non_uniformity: f.greyNonUniformity,
    normalised_grey_level_non_uniformity: f.greyNonUniformityNorm,
    run_length_non_uniformity: f.sizeNonUniformity,
    normalised_run_length_non_uniformity: f.sizeNonUniformityNorm,
    run_percentage: f.percentage,
    grey_level_variance: f.greyVariance,
    run_length_variance: f.sizeVariance,
    run_entropy: f.entropy,
  };
}

export function computeGlrlm(roi: DiscretisedRoi, aggregation: TextureAggregation, options: TextureOptions = {}): FamilyValues {
  const plan = directionalPlan('GLRLM', aggregation);
  const weighting = options.directionWeighting;
  if (weighting && !plan.mergeDirections) throw new SonomicsError('BAD_SETTINGS', `GLRLM: direction weighting '${weighting}' weights the direction matrices of a sum; use a merged aggregation ('3D, merged' or '2.5D, merged'), not '${aggregation}'`);
  const v = cachedTextureVolume(roi, 1, plan.volumetric ? 1 : 0);
  const all = plan.volumetric ? DIRECTIONS_3D : DIRECTIONS_2D;
  return runDirectional(v, plan, options.dropFlatDirections ? directionsWithin(all, roi.size) : all, {
    // PyRadiomics weightingNorm for the GLRLM: w = ‖d‖ in mm (glrlm._calculateMatrix); run percentage
    // then divides by Σ w·N_v, PyRadiomics' Σ j·p(j) of the weighted matrix
    build: (d, z) => (weighting ? scaledMatrix(glrlmMatrix(v, d, z), directionLength(d, roi.spacing, weighting)) : glrlmMatrix(v, d, z)),
    merge: mergeMatrices,
    features: glrlmFeatures,
    names: NAMES,
  });
}

/** This family's entry in the family registry (src/features/families.ts); IBSI 1 §3.7. */
export const GLRLM_FAMILY = defineFamily({ family: 'glrlm', title: 'GLRLM', kind: 'texture', directional: true, features: FEATURES, pyradiomicsClass: 'glrlm', compute: computeGlrlm });
