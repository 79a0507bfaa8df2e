/**
 * Small order-statistics helpers shared by the first-order families. Percentiles are type-7
 * (Hyndman & Fan; numpy's default, used by MIRP for IBSI): src/math/quantile.ts.
 */
import { quantile7Sorted } from '../math/quantile.ts';

/**
 * `values` sorted ascending, as a new array; equal to Float64Array.from(values).sort(). Image
 * intensities come from Float32 pixels (or rounding), so they are nearly always exact Float32
 * values: those are sorted by an LSD radix sort on their 32-bit patterns (3 passes of 11 bits,
 * linear time, several times faster than the comparison sort on large ROIs), and integers of a
 * narrow span (most pixels) by counting them, faster still; anything else falls back to the
 * comparison sort.
 */
export function sortedCopy(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < 1000) return Float64Array.from(values).sort(); // small: the comparison sort is as fast
  const counted = countingSort(values);
  if (counted) return counted;
  const f32 = new Float32Array(values);
  for (let i = 0; i < n; i++) if (f32[i] !== values[i]) return Float64Array.from(values).sort(); // not Float32 (or NaN)
  let keys = new Uint32Array(f32.buffer);
  // order-preserving map of IEEE bit patterns to unsigned integers: flip negatives, set the sign of
  // positives; the counts of all three 11-bit digits are taken in the same pass
  const counts = new Uint32Array(3 * 2048);
  for (let i = 0; i < n; i++) {
    const b = keys[i]!;
    const k = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    keys[i] = k;
    counts[k & 2047]!++;
    counts[2048 + ((k >>> 11) & 2047)]!++;
    counts[4096 + (k >>> 22)]!++;
  }
  let tmp = new Uint32Array(n);
  for (let pass = 0, shift = 0; pass < 3; pass++, shift += 11) {
    const c = counts.subarray(pass * 2048, pass * 2048 + 2048);
    for (let b = 0, sum = 0; b < 2048; b++) { const x = c[b]!; c[b] = sum; sum += x; }
    for (let i = 0; i < n; i++) { const k = keys[i]!; tmp[c[(k >>> shift) & 2047]!++] = k; }
    [keys, tmp] = [tmp, keys];
  }
  for (let i = 0; i < n; i++) { const k = keys[i]!; keys[i] = k & 0x80000000 ? (k & 0x7fffffff) >>> 0 : ~k >>> 0; }
  return new Float64Array(new Float32Array(keys.buffer, keys.byteOffset, n));
}

/**
 * Integers spanning at most 65,536 values (8- and 16-bit pixels): sorted by counting them, one pass
 * to check, one to count, one to write. Undefined for anything else (fractions, NaN, −0, whose
 * place before +0 a count would lose, or a wider span).
 */
function countingSort(values: Float64Array): Float64Array | undefined {
  const n = values.length;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== Math.floor(v) || (v === 0 && 1 / v < 0)) return undefined; // NaN fails v === ⌊v⌋ too
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo > 65535) return undefined;
  const counts = new Int32Array(hi - lo + 1);
  for (let i = 0; i < n; i++) counts[values[i]! - lo]!++;
  const out = new Float64Array(n);
  for (let b = 0, k = 0; b < counts.length; b++) {
    const c = counts[b]!;
    if (c > 0) { out.fill(lo + b, k, k + c); k += c; }
  }
  return out;
}

/** Values of `data` inside `mask`, as Float64. */
export function maskedValues(data: ArrayLike<number>, mask: Uint8Array): Float64Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) out[k++] = data[i]!;
  return out;
}

/**
 * The descriptive statistics that IBSI §3.3 (intensity statistics) and §3.4 (intensity
 * histogram) share, computed on a value set X: moments, order statistics, deviations.
 * `sorted` (the same values in ascending order) may be passed when the caller already has it:
 * sorting is the dominant cost on large ROIs and several families need the same order.
 */
export function descriptive(values: Float64Array, sorted: Float64Array = sortedCopy(values)): Record<string, number> {
  const n = values.length;
  let s = 0, s2 = 0;
  for (let i = 0; i < n; i++) { s += values[i]!; s2 += values[i]! * values[i]!; }
  const mean = s / n;
  let m2 = 0, m3 = 0, m4 = 0, mad = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    const d2 = d * d;
    m2 += d2; m3 += d2 * d; m4 += d2 * d2; mad += Math.abs(d);
  }
  m2 /= n; m3 /= n; m4 /= n; mad /= n;
  const median = quantile7Sorted(sorted, 0.5);
  const p10 = quantile7Sorted(sorted, 0.1), p90 = quantile7Sorted(sorted, 0.9);
  const p25 = quantile7Sorted(sorted, 0.25), p75 = quantile7Sorted(sorted, 0.75);
  // robust MAD over the values in [P10, P90] (IBSI 3.3.15)
  let rn = 0, rs = 0;
  for (let i = 0; i < n; i++) if (values[i]! >= p10 && values[i]! <= p90) { rn++; rs += values[i]!; }
  const rmean = rs / rn;
  let rmad = 0, medad = 0;
  for (let i = 0; i < n; i++) {
    if (values[i]! >= p10 && values[i]! <= p90) rmad += Math.abs(values[i]! - rmean);
    medad += Math.abs(values[i]! - median);
  }
  return {
    mean,
    variance: m2,
    skewness: m2 === 0 ? 0 : m3 / m2 ** 1.5,
    kurtosis: m2 === 0 ? 0 : m4 / (m2 * m2) - 3,
    median,
    minimum: sorted[0]!,
    p10,
    p90,
    maximum: sorted[n - 1]!,
    interquartile_range: p75 - p25,
    range: sorted[n - 1]! - sorted[0]!,
    mean_absolute_deviation: mad,
    robust_mean_absolute_deviation: rmad / rn,
    median_absolute_deviation: medad / n,
    coefficient_of_variation: Math.sqrt(m2) / mean,
    quartile_coefficient_of_dispersion: (p75 - p25) / (p75 + p25),
    energy: s2,
    root_mean_square: Math.sqrt(s2 / n),
  };
}
