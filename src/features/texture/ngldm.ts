/**
 * Neighbouring grey level dependence matrix (NGLDM) features, IBSI 1 manual §3.11 (family
 * code REK0). A voxel's dependence count j = 1 + the number of ROI neighbours within
 * Chebyshev distance δ (in-plane for 2D) whose grey level differs by at most a (coarseness).
 */
import { planarPlan } from './aggregation.ts';
import { flatOffsets, neighbourhoodOffsets } from './directions.ts';
import { countMatrix, mergeMatrices, trimColumns, type CountMatrix } from './matrix.ts';
import { ngldmCoarseness, neighbourReach, shellNeighbours, textureDistance, textureShells } from './options.ts';
import { runPlanar } from './runner.ts';
import { popcount, sameLevelBits } from './same-level.ts';
import { sizeMatrixFeatures } from './size-features.ts';
import { cachedTextureVolume, roiBox, roiRange, type TextureVolume } from './volume.ts';
import type { DiscretisedRoi, FamilyValues, FeatureDef, TextureAggregation, TextureOptions } from '../types.ts';
import { defineFamily } from '../family.ts';
import { textureArena } from './kernels.ts';

export const FEATURES: FeatureDef[] = [
  { name: 'low_dependence_emphasis', ibsiCode: 'SODN', unit: '', pyradiomics: 'SmallDependenceEmphasis' },
  { name: 'high_dependence_emphasis', ibsiCode: 'IMOQ', unit: '', pyradiomics: 'LargeDependenceEmphasis' },
  { name: 'low_grey_level_count_emphasis', ibsiCode: 'TL9H', unit: '', pyradiomics: 'LowGrayLevelEmphasis' },
  { name: 'high_grey_level_count_emphasis', ibsiCode: 'OAE7', unit: '', pyradiomics: 'HighGrayLevelEmphasis' },
  { name: 'low_dependence_low_grey_level_emphasis', ibsiCode: 'EQ3F', unit: '', pyradiomics: 'SmallDependenceLowGrayLevelEmphasis' },
  { name: 'low_dependence_high_grey_level_emphasis', ibsiCode: 'JA6D', unit: '', pyradiomics: 'SmallDependenceHighGrayLevelEmphasis' },
  { name: 'high_dependence_low_grey_level_emphasis', ibsiCode: 'NBZI', unit: '', pyradiomics: 'LargeDependenceLowGrayLevelEmphasis' },
  { name: 'high_dependence_high_grey_level_emphasis', ibsiCode: '9QMG', unit: '', pyradiomics: 'LargeDependenceHighGrayLevelEmphasis' },
  { name: 'grey_level_non_uniformity', ibsiCode: 'FP8K', unit: '', pyradiomics: 'GrayLevelNonUniformity' },
  { name: 'normalised_grey_level_non_uniformity', ibsiCode: '5SPA', unit: '' },
  { name: 'dependence_count_non_uniformity', ibsiCode: 'Z87G', unit: '', pyradiomics: 'DependenceNonUniformity' },
  { name: 'normalised_dependence_count_non_uniformity', ibsiCode: 'OKJI', unit: '', pyradiomics: 'DependenceNonUniformityNormalized' },
  { name: 'dependence_count_percentage', ibsiCode: '6XV8', unit: '' },
  { name: 'grey_level_variance', ibsiCode: '1PFV', unit: '', pyradiomics: 'GrayLevelVariance' },
  { name: 'dependence_count_variance', ibsiCode: 'DNX2', unit: '', pyradiomics: 'DependenceVariance' },
  { name: 'dependence_count_entropy', ibsiCode: 'FCBV', unit: '', pyradiomics: 'DependenceEntropy' },
  { name: 'dependence_count_energy', ibsiCode: 'CAS9', unit: '' },
];
const NAMES = FEATURES.map((f) => f.name);

/** Dependence counts of slice z (z = -1: whole volume); columns = dependence count j ≥ 1. */
export function ngldmMatrix(v: TextureVolume, distance: number, coarseness: number, volumetric: boolean, z: number, shellOffsets?: Int32Array): CountMatrix | null {
  // shellOffsets: PyRadiomics distances' neighbourhood (flat offsets; a repeated shell counts twice)
  const offs = shellOffsets ?? neighbourhoodOffsets(distance, volumetric, v.X, v.Y);
  // δ = 1, a = 0 (the usual settings): j − 1 is the number of same-level neighbours
  const same = !shellOffsets && distance === 1 && coarseness === 0 ? sameLevelBits(v, volumetric).bits : null;
  const cols = offs.length + 1;
  if (same) {
    const m = ngldmWasm(v, same, z, cols);
    if (m !== undefined) return m;
  }
  const m = countMatrix(v.nLevels, cols);
  const [start, end] = roiRange(v, z);
  const voxels = end - start;
  countDependences(v, offs, coarseness, same, start, end, m.counts, cols);
  if (voxels === 0) return null;
  m.nVoxels = voxels;
  return trimColumns(m);
}

/**
 * The counting loops, in functions of their own, one per kind of count: OSR-compiled inside
 * ngldmMatrix, the code after the loop had never run and deoptimised on every call (79 of 100 calls
 * with distance shells, which always take these loops, the wasm kernel serving only the same-level
 * bits), and one loop branching on the kind per voxel took ≈ 2.5× the time of these (CPU profile, distances [1, 2]).
 */
function countDependences(v: TextureVolume, offs: Int32Array, coarseness: number, same: Uint32Array | null, start: number, end: number, c: Float64Array, cols: number): void {
  if (same) countSameLevelBits(v, same, start, end, c, cols);
  else if (coarseness === 0) countEqualNeighbours(v, offs, start, end, c, cols);
  else countCloseNeighbours(v, offs, coarseness, start, end, c, cols);
}

function countSameLevelBits(v: TextureVolume, same: Uint32Array, start: number, end: number, c: Float64Array, cols: number): void {
  const lv = v.levels, idx = v.roiIndex;
  for (let q = start; q < end; q++) {
    const i = idx[q]!;
    c[(lv[i]! - 1) * cols + popcount(same[i]!)]++;
  }
}

/** a = 0: j − 1 neighbours of the same level (a > 0, so equality already implies the neighbour is in the ROI). */
function countEqualNeighbours(v: TextureVolume, offs: Int32Array, start: number, end: number, c: Float64Array, cols: number): void {
  const lv = v.levels, idx = v.roiIndex, n = offs.length;
  for (let q = start; q < end; q++) {
    const i = idx[q]!;
    const a = lv[i]!;
    let k = 0;
    for (let r = 0; r < n; r++) k += +(lv[i + offs[r]!] === a);
    c[(a - 1) * cols + k]++;
  }
}

function countCloseNeighbours(v: TextureVolume, offs: Int32Array, coarseness: number, start: number, end: number, c: Float64Array, cols: number): void {
  const lv = v.levels, idx = v.roiIndex, n = offs.length;
  for (let q = start; q < end; q++) {
    const i = idx[q]!;
    const a = lv[i]!;
    let k = 0;
    for (let r = 0; r < n; r++) {
      const b = lv[i + offs[r]!]!;
      if (b > 0 && b - a <= coarseness && a - b <= coarseness) k++;
    }
    c[(a - 1) * cols + k]++;
  }
}

/**
 * The δ = 1, a = 0 counts by the WebAssembly kernel (assembly/texture.ts ngldmCounts), copied out
 * trimmed; undefined without the kernels or memory.
 */
function ngldmWasm(v: TextureVolume, bits: Uint32Array, z: number, cols: number): CountMatrix | null | undefined {
  const arena = textureArena();
  if (arena === null) return undefined;
  arena.forVolume(v);
  const lv = arena.place(v.levels), idx = arena.place(v.roiIndex), b = arena.place(bits);
  if (lv < 0 || idx < 0 || b < 0) return undefined;
  const [start, end] = roiRange(v, z);
  if (end === start) return null;
  const mark = arena.mark(), size = v.nLevels * cols;
  const c = arena.alloc(8 * size);
  if (c < 0) { arena.release(mark); return undefined; }
  arena.f64(c, size).fill(0);
  const width = Math.max(1, arena.k.ngldmCounts(lv, idx, b, start, end, c, cols));
  const m = arena.trimmedCopy(c, v.nLevels, cols, width, end - start);
  arena.release(mark);
  return m;
}

export function ngldmFeatures(m: CountMatrix): FamilyValues {
  const f = sizeMatrixFeatures(m);
  return {
    low_dependence_emphasis: f.smallEmphasis,
    high_dependence_emphasis: f.largeEmphasis,
    low_grey_level_count_emphasis: f.lowGreyEmphasis,
    high_grey_level_count_emphasis: f.highGreyEmphasis,
    low_dependence_low_grey_level_emphasis: f.smallLowGreyEmphasis,
    low_dependence_high_grey_level_emphasis: f.smallHighGreyEmphasis,
    high_dependence_low_grey_level_emphasis: f.largeLowGreyEmphasis,
    high_dependence_high_grey_level_emphasis: f.largeHighGreyEmphasis,
    grey_level_non_uniformity: f.greyNonUniformity,
    normalised_grey_level_non_uniformity: f.greyNonUniformityNorm,
    dependence_count_non_uniformity: f.sizeNonUniformity,
    normalised_dependence_count_non_uniformity: f.sizeNonUniformityNorm,
    dependence_count_percentage: f.percentage,
    grey_level_variance: f.greyVariance,
    dependence_count_variance: f.sizeVariance,
    dependence_count_entropy: f.entropy,
    dependence_count_energy: f.energy,
  };
}

export function computeNgldm(roi: DiscretisedRoi, aggregation: TextureAggregation, options: TextureOptions = {}): FamilyValues {
  const plan = planarPlan(aggregation);
  const volumetric = plan === '3D';
  const distance = textureDistance(options, 'NGLDM');
  const shells = textureShells(options, 'NGLDM');
  const coarseness = ngldmCoarseness(options);
  const reach = neighbourReach(distance, shells, roi.size);
  const v = cachedTextureVolume(roi, reach, volumetric ? reach : 0);
  const offs = shells ? flatOffsets(shellNeighbours(shells, roiBox(v), volumetric, false, 'NGLDM'), v.X, v.Y) : undefined;
  return runPlanar(v, plan, {
    build: (z) => ngldmMatrix(v, distance, coarseness, volumetric, z, offs),
    merge: mergeMatrices,
    features: ngldmFeatures,
    names: NAMES,
  });
}

/** This family's entry in the family registry (src/features/families.ts); IBSI 1 §3.11. */
export const NGLDM_FAMILY = defineFamily({ family: 'ngldm', title: 'NGLDM', kind: 'texture', directional: false, features: FEATURES, pyradiomicsClass: 'gldm', compute: computeNgldm });
