/**
 * log2(c / total) for the cells of one count matrix, remembered per integer count c. Why: the
 * entropies of the texture matrices (IBSI 1 §3.6–3.11) take p·log2 p over every non-empty cell,
 * and those cells hold the same few small counts (1, 2, 3 … pairs, runs, zones) over and over,
 * while Math.log2 is a call of tens of ns. A remembered value is the same call on the same
 * c / total, so the entropies keep their bits.
 */
export interface CountLog2 {
  total: number;
  /** log2(c / total) at index c, NaN until computed. */
  memo: Float64Array;
}

/** A memo for the counts 0 … limit − 1 of a matrix whose cells sum to `total`. */
export function countLog2(total: number, limit = 1024): CountLog2 {
  return { total, memo: new Float64Array(Math.min(limit, Math.max(1, Math.ceil(total) + 1))).fill(NaN) };
}

/** log2(c / total): remembered for integer counts below the memo's size, computed otherwise. */
export function log2Share(m: CountLog2, c: number): number {
  const memo = m.memo;
  if (c < memo.length && c === Math.floor(c)) {
    let v = memo[c]!;
    if (v !== v) memo[c] = v = Math.log2(c / m.total);
    return v;
  }
  return Math.log2(c / m.total);
}
