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
  const slices = roiSlices(v);
  // grid[s][d]: matrix of slice s, direction d (null when empty).
  const grid = slices.map((z) => dirs.map((d) => fam.build(d, z)));
  const values: FamilyValues[] = [];
  if (!plan.mergeSlices && !plan.mergeDirections) {
    for (const row of grid) for (const m of row) if (m) values.push(fam.features(m));
  } else if (!plan.mergeSlices) {
    for (const row of grid) {
      const ms = row.filter(keep);
      if (ms.length) values.push(fam.features(fam.merge(ms)));
    }
  } else if (!plan.mergeDirections) {
    for (let d = 0; d < dirs.length; d++) {
      const ms = grid.map((row) => row[d]!).filter(keep);
      if (ms.length) values.push(fam.features(fam.merge(ms)));
    }
  } else {
    const ms = grid.flat().filter(keep);
    if (ms.length) values.push(fam.features(fam.merge(ms)));
  }
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
  const ms = roiSlices(v).map((z) => fam.build(z)).filter((m): m is M => m !== null);
  if (ms.length === 0) return nanValues(fam.names);
  if (plan === '2.5D') return fam.features(fam.merge(ms));
  return averageValues(ms.map((m) => fam.features(m)));
}
