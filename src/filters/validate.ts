/**
 * Settings checks and the reach of each filter. `validateFilterSpec` throws BAD_SETTINGS with a
 * message naming the parameter, before any pixel is touched (settings files are validated when
 * read). `filterReachMm` says how far (mm) a filtered value depends on other pixels, so that a
 * caller may crop around the ROI with that margin and get the same values as on the whole image;
 * Infinity marks filters that depend on the whole image (Simoncelli: Fourier domain; the
 * PyRadiomics transforms: scaled by the image maximum; Gabor with a whole-plane kernel).
 * The per-filter rules are in each filter's file (registered/); the shared keys are checked here.
 */
import { SonomicsError } from '../core/errors.ts';
import type { Vec3 } from '../image/image.ts';
import { BOUNDARY_MODES } from './boundary.ts';
import { FILTER_TYPES, filterOf, type FilterSpec } from './registry.ts';

export function validateFilterSpec(spec: FilterSpec): void {
  if (!spec || typeof spec !== 'object' || typeof (spec as { type?: unknown }).type !== 'string') {
    throw new SonomicsError('BAD_SETTINGS', `a filter must be an object with a 'type' (${FILTER_TYPES.join(', ')})`);
  }
  const bad = (what: string): never => {
    throw new SonomicsError('BAD_SETTINGS', `filter ${JSON.stringify(spec)}: ${what}`);
  };
  const def = filterOf(spec);
  const s = spec as FilterSpec & { boundary?: unknown; dims?: unknown; pooling?: unknown };
  if (s.boundary !== undefined && !BOUNDARY_MODES.includes(s.boundary as never)) bad(`boundary must be one of ${BOUNDARY_MODES.join(', ')}`);
  if (s.dims !== undefined && s.dims !== '2D' && s.dims !== '3D') bad(`dims must be '2D' or '3D'`);
  if (s.pooling !== undefined && !['mean', 'max', 'min'].includes(s.pooling as string)) bad(`pooling must be mean, max or min`);
  def.validate(spec, bad);
}

/** How far (mm) the filtered value at a voxel depends on other voxels; Infinity = whole image. */
export function filterReachMm(spec: FilterSpec, spacing: Vec3): number {
  return filterOf(spec).reachMm(spec, spacing);
}
