/**
 * Filter settings (plain JSON, part of the extraction settings) and the image names they
 * give in feature names (`{region}_{image}_{family}_{feature}`, e.g. `log-sigma-2mm`). Each
 * filter's keys and naming live in its file in registered/ (registry.ts lists them).
 */
import { filterOf, type FilterSpec } from './registry.ts';

export type { FilterSpec, FilterType } from './registry.ts';

/**
 * The image name used in feature names, e.g. `log-sigma-2mm`, `wavelet-coif1-LH`. Distinct
 * settings give distinct names: defaults are left out, anything else is spelled out
 * (`-2d`, `-bzero` for a non-mirror boundary, `-t3` for a non-default truncation, ...).
 */
export function filterName(spec: FilterSpec): string {
  return filterOf(spec).name(spec);
}
