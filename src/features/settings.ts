/**
 * Feature-extraction settings: one plain JSON object (it round-trips through JSON.stringify),
 * covering the IBSI 1 image-processing chain (manual ch. 2): resampling, re-segmentation,
 * discretisation, the families to compute and the texture options.
 */
import { SonomicsError } from '../core/errors.ts';
import type { TextureAggregation } from './types.ts';

export type FamilyName =
  | 'morphology' | 'local_intensity' | 'intensity_statistics' | 'intensity_histogram' | 'intensity_volume_histogram'
  | 'glcm' | 'glrlm' | 'glszm' | 'gldzm' | 'ngtdm' | 'ngldm';

export const NON_TEXTURE_FAMILIES: readonly FamilyName[] = [
  'morphology', 'local_intensity', 'intensity_statistics', 'intensity_histogram', 'intensity_volume_histogram',
];
export const TEXTURE_FAMILIES: readonly FamilyName[] = ['glcm', 'glrlm', 'glszm', 'gldzm', 'ngtdm', 'ngldm'];
export const ALL_FAMILIES: readonly FamilyName[] = [...NON_TEXTURE_FAMILIES, ...TEXTURE_FAMILIES];

export type Interpolation = 'nearest' | 'linear' | 'cubic';

export interface ResamplingSettings {
  /** Target spacing in mm [x, y, z]; with dimension '2D' only x and y are used (z is kept). */
  spacing: [number, number, number];
  /** Image interpolation (IBSI 2.4): nearest neighbour, (tri)linear, cubic B-spline (tricubic). Default 'linear'. */
  imageInterpolation?: Interpolation;
  /** Mask interpolation before thresholding (IBSI 2.4). Default 'linear'. */
  maskInterpolation?: Interpolation;
  /** Partial-volume threshold of the interpolated mask (IBSI 2.4: 0.5). */
  partialVolumeThreshold?: number;
}

export interface DiscretisationSettings {
  /** 'FBN' = fixed bin number, 'FBS' = fixed bin size (IBSI 2.7); 'none' uses the intensities as they are (IVH only). */
  method: 'FBN' | 'FBS' | 'none';
  /** Number of bins (FBN) or bin width in intensity units (FBS). */
  value?: number;
}

export interface FeatureSettings {
  /** '2D' computes texture slice by slice (and 2D morphology for single-slice images); '3D' volumetrically. */
  dimension: '2D' | '3D';
  /** Resampling (IBSI 2.4); absent = none. */
  resampling?: ResamplingSettings;
  /** Round intensities to the nearest integer after interpolation (IBSI: for CT). Default false. */
  roundIntensities?: boolean;
  /** Re-segmentation (IBSI 2.5): intensity range (null = open bound) and/or μ ± kσ outlier filtering. */
  resegmentation?: { range?: [number | null, number | null]; outlierSigma?: number };
  /** Discretisation for the intensity histogram and texture families. Default FBN 32. */
  discretisation?: DiscretisationSettings;
  /** Discretisation for the intensity-volume histogram (IBSI 3.5). Default 'none' (use intensities with step 1). */
  ivhDiscretisation?: DiscretisationSettings;
  /** Families to compute; default all. */
  families?: FamilyName[];
  /** Texture options (contract in types.ts) and the aggregation per texture family. */
  texture?: {
    distance?: number;
    ngldmCoarseness?: number;
    aggregation?: Partial<Record<FamilyName, TextureAggregation>>;
  };
  /** Radius of the local-intensity sphere in mm (IBSI 3.2: 1 cm³ sphere → 6.2035 mm). */
  localIntensityRadiusMm?: number;
}

const DIRECTIONAL: readonly TextureAggregation[] = ['2D, averaged', '2D, slice-merged', '2.5D, direction-merged', '2.5D, merged', '3D, averaged', '3D, merged'];
const PLANAR: readonly TextureAggregation[] = ['2D', '2.5D', '3D'];

/** IBSI 3.2: radius of a sphere of volume 1 cm³, in mm. */
export const PEAK_RADIUS_MM = 10 * Math.cbrt(3 / (4 * Math.PI));

export const DEFAULT_SETTINGS: FeatureSettings = {
  dimension: '2D',
  discretisation: { method: 'FBN', value: 32 },
};

/**
 * Default texture aggregation (documented in docs/features.md): 2D → '2D, slice-merged' for
 * GLCM/GLRLM and '2D' for the others; 3D → '3D, averaged' for GLCM/GLRLM and '3D' otherwise.
 */
export function defaultAggregation(family: FamilyName, dimension: '2D' | '3D'): TextureAggregation {
  const matrixPerDirection = family === 'glcm' || family === 'glrlm';
  if (dimension === '2D') return matrixPerDirection ? '2D, slice-merged' : '2D';
  return matrixPerDirection ? '3D, averaged' : '3D';
}

/** Checks a settings object (e.g. parsed from a JSON file) and fills defaults. */
export function resolveSettings(input: Partial<FeatureSettings> | undefined, where = 'feature settings'): FeatureSettings {
  const s: FeatureSettings = { ...DEFAULT_SETTINGS, ...(input ?? {}) };
  const bad = (msg: string): never => {
    throw new SonomicsError('BAD_SETTINGS', `${where}: ${msg}`);
  };
  if (s.dimension !== '2D' && s.dimension !== '3D') bad(`dimension must be '2D' or '3D', got ${JSON.stringify(s.dimension)}`);
  const d = s.discretisation ?? { method: 'FBN', value: 32 };
  if (d.method !== 'FBN' && d.method !== 'FBS') bad(`discretisation.method must be 'FBN' or 'FBS', got ${JSON.stringify(d.method)}`);
  if (!(typeof d.value === 'number' && d.value > 0)) bad(`discretisation.value must be a positive number (bins for FBN, width for FBS)`);
  if (d.method === 'FBN' && !Number.isInteger(d.value)) bad(`discretisation.value for FBN must be an integer number of bins`);
  s.discretisation = d;
  const ivh = s.ivhDiscretisation;
  if (ivh && ivh.method !== 'none' && ivh.method !== 'FBN' && ivh.method !== 'FBS') bad(`ivhDiscretisation.method must be 'none', 'FBN' or 'FBS'`);
  if (ivh && ivh.method !== 'none' && !(typeof ivh.value === 'number' && ivh.value > 0)) bad(`ivhDiscretisation.value must be positive`);
  const aggs = s.texture?.aggregation ?? {};
  for (const [family, agg] of Object.entries(aggs)) {
    if (!TEXTURE_FAMILIES.includes(family as FamilyName)) bad(`texture.aggregation: '${family}' is not a texture family`);
    const directional = family === 'glcm' || family === 'glrlm';
    const allowed = directional ? DIRECTIONAL : PLANAR;
    if (!allowed.includes(agg as TextureAggregation)) bad(`texture.aggregation.${family} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  }
  if (s.resampling) {
    const sp = s.resampling.spacing;
    if (!Array.isArray(sp) || sp.length !== 3 || sp.some((v) => !(v > 0))) bad(`resampling.spacing must be three positive numbers [x, y, z] in mm`);
    for (const k of ['imageInterpolation', 'maskInterpolation'] as const) {
      const v = s.resampling[k];
      if (v !== undefined && v !== 'nearest' && v !== 'linear' && v !== 'cubic') bad(`resampling.${k} must be nearest, linear or cubic`);
    }
  }
  if (s.families) {
    for (const f of s.families) if (!ALL_FAMILIES.includes(f)) bad(`unknown family '${f}'; known: ${ALL_FAMILIES.join(', ')}`);
  }
  const r = s.resegmentation?.range;
  if (r && (r.length !== 2 || (r[0] !== null && r[1] !== null && r[0] > r[1]))) bad(`resegmentation.range must be [lower, upper] with lower ≤ upper (null for an open bound)`);
  return s;
}
