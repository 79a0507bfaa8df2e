/**
 * Grey level size zone matrix (GLSZM) features, IBSI 1 manual §3.8 (family code 9SAK).
 * Zones are 8-connected (2D) or 26-connected (3D); zone percentage divides by the ROI
 * voxels of the slices merged.
 */
import { planarPlan } from './aggregation.ts';
import { countMatrix, mergeMatrices, type CountMatrix } from './matrix.ts';
import { runPlanar } from './runner.ts';
import { sizeMatrixFeatures } from './size-features.ts';
import { cachedTextureVolume, sliceVoxelCount } from './volume.ts';
import { labelZones, type Zones } from './zones.ts';
import type { DiscretisedRoi, FamilyValues, FeatureDef, TextureAggregation, TextureOptions } from '../types.ts';
import { defineFamily } from '../family.ts';
import { textureArena } from './kernels.ts';

export const FEATURES: FeatureDef[] = [
  { name: 'small_zone_emphasis', ibsiCode: '5QRC', unit: '', pyradiomics: 'SmallAreaEmphasis' },
  { name: 'large_zone_emphasis', ibsiCode: '48P8', unit: '', pyradiomics: 'LargeAreaEmphasis' },
  { name: 'low_grey_level_zone_emphasis', ibsiCode: 'XMSY', unit: '', pyradiomics: 'LowGrayLevelZoneEmphasis' },
  { name: 'high_grey_level_zone_emphasis', ibsiCode: '5GN9', unit: '', pyradiomics: 'HighGrayLevelZoneEmphasis' },
  { name: 'small_zone_low_grey_level_emphasis', ibsiCode: '5RAI', unit: '', pyradiomics: 'SmallAreaLowGrayLevelEmphasis' },
  { name: 'small_zone_high_grey_level_emphasis', ibsiCode: 'HW1V', unit: '', pyradiomics: 'SmallAreaHighGrayLevelEmphasis' },
  { name: 'large_zone_low_grey_level_emphasis', ibsiCode: 'YH51', unit: '', pyradiomics: 'LargeAreaLowGrayLevelEmphasis' },
  { name: 'large_zone_high_grey_level_emphasis', ibsiCode: 'J17V', unit: '', pyradiomics: 'LargeAreaHighGrayLevelEmphasis' },
  { name: 'grey_level_non_uniformity', ibsiCode: 'JNSA', unit: '', pyradiomics: 'GrayLevelNonUniformity' },
  { name: 'normalised_grey_level_non_uniformity', ibsiCode: 'Y1RO', unit: '', pyradiomics: 'GrayLevelNonUniformityNormalized' },
  { name: 'zone_size_non_uniformity', ibsiCode: '4JP3', unit: '', pyradiomics: 'SizeZoneNonUniformity' },
  { name: 'normalised_zone_size_non_uniformity', ibsiCode: 'VB3A', unit: '', pyradiomics: 'SizeZoneNonUniformityNormalized' },
  { name: 'zone_percentage', ibsiCode: 'P30P', unit: '', pyradiomics: 'ZonePercentage' },
  { name: 'grey_level_variance', ibsiCode: 'BYLV', unit: '', pyradiomics: 'GrayLevelVariance' },
  { name: 'zone_size_variance', ibsiCode: '3NSA', unit: '', pyradiomics: 'ZoneVariance' },
  { name: 'zone_size_entropy', ibsiCode: 'GU8N', unit: '', pyradiomics: 'ZoneEntropy' },
];
const NAMES = FEATURES.map((f) => f.name);

/**
 * Matrix (grey level × second index) of the zones in slice z (z = -1: all zones), the
 * second index being the zone size (GLSZM) or the zone's minimal border distance (GLDZM).
 */
export function zoneMatrix(zones: Zones, nLevels: number, z: number, second: Int32Array, nVoxels: number): CountMatrix | null {
  // Zones are numbered in voxel order, so each slice's zones form one contiguous range.
  const from = z < 0 ? 0 : firstZoneOfSlice(zones, z), to = z < 0 ? zones.count : firstZoneOfSlice(zones, z + 1);
  if (from >= to) return null;
  const wasm = zoneMatrixWasm(zones, nLevels, from, to, second, nVoxels);
  if (wasm) return wasm;
  let cols = 0;
  for (let k = from; k < to; k++) if (second[k]! > cols) cols = second[k]!;
  const m = countMatrix(nLevels, cols, nVoxels);
  for (let k = from; k < to; k++) m.counts[(zones.level[k]! - 1) * cols + second[k]! - 1]++;
  return m;
}

/** zoneMatrix's counting by the WebAssembly kernels (assembly/texture.ts maxI32, zoneCounts); null without the kernels or memory. */
function zoneMatrixWasm(zones: Zones, nLevels: number, from: number, to: number, second: Int32Array, nVoxels: number): CountMatrix | null {
  const arena = textureArena();
  if (arena === null) return null;
  const n = to - from, mark = arena.mark();
  const level = arena.alloc(4 * n), sec = arena.alloc(4 * n);
  if (level < 0 || sec < 0) { arena.release(mark); return null; }
  arena.i32(level, n).set(zones.level.subarray(from, to));
  arena.i32(sec, n).set(second.subarray(from, to));
  const cols = arena.k.maxI32(sec, n), c = arena.alloc(8 * nLevels * cols);
  if (c < 0) { arena.release(mark); return null; }
  const counts = arena.f64(c, nLevels * cols);
  counts.fill(0);
  arena.k.zoneCounts(level, sec, n, c, cols);
  const m = { counts: counts.slice(), rows: nLevels, cols, nVoxels };
  arena.release(mark);
  return m;
}

/** Index of the first zone whose slice is ≥ z (binary search; slices are non-decreasing). */
function firstZoneOfSlice(zones: Zones, z: number): number {
  let lo = 0, hi = zones.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zones.slice[mid]! < z) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function glszmFeatures(m: CountMatrix): FamilyValues {
  const f = sizeMatrixFeatures(m);
  return {
    small_zone_emphasis: f.smallEmphasis,
    large_zone_emphasis: f.largeEmphasis,
    low_grey_level_zone_emphasis: f.lowGreyEmphasis,
    high_grey_level_zone_emphasis: f.highGreyEmphasis,
    small_zone_low_grey_level_emphasis: f.smallLowGreyEmphasis,
    small_zone_high_grey_level_emphasis: f.smallHighGreyEmphasis,
    large_zone_low_grey_level_emphasis: f.largeLowGreyEmphasis,
    large_zone_high_grey_level_emphasis: f.largeHighGreyEmphasis,
    grey_level_non_uniformity: f.greyNonUniformity,
    normalised_grey_level_non_uniformity: f.greyNonUniformityNorm,
    zone_size_non_uniformity: f.sizeNonUniformity,
    normalised_zone_size_non_uniformity: f.sizeNonUniformityNorm,
    zone_percentage: f.percentage,
    grey_level_variance: f.greyVariance,
    zone_size_variance: f.sizeVariance,
    zone_size_entropy: f.entropy,
  };
}

export function computeGlszm(roi: DiscretisedRoi, aggregation: TextureAggregation, _options: TextureOptions = {}): FamilyValues {
  const plan = planarPlan(aggregation);
  const volumetric = plan === '3D';
  const v = cachedTextureVolume(roi, 1, volumetric ? 1 : 0);
  const zones = labelZones(v, volumetric);
  return runPlanar(v, plan, {
    build: (z) => zoneMatrix(zones, v.nLevels, z, zones.size, z < 0 ? v.nVoxels : sliceVoxelCount(v, z)),
    merge: mergeMatrices,
    features: glszmFeatures,
    names: NAMES,
  });
}

/** This family's entry in the family registry (src/features/families.ts); IBSI 1 §3.8. */
export const GLSZM_FAMILY = defineFamily({ family: 'glszm', title: 'GLSZM', kind: 'texture', directional: false, features: FEATURES, pyradiomicsClass: 'glszm', compute: computeGlszm });
