/**
 * Grey level distance zone matrix (GLDZM) features, IBSI 1 manual §3.9 (family code VMDZ).
 * Zones as in the GLSZM (8-/26-connected); a zone's distance is the smallest border
 * distance of its voxels, measured on the morphological mask with 4-connectivity (2D) or
 * 6-connectivity (3D) — see distance-map.ts.
 */
import { planarPlan } from './aggregation.ts';
import { borderDistanceMap } from './distance-map.ts';
import { zoneMatrix } from './glszm.ts';
import { mergeMatrices, type CountMatrix } from './matrix.ts';
import { runPlanar } from './runner.ts';
import { sizeMatrixFeatures } from './size-features.ts';
import { cachedTextureVolume, sliceVoxelCount } from './volume.ts';
import { labelZones, zoneMinimum } from './zones.ts';
import type { DiscretisedRoi, FamilyValues, FeatureDef, TextureAggregation, TextureOptions } from '../types.ts';
import { defineFamily } from '../family.ts';

export const FEATURES: FeatureDef[] = [
  { name: 'small_distance_emphasis', ibsiCode: '0GBI', unit: '' },
  { name: 'large_distance_emphasis', ibsiCode: 'MB4I', unit: '' },
  { name: 'low_grey_level_zone_emphasis', ibsiCode: 'S1RA', unit: '' },
  { name: 'high_grey_level_zone_emphasis', ibsiCode: 'K26C', unit: '' },
  { name: 'small_distance_low_grey_level_emphasis', ibsiCode: 'RUVG', unit: '' },
  { name: 'small_distance_high_grey_level_emphasis', ibsiCode: 'DKNJ', unit: '' },
  { name: 'large_distance_low_grey_level_emphasis', ibsiCode: 'A7WM', unit: '' },
  { name: 'large_distance_high_grey_level_emphasis', ibsiCode: 'KLTH', unit: '' },
  { name: 'grey_level_non_uniformity', ibsiCode: 'VFT7', unit: '' },
  { name: 'normalised_grey_level_non_uniformity', ibsiCode: '7HP3', unit: '' },
  { name: 'zone_distance_non_uniformity', ibsiCode: 'V294', unit: '' },
  { name: 'normalised_zone_distance_non_uniformity', ibsiCode: 'IATH', unit: '' },
  { name: 'zone_percentage', ibsiCode: 'VIWW', unit: '' },
  { name: 'grey_level_variance', ibsiCode: 'QK93', unit: '' },
  { name: 'zone_distance_variance', ibsiCode: '7WT1', unit: '' },
  { name: 'zone_distance_entropy', ibsiCode: 'GBDU', unit: '' },
];
const NAMES = FEATURES.map((f) => f.name);

export function gldzmFeatures(m: CountMatrix): FamilyValues {
  const f = sizeMatrixFeatures(m);
  return {
    small_distance_emphasis: f.smallEmphasis,
    large_distance_emphasis: f.largeEmphasis,
    low_grey_level_zone_emphasis: f.lowGreyEmphasis,
    high_grey_level_zone_emphasis: f.highGreyEmphasis,
    small_distance_low_grey_level_emphasis: f.smallLowGreyEmphasis,
    small_distance_high_grey_level_emphasis: f.smallHighGreyEmphasis,
    large_distance_low_grey_level_emphasis: f.largeLowGreyEmphasis,
    large_distance_high_grey_level_emphasis: f.largeHighGreyEmphasis,
    grey_level_non_uniformity: f.greyNonUniformity,
    normalised_grey_level_non_uniformity: f.greyNonUniformityNorm,
    zone_distance_non_uniformity: f.sizeNonUniformity,
    normalised_zone_distance_non_uniformity: f.sizeNonUniformityNorm,
    zone_percentage: f.percentage,
    grey_level_variance: f.greyVariance,
    zone_distance_variance: f.sizeVariance,
    zone_distance_entropy: f.entropy,
  };
}

export function computeGldzm(roi: DiscretisedRoi, aggregation: TextureAggregation, _options: TextureOptions = {}): FamilyValues {
  const plan = planarPlan(aggregation);
  const volumetric = plan === '3D';
  const v = cachedTextureVolume(roi, 1, volumetric ? 1 : 0);
  const zones = labelZones(v, volumetric);
  const distance = zoneMinimum(v, zones, borderDistanceMap(v, volumetric));
  return runPlanar(v, plan, {
    build: (z) => zoneMatrix(zones, v.nLevels, z, distance, z < 0 ? v.nVoxels : sliceVoxelCount(v, z)),
    merge: mergeMatrices,
    features: gldzmFeatures,
    names: NAMES,
  });
}

/** This family's entry in the family registry (src/features/families.ts); IBSI 1 §3.9. */
export const GLDZM_FAMILY = defineFamily({ family: 'gldzm', title: 'GLDZM', kind: 'texture', directional: false, features: FEATURES, compute: computeGldzm });
