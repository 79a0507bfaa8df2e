/** The IBSI 1 texture families (GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM) and their building blocks. */
import { FEATURES as GLCM_FEATURES, computeGlcm } from './glcm.ts';
import { FEATURES as GLRLM_FEATURES, computeGlrlm } from './glrlm.ts';
import { FEATURES as GLSZM_FEATURES, computeGlszm } from './glszm.ts';
import { FEATURES as GLDZM_FEATURES, computeGldzm } from './gldzm.ts';
import { FEATURES as NGTDM_FEATURES, computeNgtdm } from './ngtdm.ts';
import { FEATURES as NGLDM_FEATURES, computeNgldm } from './ngldm.ts';
import { TEXTURE_FAMILY_DEFS, type FamilyName } from '../families.ts';
import type { TextureFamily as TextureFamilyDef } from '../family.ts';

/** A registered texture family (the contract is src/features/family.ts). */
export type TextureFamily = TextureFamilyDef<FamilyName>;

/** The registered texture families, from the one family registry (src/features/families.ts). */
export const TEXTURE_FAMILIES: readonly TextureFamily[] = TEXTURE_FAMILY_DEFS;

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
