/**
 * Settings keys several filters share, as schema fields and as spec types, so that `sigmaMm`,
 * `boundary`, `dims` … mean the same and read the same in every filter's docs row.
 */
import { s, type Field } from '../core/schema.ts';
import { BOUNDARY_MODES, type BoundaryMode } from './boundary.ts';
import type { Pooling } from './rotations.ts';
import type { Dims } from './volume.ts';

/** IBSI 2 recommends mirror padding for radiomics (reference manual §2.3). */
export const DEFAULT_BOUNDARY: BoundaryMode = 'mirror';

export interface BoundarySetting {
  /** Boundary condition; default 'mirror' (IBSI 2 recommendation for radiomics). */
  boundary?: BoundaryMode;
}

export const boundaryField: Record<string, Field> = {
  boundary: s.field(s.oneOf(BOUNDARY_MODES), 'boundary condition (IBSI 2)', { docDefault: '`mirror`' }),
};
export const dimsField = s.field(s.oneOf(['2D', '3D']), 'filter in-plane (2D) or volumetrically (3D)', { docDefault: '`3D`' });
export const poolingField = s.field(s.oneOf(['mean', 'max', 'min']), 'pooling over rotations');
export const rotationInvariantField = s.field(s.bool(), 'pool the responses over rotations', { docDefault: '`false`' });
export const sigmaMmField = s.field(s.num({ gt: 0 }), 'Gaussian scale σ in mm', { required: true });
export const truncateField = s.field(s.num({ gt: 0 }), 'kernel half-width in σ', { docDefault: '`4`' });

/**
 * Whose definition of a filter computes: 'ibsi' (IBSI 2, the default) or 'pyradiomics' (what
 * PyRadiomics 3 computes for its image type, e.g. ITK's recursive Gaussian LoG or pywt's
 * stationary wavelet; docs/pyradiomics.md). A PyRadiomics parameter file sets it.
 */
export type FilterConvention = 'ibsi' | 'pyradiomics';
export interface ConventionSetting { convention?: FilterConvention }
export const conventionField = s.field(s.oneOf(['ibsi', 'pyradiomics']), "whose definition: IBSI 2 or PyRadiomics' (docs/pyradiomics.md)", { docDefault: '`ibsi`' });

/** Refuses settings a PyRadiomics-convention spec has no use for, naming them. */
export function refuseWithPyradiomics(spec: object, keys: string[], bad: (what: string) => never): void {
  const set = keys.filter((k) => (spec as Record<string, unknown>)[k] !== undefined);
  if (set.length) bad(`${set.join(', ')} cannot be combined with convention 'pyradiomics' (PyRadiomics has no such setting); remove ${set.length > 1 ? 'them' : 'it'} or use convention 'ibsi'`);
}

export type { Dims, Pooling };

export const positive = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x > 0;
