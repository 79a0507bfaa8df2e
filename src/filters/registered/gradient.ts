/** Gradient magnitude as PyRadiomics' getGradientImage (math in ../gradient.ts). */
import { s } from '../../core/schema.ts';
import { defineFilter } from '../filter.ts';
import { gradientMagnitude } from '../gradient.ts';
import { dimsSuffix } from '../name-parts.ts';
import { dimsField, type Dims } from '../settings-fields.ts';
import { effectiveDims } from '../volume.ts';

export interface GradientSpec { type: 'gradient'; dims?: Dims }

export const GRADIENT_FILTER = defineFilter<GradientSpec>({
  type: 'gradient',
  title: 'gradient magnitude',
  ibsi2: false,
  boundaryDefault: false, // one-sided differences at the edge (zero flux), not a boundary setting
  examples: [{ type: 'gradient' }, { type: 'gradient', dims: '2D' }],
  settings: s.obj({ dims: dimsField }),
  validate: () => {},
  name: (spec) => `gradient${dimsSuffix(spec.dims)}`,
  reachMm: (_spec, spacing) => Math.max(...spacing),
  pyradiomicsName: () => 'gradient',
  apply: (data, { size, spacing }, spec, region) => gradientMagnitude(data, size, spacing, effectiveDims(size, spec.dims), region),
});
