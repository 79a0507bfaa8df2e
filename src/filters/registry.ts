/**
 * The one registry of filters. Each file in registered/ exports its definition (filter.ts is the
 * contract); everything that needs the list of filters reads it from here: the FilterSpec type,
 * the settings schema and its docs table, validation, the reach, the image names, applyFilter and
 * the methods text. Adding a filter = its file + one line below (docs/architecture.md).
 * The order is the order of the settings docs' table.
 */
import { SonomicsError } from '../core/errors.ts';
import type { FilterDef, SpecOf } from './filter.ts';
import { EXPONENTIAL_FILTER } from './registered/exponential.ts';
import { GABOR_FILTER } from './registered/gabor.ts';
import { GAUSSIAN_FILTER } from './registered/gaussian.ts';
import { GRADIENT_FILTER } from './registered/gradient.ts';
import { LAWS_FILTER } from './registered/laws.ts';
import { LBP2D_FILTER } from './registered/lbp2d.ts';
import { LOG_FILTER } from './registered/log.ts';
import { LOGARITHM_FILTER } from './registered/logarithm.ts';
import { MEAN_FILTER } from './registered/mean.ts';
import { ORIGINAL_FILTER } from './registered/original.ts';
import { SIMONCELLI_FILTER } from './registered/simoncelli.ts';
import { SQUARE_FILTER } from './registered/square.ts';
import { SQUAREROOT_FILTER } from './registered/squareroot.ts';
import { WAVELET_FILTER } from './registered/wavelet.ts';

const REGISTERED = [
  ORIGINAL_FILTER,
  MEAN_FILTER,
  GAUSSIAN_FILTER,
  LOG_FILTER,
  LAWS_FILTER,
  GABOR_FILTER,
  WAVELET_FILTER,
  SIMONCELLI_FILTER,
  SQUARE_FILTER,
  SQUAREROOT_FILTER,
  LOGARITHM_FILTER,
  EXPONENTIAL_FILTER,
  GRADIENT_FILTER,
  LBP2D_FILTER,
] as const;

/** One filter's settings (an entry of the extraction settings' `images`), tagged by `type`. */
export type FilterSpec = SpecOf<(typeof REGISTERED)[number]>;

/** A registered filter's type ('original', 'log', 'wavelet', …). */
export type FilterType = FilterSpec['type'];

// Each definition takes only its own spec. Looked up by a spec's type (filterOf), it is only
// ever called with that spec, which the union-of-definitions type cannot express: hence the cast.
type AnyFilterDef = FilterDef<FilterSpec>;

/** The registered filters, in registry order. */
export const FILTERS: readonly AnyFilterDef[] = REGISTERED as unknown as readonly AnyFilterDef[];

/** Every registered filter type, in registry order. */
export const FILTER_TYPES: readonly FilterType[] = FILTERS.map((f) => f.type);

const BY_TYPE = new Map<string, AnyFilterDef>(FILTERS.map((f) => [f.type, f]));

/** The registered filter for `type`, or undefined. */
export function findFilter(type: string): AnyFilterDef | undefined {
  return BY_TYPE.get(type);
}

/** The registered filter of a spec; BAD_SETTINGS naming the spec and the registered types if none. */
export function filterOf(spec: { type: string }): AnyFilterDef {
  const def = BY_TYPE.get(spec.type);
  if (!def) {
    throw new SonomicsError('BAD_SETTINGS', `filter ${JSON.stringify(spec)}: unknown filter type '${spec.type}' (registered: ${FILTER_TYPES.join(', ')})`);
  }
  return def;
}
