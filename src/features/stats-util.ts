/**
 * Small order-statistics helpers shared by the first-order families. Percentiles are type-7
 * (Hyndman & Fan; numpy's default, used by MIRP for IBSI): src/math/quantile.ts.
 */
import { quantile7Sorted } from '../math/quantile.ts';
import { countInside } from '../image/image.ts';

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

/** The type-7 quantiles `descriptive` reads (median, P10, P90 and the quartiles). */
const DESCRIPTIVE_PROBS = [0.1, 0.25, 0.5, 0.75, 0.9];

/**
 * The ranks (0-based, ascending order) `descriptive` reads from its sorted values: the minimum, the
 * maximum and the two neighbours each type-7 quantile interpolates between (quantile7Sorted's
 * ⌊1 + (n − 1)p⌋ and ⌈…⌉, less one).
 */
export function descriptiveRanks(n: number): number[] {
  const ranks = new Set<number>([0, n - 1]);
  for (const p of DESCRIPTIVE_PROBS) {
    const index = 1 + (n - 1) * p;
    ranks.add(Math.floor(index) - 1);
    ranks.add(Math.ceil(index) - 1);
  }
  return [...ranks].filter((r) => r >= 0 && r < n).sort((a, b) => a - b);
}

/**
 * An array equal to sortedCopy(values) at the given ranks (0-based); its other entries are
 * unspecified. Order statistics by bucket selection: values go to buckets by ⌊(v − min)·B/(max − min)⌋,
 * a non-decreasing function of v, so every value of a lower bucket is smaller than every value of a
 * higher one and a rank's value is found by sorting only its bucket (recursively, when that bucket
 * is large). Exact: the same numbers land at the same ranks, −0 before +0 inside the one bucket
 * that holds both, as the full sort places them. Why: PyRadiomics' first order needs the minimum,
 * maximum, median, P10, P25, P75 and P90 of each filtered image's ROI, and sorting all of its
 * Float32-valued intensities cost several times these few passes.
 */
export function partiallySorted(values: Float64Array, ranks: readonly number[]): Float64Array {
  const out = new Float64Array(values.length);
  const wanted = ranks.filter((r) => r >= 0 && r < values.length);
  if (!countedRanks(values, out, wanted)) placeRanks(values, out, 0, wanted);
  return out;
}

/*
 * The first-order loops, all in one function (firstOrderLoop), each followed only by handing back
 * what it found: the first result by `return`, any others in the module variables second, third
 * and fourth (read right after the call). Why:
 * - V8 compiles a long loop by on-stack replacement while it runs, before the code after it has
 *   ever run; code there that needs type feedback (arithmetic, a call, a store into an array or
 *   object) then deoptimised on the next ROI: with its four loops inside, descriptive was compiled
 *   five times over the first 50 BUS-BRA lesions, placeRanks three (--trace-opt). Returning a
 *   number and storing a module variable need no feedback.
 * - One function, not six: V8 tiers a function up after an amount of work that grows with its
 *   size, so six small loop functions were each compiled (≈ 1.5 ms of TurboFan apiece) during a
 *   process's first lesion, where running them interpreted costs less; this one is compiled once,
 *   a few lesions later.
 */
let second = 0, third = 0, fourth = 0;

/**
 * Writes the values of `ranks` to `out` (as partiallySorted) by counting, when the values are
 * integers spanning at most 65,536 (the 8- and 16-bit pixels of original images); false, writing
 * nothing, for anything else (fractions, NaN, −0 — whose place before +0 a count would lose — or
 * a wider span). Integers are exact, so a rank's value is the count's level: the same numbers the
 * sort gives. Why: the bucket selection costs several passes and allocations per ROI, and
 * counting 8-bit values is one pass plus one over at most 65,536 counts.
 */
function countedRanks(values: Float64Array, out: Float64Array, ranks: readonly number[]): boolean {
  const n = values.length;
  if (n === 0 || ranks.length === 0) return false;
  const lo = firstOrderLoop(INTEGER_SPAN, values), hi = second;
  if (!(hi - lo <= 65535)) return false; // NaN (not all integers) fails too
  const counts = new Int32Array(hi - lo + 1);
  firstOrderLoop(COUNT_INTEGERS, values, lo, 0, 0, 0, counts);
  // ranks ascending: walk the counts once
  const sorted = [...ranks].sort((a, b) => a - b);
  let level = 0, below = counts[0]!; // the values of rank < below are ≤ lo + level
  for (const r of sorted) {
    while (below <= r) below += counts[++level]!;
    out[r] = lo + level;
  }
  return true;
}

/** Segments this short are sorted outright. */
const SORT_BELOW = 64;

/** Writes the value of rank r of `values` to out[offset + r] for every r in `ranks`. */
function placeRanks(values: Float64Array, out: Float64Array, offset: number, ranks: readonly number[]): void {
  const n = values.length;
  if (ranks.length === 0) return;
  if (n <= SORT_BELOW) { out.set(sortedCopy(values), offset); return; }
  let min = Infinity, max = -Infinity, nan = false;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    nan ||= v !== v;
  }
  const buckets = n >> 3;
  const scale = buckets / (max - min);
  // NaN, one value only (±0 included) or a range too wide or narrow to scale: sort them all
  if (nan || !(scale < Infinity)) { out.set(sortedCopy(values), offset); return; }
  const key = new Int32Array(n), start = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) {
    let b = Math.floor((values[i]! - min) * scale);
    if (b >= buckets) b = buckets - 1;
    key[i] = b;
    start[b + 1]!++;
  }
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  // the buckets holding the wanted ranks, and each one's ranks relative to its start
  const wanted = new Map<number, number[]>();
  for (const r of ranks) {
    let lo = 0, hi = buckets - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (start[mid]! <= r) lo = mid; else hi = mid - 1; }
    const list = wanted.get(lo);
    if (list) list.push(r - start[lo]!); else wanted.set(lo, [r - start[lo]!]);
  }
  const fill = new Int32Array(buckets).fill(-1);
  const gathered = new Map<number, Float64Array>();
  for (const b of wanted.keys()) { fill[b] = 0; gathered.set(b, new Float64Array(start[b + 1]! - start[b]!)); }
  for (let i = 0; i < n; i++) {
    const b = key[i]!;
    if (fill[b]! >= 0) gathered.get(b)![fill[b]!++] = values[i]!;
  }
  for (const [b, part] of gathered) {
    const at = offset + start[b]!;
    // a bucket holding every value made no progress (all but a few equal): sort it instead
    if (part.length === n) out.set(sortedCopy(part), at);
    else placeRanks(part, out, at, wanted.get(b)!);
  }
}

/** Values of `data` inside `mask`, as Float64. */
export function maskedValues(data: ArrayLike<number>, mask: Uint8Array): Float64Array {
  // The count in a function of its own: with the counting loop here, V8 compiled it by on-stack
  // replacement before the allocation after it had run, and deoptimised there on every ROI.
  const out = new Float64Array(countInside(mask));
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) out[k++] = data[i]!;
  return out;
}

/**
 * The descriptive statistics that IBSI §3.3 (intensity statistics) and §3.4 (intensity
 * histogram) share, computed on a value set X: moments, order statistics, deviations.
 * `sorted` (the same values in ascending order) may be passed when the caller already has it:
 * sorting is the dominant cost on large ROIs and several families need the same order. Only its
 * entries at descriptiveRanks(n) are read, so partiallySorted(values, descriptiveRanks(n)) will do.
 */
export function descriptive(values: Float64Array, sorted: Float64Array = sortedCopy(values)): Record<string, number> {
  const n = values.length;
  // Each sum in raster order in firstOrderLoop (see there): the same additions in the same order.
  const s = firstOrderLoop(SUMS, values), s2 = second;
  const mean = s / n;
  const m2 = firstOrderLoop(CENTRAL_SUMS, values, mean) / n, m3 = second / n, m4 = third / n, mad = fourth / n;
  const median = quantile7Sorted(sorted, 0.5);
  const p10 = quantile7Sorted(sorted, 0.1), p90 = quantile7Sorted(sorted, 0.9);
  const p25 = quantile7Sorted(sorted, 0.25), p75 = quantile7Sorted(sorted, 0.75);
  // robust MAD over the values in [P10, P90] (IBSI 3.3.15)
  const rn = firstOrderLoop(WITHIN, values, p10, p90), rmean = second / rn;
  const rmad = firstOrderLoop(DEVIATIONS, values, p10, p90, rmean, median), medad = second;
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

/** The loops of firstOrderLoop. */
const SUMS = 0, CENTRAL_SUMS = 1, WITHIN = 2, DEVIATIONS = 3, INTEGER_SPAN = 4, COUNT_INTEGERS = 5;
const NO_COUNTS = new Int32Array(0);

/**
 * One pass over the values, in order (see `second` above for why one function):
 * - SUMS: Σ v (Σ v²: second);
 * - CENTRAL_SUMS, a = mean: Σ d² (Σ d³, Σ d⁴, Σ |d|: second, third, fourth), d = v − mean;
 * - WITHIN, [a, b] = [lo, hi]: how many values lie in [lo, hi] (their sum: second);
 * - DEVIATIONS, [a, b, c, d] = [lo, hi, rmean, median]: Σ |v − rmean| over the values in [lo, hi]
 *   (Σ |v − median| over all: second);
 * - INTEGER_SPAN: the minimum (maximum: second) when every value is an int32 other than −0, else
 *   NaN. 1/v is taken for every value (−∞ only for −0 among integers) rather than for zeros only:
 *   a test run only on the rare zero would lack type feedback in code compiled before it came;
 * - COUNT_INTEGERS, a = lo: counts[v − lo]++ (integers within the counts' span).
 */
function firstOrderLoop(kind: number, values: Float64Array, a = 0, b = 0, c = 0, d = 0, counts: Int32Array = NO_COUNTS): number {
  const n = values.length;
  switch (kind) {
    case SUMS: {
      let s = 0, s2 = 0;
      for (let i = 0; i < n; i++) { s += values[i]!; s2 += values[i]! * values[i]!; }
      second = s2;
      return s;
    }
    case CENTRAL_SUMS: {
      let m2 = 0, m3 = 0, m4 = 0, mad = 0;
      for (let i = 0; i < n; i++) {
        const dv = values[i]! - a;
        const d2 = dv * dv;
        m2 += d2; m3 += d2 * dv; m4 += d2 * d2; mad += Math.abs(dv);
      }
      second = m3; third = m4; fourth = mad;
      return m2;
    }
    case WITHIN: {
      let rn = 0, rs = 0;
      for (let i = 0; i < n; i++) if (values[i]! >= a && values[i]! <= b) { rn++; rs += values[i]!; }
      second = rs;
      return rn;
    }
    case DEVIATIONS: {
      let rmad = 0, medad = 0;
      for (let i = 0; i < n; i++) {
        if (values[i]! >= a && values[i]! <= b) rmad += Math.abs(values[i]! - c);
        medad += Math.abs(values[i]! - d);
      }
      second = medad;
      return rmad;
    }
    case INTEGER_SPAN: {
      let lo = Infinity, hi = -Infinity;
      for (let i = 0; i < n; i++) {
        const v = values[i]!;
        if ((v | 0) !== v || 1 / v === -Infinity) { lo = NaN; break; }
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      second = hi;
      return lo;
    }
    default: // COUNT_INTEGERS (v − lo is a small integer: `| 0` makes it an integer index for V8, same value)
      for (let i = 0; i < n; i++) counts[(values[i]! - a) | 0]!++;
      return 0;
  }
}
