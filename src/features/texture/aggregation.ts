/**
 * IBSI texture aggregation (IBSI 1 manual, arXiv:1612.07003, §3.6 "Aggregating features",
 * which §3.7–§3.11 refer back to):
 *  - 2D, averaged: one matrix per slice and direction, features averaged over all of them;
 *  - 2D, slice-merged: per slice the direction matrices are summed, features averaged over slices;
 *  - 2.5D, direction-merged: per direction the slice matrices are summed, features averaged over directions;
 *  - 2.5D, merged: all slice and direction matrices summed into one;
 *  - 3D, averaged / 3D, merged: 13 volumetric direction matrices, averaged or summed.
 * Families without directions (GLSZM, GLDZM, NGTDM, NGLDM) take 2D (per slice, averaged),
 * 2.5D (slice matrices summed) and 3D (one volumetric matrix).
 */
import { SonomicsError } from '../../core/errors.ts';
import type { FamilyValues, TextureAggregation } from '../types.ts';

export interface DirectionalPlan {
  volumetric: boolean;
  mergeDirections: boolean;
  mergeSlices: boolean;
}

export const DIRECTIONAL_AGGREGATIONS: readonly TextureAggregation[] = [
  '2D, averaged', '2D, slice-merged', '2.5D, direction-merged', '2.5D, merged', '3D, averaged', '3D, merged',
];
export const PLANAR_AGGREGATIONS: readonly TextureAggregation[] = ['2D', '2.5D', '3D'];

export function directionalPlan(family: string, aggregation: TextureAggregation): DirectionalPlan {
  switch (aggregation) {
    case '2D, averaged': return { volumetric: false, mergeDirections: false, mergeSlices: false };
    case '2D, slice-merged': return { volumetric: false, mergeDirections: true, mergeSlices: false };
    case '2.5D, direction-merged': return { volumetric: false, mergeDirections: false, mergeSlices: true };
    case '2.5D, merged': return { volumetric: false, mergeDirections: true, mergeSlices: true };
    case '3D, averaged': return { volumetric: true, mergeDirections: false, mergeSlices: false };
    case '3D, merged': return { volumetric: true, mergeDirections: true, mergeSlices: false };
    default:
      throw new SonomicsError('BAD_SETTINGS', `${family}: aggregation '${aggregation}' needs a direction treatment; use one of ${DIRECTIONAL_AGGREGATIONS.map((a) => `'${a}'`).join(', ')}`);
  }
}

export type PlanarPlan = '2D' | '2.5D' | '3D';

/**
 * Families without directions: '2D, averaged' and '2D, slice-merged' both mean per-slice
 * matrices (there is nothing to merge within a slice), '2.5D, …' the slice-merged matrix,
 * '3D, …' the volumetric one.
 */
export function planarPlan(aggregation: TextureAggregation): PlanarPlan {
  if (aggregation.startsWith('2.5D')) return '2.5D';
  if (aggregation.startsWith('2D')) return '2D';
  if (aggregation.startsWith('3D')) return '3D';
  throw new SonomicsError('BAD_SETTINGS', `texture aggregation '${aggregation}' is unknown; use '2D', '2.5D' or '3D'`);
}

/**
 * Mean of feature values over matrices (IBSI: features are averaged). NaN values (a feature
 * undefined for one matrix, e.g. correlation of a single-level slice) are left out of the
 * mean; a feature NaN everywhere stays NaN.
 */
export function averageValues(list: FamilyValues[]): FamilyValues {
  const out: FamilyValues = {};
  if (list.length === 0) return out;
  for (const key of Object.keys(list[0]!)) {
    let s = 0, n = 0;
    for (const v of list) {
      const x = v[key]!;
      if (!Number.isNaN(x)) { s += x; n++; }
    }
    out[key] = n > 0 ? s / n : NaN;
  }
  return out;
}

/** Feature values of a family whose ROI yields no matrix at all: every feature NaN. */
export function nanValues(names: readonly string[]): FamilyValues {
  const out: FamilyValues = {};
  for (const n of names) out[n] = NaN;
  return out;
}
