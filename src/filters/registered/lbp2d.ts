/** 2D local binary patterns as PyRadiomics' getLBP2DImage (scikit-image's; math in ../lbp.ts). */
import { s } from '../../core/schema.ts';
import { defineFilter } from '../filter.ts';
import { LBP_METHODS, lbp2d, type LbpMethod } from '../lbp.ts';
import { num } from '../name-parts.ts';
import { positive } from '../settings-fields.ts';

export interface Lbp2dSpec { type: 'lbp2d'; radius?: number; samples?: number; method?: LbpMethod }

const DEFAULT_RADIUS = 1, DEFAULT_SAMPLES = 8, DEFAULT_METHOD: LbpMethod = 'uniform';
// default/ror codes reach 2^samples − 1 and must stay whole numbers in float32 images
const MAX_SAMPLES_BINARY = 24;

export const LBP2D_FILTER = defineFilter<Lbp2dSpec>({
  type: 'lbp2d',
  title: '2D local binary pattern',
  ibsi2: false,
  boundaryDefault: false, // samples outside the image read zero
  examples: [{ type: 'lbp2d' }, { type: 'lbp2d', radius: 2, samples: 16 }, { type: 'lbp2d', method: 'nri_uniform' }],
  settings: s.obj({
    radius: s.field(s.num({ gt: 0 }), 'radius in pixels', { docDefault: '`1`' }),
    samples: s.field(s.int({ min: 2, max: 32 }), 'number of samples on the circle', { docDefault: '`8`' }),
    method: s.field(s.oneOf([...LBP_METHODS]), "scikit-image's method: uniform (0..P+1), nri_uniform, default (Σ bit·2^p) or ror (rotation-invariant default)", { docDefault: '`uniform`' }),
  }),
  validate(spec, bad) {
    if (spec.radius !== undefined && !positive(spec.radius)) bad('radius must be > 0 (pixels)');
    if (spec.samples !== undefined && !(Number.isInteger(spec.samples) && spec.samples >= 2 && spec.samples <= 32)) bad('samples must be a whole number 2..32');
    if (spec.method !== undefined && !LBP_METHODS.includes(spec.method)) bad(`method '${String(spec.method)}' is unknown (${LBP_METHODS.join(', ')})`);
    const binary = spec.method === 'default' || spec.method === 'ror';
    if (binary && (spec.samples ?? DEFAULT_SAMPLES) > MAX_SAMPLES_BINARY) {
      bad(`method ${spec.method} with ${spec.samples} samples: codes up to 2^${spec.samples} − 1 are not exact in float32 images; use samples ≤ ${MAX_SAMPLES_BINARY}`);
    }
  },
  name(spec) {
    const r = spec.radius !== undefined && spec.radius !== DEFAULT_RADIUS ? `-r${num(spec.radius)}` : '';
    const p = spec.samples !== undefined && spec.samples !== DEFAULT_SAMPLES ? `-p${spec.samples}` : '';
    const m = spec.method !== undefined && spec.method !== DEFAULT_METHOD ? `-${spec.method.replace('_', '')}` : '';
    return `lbp-2d${r}${p}${m}`;
  },
  // Bilinear samples on the circle read the pixels around radius R, rounded up, plus one.
  reachMm: (spec, spacing) => (Math.ceil(spec.radius ?? DEFAULT_RADIUS) + 1) * Math.max(...spacing),
  pyradiomicsName: () => 'lbp-2D',
  apply: (data, { size }, spec) => lbp2d(data, size, spec.radius ?? DEFAULT_RADIUS, spec.samples ?? DEFAULT_SAMPLES, spec.method ?? DEFAULT_METHOD),
});
