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

export type { Dims, Pooling };

export const positive = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x > 0;
