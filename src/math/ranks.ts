/**
 * Ranks and tie structure: the project's one home for them (ROC, DeLong, Mann–Whitney, the
 * cross-validated AUC of src/ml, Spearman's ρ of the redundancy filter).
 */

/**
 * Midranks (average ranks for ties, 1-based), the ranking R's rank() and the Mann–Whitney /
 * DeLong statistics use. O(n log n).
 */
export function midranks(x: ArrayLike<number>): Float64Array {
  // Native numeric sort of a copy, then each value's tie block [lo, hi) by binary search:
  // its midrank is the average of the 1-based ranks lo+1 .. hi. Much faster than sorting an
  // index array with a comparator.
  const n = x.length;
  const sorted = Float64Array.from(x).sort();
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    const lo = lowerBound(sorted, v);
    const hi = upperBound(sorted, v, lo);
    ranks[i] = (lo + 1 + hi) / 2;
  }
  return ranks;
}

/** First index with sorted[i] >= v. */
export function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index ≥ from with sorted[i] > v. */
export function upperBound(sorted: Float64Array, v: number, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices that sort x ascending (stable). */
export function sortedOrder(x: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(x.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => x[a]! - x[b]! || a - b);
}

/** Sizes of the groups of tied values (only groups of size ≥ 2). */
export function tieSizes(x: ArrayLike<number>): number[] {
  const s = Float64Array.from(x).sort();
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[i]) j++;
    if (j > i) out.push(j - i + 1);
    i = j + 1;
  }
  return out;
}
