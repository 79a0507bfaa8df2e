/**
 * Order statistics: the project's one median and one type-7 quantile (study imputation and
 * Table 1, harmonisation, bootstrap percentile intervals, Hosmer–Lemeshow groups, and the IBSI
 * intensity statistics P10/P90/median/IQR, which IBSI defines as type-7 percentiles like MIRP's
 * numpy default).
 */

/** R's median (mean of the two middle values for even n). */
export function median(x: ArrayLike<number>): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Sample quantile of type 7 (R's default, numpy's 'linear'), written as R's quantile.default does. */
export function quantile7(x: ArrayLike<number>, prob: number): number {
  const s = Float64Array.from(x).sort();
  return quantile7Sorted(s, prob);
}

/** quantile7 of values already sorted ascending (callers that need several quantiles sort once). */
export function quantile7Sorted(s: ArrayLike<number>, prob: number): number {
  const n = s.length;
  if (n === 0) return NaN;
  const index = 1 + (n - 1) * prob;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = s[lo - 1]!;
  const xhi = s[hi - 1]!;
  if (index > lo && xhi !== qs) {
    const h = index - lo;
    return (1 - h) * qs + h * xhi;
  }
  return qs;
}
