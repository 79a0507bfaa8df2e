/** The image itself, unfiltered. */
import { s } from '../../core/schema.ts';
import { defineFilter } from '../filter.ts';

export interface OriginalSpec { type: 'original' }

export const ORIGINAL_FILTER = defineFilter<OriginalSpec>({
  type: 'original',
  title: 'original image',
  ibsi2: true, // the unfiltered image is what IBSI 1 covers
  boundaryDefault: false,
  examples: [{ type: 'original' }],
  settings: s.obj({}),
  validate: () => {},
  name: () => 'original',
  reachMm: () => 0,
  pyradiomicsName: () => 'original',
  apply: (data) => data,
});
