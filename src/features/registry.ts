/**
 * Feature-name registry: every feature we compute as `{family}_{feature}` (lower snake case),
 * with its IBSI 1 code, unit and the PyRadiomics name where one is equivalent — read from the
 * family registry (families.ts), where each family brings its own feature list.
 */
import { FEATURE_FAMILIES, featureFamily, type FamilyName } from './families.ts';
import type { FeatureDef } from './types.ts';

export interface RegistryEntry extends FeatureDef {
  /** Our full name, `{family}_{feature}`. */
  id: string;
  family: FamilyName;
  /** Only for single-slice (2D) ROIs, or only for 3D ROIs (morphology). */
  dimension?: '2D' | '3D';
}

function entries(family: FamilyName, defs: readonly FeatureDef[], dimension?: '2D' | '3D'): RegistryEntry[] {
  return defs.map((d) => ({ ...d, id: `${family}_${d.name}`, family, ...(dimension ? { dimension } : {}) }));
}

export const FEATURE_REGISTRY: readonly RegistryEntry[] = FEATURE_FAMILIES.flatMap((f) =>
  f.features2D ? [...entries(f.family, f.features, '3D'), ...entries(f.family, f.features2D, '2D')] : entries(f.family, f.features));

const BY_ID = new Map(FEATURE_REGISTRY.map((e) => [e.id, e]));

export function featureInfo(id: string): RegistryEntry | undefined {
  return BY_ID.get(id);
}

/** Full PyRadiomics name (e.g. 'original_glcm_JointEntropy') of a feature, when equivalent. */
export function pyradiomicsName(id: string, imageType = 'original'): string | undefined {
  const e = BY_ID.get(id);
  if (!e?.pyradiomics) return undefined;
  const family = featureFamily(e.family)!;
  const cls = e.dimension === '2D' ? family.pyradiomicsClass2D : family.pyradiomicsClass;
  return cls ? `${imageType}_${cls}_${e.pyradiomics}` : undefined;
}
