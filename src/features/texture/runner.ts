/**
 * Drives one family through an IBSI aggregation: builds the per-slice / per-direction (or
 * volumetric) matrices, merges them as the aggregation says and averages the features.
 */
import { averageValues, nanValues, type DirectionalPlan, type PlanarPlan } from './aggregation.ts';
import type { Direction } from './directions.ts';
import { sliceVoxelCount, type TextureVolume } from './volume.ts';
import type { FamilyValues } from '../types.ts';

/** Slices (z indices of the working volume) that hold at least one ROI voxel. */
export function roiSlices(v: TextureVolume): number[] {
  const out: number[] = [];
  for (let z = 0; z < v.Z; z++) if (sliceVoxelCount(v, z) > 0) out.push(z);
  return out;
}

export interface DirectionalFamily<M> {
  /** Matrix of one direction in slice z (z = -1: whole volume); null when it counts nothing. */
  build(d: Direction, z: number): M | null;
  merge(list: M[]): M;
  features(m: M): FamilyValues;
  names: readonly string[];
}

export function runDirectional<M>(v: TextureVolume, plan: DirectionalPlan, dirs: readonly Direction[], fam: DirectionalFamily<M>): FamilyValues {
  const keep = (m: M | null): m is M => m !== null;
  if (plan.volumetric) {
    const ms = dirs.map((d) => fam.build(d, -1)).filter(keep);
    if (ms.length === 0) return nanValues(fam.names);
    return plan.mergeDirections ? fam.features(fam.merge(ms)) : averageValues(ms.map((m) => fam.features(m)));
  }
  // Matrices are consumed slice by slice (features or running sums), so memory stays at one
  // slice's matrices plus the running sums, whatever the number of slices or grey levels.
  const values: FamilyValues[] = [];
  const sums: (M | null)[] = dirs.map(() => null);
  let total: M | null = null;
  const add = (acc: M | null, m: M): M => (acc === null ? m : fam.merge([acc, m]));
  for (const z of roiSlices(v)) {
    const row = dirs.map((d) => fam.build(d, z));
    if (!plan.mergeSlices && !plan.mergeDirections) {
      for (const m of row) if (m) values.push(fam.features(m));
    } else if (!plan.mergeSlices) {
      const ms = row.filter(keep);
      if (ms.length) values.push(fam.features(fam.merge(ms)));
    } else if (!plan.mergeDirections) {
      row.forEach((m, d) => { if (m) sums[d] = add(sums[d] ?? null, m); });
    } else {
      for (const m of row) if (m) total = add(total, m);
    }
  }
  if (plan.mergeSlices && !plan.mergeDirections) for (const m of sums) if (m) values.push(fam.features(m));
  if (plan.mergeSlices && plan.mergeDirections && total !== null) values.push(fam.features(total));
  return values.length ? averageValues(values) : nanValues(fam.names);
}

export interface PlanarFamily<M> {
  /** Matrix of slice z (z = -1: whole volume); null when it counts nothing. */
  build(z: number): M | null;
  merge(list: M[]): M;
  features(m: M): FamilyValues;
  names: readonly string[];
}

export function runPlanar<M>(v: TextureVolume, plan: PlanarPlan, fam: PlanarFamily<M>): FamilyValues {
  if (plan === '3D') {
    const m = fam.build(-1);
    return m ? fam.features(m) : nanValues(fam.names);
  }
  const values: FamilyValues[] = [];
  let total: M | null = null;
  for (const z of roiSlices(v)) {
    const m = fam.build(z);
    if (m === null) continue;
    if (plan === '2.5D') total = total === null ? m : fam.merge([total, m]);
    else values.push(fam.features(m));
  }
  if (total !== null) values.push(fam.features(total));
  return values.length ? averageValues(values) : nanValues(fam.names);
}
