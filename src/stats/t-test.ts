/**
 * Two-sample t tests, as R's t.test(x1, x0, var.equal = !welch):
 * - Welch (default): t = (m1 − m0) / sqrt(s1²/n1 + s0²/n0), Welch–Satterthwaite df;
 * - Student: pooled variance, df = n1 + n0 − 2.
 * Two-sided p = 2 P(T_df > |t|).
 */
import { SonomicsError } from '../core/errors.ts';
import { pTTwoSided, qt } from './distributions.ts';
import { checkFinite } from './validate.ts';

export interface TTest {
  t: number;
  df: number;
  p: number;
  meanDiff: number;
  se: number;
  ci: [number, number];
}

/**
 * Mean and sample variance as R computes them (refined two-pass mean, then centred squares), with
 * Neumaier-compensated sums standing in for R's long-double accumulators: features with large
 * offsets (e.g. 1000 ± 0.1) otherwise lose digits in the t statistic.
 */
function meanVar(x: ArrayLike<number>): [number, number] {
  const n = x.length;
  let m = compensatedSum(x, 0, false) / n;
  m += compensatedSum(x, m, false) / n;
  return [m, compensatedSum(x, m, true) / (n - 1)];
}

/** Σ (x_i − c) or Σ (x_i − c)², Neumaier summation. */
function compensatedSum(x: ArrayLike<number>, c: number, square: boolean): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i]! - c;
    const v = square ? d * d : d;
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + comp;
}

export function tTest(x1: ArrayLike<number>, x0: ArrayLike<number>, opts: { welch?: boolean; level?: number } = {}): TTest {
  checkFinite('tTest', x1, 'x1');
  checkFinite('tTest', x0, 'x0');
  const n1 = x1.length;
  const n0 = x0.length;
  if (n1 < 2 || n0 < 2) throw new SonomicsError('BAD_INPUT', `tTest: each group needs at least 2 values, got ${n1} and ${n0}`);
  const [m1, v1] = meanVar(x1);
  const [m0, v0] = meanVar(x0);
  let se: number;
  let df: number;
  if (opts.welch ?? true) {
    const a = v1 / n1;
    const b = v0 / n0;
    se = Math.sqrt(a + b);
    df = (a + b) ** 2 / ((a * a) / (n1 - 1) + (b * b) / (n0 - 1));
  } else {
    df = n1 + n0 - 2;
    const pooled = ((n1 - 1) * v1 + (n0 - 1) * v0) / df;
    se = Math.sqrt(pooled * (1 / n1 + 1 / n0));
  }
  const meanDiff = m1 - m0;
  const t = meanDiff / se;
  const q = qt((1 - (opts.level ?? 0.95)) / 2, df, true);
  return { t, df, p: pTTwoSided(t, df), meanDiff, se, ci: [meanDiff - q * se, meanDiff + q * se] };
}
