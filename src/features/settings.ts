/**
 * Feature-extraction settings: one plain JSON object (it round-trips through JSON.stringify),
 * covering the IBSI 1 image-processing chain (manual ch. 2): resampling, re-segmentation,
 * discretisation, the families to compute and the texture options.
 */
import { SonomicsError } from '../core/errors.ts';
import { checkSchema, s, type ObjectNode } from '../core/schema.ts';
import { FAMILY_NAMES, FEATURE_FAMILIES, type FamilyName } from './families.ts';
import type { ProcessingSettings } from './processing-settings.ts';
import type { TextureAggregation } from './types.ts';

export type { FamilyName } from './families.ts';
export {
  PEAK_RADIUS_MM, type Interpolation, type ResamplingSettings, type DiscretisationSettings, type ProcessingSettings,
} from './processing-settings.ts';

/** Family names from the one family registry (families.ts), kept under their old names. */
export const ALL_FAMILIES: readonly FamilyName[] = FAMILY_NAMES;
export const TEXTURE_FAMILIES: readonly FamilyName[] = FEATURE_FAMILIES.filter((f) => f.kind === 'texture').map((f) => f.family);
export const NON_TEXTURE_FAMILIES: readonly FamilyName[] = FEATURE_FAMILIES.filter((f) => f.kind === 'roi').map((f) => f.family);

/**
 * The settings of the feature engine: the processing chain the families read
 * (processing-settings.ts) plus which families to compute and each texture family's aggregation.
 */
export interface FeatureSettings extends ProcessingSettings {
  /** Families to compute; default all. */
  families?: FamilyName[];
  /** Texture options (contract in types.ts) and the aggregation per texture family. */
  texture?: ProcessingSettings['texture'] & {
    aggregation?: Partial<Record<FamilyName, TextureAggregation>>;
  };
}

const DIRECTIONAL: readonly TextureAggregation[] = ['2D, averaged', '2D, slice-merged', '2.5D, direction-merged', '2.5D, merged', '3D, averaged', '3D, merged'];
const PLANAR: readonly TextureAggregation[] = ['2D', '2.5D', '3D'];

export const DEFAULT_SETTINGS: FeatureSettings = {
  dimension: '2D',
  discretisation: { method: 'FBN', value: 32 },
};

/**
 * Default texture aggregation (documented in docs/features.md): 2D → '2D, slice-merged' for
 * GLCM/GLRLM and '2D' for the others; 3D → '3D, averaged' for GLCM/GLRLM and '3D' otherwise.
 */
export function defaultAggregation(family: FamilyName, dimension: '2D' | '3D'): TextureAggregation {
  const matrixPerDirection = FEATURE_FAMILIES.some((f) => f.family === family && f.kind === 'texture' && f.directional);
  if (dimension === '2D') return matrixPerDirection ? '2D, slice-merged' : '2D';
  return matrixPerDirection ? '3D, averaged' : '3D';
}

const interpolation = s.oneOf(['nearest', 'linear', 'cubic']);
const discretisationNode = (methods: readonly string[]) => s.obj({
  method: s.field(s.oneOf(methods), "'FBN' = fixed bin number, 'FBS' = fixed bin size (IBSI 2.7)", { required: true }),
  value: s.field(s.num({ gt: 0 }), 'number of bins (FBN, an integer) or bin width in intensity units (FBS)'),
});

/**
 * The feature-settings schema (validation, defaults and the reference table in docs/features.md).
 * Only `dimension` and `discretisation` are filled in; the other defaults are applied where they
 * are used (so that a settings hash does not change when a default is merely spelled out).
 */
export const FEATURE_SETTINGS_SCHEMA: ObjectNode = s.obj({
  dimension: s.field(s.oneOf(['2D', '3D']), "'2D' computes texture slice by slice (2D morphology for single-slice images); '3D' volumetrically", { default: '2D' }),
  resampling: s.field(s.obj({
    spacing: s.field(s.tuple(s.num({ gt: 0 }), s.num({ gt: 0 }), s.num({ gt: 0 })), 'target spacing in mm [x, y, z]; with dimension 2D only x and y are used', { required: true }),
    imageInterpolation: s.field(interpolation, 'image interpolation (IBSI 2.4)', { docDefault: '`linear`' }),
    maskInterpolation: s.field(interpolation, 'mask interpolation before thresholding (IBSI 2.4)', { docDefault: '`linear`' }),
    partialVolumeThreshold: s.field(s.num({ gt: 0, max: 1 }), 'threshold of the interpolated mask (IBSI 2.4)', { docDefault: '`0.5`' }),
  }), 'resampling to a common spacing (IBSI 2.4); absent = none'),
  roundIntensities: s.field(s.bool(), 'round intensities to integers after interpolation (IBSI: for CT)', { docDefault: '`false`' }),
  resegmentation: s.field(s.obj({
    range: s.field(s.tuple(s.either(s.num(), s.nul()), s.either(s.num(), s.nul())), 'keep intensities in [lower, upper] (null = open bound)'),
    outlierSigma: s.field(s.num({ gt: 0 }), 'drop intensities outside mean ± k·SD of the region'),
    sigmaRange: s.field(s.tuple(s.num(), s.either(s.num(), s.nul())), "PyRadiomics resegmentMode 'sigma': keep mean + a·SD ≤ X ≤ mean + b·SD (b null = no upper bound); alone"),
    relativeRange: s.field(s.tuple(s.num(), s.either(s.num(), s.nul())), "PyRadiomics resegmentMode 'relative': keep a·max ≤ X ≤ b·max (b null = no upper bound); alone"),
  }), 're-segmentation (IBSI 2.5); absent = none'),
  normalisation: s.field(s.obj({
    scale: s.field(s.num({ gt: 0 }), 'factor after the z-score (PyRadiomics normalizeScale)', { docDefault: '`1`' }),
    removeOutliers: s.field(s.num({ gt: 0 }), 'clip z-scores to ± this many SD before scaling (PyRadiomics removeOutliers)'),
  }), 'whole-image z-score normalisation before everything (PyRadiomics normalize; docs/pyradiomics.md); absent = none'),
  conventions: s.field(s.obj({
    binEdges: s.field(s.oneOf(['ibsi', 'pyradiomics']), 'FBS bins from the ROI minimum (ibsi) or at multiples of the width, FBN as numpy.histogram (pyradiomics)', { docDefault: '`ibsi`' }),
    voxelArrayShift: s.field(s.num(), 'added to intensities in energy, total energy and RMS (PyRadiomics voxelArrayShift)', { docDefault: '`0`' }),
    kurtosis: s.field(s.oneOf(['excess', 'pearson']), 'kurtosis with −3 (excess, IBSI) or without (pearson, PyRadiomics)', { docDefault: '`excess`' }),
    mesh: s.field(s.oneOf(['ibsi', 'pyradiomics']), 'surface mesh behind 3D volume and area: IBSI marching cubes or the classic Lorensen table as PyRadiomics', { docDefault: '`ibsi`' }),
    pcaDivisor: s.field(s.oneOf(['n-1', 'n']), 'divisor of the voxel-position covariance behind the axis lengths', { docDefault: '`n-1`' }),
    flatCorrelation: s.field(s.oneOf(['nan', 'one']), 'GLCM correlation of a one-level matrix: NaN (left out of averages) or 1 (PyRadiomics)', { docDefault: '`nan`' }),
    ngtdmIsolated: s.field(s.oneOf(['exclude', 'count']), 'NGTDM voxels without ROI neighbours: left out (IBSI) or counted with s = 0 (PyRadiomics)', { docDefault: '`exclude`' }),
    flatDirections: s.field(s.oneOf(['keep', 'drop']), 'GLCM/GLRLM directions along an axis where the ROI is one voxel thick: kept (IBSI) or dropped (PyRadiomics)', { docDefault: '`keep`' }),
    pyradiomicsFeatures: s.field(s.bool(), 'also compute PyRadiomics-only features (total energy, GLCM MCC, Maximum2DDiameter*)', { docDefault: '`false`' }),
  }), 'conventions where PyRadiomics differs from IBSI (docs/pyradiomics.md); absent = IBSI'),
  discretisation: s.field(discretisationNode(['FBN', 'FBS']), 'discretisation for the intensity histogram and texture families', { default: { method: 'FBN', value: 32 } }),
  ivhDiscretisation: s.field(discretisationNode(['none', 'FBN', 'FBS']), 'discretisation for the intensity-volume histogram (IBSI 3.5)', { docDefault: '`none` (intensities, step 1)' }),
  families: s.field(s.list(s.oneOf(ALL_FAMILIES, 'family')), 'feature families to compute', { docDefault: 'all' }),
  texture: s.field(s.obj({
    distance: s.field(s.int({ min: 1 }), 'neighbour distance of GLCM / NGTDM / NGLDM (voxels, Chebyshev)', { docDefault: '`1`' }),
    distanceShells: s.field(s.list(s.int({ min: 1 }), { minItems: 1 }), 'in place of distance: neighbours at exactly these Chebyshev distances, within the ROI box, for GLCM (one direction per ± pair) / NGTDM / NGLDM (PyRadiomics distances; [2] alone skips the ring at 1)', { docDefault: 'none (distance)' }),
    ngldmCoarseness: s.field(s.int({ min: 0 }), 'NGLDM coarseness α', { docDefault: '`0`' }),
    symmetric: s.field(s.bool(), 'GLCM counts each pair in both orders (PyRadiomics symmetricalGLCM)', { docDefault: '`true`' }),
    directionWeighting: s.field(s.oneOf(['manhattan', 'euclidean', 'infinity']), 'GLCM/GLRLM direction matrices weighted by their length in mm before summing (PyRadiomics weightingNorm; needs a merged aggregation)', { docDefault: 'none' }),
    aggregation: s.field(s.map(s.str(), 'texture family', TEXTURE_FAMILIES), "aggregation per texture family, e.g. glcm: '3D, merged'", { docDefault: 'see docs/features.md' }),
  }), 'texture options'),
  spatialAutocorrelation: s.field(s.bool(), "morphology's Moran's I and Geary's C (cost O(N²) in the ROI size); false leaves them NaN", { docDefault: '`true`' }),
  localIntensityRadiusMm: s.field(s.num({ gt: 0 }), 'radius of the local-intensity sphere in mm (IBSI 3.2: 1 cm³ → 6.2035 mm)', { docDefault: '`6.2035`' }),
});

/** Checks a settings object (e.g. parsed from a settings file) and fills defaults. */
export function resolveSettings(input: Partial<FeatureSettings> | undefined, where = 'feature settings'): FeatureSettings {
  const checked = checkSchema(FEATURE_SETTINGS_SCHEMA, input ?? {});
  if (checked.problems.length) {
    throw new SonomicsError('BAD_SETTINGS', `${where} has ${checked.problems.length} problem(s):\n  - ${checked.problems.join('\n  - ')}`, { subject: where });
  }
  const s = checked.value as FeatureSettings;
  const bad = (msg: string): never => {
    throw new SonomicsError('BAD_SETTINGS', `${where}: ${msg}`);
  };
  const d = s.discretisation!;
  if (d.value === undefined) bad('discretisation.value is required (bins for FBN, width for FBS)');
  if (d.method === 'FBN' && !Number.isInteger(d.value)) bad(`discretisation.value for FBN must be an integer number of bins`);
  const ivh = s.ivhDiscretisation;
  if (ivh && ivh.method !== 'none' && ivh.value === undefined) bad(`ivhDiscretisation.value is required for ${ivh.method}`);
  const aggs = s.texture?.aggregation ?? {};
  for (const [family, agg] of Object.entries(aggs)) {
    const directional = FEATURE_FAMILIES.some((f) => f.family === family && f.kind === 'texture' && f.directional);
    const allowed = directional ? DIRECTIONAL : PLANAR;
    if (!allowed.includes(agg as TextureAggregation)) bad(`texture.aggregation.${family} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  }
  for (const k of ['sigmaRange', 'relativeRange'] as const) {
    const rr = s.resegmentation?.[k];
    if (rr === undefined) continue;
    if (rr[1] !== null && rr[1] < rr[0]) bad(`resegmentation.${k} must be [lower, upper] with upper ≥ lower (null for none)`);
    if (s.resegmentation?.range || s.resegmentation?.outlierSigma !== undefined) bad(`resegmentation.${k} replaces range and outlierSigma: give it alone`);
  }
  const r = s.resegmentation?.range;
  if (r && r[0] !== null && r[1] !== null && r[0] > r[1]) bad(`resegmentation.range must be [lower, upper] with lower ≤ upper (null for an open bound)`);
  return s;
}
