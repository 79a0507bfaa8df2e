/** Laplacian of Gaussian (IBSI 2 §2.5; math in ../log.ts). */
import { defineFilter } from '../filter.ts';
import { logFilter } from '../log.ts';
import { DEFAULT_BOUNDARY } from '../settings-fields.ts';
import { effectiveDims } from '../volume.ts';
import { DEFAULT_TRUNCATE, GAUSSIAN_SCALE_SETTINGS, gaussianScaleName, gaussianScaleReachMm, validateGaussianScale, type GaussianScale } from './gaussian-scale.ts';

export interface LogSpec extends GaussianScale { type: 'log' }

export const LOG_FILTER = defineFilter<LogSpec>({
  type: 'log',
  title: 'Laplacian of Gaussian (LoG)',
  ibsi2: true,
  boundaryDefault: true,
  examples: [{ type: 'log', sigmaMm: 2 }, { type: 'log', sigmaMm: 1.5, truncate: 3, dims: '2D', boundary: 'periodic' }],
  settings: GAUSSIAN_SCALE_SETTINGS,
  validate: validateGaussianScale,
  name: (spec) => gaussianScaleName('log', spec),
  reachMm: gaussianScaleReachMm,
  apply: (data, { size, spacing }, spec, region) =>
    logFilter(data, size, spacing, spec.sigmaMm, spec.truncate ?? DEFAULT_TRUNCATE, effectiveDims(size, spec.dims), spec.boundary ?? DEFAULT_BOUNDARY, region),
});
