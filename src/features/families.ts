/**
 * The one registry of feature families. Each family file exports its definition (family.ts is
 * the contract); everything that needs the list of families reads it from here: FamilyName and
 * the settings' family lists (settings.ts), the feature-name registry with IBSI codes and
 * PyRadiomics names (registry.ts), the pipeline (pipeline.ts), the extraction plan and the IBSI
 * compliance harness. Adding a family = its file + one line below (docs/architecture.md).
 */
import { INTENSITY_HISTOGRAM_FAMILY } from './intensity-histogram.ts';
import { INTENSITY_STATISTICS_FAMILY } from './intensity-statistics.ts';
import { INTENSITY_VOLUME_HISTOGRAM_FAMILY } from './intensity-volume-histogram.ts';
import { LOCAL_INTENSITY_FAMILY } from './local-intensity.ts';
import { MORPHOLOGY_FAMILY } from './morphology.ts';
import { GLCM_FAMILY } from './texture/glcm.ts';
import { GLDZM_FAMILY } from './texture/gldzm.ts';
import { GLRLM_FAMILY } from './texture/glrlm.ts';
import { GLSZM_FAMILY } from './texture/glszm.ts';
import { NGLDM_FAMILY } from './texture/ngldm.ts';
import { NGTDM_FAMILY } from './texture/ngtdm.ts';
import type { FeatureFamily, TextureFamily } from './family.ts';

const REGISTERED = [
  MORPHOLOGY_FAMILY,
  LOCAL_INTENSITY_FAMILY,
  INTENSITY_STATISTICS_FAMILY,
  INTENSITY_HISTOGRAM_FAMILY,
  INTENSITY_VOLUME_HISTOGRAM_FAMILY,
  GLCM_FAMILY,
  GLRLM_FAMILY,
  GLSZM_FAMILY,
  GLDZM_FAMILY,
  NGTDM_FAMILY,
  NGLDM_FAMILY,
] as const satisfies readonly FeatureFamily[];

/** A registered family's name ('morphology', 'glcm', …). */
export type FamilyName = (typeof REGISTERED)[number]['family'];

/** The registered families, in registry order (the order of the feature columns). */
export const FEATURE_FAMILIES: readonly FeatureFamily<FamilyName>[] = REGISTERED;

/** Every registered family's name, in registry order. */
export const FAMILY_NAMES: readonly FamilyName[] = FEATURE_FAMILIES.map((f) => f.family);

/** The registered texture families (computed per aggregation from the discretised ROI). */
export const TEXTURE_FAMILY_DEFS: readonly TextureFamily<FamilyName>[] = FEATURE_FAMILIES.filter((f): f is TextureFamily<FamilyName> => f.kind === 'texture');

const BY_NAME = new Map<string, FeatureFamily<FamilyName>>(FEATURE_FAMILIES.map((f) => [f.family, f]));

/** The registered family of that name, or undefined. */
export function featureFamily(name: string): FeatureFamily<FamilyName> | undefined {
  return BY_NAME.get(name);
}
