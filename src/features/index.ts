/** Public API of the IBSI 1 feature engine (re-exported from the package root). */
export { extractFeatures, computeFamilies, type FamilyResult, type FamilyRequest } from './pipeline.ts';
export {
  resolveSettings as resolveFeatureSettings, defaultAggregation, DEFAULT_SETTINGS as DEFAULT_FEATURE_SETTINGS,
  ALL_FAMILIES, TEXTURE_FAMILIES as TEXTURE_FAMILY_NAMES, NON_TEXTURE_FAMILIES, PEAK_RADIUS_MM,
  type FeatureSettings, type FamilyName, type Interpolation, type ResamplingSettings, type DiscretisationSettings,
} from './settings.ts';
export { FEATURE_REGISTRY, featureInfo, pyradiomicsName, type RegistryEntry } from './registry.ts';
export { FEATURE_FAMILIES, FAMILY_NAMES } from './families.ts';
export type { FeatureDef, DiscretisedRoi, TextureAggregation, TextureOptions, FamilyValues } from './types.ts';
export { checkConfig as checkIbsiConfig, summarise as summariseIbsi, type ComplianceRow, type ComplianceSummary } from './ibsi/compliance.ts';
export { parseReferenceTable as parseIbsiReferenceTable, ibsiSettings, IBSI_CONFIGS, type IbsiConfig, type ReferenceRow as IbsiReferenceRow } from './ibsi/reference.ts';
