/**
 * Dense count matrix shared by the texture families: rows are grey levels 1..rows, columns
 * are the family's second index 1..cols (grey level, run length, zone size, distance or
 * dependence count). `nVoxels` is the number of ROI voxels the matrix was counted from; it
 * is summed when matrices are merged, which is how IBSI normalises run / zone percentages
 * of merged matrices (IBSI 1 §3.7.13: N_v of a merged matrix is the sum over its parts).
 */
export interface CountMatrix {
  counts: Float64Array;
  rows: number;
  cols: number;
  nVoxels: number;
}

export function countMatrix(rows: number, cols: number, nVoxels = 0): CountMatrix {
  return { counts: new Float64Array(rows * cols), rows, cols, nVoxels };
}

/** Sum of matrices (columns padded to the widest one). */
export function mergeMatrices(list: readonly CountMatrix[]): CountMatrix {
  const rows = list[0]!.rows;
  let cols = 0, nVoxels = 0;
  for (const m of list) { if (m.cols > cols) cols = m.cols; nVoxels += m.nVoxels; }
  const out = countMatrix(rows, cols, nVoxels);
  const c = out.counts;
  for (const m of list) {
    const mc = m.counts, w = m.cols;
    for (let r = 0; r < rows; r++) {
      const src = r * w, dst = r * cols;
      for (let k = 0; k < w; k++) c[dst + k] += mc[src + k]!;
    }
  }
  return out;
}

export function matrixTotal(m: CountMatrix): number {
  let s = 0;
  const c = m.counts;
  for (let k = 0; k < c.length; k++) s += c[k]!;
  return s;
}

/**
 * Trim trailing all-zero columns (zone / run matrices are built with a generous width). With
 * `copy` the result never shares m's counts (m is scratch to be reused).
 */
export function trimColumns(m: CountMatrix, copy = false): CountMatrix {
  let last = 0;
  const { counts, rows, cols } = m;
  for (let r = 0; r < rows; r++) {
    for (let k = cols - 1; k >= last; k--) {
      if (counts[r * cols + k] !== 0) { last = k + 1; break; }
    }
  }
  if (last === cols && !copy) return m;
  const out = countMatrix(rows, Math.max(1, last), m.nVoxels);
  for (let r = 0; r < rows; r++) out.counts.set(counts.subarray(r * cols, r * cols + last), r * out.cols);
  return out;
}
