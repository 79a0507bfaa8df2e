/**
 * AUC as the Mann–Whitney probability P(score_case > score_control) + ½ P(tie), by midranks.
 * A small local copy so src/ml does not depend on src/stats (which has the full pROC-style ROC).
 */
export function aucMannWhitney(y: ArrayLike<number>, score: ArrayLike<number>): number {
  const n = y.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a]! - score[b]!);
  const rank = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && score[idx[j + 1]!] === score[idx[i]!]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) rank[idx[k]!] = r;
    i = j + 1;
  }
  let n1 = 0, sumR = 0;
  for (let i = 0; i < n; i++) if (y[i] === 1) { n1++; sumR += rank[i]!; }
  const n0 = n - n1;
  if (n1 === 0 || n0 === 0) return NaN;
  return (sumR - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}
