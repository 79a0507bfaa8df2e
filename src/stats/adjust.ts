/**
 * Multiple-testing adjustment, as R's p.adjust:
 * - 'BH' (Benjamini & Hochberg 1995): p_(i) · n / i, cumulative minimum from the largest p down,
 *   capped at 1;
 * - 'bonferroni': min(1, n · p).
 * NaN p-values stay NaN; as in R's default n = length(p), they still count in n.
 */
import { SonomicsError } from '../core/errors.ts';

export type AdjustMethod = 'BH' | 'bonferroni';

export function pAdjust(p: ArrayLike<number>, method: AdjustMethod): number[] {
  const out = Array.from(p, () => NaN);
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i]!)) idx.push(i);
  const n = p.length;
  const lp = idx.length;
  if (method === 'bonferroni') {
    for (const i of idx) out[i] = Math.min(1, n * p[i]!);
    return out;
  }
  if (method !== 'BH') throw new SonomicsError('BAD_INPUT', `pAdjust: unknown method '${method}'; use 'BH' or 'bonferroni'`);
  // Decreasing order of p (stable, like R's order(p, decreasing = TRUE)).
  const order = idx.slice().sort((a, b) => p[b]! - p[a]! || a - b);
  let cum = Infinity;
  for (let r = 0; r < lp; r++) {
    const i = order[r]!;
    const rank = lp - r; // rank of this p in increasing order among the non-missing
    cum = Math.min(cum, (n / rank) * p[i]!);
    out[i] = Math.min(1, cum);
  }
  return out;
}
