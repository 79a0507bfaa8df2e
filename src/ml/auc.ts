/**
 * AUC as the Mann–Whitney probability P(score_case > score_control) + ½ P(tie), by midranks
 * (src/math/ranks.ts; src/stats/roc.ts has the full pROC-style ROC with its direction rule).
 */
import { midranks } from '../math/ranks.ts';

export function aucMannWhitney(y: ArrayLike<number>, score: ArrayLike<number>): number {
  const n = y.length;
  const rank = midranks(score);
  let n1 = 0, sumR = 0;
  for (let i = 0; i < n; i++) if (y[i] === 1) { n1++; sumR += rank[i]!; }
  const n0 = n - n1;
  if (n1 === 0 || n0 === 0) return NaN;
  return (sumR - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}
