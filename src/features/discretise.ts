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
  const edge = (k: number): number => (k >= nEdges - 1 ? (k === nEdges - 1 ? last : Infinity) : start + k * step);
  const levelOf = (v: number): number => {
    let l = Math.min(nEdges, Math.max(0, Math.floor((v - start) / step) + 1));
    while (l < nEdges && edge(l) <= v) l++;
    while (l > 0 && edge(l - 1) > v) l--;
    return l;
  };
  const levels = new Int32Array(mask.length);
  // Most images hold integers (8/16-bit pixels): a value's level is then looked up, computed once
  // per distinct value (the same function of v, so the same levels).
  // Integer v and min: o = v − min is exact, one slot per value.
  const span = max - min;
  const memo = Number.isInteger(min) && span <= 65535 ? new Int32Array(span + 1).fill(-1) : undefined;
  let top = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const v = values[i]!;
    let l: number;
    if (memo !== undefined && v === Math.floor(v)) {
      const o = v - min;
      l = memo[o]!;
      if (l < 0) memo[o] = l = levelOf(v);
    } else l = levelOf(v);
    levels[i] = l;
    if (l > top) top = l;
  }
  return { levels, nLevels: top, min: start, width: step };
}
