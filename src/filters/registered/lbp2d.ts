/** 2D uniform local binary patterns as PyRadiomics' getLBP2DImage (math in ../lbp.ts). */
import { s } from '../../core/schema.ts';
import { defineFilter } from '../filter.ts';
import { lbp2d } from '../lbp.ts';
import { num } from '../name-parts.ts';
import { positive } from '../settings-fields.ts';

export interface Lbp2dSpec { type: 'lbp2d'; radius?: number; samples?: number }

const DEFAULT_RADIUS = 1, DEFAULT_SAMPLES = 8;

export const LBP2D_FILTER = defineFilter<Lbp2dSpec>({
  type: 'lbp2d',
  title: '2D local binary pattern',
  ibsi2: false,
  boundaryDefault: false, // samples outside the image read zero
  examples: [{ type: 'lbp2d' }, { type: 'lbp2d', radius: 2, samples: 16 }],
  settings: s.obj({
    radius: s.field(s.num({ gt: 0 }), 'radius in pixels', { docDefault: '`1`' }),
    samples: s.field(s.int({ min: 2, max: 32 }), 'number of samples on the circle', { docDefault: '`8`' }),
  }),
  validate(spec, bad) {
    if (spec.radius !== undefined && !positive(spec.radius)) bad('radius must be > 0 (pixels)');
    if (spec.samples !== undefined && !(Number.isInteger(spec.samples) && spec.samples >= 2 && spec.samples <= 32)) bad('samples must be a whole number 2..32');
  },
  name(spec) {
    const r = spec.radius !== undefined && spec.radius !== DEFAULT_RADIUS ? `-r${num(spec.radius)}` : '';
    const p = spec.samples !== undefined && spec.samples !== DEFAULT_SAMPLES ? `-p${spec.samples}` : '';
    return `lbp-2d${r}${p}`;
  },
  // Bilinear samples on the circle read the pixels around radius R, rounded up, plus one.
  reachMm: (spec, spacing) => (Math.ceil(spec.radius ?? DEFAULT_RADIUS) + 1) * Math.max(...spacing),
  pyradiomicsName: () => 'lbp-2D',
  apply: (data, { size }, spec) => lbp2d(data, size, spec.radius ?? DEFAULT_RADIUS, spec.samples ?? DEFAULT_SAMPLES),
});
