/**
 * Intensity discretisation (IBSI 1 manual §2.7).
 * FBN: X_d = ⌊N_g (X − X_min)/(X_max − X_min)⌋ + 1, with X_d = N_g at X = X_max; N_g = N.
 * FBS: X_d = ⌊(X − X_min)/w_b⌋ + 1 with X_min the lower re-segmentation bound when one is
 * set (else the ROI minimum); N_g = the highest bin present.
 */
import { SonomicsError } from '../core/errors.ts';
import type { DiscretisationSettings } from './processing-settings.ts';

export interface Discretised {
  /** Grey level 1..nLevels inside the mask, 0 outside. */
  levels: Int32Array;
  nLevels: number;
  /** X_min used by the discretisation. */
  min: number;
  /** Bin width (FBS) or (X_max − X_min)/N_g (FBN). */
  width: number;
}

export function discretise(values: ArrayLike<number>, mask: Uint8Array, d: DiscretisationSettings, lowerBound?: number | null, edges: 'ibsi' | 'pyradiomics' = 'ibsi'): Discretised {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) throw new SonomicsError('EMPTY_MASK', 'no voxel left in the intensity mask after re-segmentation: widen the re-segmentation range');
  if (edges === 'pyradiomics' && (d.method === 'FBN' || d.method === 'FBS')) return digitise(values, mask, d, min, max);
  const levels = new Int32Array(mask.length);
  if (d.method === 'FBN') {
    const n = d.value!;
    const range = max - min;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      levels[i] = range > 0 ? Math.min(n, Math.floor((n * (values[i]! - min)) / range) + 1) : 1;
    }
    return { levels, nLevels: n, min, width: range / n };
  }
  if (d.method === 'FBS') {
    const w = d.value!;
    const x0 = lowerBound !== undefined && lowerBound !== null && Number.isFinite(lowerBound) ? lowerBound : min;
    let top = 1;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      const l = Math.floor((values[i]! - x0) / w) + 1;
      levels[i] = l;
      if (l > top) top = l;
    }
    return { levels, nLevels: top, min: x0, width: w };
  }
  throw new SonomicsError('BAD_SETTINGS', `discretisation method '${d.method}' is not FBN or FBS`);
}

/**
 * PyRadiomics' binning (imageoperations.getBinEdges + numpy.digitize): a value's level is the
 * number of bin edges ≤ it. FBS: edges low + k·w with low = min − (min mod w) = ⌊min/w⌋·w (so
 * edges sit at multiples of w, whatever the ROI minimum); FBN: numpy.histogram's edges
 * min + k·(max − min)/N with the last one at max + 1 (PyRadiomics' "+1" keeps max in bin N), and a
 * flat ROI gets edges [min − 0.5, min + 0.5] as numpy does. Edges are computed as numpy computes
 * them (start + k·step), and each level is checked against its two edges, so ties on an edge fall
 * where numpy puts them. nLevels is the highest level present (PyRadiomics' Ng).
 */
function digitise(values: ArrayLike<number>, mask: Uint8Array, d: DiscretisationSettings, min: number, max: number): Discretised {
  let start: number, step: number, nEdges: number, last: number;
  if (d.method === 'FBS') {
    const w = d.value!;
    start = min - (min - Math.floor(min / w) * w); // Python's floor modulo
    step = w;
    nEdges = Math.ceil((max + 2 * w - start) / w); // numpy.arange(low, max + 2w, w)
    last = start + (nEdges - 1) * step;
  } else {
    const n = d.value!;
    let lo = min, hi = max;
    if (lo === hi) { lo -= 0.5; hi += 0.5; }
    start = lo;
    step = (hi - lo) / n;
    nEdges = n + 1;
    last = hi + 1;
  }
  // The edges as numpy computes them, in a table when there are few (FBN's N + 1; FBS on a narrow
  // range), so a level's check against its two edges is two reads; past the last edge: +∞.
  const table = nEdges <= 4096 ? new Float64Array(nEdges + 1) : undefined;
  if (table) {
    for (let k = 0; k < nEdges - 1; k++) table[k] = start + k * step;
    table[nEdges - 1] = last;
    table[nEdges] = Infinity;
  }
  const edge = (k: number): number => (k >= nEdges - 1 ? (k === nEdges - 1 ? last : Infinity) : start + k * step);
  const levels = new Int32Array(mask.length);
  // Most images hold integers (8/16-bit pixels): a value's level is then looked up, computed once
  // per distinct value (the same function of v, so the same levels).
  // Integer v and min: o = v − min is exact, one slot per value.
  const span = max - min;
  const memo = Number.isInteger(min) && span <= 65535 ? new Int32Array(span + 1).fill(-1) : undefined;
  const level = table ? (v: number): number => levelFromTable(v, start, step, nEdges, table) : (v: number): number => levelOf(v, start, step, nEdges, edge);
  const top = memo ? digitiseMemoised(values, mask, levels, memo, min, level)
    : table ? digitiseFromTable(values, mask, levels, start, step, nEdges, table)
      : digitiseEach(values, mask, levels, level);
  return { levels, nLevels: top, min: start, width: step };
}

/**
 * numpy.digitize of one value: the number of edges ≤ v. The estimate from (v − start)/step is
 * corrected against the actual edges, so rounding in the estimate never moves a value across one.
 */
function levelOf(v: number, start: number, step: number, nEdges: number, edge: (k: number) => number): number {
  let l = Math.min(nEdges, Math.max(0, Math.floor((v - start) / step) + 1));
  while (l < nEdges && edge(l) <= v) l++;
  while (l > 0 && edge(l - 1) > v) l--;
  return l;
}

/** levelOf with the edges read from `table` (nEdges + 1 entries, the last +∞). */
function levelFromTable(v: number, start: number, step: number, nEdges: number, table: Float64Array): number {
  let l = Math.min(nEdges, Math.max(0, Math.floor((v - start) / step) + 1));
  while (l < nEdges && table[l]! <= v) l++;
  while (l > 0 && table[l - 1]! > v) l--;
  return l;
}

/** Levels of the mask's voxels (into `levels`) from the edge table; returns the highest. */
function digitiseFromTable(values: ArrayLike<number>, mask: Uint8Array, levels: Int32Array, start: number, step: number, nEdges: number, table: Float64Array): number {
  let top = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const l = levelFromTable(values[i]!, start, step, nEdges, table);
    levels[i] = l;
    if (l > top) top = l;
  }
  return top;
}

/** Levels of the mask's voxels (into `levels`), each computed by `level`; returns the highest. */
function digitiseEach(values: ArrayLike<number>, mask: Uint8Array, levels: Int32Array, level: (v: number) => number): number {
  let top = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const l = level(values[i]!);
    levels[i] = l;
    if (l > top) top = l;
  }
  return top;
}

/** As digitiseEach, integer values looked up in `memo` (slot v − min; −1 = not yet computed). */
function digitiseMemoised(values: ArrayLike<number>, mask: Uint8Array, levels: Int32Array, memo: Int32Array, min: number, level: (v: number) => number): number {
  let top = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const v = values[i]!;
    let l: number;
    if (v === Math.floor(v)) {
      const o = v - min;
      l = memo[o]!;
      if (l < 0) memo[o] = l = level(v);
    } else l = level(v);
    levels[i] = l;
    if (l > top) top = l;
  }
  return top;
}
