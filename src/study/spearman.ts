/**
 * Spearman rank correlation (Pearson correlation of mid-ranks, as R's cor(method = "spearman"))
 * and the redundancy filter: walk features from most to least outcome-related and keep one only
 * if its |ρ| with every feature already kept is ≤ the cutoff.
 */
import { midranks } from '../math/ranks.ts';

export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]!; mb += b[i]!; }
  ma /= n; mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma, db = b[i]! - mb;
    sab += da * db; saa += da * da; sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

/** Outcome relatedness of a feature: |AUC − 0.5| from mid-ranks (Mann–Whitney U / (n1·n0)). */
export function aucDistance(ranks: Float64Array, y: ArrayLike<number>): number {
  let n1 = 0, sum = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) { n1++; sum += ranks[i]!; }
  const n0 = y.length - n1;
  const auc = (sum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
  return Math.abs(auc - 0.5);
}

export interface RedundancyResult {
  kept: string[];
  /** Dropped feature → the kept feature it correlated with, and |ρ|. */
  dropped: Array<{ feature: string; keptFor: string; rho: number }>;
}

/** columns[j] = values of feature names[j] over the training cases. */
export function redundancyFilter(names: string[], columns: ArrayLike<number>[], y: ArrayLike<number>, cutoff: number): RedundancyResult {
  const ranks = columns.map((c) => midranks(c));
  const rel = ranks.map((r) => aucDistance(r, y));
  // Each feature's centred ranks and sum of squares once, instead of once per pair: the same
  // operations in the same order as pearson(), so |ρ| (and every keep/drop decision) is bit-identical.
  const centred = ranks.map(centre);
  // Most outcome-related first; ties broken by column order so the result is deterministic.
  const order = names.map((_, j) => j).sort((a, b) => rel[b]! - rel[a]! || a - b);
  const kept: number[] = [];
  const dropped: RedundancyResult['dropped'] = [];
  for (const j of order) {
    let clash = -1, rho = 0;
    for (const k of kept) {
      const r = Math.abs(centredPearson(centred[j]!, centred[k]!));
      if (r > cutoff) { clash = k; rho = r; break; }
    }
    if (clash < 0) kept.push(j);
    else dropped.push({ feature: names[j]!, keptFor: names[clash]!, rho });
  }
  kept.sort((a, b) => a - b);
  return { kept: kept.map((j) => names[j]!), dropped };
}

interface Centred { d: Float64Array; ss: number }

function centre(a: Float64Array): Centred {
  const n = a.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += a[i]!;
  m /= n;
  const d = new Float64Array(n);
  let ss = 0;
  for (let i = 0; i < n; i++) { d[i] = a[i]! - m; ss += d[i]! * d[i]!; }
  return { d, ss };
}

/** pearson() on pre-centred vectors (same arithmetic). */
function centredPearson(a: Centred, b: Centred): number {
  const da = a.d, db = b.d;
  let sab = 0;
  for (let i = 0; i < da.length; i++) sab += da[i]! * db[i]!;
  return a.ss === 0 || b.ss === 0 ? 0 : sab / Math.sqrt(a.ss * b.ss);
}
