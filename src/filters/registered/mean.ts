/** Mean filter over a cubic (3D) or square (2D) support (IBSI 2 §2.4; math in ../mean.ts). */
import { s } from '../../core/schema.ts';
import { defineFilter } from '../filter.ts';
import { meanFilter } from '../mean.ts';
import { boundarySuffix, dimsSuffix } from '../name-parts.ts';
import { boundaryField, DEFAULT_BOUNDARY, dimsField, type BoundarySetting, type Dims } from '../settings-fields.ts';
import { effectiveDims } from '../volume.ts';

export interface MeanSpec extends BoundarySetting { type: 'mean'; support: number; dims?: Dims }

export const MEAN_FILTER = defineFilter<MeanSpec>({
  type: 'mean',
  title: 'mean filter',
  ibsi2: true,
  boundaryDefault: true,
  examples: [{ type: 'mean', support: 5 }, { type: 'mean', support: 3, dims: '2D', boundary: 'zero' }],
  settings: s.obj({ support: s.field(s.int({ min: 1 }), 'odd support in voxels, e.g. 5', { required: true }), dims: dimsField, ...boundaryField }),
  validate(spec, bad) {
    if (!(Number.isInteger(spec.support) && spec.support >= 1 && spec.support % 2 === 1)) bad('support must be an odd whole number of voxels, e.g. 5');
  },
  name: (spec) => `mean-${spec.support}${dimsSuffix(spec.dims)}${boundarySuffix(spec)}`,
  reachMm: (spec, spacing) => ((spec.support - 1) / 2) * Math.max(...spacing),
  apply: (data, image, spec) => meanFilter(data, image.size, spec.support, effectiveDims(image.size, spec.dims), spec.boundary ?? DEFAULT_BOUNDARY),
});
