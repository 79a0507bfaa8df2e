/**
 * PyRadiomics' feature classes and names (pyradiomics 3.1, non-deprecated features) mapped to
 * our `{family}_{feature}` ids, for `names: pyradiomics` output (`original_glcm_Contrast`).
 * The values equal PyRadiomics' only under its conventions (conventions.ts); the parameter-file
 * reader (src/extract/pyradiomics-params.ts) sets them. Deprecated PyRadiomics features
 * (StandardDeviation, Compactness1/2, SphericalDisproportion, Dissimilarity, Homogeneity1/2,
 * SumVariance, GLDM GrayLevelNonUniformityNormalized / DependencePercentage) are not written,
 * as PyRadiomics does not enable them by default.
 */
import type { FamilyName } from '../settings.ts';

export type PyradiomicsClass = 'shape' | 'shape2D' | 'firstorder' | 'glcm' | 'glrlm' | 'glszm' | 'gldm' | 'ngtdm';

/** PyRadiomics' class order when a parameter file names none (radiomics.getFeatureClasses: module names sorted). */
export const PYRADIOMICS_CLASSES: readonly PyradiomicsClass[] = ['firstorder', 'glcm', 'gldm', 'glrlm', 'glszm', 'ngtdm', 'shape', 'shape2D'];

const S = 'intensity_statistics_', H = 'intensity_histogram_', M = 'morphology_';

/** Per class: PyRadiomics feature name → our id. */
export const PYRADIOMICS_FEATURES: Record<PyradiomicsClass, Record<string, string>> = {
  firstorder: {
    '10Percentile': `${S}p10`, '90Percentile': `${S}p90`, Energy: `${S}energy`, Entropy: `${H}entropy`,
    InterquartileRange: `${S}interquartile_range`, Kurtosis: `${S}kurtosis`, Maximum: `${S}maximum`,
    MeanAbsoluteDeviation: `${S}mean_absolute_deviation`, Mean: `${S}mean`, Median: `${S}median`, Minimum: `${S}minimum`,
    Range: `${S}range`, RobustMeanAbsoluteDeviation: `${S}robust_mean_absolute_deviation`, RootMeanSquared: `${S}root_mean_square`,
    Skewness: `${S}skewness`, TotalEnergy: `${S}total_energy`, Uniformity: `${H}uniformity`, Variance: `${S}variance`,
  },
  shape: {
    Elongation: `${M}elongation`, Flatness: `${M}flatness`, LeastAxisLength: `${M}least_axis_length`, MajorAxisLength: `${M}major_axis_length`,
    Maximum2DDiameterColumn: `${M}maximum_2d_diameter_column`, Maximum2DDiameterRow: `${M}maximum_2d_diameter_row`,
    Maximum2DDiameterSlice: `${M}maximum_2d_diameter_slice`, Maximum3DDiameter: `${M}maximum_3d_diameter`, MeshVolume: `${M}volume`,
    MinorAxisLength: `${M}minor_axis_length`, Sphericity: `${M}sphericity`, SurfaceArea: `${M}surface_area`,
    SurfaceVolumeRatio: `${M}surface_to_volume_ratio`, VoxelVolume: `${M}volume_voxel_counting`,
  },
  shape2D: {
    Elongation: `${M}elongation_2d`, MajorAxisLength: `${M}major_axis_length_2d`, MaximumDiameter: `${M}maximum_diameter`,
    MeshSurface: `${M}area`, MinorAxisLength: `${M}minor_axis_length_2d`, Perimeter: `${M}perimeter`,
    PerimeterSurfaceRatio: `${M}perimeter_to_area_ratio`, PixelSurface: `${M}area_pixel_counting`, Sphericity: `${M}sphericity_2d`,
  },
  glcm: {
    Autocorrelation: 'glcm_autocorrelation', ClusterProminence: 'glcm_cluster_prominence', ClusterShade: 'glcm_cluster_shade',
    ClusterTendency: 'glcm_cluster_tendency', Contrast: 'glcm_contrast', Correlation: 'glcm_correlation',
    DifferenceAverage: 'glcm_difference_average', DifferenceEntropy: 'glcm_difference_entropy', DifferenceVariance: 'glcm_difference_variance',
    Id: 'glcm_inverse_difference', Idm: 'glcm_inverse_difference_moment', Idmn: 'glcm_normalised_inverse_difference_moment',
    Idn: 'glcm_normalised_inverse_difference', Imc1: 'glcm_information_correlation_1', Imc2: 'glcm_information_correlation_2',
    InverseVariance: 'glcm_inverse_variance', JointAverage: 'glcm_joint_average', JointEnergy: 'glcm_angular_second_moment',
    JointEntropy: 'glcm_joint_entropy', MCC: 'glcm_maximal_correlation_coefficient', MaximumProbability: 'glcm_joint_maximum',
    SumAverage: 'glcm_sum_average', SumEntropy: 'glcm_sum_entropy', SumSquares: 'glcm_joint_variance',
  },
  glrlm: {
    GrayLevelNonUniformity: 'glrlm_grey_level_non_uniformity', GrayLevelNonUniformityNormalized: 'glrlm_normalised_grey_level_non_uniformity',
    GrayLevelVariance: 'glrlm_grey_level_variance', HighGrayLevelRunEmphasis: 'glrlm_high_grey_level_run_emphasis',
    LongRunEmphasis: 'glrlm_long_runs_emphasis', LongRunHighGrayLevelEmphasis: 'glrlm_long_run_high_grey_level_emphasis',
    LongRunLowGrayLevelEmphasis: 'glrlm_long_run_low_grey_level_emphasis', LowGrayLevelRunEmphasis: 'glrlm_low_grey_level_run_emphasis',
    RunEntropy: 'glrlm_run_entropy', RunLengthNonUniformity: 'glrlm_run_length_non_uniformity',
    RunLengthNonUniformityNormalized: 'glrlm_normalised_run_length_non_uniformity', RunPercentage: 'glrlm_run_percentage',
    RunVariance: 'glrlm_run_length_variance', ShortRunEmphasis: 'glrlm_short_runs_emphasis',
    ShortRunHighGrayLevelEmphasis: 'glrlm_short_run_high_grey_level_emphasis', ShortRunLowGrayLevelEmphasis: 'glrlm_short_run_low_grey_level_emphasis',
  },
  glszm: {
    GrayLevelNonUniformity: 'glszm_grey_level_non_uniformity', GrayLevelNonUniformityNormalized: 'glszm_normalised_grey_level_non_uniformity',
    GrayLevelVariance: 'glszm_grey_level_variance', HighGrayLevelZoneEmphasis: 'glszm_high_grey_level_zone_emphasis',
    LargeAreaEmphasis: 'glszm_large_zone_emphasis', LargeAreaHighGrayLevelEmphasis: 'glszm_large_zone_high_grey_level_emphasis',
    LargeAreaLowGrayLevelEmphasis: 'glszm_large_zone_low_grey_level_emphasis', LowGrayLevelZoneEmphasis: 'glszm_low_grey_level_zone_emphasis',
    SizeZoneNonUniformity: 'glszm_zone_size_non_uniformity', SizeZoneNonUniformityNormalized: 'glszm_normalised_zone_size_non_uniformity',
    SmallAreaEmphasis: 'glszm_small_zone_emphasis', SmallAreaHighGrayLevelEmphasis: 'glszm_small_zone_high_grey_level_emphasis',
    SmallAreaLowGrayLevelEmphasis: 'glszm_small_zone_low_grey_level_emphasis', ZoneEntropy: 'glszm_zone_size_entropy',
    ZonePercentage: 'glszm_zone_percentage', ZoneVariance: 'glszm_zone_size_variance',
  },
  gldm: {
    DependenceEntropy: 'ngldm_dependence_count_entropy', DependenceNonUniformity: 'ngldm_dependence_count_non_uniformity',
    DependenceNonUniformityNormalized: 'ngldm_normalised_dependence_count_non_uniformity', DependenceVariance: 'ngldm_dependence_count_variance',
    GrayLevelNonUniformity: 'ngldm_grey_level_non_uniformity', GrayLevelVariance: 'ngldm_grey_level_variance',
    HighGrayLevelEmphasis: 'ngldm_high_grey_level_count_emphasis', LargeDependenceEmphasis: 'ngldm_high_dependence_emphasis',
    LargeDependenceHighGrayLevelEmphasis: 'ngldm_high_dependence_high_grey_level_emphasis',
    LargeDependenceLowGrayLevelEmphasis: 'ngldm_high_dependence_low_grey_level_emphasis', LowGrayLevelEmphasis: 'ngldm_low_grey_level_count_emphasis',
    SmallDependenceEmphasis: 'ngldm_low_dependence_emphasis', SmallDependenceHighGrayLevelEmphasis: 'ngldm_low_dependence_high_grey_level_emphasis',
    SmallDependenceLowGrayLevelEmphasis: 'ngldm_low_dependence_low_grey_level_emphasis',
  },
  ngtdm: {
    Busyness: 'ngtdm_busyness', Coarseness: 'ngtdm_coarseness', Complexity: 'ngtdm_complexity', Contrast: 'ngtdm_contrast', Strength: 'ngtdm_strength',
  },
};

/**
 * Deprecated features PyRadiomics still computes when a parameter file names them (it then only
 * warns): value from our values. Its other deprecated features (GLCM Dissimilarity, Homogeneity1/2,
 * SumVariance; GLDM GrayLevelNonUniformityNormalized, DependencePercentage) raise and write no
 * column, so they are accepted and written nowhere, as there.
 */
export const PYRADIOMICS_DEPRECATED: Partial<Record<PyradiomicsClass, Record<string, ((v: Record<string, number>) => number) | null>>> = {
  firstorder: { StandardDeviation: (v) => Math.sqrt(v[`${S}variance`]!) },
  shape: {
    Compactness1: (v) => v[`${M}compactness_1`]!, Compactness2: (v) => v[`${M}compactness_2`]!,
    SphericalDisproportion: (v) => v[`${M}spherical_disproportion`]!,
  },
  shape2D: { SphericalDisproportion: (v) => 1 / v[`${M}sphericity_2d`]! },
  glcm: { Dissimilarity: null, Homogeneity1: null, Homogeneity2: null, SumVariance: null },
  gldm: { GrayLevelNonUniformityNormalized: null, DependencePercentage: null },
};

/** The ids each deprecated feature of PYRADIOMICS_DEPRECATED reads (for pyradiomicsIds). */
const DEPRECATED_READS: Partial<Record<PyradiomicsClass, Record<string, string[]>>> = {
  firstorder: { StandardDeviation: [`${S}variance`] },
  shape: { Compactness1: [`${M}compactness_1`], Compactness2: [`${M}compactness_2`], SphericalDisproportion: [`${M}spherical_disproportion`] },
  shape2D: { SphericalDisproportion: [`${M}sphericity_2d`] },
};

/**
 * The `{family}_{feature}` ids that pyradiomicsValues reads for these classes: the pipeline may
 * skip the work of the others (FamilyRequest.only).
 */
export function pyradiomicsIds(classes: readonly ClassSelection[]): Set<string> {
  const ids = new Set<string>();
  for (const { cls, features } of classes) {
    const table = PYRADIOMICS_FEATURES[cls];
    for (const f of features) {
      if (f in table) ids.add(table[f]!);
      for (const id of DEPRECATED_READS[cls]?.[f] ?? []) ids.add(id);
    }
  }
  return ids;
}

/** Our families a PyRadiomics class needs. */
export const CLASS_FAMILIES: Record<PyradiomicsClass, FamilyName[]> = {
  shape: ['morphology'], shape2D: ['morphology'], firstorder: ['intensity_statistics', 'intensity_histogram'],
  glcm: ['glcm'], glrlm: ['glrlm'], glszm: ['glszm'], gldm: ['ngldm'], ngtdm: ['ngtdm'],
};

/** A class with the features to write (PyRadiomics order: sorted by name, as inspect.getmembers lists them). */
export interface ClassSelection {
  cls: PyradiomicsClass;
  features: string[];
}

export function allFeatures(cls: PyradiomicsClass): string[] {
  // Python sorts str by code point: '10Percentile' < 'Autocorrelation' < 'Id' < 'Idm' ...
  return Object.keys(PYRADIOMICS_FEATURES[cls]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * One ROI's values under PyRadiomics names, `{image}_{class}_{Feature}`. A class whose features
 * the ROI does not have is left out, as PyRadiomics skips `shape` on 2D input and `shape2D` on 3D.
 */
export function pyradiomicsValues(values: Record<string, number>, imageName: string, classes: readonly ClassSelection[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { cls, features } of classes) {
    if (imageName !== 'original' && (cls === 'shape' || cls === 'shape2D')) continue; // shape: original image only
    const table = PYRADIOMICS_FEATURES[cls], old = PYRADIOMICS_DEPRECATED[cls] ?? {};
    if (!features.every((f) => (f in table ? table[f]! in values : f in old))) continue;
    if (!tableIds(cls).some((id) => id in values)) continue;
    const names = columnNames(imageName, cls, features);
    for (let k = 0; k < features.length; k++) {
      const f = features[k]!;
      if (f in table) out[names[k]!] = values[table[f]!]!;
      else if (old[f]) out[names[k]!] = old[f]!(values);
    }
  }
  return out;
}

/** Each class's ids (PYRADIOMICS_FEATURES' values), listed once. */
const TABLE_IDS = new Map<PyradiomicsClass, string[]>();
function tableIds(cls: PyradiomicsClass): string[] {
  let ids = TABLE_IDS.get(cls);
  if (!ids) TABLE_IDS.set(cls, (ids = Object.values(PYRADIOMICS_FEATURES[cls])));
  return ids;
}

/**
 * `{image}_{class}_{Feature}` for each feature, made once per image name and feature list (the
 * list of a parameter file's class is the same array for every case): building ≈ 100 names per
 * image and case, each a new string V8 then had to look up as a property key, cost about as much
 * as the rest of this function.
 */
const COLUMN_NAMES = new WeakMap<readonly string[], Map<string, string[]>>();
function columnNames(imageName: string, cls: PyradiomicsClass, features: readonly string[]): string[] {
  let byImage = COLUMN_NAMES.get(features);
  if (!byImage) COLUMN_NAMES.set(features, (byImage = new Map()));
  const key = `${cls} ${imageName}`;
  let names = byImage.get(key);
  if (!names) byImage.set(key, (names = features.map((f) => `${imageName}_${cls}_${f}`)));
  return names;
}
