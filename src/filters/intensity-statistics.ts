/**
 * The 18 IBSI intensity-statistics features (IBSI 1 reference manual, section 3.3), as used by
 * IBSI 2 phase 2 to summarise filtered images. A small local implementation for the filter
 * compliance checks; percentiles use linear interpolation between order statistics (numpy's
 * default, as MIRP). Variance is the biased (1/N) estimator, as IBSI defines it.
 */
export const INTENSITY_STATISTICS = [
  'stat_mean', 'stat_var', 'stat_skew', 'stat_kurt', 'stat_median', 'stat_min', 'stat_p10', 'stat_p90', 'stat_max',
  'stat_iqr', 'stat_range', 'stat_mad', 'stat_rmad', 'stat_medad', 'stat_cov', 'stat_qcod', 'stat_energy', 'stat_rms',
] as const;

export type IntensityStatistic = (typeof INTENSITY_STATISTICS)[number];

function percentile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function intensityStatistics(values: Float64Array): Record<IntensityStatistic, number> {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  let sum = 0, sum2 = 0;
  for (const v of values) { sum += v; sum2 += v * v; }
  const mean = sum / n;
  let m2 = 0, m3 = 0, m4 = 0, mad = 0;
  for (const v of values) {
    const d = v - mean;
    m2 += d * d; m3 += d * d * d; m4 += d * d * d * d; mad += Math.abs(d);
  }
  m2 /= n; m3 /= n; m4 /= n; mad /= n;
  const median = percentile(sorted, 0.5);
  const p10 = percentile(sorted, 0.1), p90 = percentile(sorted, 0.9);
  const p25 = percentile(sorted, 0.25), p75 = percentile(sorted, 0.75);
  // Robust MAD: mean absolute deviation of the values within [p10, p90] from their own mean.
  let rs = 0, rn = 0;
  for (const v of values) if (v >= p10 && v <= p90) { rs += v; rn++; }
  const rmean = rs / rn;
  let rmad = 0, medad = 0;
  for (const v of values) {
    if (v >= p10 && v <= p90) rmad += Math.abs(v - rmean);
    medad += Math.abs(v - median);
  }
  return {
    stat_mean: mean,
    stat_var: m2,
    stat_skew: m2 === 0 ? 0 : m3 / m2 ** 1.5,
    stat_kurt: m2 === 0 ? 0 : m4 / (m2 * m2) - 3,
    stat_median: median,
    stat_min: sorted[0]!,
    stat_p10: p10,
    stat_p90: p90,
    stat_max: sorted[n - 1]!,
    stat_iqr: p75 - p25,
    stat_range: sorted[n - 1]! - sorted[0]!,
    stat_mad: mad,
    stat_rmad: rmad / rn,
    stat_medad: medad / n,
    stat_cov: Math.sqrt(m2) / mean,
    stat_qcod: (p75 - p25) / (p75 + p25),
    stat_energy: sum2,
    stat_rms: Math.sqrt(sum2 / n),
  };
}
