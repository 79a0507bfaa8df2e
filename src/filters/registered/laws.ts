/** Laws kernels, optionally rotation-invariant and as energy maps (IBSI 2 §2.7; math in ../laws.ts). */
import { s } from '../../core/schema.ts';
import { defineFilter } from '../filter.ts';
import { lawsFilter, lawsKernels } from '../laws.ts';
import { boundarySuffix } from '../name-parts.ts';
import { boundaryField, DEFAULT_BOUNDARY, poolingField, rotationInvariantField, type BoundarySetting, type Pooling } from '../settings-fields.ts';

export interface LawsSpec extends BoundarySetting {
  type: 'laws';
  /** One kernel per axis, x first: "L5E5" (2D) or "E5L5S5" (3D). */
  kernels: string;
  rotationInvariant?: boolean;
  pooling?: Pooling;
  /** Energy map half-width δ in voxels (omit for the plain response). */
  energyDelta?: number;
}

/** The energy window most IBSI 2 tests use; left out of the image name. */
const DEFAULT_ENERGY_DELTA = 7;

export const LAWS_FILTER = defineFilter<LawsSpec>({
  type: 'laws',
  title: 'Laws kernels',
  ibsi2: true,
  boundaryDefault: true,
  examples: [{ type: 'laws', kernels: 'L5E5S5' }, { type: 'laws', kernels: 'E5W5', rotationInvariant: true, pooling: 'mean', energyDelta: 2, boundary: 'zero' }],
  settings: s.obj({
    kernels: s.field(s.str(), "one kernel per axis, x first: 'L5E5' (2D) or 'E5L5S5' (3D)", { required: true }),
    rotationInvariant: rotationInvariantField,
    pooling: poolingField,
    energyDelta: s.field(s.int({ min: 0 }), 'energy map half-width δ in voxels (omit for the plain response)'),
    ...boundaryField,
  }),
  validate(spec, bad) {
    if (typeof spec.kernels !== 'string') bad(`kernels must be a string such as 'L5E5' or 'E5L5S5'`);
    lawsKernels(spec.kernels);
    if (spec.energyDelta !== undefined && !(Number.isInteger(spec.energyDelta) && spec.energyDelta >= 0)) bad('energyDelta must be a whole number of voxels ≥ 0');
  },
  name(spec) {
    let n = `laws-${spec.kernels.toUpperCase()}`;
    if (spec.rotationInvariant) n += `-ri${spec.pooling ?? 'max'}`;
    if (spec.energyDelta !== undefined) n += `-energy${spec.energyDelta === DEFAULT_ENERGY_DELTA ? '' : `-delta${spec.energyDelta}`}`;
    return n + boundarySuffix(spec);
  },
  reachMm(spec, spacing) {
    const half = Math.max(...lawsKernels(spec.kernels).map((k) => (k.length - 1) / 2));
    return (half + (spec.energyDelta ?? 0)) * Math.max(...spacing);
  },
  apply: (data, { size }, spec) =>
    lawsFilter(data, size, {
      kernels: spec.kernels,
      rotationInvariant: spec.rotationInvariant ?? false,
      pooling: spec.pooling ?? 'max',
      energyDelta: spec.energyDelta ?? null,
      mode: spec.boundary ?? DEFAULT_BOUNDARY,
    }),
});
