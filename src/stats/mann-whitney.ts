/**
 * Mann–Whitney U / Wilcoxon rank-sum test, as R's wilcox.test(x1, x0):
 *   U = W = Σ ranks(x1 in pooled) − n1(n1+1)/2 (midranks for ties) = scipy's mannwhitneyu(x1, x0).
 * Exact p (no ties): the null distribution of U by the recursion
 *   P_{m,n}(u) = m/(m+n) · P_{m−1,n}(u − n) + n/(m+n) · P_{m,n−1}(u)
 * (the largest pooled value belongs to x1 with probability m/(m+n) and then beats all n values
 * of x0), in probabilities so it neither overflows nor cancels; two-sided p as R:
 *   2 · min(P(U ≤ u), P(U ≥ u)), capped at 1.
 * Normal approximation: z = (U − n1 n0 / 2 − cc) / σ with the tie-corrected
 *   σ² = n1 n0 / 12 · ((n + 1) − Σ(t³ − t) / (n (n − 1))),  cc = ±0.5 toward 0 when `correct`.
 * Default (R): exact when n1 < 50, n0 < 50 and there are no ties.
 */
import { SonomicsError } from '../core/errors.ts';
import { pNormalTwoSided } from './distributions.ts';
import { midranks, tieSizes } from '../math/ranks.ts';
import { checkFinite } from './validate.ts';

export interface MannWhitney {
  u: number;
  /** n1·n0 − u. */
  u0: number;
  p: number;
  /** U / (n1 n0) = AUC of x1 vs x0. */
  auc: number;
  method: 'exact' | 'normal';
  z?: number;
}

export function mannWhitney(
  x1: ArrayLike<number>,
  x0: ArrayLike<number>,
  opts: { exact?: boolean; correct?: boolean } = {},
): MannWhitney {
  checkFinite('mannWhitney', x1, 'x1');
  checkFinite('mannWhitney', x0, 'x0');
  const n1 = x1.length;
  const n0 = x0.length;
  if (n1 === 0 || n0 === 0) throw new SonomicsError('BAD_INPUT', `mannWhitney: both groups need values, got ${n1} and ${n0}`);
  const pooled = new Float64Array(n1 + n0);
  for (let i = 0; i < n1; i++) pooled[i] = x1[i]!;
  for (let j = 0; j < n0; j++) pooled[n1 + j] = x0[j]!;
  const r = midranks(pooled);
  let rs = 0;
  for (let i = 0; i < n1; i++) rs += r[i]!;
  const u = rs - (n1 * (n1 + 1)) / 2;
  const ties = tieSizes(pooled);
  const exact = (opts.exact ?? (n1 < 50 && n0 < 50)) && ties.length === 0;
  const base = { u, u0: n1 * n0 - u, auc: u / (n1 * n0) };
  if (exact) {
    const dist = exactUDistribution(n1, n0);
    const p = u > (n1 * n0) / 2 ? tailAtLeast(dist, u) : tailAtMost(dist, u);
    return { ...base, p: Math.min(1, 2 * p), method: 'exact' };
  }
  const n = n1 + n0;
  let tieSum = 0;
  for (const t of ties) tieSum += t * t * t - t;
  const sigma = Math.sqrt(((n1 * n0) / 12) * (n + 1 - tieSum / (n * (n - 1))));
  let d = u - (n1 * n0) / 2;
  const correction = (opts.correct ?? true) ? Math.sign(d) * 0.5 : 0;
  d -= correction;
  const z = d / sigma;
  return { ...base, p: pNormalTwoSided(z), method: 'normal', z };
}

// The exact distribution costs O(m² n²); screening many features compares the same two groups
// again and again, so the last few distributions are memoised (a pure cache: same result).
const MEMO = new Map<string, Float64Array>();
const MEMO_SIZE = 4;

/** P(U = u) for u = 0..m·n under H0 (no ties). O(m² n²) time, O(m n²) memory. Do not mutate. */
export function exactUDistribution(m: number, n: number): Float64Array {
  if (m > n) return exactUDistribution(n, m); // symmetric in (m, n)
  const key = `${m},${n}`;
  const hit = MEMO.get(key);
  if (hit) return hit;
  const dist = computeExactU(m, n);
  if (MEMO.size >= MEMO_SIZE) MEMO.delete(MEMO.keys().next().value!);
  MEMO.set(key, dist);
  return dist;
}

function computeExactU(m: number, n: number): Float64Array {
  if (m * n > 5e4) throw new SonomicsError('BAD_INPUT', `mannWhitney: the exact distribution for ${m} × ${n} values is too costly (m·n > 50,000); use exact: false`);
  // prev[j] = distribution for (i − 1, j); cur[j] for (i, j); length i·j + 1.
  let prev: Float64Array[] = Array.from({ length: n + 1 }, () => Float64Array.of(1));
  for (let i = 1; i <= m; i++) {
    const cur: Float64Array[] = new Array(n + 1);
    cur[0] = Float64Array.of(1);
    for (let j = 1; j <= n; j++) {
      const out = new Float64Array(i * j + 1);
      const a = i / (i + j);
      const b = j / (i + j);
      const pm = prev[j]!; // (i−1, j): shift by j
      for (let u = 0; u < pm.length; u++) out[u + j] += a * pm[u]!;
      const pn = cur[j - 1]!; // (i, j−1)
      for (let u = 0; u < pn.length; u++) out[u] += b * pn[u]!;
      cur[j] = out;
    }
    prev = cur;
  }
  return prev[n]!;
}

function tailAtMost(dist: Float64Array, u: number): number {
  let s = 0;
  for (let k = 0; k <= Math.floor(u); k++) s += dist[k]!;
  return s;
}

function tailAtLeast(dist: Float64Array, u: number): number {
  let s = 0;
  for (let k = dist.length - 1; k >= Math.ceil(u); k--) s += dist[k]!;
  return s;
}
