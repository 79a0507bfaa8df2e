/** The six IBSI 1 texture families (GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM). */
import { FEATURES as GLCM_FEATURES, computeGlcm } from './glcm.ts';
import { FEATURES as GLRLM_FEATURES, computeGlrlm } from './glrlm.ts';
import { FEATURES as GLSZM_FEATURES, computeGlszm } from './glszm.ts';
import { FEATURES as GLDZM_FEATURES, computeGldzm } from './gldzm.ts';
import { FEATURES as NGTDM_FEATURES, computeNgtdm } from './ngtdm.ts';
import { FEATURES as NGLDM_FEATURES, computeNgldm } from './ngldm.ts';
import type { DiscretisedRoi, FamilyValues, FeatureDef, TextureAggregation, TextureOptions } from '../types.ts';

export type TextureFamilyName = 'glcm' | 'glrlm' | 'glszm' | 'gldzm' | 'ngtdm' | 'ngldm';

export interface TextureFamily {
  family: TextureFamilyName;
  features: FeatureDef[];
  /** True for GLCM / GLRLM, whose aggregations name a direction treatment ('2D, averaged', …). */
  directional: boolean;
  compute(roi: DiscretisedRoi, aggregation: TextureAggregation, options: TextureOptions): FamilyValues;
}

export const TEXTURE_FAMILIES: readonly TextureFamily[] = [
  { family: 'glcm', features: GLCM_FEATURES, directional: true, compute: computeGlcm },
  { family: 'glrlm', features: GLRLM_FEATURES, directional: true, compute: computeGlrlm },
  { family: 'glszm', features: GLSZM_FEATURES, directional: false, compute: computeGlszm },
  { family: 'gldzm', features: GLDZM_FEATURES, directional: false, compute: computeGldzm },
  { family: 'ngtdm', features: NGTDM_FEATURES, directional: false, compute: computeNgtdm },
  { family: 'ngldm', features: NGLDM_FEATURES, directional: false, compute: computeNgldm },
];

export {
  GLCM_FEATURES, GLRLM_FEATURES, GLSZM_FEATURES, GLDZM_FEATURES, NGTDM_FEATURES, NGLDM_FEATURES,
  computeGlcm, computeGlrlm, computeGlszm, computeGldzm, computeNgtdm, computeNgldm,
};
export { glcmMatrix, glcmMatrices, glcmFeatures } from './glcm.ts';
export { glrlmMatrix, glrlmFeatures } from './glrlm.ts';
export { zoneMatrix, glszmFeatures } from './glszm.ts';
export { gldzmFeatures } from './gldzm.ts';
export { ngtdmMatrix, ngtdmFeatures, mergeNgtdm, type Ngtdm } from './ngtdm.ts';
export { ngldmMatrix, ngldmFeatures } from './ngldm.ts';
export { textureVolume, cachedTextureVolume, type TextureVolume } from './volume.ts';
export { labelZones, zoneMinimum, type Zones } from './zones.ts';
export { borderDistanceMap } from './distance-map.ts';
export { DIRECTIONS_2D, DIRECTIONS_3D, type Direction } from './directions.ts';
export { mergeMatrices, type CountMatrix } from './matrix.ts';
export { DIRECTIONAL_AGGREGATIONS, PLANAR_AGGREGATIONS, directionalPlan, planarPlan } from './aggregation.ts';
