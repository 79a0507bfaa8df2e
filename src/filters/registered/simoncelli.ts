/** Simoncelli (steerable-pyramid band-pass) wavelet in the Fourier domain (IBSI 2 §2.9; math in ../simoncelli.ts). */
import { s } from '../../core/schema.ts';
import { defineFilter } from '../filter.ts';
import { dimsSuffix } from '../name-parts.ts';
import { dimsField, type Dims } from '../settings-fields.ts';
import { simoncelliFilter } from '../simoncelli.ts';
import { effectiveDims } from '../volume.ts';

export interface SimoncelliSpec { type: 'simoncelli'; level?: number; dims?: Dims }

export const SIMONCELLI_FILTER = defineFilter<SimoncelliSpec>({
  type: 'simoncelli',
  title: 'Simoncelli wavelet',
  ibsi2: true,
  boundaryDefault: false, // the Fourier transform makes the image periodic
  examples: [{ type: 'simoncelli' }, { type: 'simoncelli', level: 2, dims: '2D' }],
  settings: s.obj({ level: s.field(s.int({ min: 1, max: 6 }), 'decomposition level', { docDefault: '`1`' }), dims: dimsField }),
  validate(spec, bad) {
    if (spec.level !== undefined && !(Number.isInteger(spec.level) && spec.level >= 1 && spec.level <= 6)) bad('level must be 1..6');
  },
  name: (spec) => `simoncelli-level${spec.level ?? 1}${dimsSuffix(spec.dims)}`,
  reachMm: () => Infinity, // Fourier domain: every voxel depends on the whole image
  apply: (data, { size }, spec) => simoncelliFilter(data, size, spec.level ?? 1, effectiveDims(size, spec.dims)),
});
