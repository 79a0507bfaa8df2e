/** Gaussian smoothing (math in ../log.ts). Not an IBSI 2 reference filter. */
import { defineFilter } from '../filter.ts';
import { gaussianFilter } from '../log.ts';
import { DEFAULT_BOUNDARY } from '../settings-fields.ts';
import { effectiveDims } from '../volume.ts';
import { DEFAULT_TRUNCATE, GAUSSIAN_SCALE_SETTINGS, gaussianScaleName, gaussianScaleReachMm, validateGaussianScale, type GaussianScale } from './gaussian-scale.ts';

export interface GaussianSpec extends GaussianScale { type: 'gaussian' }

export const GAUSSIAN_FILTER = defineFilter<GaussianSpec>({
  type: 'gaussian',
  title: 'Gaussian filter',
  ibsi2: false,
  boundaryDefault: true,
  examples: [{ type: 'gaussian', sigmaMm: 1.5 }, { type: 'gaussian', sigmaMm: 2, truncate: 3, dims: '2D', boundary: 'nearest' }],
  settings: GAUSSIAN_SCALE_SETTINGS,
  validate: validateGaussianScale,
  name: (spec) => gaussianScaleName('gaussian', spec),
  reachMm: gaussianScaleReachMm,
  apply: (data, { size, spacing }, spec) =>
    gaussianFilter(data, size, spacing, spec.sigmaMm, spec.truncate ?? DEFAULT_TRUNCATE, effectiveDims(size, spec.dims), spec.boundary ?? DEFAULT_BOUNDARY),
});
