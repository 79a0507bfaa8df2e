/**
 * Neighbourhood grey tone difference matrix (NGTDM) features, IBSI 1 manual §3.10 (family
 * code IPET). Neighbourhood: voxels within Chebyshev distance δ (in-plane for 2D), only ROI
 * voxels count, the centre is excluded. Voxels without any ROI neighbour contribute to
 * neither s_i nor n_i (IBSI 1 §3.10: only voxels with a valid neighbourhood are counted).
 */
import { planarPlan } from './aggregation.ts';
import { flatOffsets, neighbourhoodOffsets } from './directions.ts';
import { neighbourReach, shellNeighbours, textureDistance, textureShells } from './options.ts';
import { runPlanar } from './runner.ts';
import { cachedTextureVolume, roiBox, roiRange, type TextureVolume } from './volume.ts';
import type { DiscretisedRoi, FamilyValues, FeatureDef, TextureAggregation, TextureOptions } from '../types.ts';
import { defineFamily } from '../family.ts';
import { textureArena } from './kernels.ts';

export const FEATURES: FeatureDef[] = [
  { name: 'coarseness', ibsiCode: 'QCDE', unit: '', pyradiomics: 'Coarseness' },
  { name: 'contrast', ibsiCode: '65HE', unit: '', pyradiomics: 'Contrast' },
  { name: 'busyness', ibsiCode: 'NQ30', unit: '', pyradiomics: 'Busyness' },
  { name: 'complexity', ibsiCode: 'HDEZ', unit: '', pyradiomics: 'Complexity' },
  { name: 'strength', ibsiCode: '1X9X', unit: '', pyradiomics: 'Strength' },
];
const NAMES = FEATURES.map((f) => f.name);

/** s_i (sum of |i − neighbourhood mean|) and n_i (voxel count) per grey level i = index + 1. */
export interface Ngtdm {
  s: Float64Array;
  n: Float64Array;
}

export function ngtdmMatrix(v: TextureVolume, distance: number, volumetric: boolean, z: number, countIsolated = false, shellOffsets?: Int32Array): Ngtdm | null {
  // shellOffsets: PyRadiomics distances' neighbourhood (flat offsets; a repeated shell counts twice)
  const offs = shellOffsets ?? neighbourhoodOffsets(distance, volumetric, v.X, v.Y);
  const s = new Float64Array(v.nLevels), n = new Float64Array(v.nLevels);
  const [start, end] = roiRange(v, z);
  // PyRadiomics' C code (calculate_ngtdm) counts a voxel without ROI neighbours with s = 0: the
  // same pass counts it (a second pass over the ROI cost as much as the first).
  const isolated = countIsolated ? 1 : 0;
  const any = accumulateWasm(v, offs, start, end, s, n, isolated) ?? (offs.length === 8 ? accumulate8(v, offs, start, end, s, n, isolated) : accumulate(v, offs, start, end, s, n, isolated));
  if (countIsolated) return end > start ? { s, n } : null;
  return any ? { s, n } : null;
}

// Levels outside the ROI are 0: adding them to the neighbourhood sum changes nothing, and counting
// b > 0 as a number instead of branching on it avoids mispredictions at the ROI border. The sums
// are integers, so their order does not matter. `isolated` (0 or 1) is what a voxel without ROI
// neighbours adds to n_i.

/** accumulate by the WebAssembly kernel (assembly/texture.ts ngtdmAccumulate) into s and n; null without the kernels or memory. */
function accumulateWasm(v: TextureVolume, offsets: Int32Array, start: number, end: number, s: Float64Array, n: Float64Array, isolated: number): boolean | null {
  const arena = textureArena();
  if (arena === null) return null;
  arena.forVolume(v);
  const lv = arena.place(v.levels), idx = arena.place(v.roiIndex);
  if (lv < 0 || idx < 0) return null;
  const mark = arena.mark(), ng = s.length;
  const offs = arena.alloc(4 * offsets.length), sn = arena.alloc(16 * ng);
  if (offs < 0 || sn < 0) { arena.release(mark); return null; }
  arena.i32(offs, offsets.length).set(offsets);
  const out = arena.f64(sn, 2 * ng);
  out.fill(0);
  const any = arena.k.ngtdmAccumulate(lv, idx, offs, offsets.length, start, end, sn, sn + 8 * ng, isolated) === 1;
  s.set(out.subarray(0, ng));
  n.set(out.subarray(ng));
  arena.release(mark);
  return any;
}

function accumulate(v: TextureVolume, offs: Int32Array, start: number, end: number, s: Float64Array, n: Float64Array, isolated: number): boolean {
  const lv = v.levels, idx = v.roiIndex;
  let any = false;
  for (let q = start; q < end; q++) {
    const i = idx[q]!;
    const a = lv[i]!;
    let sum = 0, w = 0;
    for (let k = 0; k < offs.length; k++) {
      const b = lv[i + offs[k]!]!;
      sum += b;
      w += +(b > 0);
    }
    if (w === 0) { n[a - 1] += isolated; continue; }
    s[a - 1] += Math.abs(a - sum / w);
    n[a - 1]++;
    any = true;
  }
  return any;
}

/** The 8 in-plane neighbours of δ = 1 (the usual 2D case), unrolled. */
function accumulate8(v: TextureVolume, o: Int32Array, start: number, end: number, s: Float64Array, n: Float64Array, isolated: number): boolean {
  const lv = v.levels, idx = v.roiIndex;
  const o0 = o[0]!, o1 = o[1]!, o2 = o[2]!, o3 = o[3]!, o4 = o[4]!, o5 = o[5]!, o6 = o[6]!, o7 = o[7]!;
  let any = false;
  for (let q = start; q < end; q++) {
    const i = idx[q]!;
    const a = lv[i]!;
    const b0 = lv[i + o0]!, b1 = lv[i + o1]!, b2 = lv[i + o2]!, b3 = lv[i + o3]!, b4 = lv[i + o4]!, b5 = lv[i + o5]!, b6 = lv[i + o6]!, b7 = lv[i + o7]!;
    const sum = b0 + b1 + b2 + b3 + b4 + b5 + b6 + b7;
    const w = +(b0 > 0) + +(b1 > 0) + +(b2 > 0) + +(b3 > 0) + +(b4 > 0) + +(b5 > 0) + +(b6 > 0) + +(b7 > 0);
    if (w === 0) { n[a - 1] += isolated; continue; }
    s[a - 1] += Math.abs(a - sum / w);
    n[a - 1]++;
    any = true;
  }
  return any;
}

export function mergeNgtdm(list: Ngtdm[]): Ngtdm {
  const s = new Float64Array(list[0]!.s.length), n = new Float64Array(s.length);
  for (const m of list) for (let k = 0; k < s.length; k++) { s[k] += m.s[k]!; n[k] += m.n[k]!; }
  return { s, n };
}

/** IBSI 1 §3.10.1–3.10.5: by the WebAssembly kernel (assembly/texture.ts ngtdmFeatures) when there is one, else here. */
export function ngtdmFeatures(m: Ngtdm): FamilyValues {
  return ngtdmFeaturesWasm(m) ?? ngtdmFeaturesJs(m);
}

function ngtdmFeaturesWasm(m: Ngtdm): FamilyValues | null {
  const arena = textureArena();
  if (arena === null) return null;
  const ng = m.s.length, mark = arena.mark();
  const sn = arena.alloc(16 * ng), out = arena.alloc(8 * 5), scratch = arena.alloc(24 * ng);
  if (sn < 0 || out < 0 || scratch < 0) { arena.release(mark); return null; }
  const input = arena.f64(sn, 2 * ng);
  input.set(m.s);
  input.set(m.n, ng);
  arena.k.ngtdmFeatures(sn, sn + 8 * ng, ng, out, scratch);
  const f = arena.f64(out, 5);
  arena.release(mark);
  return { coarseness: f[0]!, contrast: f[1]!, busyness: f[2]!, complexity: f[3]!, strength: f[4]! };
}

/** The JavaScript twin of the kernel (and the fallback without WebAssembly). */
export function ngtdmFeaturesJs(m: Ngtdm): FamilyValues {
  const ng = m.s.length;
  let nvc = 0, sTotal = 0;
  for (let k = 0; k < ng; k++) { nvc += m.n[k]!; sTotal += m.s[k]!; }
  // Present grey levels only (p_i > 0), as IBSI's sums run over them.
  const lv: number[] = [], p: number[] = [], s: number[] = [];
  for (let k = 0; k < ng; k++) {
    if (m.n[k]! > 0) { lv.push(k + 1); p.push(m.n[k]! / nvc); s.push(m.s[k]!); }
  }
  const ngp = lv.length;
  let ps = 0;
  for (let a = 0; a < ngp; a++) ps += p[a]! * s[a]!;
  let contrastSum = 0, busyDen = 0, complexity = 0, strengthNum = 0;
  for (let a = 0; a < ngp; a++) {
    for (let b = 0; b < ngp; b++) {
      const d = lv[a]! - lv[b]!;
      contrastSum += p[a]! * p[b]! * d * d;
      busyDen += Math.abs(lv[a]! * p[a]! - lv[b]! * p[b]!);
      complexity += (Math.abs(d) * (p[a]! * s[a]! + p[b]! * s[b]!)) / (p[a]! + p[b]!);
      strengthNum += (p[a]! + p[b]!) * d * d;
    }
  }
  return {
    // A perfectly homogeneous ROI (Σ p_i s_i = 0) has no finite coarseness; 1e6 follows the
    // common convention (PyRadiomics, MIRP) of a large sentinel.
    coarseness: ps > 0 ? 1 / ps : 1e6,
    contrast: ngp > 1 ? (contrastSum / (ngp * (ngp - 1))) * (sTotal / nvc) : 0,
    busyness: busyDen > 0 ? ps / busyDen : 0,
    complexity: complexity / nvc,
    strength: sTotal > 0 ? strengthNum / sTotal : 0,
  };
}

export function computeNgtdm(roi: DiscretisedRoi, aggregation: TextureAggregation, options: TextureOptions = {}): FamilyValues {
  const plan = planarPlan(aggregation);
  const volumetric = plan === '3D';
  const distance = textureDistance(options, 'NGTDM');
  const shells = textureShells(options, 'NGTDM');
  const reach = neighbourReach(distance, shells, roi.size);
  const v = cachedTextureVolume(roi, reach, volumetric ? reach : 0);
  const offs = shells ? flatOffsets(shellNeighbours(shells, roiBox(v), volumetric, false, 'NGTDM'), v.X, v.Y) : undefined;
  return runPlanar(v, plan, {
    build: (z) => ngtdmMatrix(v, distance, volumetric, z, options.ngtdmIsolated === 'count', offs),
    merge: mergeNgtdm,
    features: ngtdmFeatures,
    names: NAMES,
  });
}

/** This family's entry in the family registry (src/features/families.ts); IBSI 1 §3.10. */
export const NGTDM_FAMILY = defineFamily({ family: 'ngtdm', title: 'NGTDM', kind: 'texture', directional: false, features: FEATURES, pyradiomicsClass: 'ngtdm', compute: computeNgtdm });
