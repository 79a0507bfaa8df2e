/**
 * Laplacian of Gaussian: IBSI 2 §2.5 (math in ../log.ts), or with convention 'pyradiomics' as
 * PyRadiomics' getLoGImage computes it — ITK's recursive Gaussian Laplacian normalised by σ²
 * over the whole image (math in ../log-itk.ts; 2D on a one-slice image, else 3D).
 */
import { s } from '../../core/schema.ts';
import { defineFilter } from '../filter.ts';
import { logFilter } from '../log.ts';
import { logLikePyradiomics } from '../log-itk.ts';
import { pyFloat } from '../name-parts.ts';
import { boundaryField, conventionField, DEFAULT_BOUNDARY, dimsField, refuseWithPyradiomics, sigmaMmField, truncateField, type ConventionSetting } from '../settings-fields.ts';
import { effectiveDims } from '../volume.ts';
import { DEFAULT_TRUNCATE, gaussianScaleName, gaussianScaleReachMm, validateGaussianScale, type GaussianScale } from './gaussian-scale.ts';

export interface LogSpec extends GaussianScale, ConventionSetting { type: 'log' }

export const LOG_FILTER = defineFilter<LogSpec>({
  type: 'log',
  title: 'Laplacian of Gaussian (LoG)',
  ibsi2: true,
  boundaryDefault: true,
  examples: [{ type: 'log', sigmaMm: 2 }, { type: 'log', sigmaMm: 1.5, truncate: 3, dims: '2D', boundary: 'periodic' }, { type: 'log', sigmaMm: 2, convention: 'pyradiomics' }],
  settings: s.obj({ sigmaMm: sigmaMmField, truncate: truncateField, dims: dimsField, ...boundaryField, convention: conventionField }),
  validate(spec, bad) {
    validateGaussianScale(spec, bad);
    // ITK's recursive filter has no truncation or boundary choice; its dimension is the image's
    if (spec.convention === 'pyradiomics') refuseWithPyradiomics(spec, ['truncate', 'dims', 'boundary'], bad);
  },
  name: (spec) => gaussianScaleName('log', spec) + (spec.convention === 'pyradiomics' ? '-pyradiomics' : ''),
  // the recursive filter's response never ends: PyRadiomics filters the whole image
  reachMm: (spec, spacing) => (spec.convention === 'pyradiomics' ? Infinity : gaussianScaleReachMm(spec, spacing)),
  // PyRadiomics writes '-3D' whatever the image's dimension (imageoperations.getLoGImage)
  pyradiomicsName: (spec) => `log-sigma-${pyFloat(spec.sigmaMm)}-mm-3D`,
  apply: (data, { size, spacing }, spec, region) =>
    spec.convention === 'pyradiomics'
      ? logLikePyradiomics(data, size, spacing, spec.sigmaMm, region)
      : logFilter(data, size, spacing, spec.sigmaMm, spec.truncate ?? DEFAULT_TRUNCATE, effectiveDims(size, spec.dims), spec.boundary ?? DEFAULT_BOUNDARY, region),
});
