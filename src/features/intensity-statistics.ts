/**
 * Intensity-based statistical features (IBSI 1 manual §3.3, family code UHIW), computed on
 * the intensities X_gl of the ROI intensity mask (no discretisation).
 */
import type { RoiContext } from './context.ts';
import { descriptive } from './stats-util.ts';
import type { FamilyValues, FeatureDef } from './types.ts';
import { defineFamily } from './family.ts';

export const FEATURES: FeatureDef[] = [
  { name: 'mean', ibsiCode: 'Q4LE', unit: 'I', pyradiomics: 'Mean' },
  { name: 'variance', ibsiCode: 'ECT3', unit: 'I²', pyradiomics: 'Variance' },
  { name: 'skewness', ibsiCode: 'KE2A', unit: '', pyradiomics: 'Skewness' },
  { name: 'kurtosis', ibsiCode: 'IPH6', unit: '' },
  { name: 'median', ibsiCode: 'Y12H', unit: 'I', pyradiomics: 'Median' },
  { name: 'minimum', ibsiCode: '1GSF', unit: 'I', pyradiomics: 'Minimum' },
  { name: 'p10', ibsiCode: 'QG58', unit: 'I', pyradiomics: '10Percentile' },
  { name: 'p90', ibsiCode: '8DWT', unit: 'I', pyradiomics: '90Percentile' },
  { name: 'maximum', ibsiCode: '84IY', unit: 'I', pyradiomics: 'Maximum' },
  { name: 'interquartile_range', ibsiCode: 'SALO', unit: 'I', pyradiomics: 'InterquartileRange' },
  { name: 'range', ibsiCode: '2OJQ', unit: 'I', pyradiomics: 'Range' },
  { name: 'mean_absolute_deviation', ibsiCode: '4FUA', unit: 'I', pyradiomics: 'MeanAbsoluteDeviation' },
  { name: 'robust_mean_absolute_deviation', ibsiCode: '1128', unit: 'I', pyradiomics: 'RobustMeanAbsoluteDeviation' },
  { name: 'median_absolute_deviation', ibsiCode: 'N72L', unit: 'I' },
  { name: 'coefficient_of_variation', ibsiCode: '7TET', unit: '' },
  { name: 'quartile_coefficient_of_dispersion', ibsiCode: '9S40', unit: '' },
  { name: 'energy', ibsiCode: 'N8CA', unit: 'I²', pyradiomics: 'Energy' },
  { name: 'root_mean_square', ibsiCode: '5ZWQ', unit: 'I', pyradiomics: 'RootMeanSquared' },
  // PyRadiomics only (conventions.pyradiomicsFeatures): energy × voxel volume
  { name: 'total_energy', ibsiCode: '', unit: 'I²·mm³', pyradiomics: 'TotalEnergy', pyradiomicsOnly: true },
];

export function computeIntensityStatistics(ctx: RoiContext): FamilyValues {
  const values = ctx.intensities();
  // descriptive reads a few order statistics only: no full sort unless another family made one
  const d = descriptive(values, ctx.orderedIntensities());
  const c = ctx.settings.conventions ?? {};
  // PyRadiomics reports kurtosis m4/m2² without the −3 (firstorder.getKurtosisFeatureValue)
  if (c.kurtosis === 'pearson' && d.variance !== 0) d.kurtosis! += 3;
  const shift = c.voxelArrayShift ?? 0;
  if (shift !== 0) {
    // PyRadiomics voxelArrayShift: energy and RMS of X + c (keeps them positive for CT's negative HU)
    let e = 0;
    for (let i = 0; i < values.length; i++) e += (values[i]! + shift) ** 2;
    d.energy = e;
    d.root_mean_square = Math.sqrt(e / values.length);
  }
  const out: FamilyValues = {};
  for (const f of FEATURES) if (f.name !== 'total_energy') out[f.name] = d[f.name]!;
  if (c.pyradiomicsFeatures) {
    const sp = ctx.roi.spacing;
    out.total_energy = d.energy! * sp[0] * sp[1] * sp[2];
  }
  return out;
}

/** This family's entry in the family registry (src/features/families.ts); IBSI 1 §3.3. */
export const INTENSITY_STATISTICS_FAMILY = defineFamily({ family: 'intensity_statistics', title: 'intensity statistics (first order)', kind: 'roi', features: FEATURES, pyradiomicsClass: 'firstorder', compute: computeIntensityStatistics });
