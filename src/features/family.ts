/**
 * The contract of a feature family: what a family file exports so that the one family registry
 * (families.ts) can list it. Everything else — the names in settings, the feature-name registry
 * with IBSI codes and PyRadiomics names, the pipeline, the IBSI compliance harness — reads the
 * registry, so a new family is one new file plus one line there (docs/architecture.md, "How to add").
 *
 * Two kinds, by what the family is computed from (IBSI 1 manual ch. 3):
 *  - 'roi': from the prepared ROI (intensities, masks, geometry) — morphology, local intensity,
 *    intensity statistics, the intensity and intensity-volume histograms;
 *  - 'texture': from the discretised ROI cropped to the mask, once per aggregation method
 *    (IBSI 1 §3.6–3.11: GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM).
 */
import type { RoiContext } from './context.ts';
import type { DiscretisedRoi, FamilyValues, FeatureDef, TextureAggregation, TextureOptions } from './types.ts';

interface FamilyBase<N extends string> {
  /** The family's name: the `{family}` part of `{family}_{feature}`, lower snake case. */
  family: N;
  /** How the methods text and reports name it ('GLCM', 'intensity statistics (first order)'). */
  title: string;
  /** The features it yields (all of them, or the 3D ones when `features2D` is given). */
  features: readonly FeatureDef[];
  /** The in-plane counterparts yielded instead for single-slice (2D) ROIs (morphology). */
  features2D?: readonly FeatureDef[];
  /** PyRadiomics feature class of the equivalent features ('firstorder', 'glcm', …), if any. */
  pyradiomicsClass?: string;
  /** PyRadiomics class of the 2D features ('shape2D'). */
  pyradiomicsClass2D?: string;
  /**
   * Reference-table feature name → our feature name, for families whose IBSI codes do not tell
   * their features apart (the IVH's v10/v90 share one code); others are matched by IBSI code.
   */
  ibsiReferenceNames?: Readonly<Record<string, string>>;
}

export interface RoiFamily<N extends string = string> extends FamilyBase<N> {
  kind: 'roi';
  compute(ctx: RoiContext): FamilyValues;
}

export interface TextureFamily<N extends string = string> extends FamilyBase<N> {
  kind: 'texture';
  /** True for GLCM / GLRLM, whose aggregations name a direction treatment ('2D, averaged', …). */
  directional: boolean;
  compute(roi: DiscretisedRoi, aggregation: TextureAggregation, options: TextureOptions): FamilyValues;
}

export type FeatureFamily<N extends string = string> = RoiFamily<N> | TextureFamily<N>;

/** Declares a family, keeping its name as a literal type (the registry derives FamilyName from it). */
export function defineFamily<const F extends FeatureFamily>(family: F): F {
  return family;
}
