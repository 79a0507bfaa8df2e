/**
 * Feature-name registry: every feature we compute as `{family}_{feature}` (lower snake case),
 * with its IBSI 1 code, unit and the PyRadiomics name where one is equivalent. The texture
 * families contribute their own FEATURES lists (texture-families.ts).
 */
import { FEATURES as IH } from './intensity-histogram.ts';
import { FEATURES as STATS } from './intensity-statistics.ts';
import { FEATURES as IVH } from './intensity-volume-histogram.ts';
import { FEATURES as LOCAL } from './local-intensity.ts';
import { FEATURES_2D as MORPH_2D } from './morphology-2d.ts';
import { FEATURES as MORPH } from './morphology.ts';
import type { FamilyName } from './settings.ts';
import { TEXTURE } from './texture-families.ts';
import type { FeatureDef } from './types.ts';

export interface RegistryEntry extends FeatureDef {
  /** Our full name, `{family}_{feature}`. */
  id: string;
  family: FamilyName;
  /** Only for single-slice (2D) ROIs, or only for 3D ROIs (morphology). */
  dimension?: '2D' | '3D';
}

const PYRADIOMICS_CLASS: Partial<Record<FamilyName, string>> = {
  morphology: 'shape', intensity_statistics: 'firstorder', glcm: 'glcm', glrlm: 'glrlm', glszm: 'glszm', gldzm: 'gldm', ngtdm: 'ngtdm', ngldm: 'gldm',
};

function entries(family: FamilyName, defs: FeatureDef[], dimension?: '2D' | '3D'): RegistryEntry[] {
  return defs.map((d) => ({ ...d, id: `${family}_${d.name}`, family, ...(dimension ? { dimension } : {}) }));
}

export const FEATURE_REGISTRY: readonly RegistryEntry[] = [
  ...entries('morphology', MORPH, '3D'),
  ...entries('morphology', MORPH_2D, '2D'),
  ...entries('local_intensity', LOCAL),
  ...entries('intensity_statistics', STATS),
  ...entries('intensity_histogram', IH),
  ...entries('intensity_volume_histogram', IVH),
  ...TEXTURE.flatMap((t) => entries(t.family, t.features)),
];

const BY_ID = new Map(FEATURE_REGISTRY.map((e) => [e.id, e]));

export function featureInfo(id: string): RegistryEntry | undefined {
  return BY_ID.get(id);
}

/** Full PyRadiomics name (e.g. 'original_glcm_JointEntropy') of a feature, when equivalent. */
export function pyradiomicsName(id: string, imageType = 'original'): string | undefined {
  const e = BY_ID.get(id);
  if (!e?.pyradiomics) return undefined;
  const cls = e.family === 'morphology' && e.dimension === '2D' ? 'shape2D' : PYRADIOMICS_CLASS[e.family];
  return cls ? `${imageType}_${cls}_${e.pyradiomics}` : undefined;
}
