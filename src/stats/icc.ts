/**
 * Intraclass correlation coefficients, the six forms of Shrout & Fleiss (1979) as reported by
 * psych::ICC (lmer = FALSE), with F tests and 95 % CIs:
 *   ICC1  = ICC(1,1)  one-way random, single rater         (MSR − MSW) / (MSR + (k−1) MSW)
 *   ICC2  = ICC(2,1)  = McGraw–Wong ICC(A,1), absolute agreement
 *           (MSR − MSE) / (MSR + (k−1) MSE + k (MSC − MSE) / n)
 *   ICC3  = ICC(3,1)  = McGraw–Wong ICC(C,1), consistency   (MSR − MSE) / (MSR + (k−1) MSE)
 *   ICC1k, ICC2k, ICC3k: the average-of-k-raters versions.
 * F = MSR/MSW (ICC1) or MSR/MSE (ICC2, ICC3); p = P(F > f). ICC1/ICC3 CIs use exact F bounds,
 * ICC2 the McGraw & Wong (1996) approximation with Satterthwaite df, exactly as psych.
 * Input: subjects × raters, complete data.
 */
import { SonomicsError } from '../core/errors.ts';
import { pf, qf } from './distributions.ts';

export type IccType = 'ICC1' | 'ICC2' | 'ICC3' | 'ICC1k' | 'ICC2k' | 'ICC3k';

export interface IccRow {
  type: IccType;
  icc: number;
  f: number;
  df1: number;
  df2: number;
  p: number;
  lower: number;
  upper: number;
}

export interface IccAnova {
  n: number;
  k: number;
  /** Between-subjects (rows) mean square. */
  msr: number;
  /** Between-raters (columns) mean square. */
  msc: number;
  /** Residual mean square of the two-way model. */
  mse: number;
  /** Within-subjects mean square of the one-way model. */
  msw: number;
}

export function iccAnova(ratings: number[][]): IccAnova {
  const n = ratings.length;
  const k = n ? ratings[0]!.length : 0;
  if (n < 2 || k < 2) throw new SonomicsError('BAD_INPUT', `icc: needs at least 2 subjects × 2 raters, got ${n} × ${k}`);
  let grand = 0;
  const rowMean = new Float64Array(n);
  const colMean = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const row = ratings[i]!;
    if (row.length !== k) throw new SonomicsError('BAD_INPUT', `icc: subject ${i} has ${row.length} ratings, expected ${k}; ratings must be complete`);
    for (let j = 0; j < k; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v)) throw new SonomicsError('MISSING_VALUES', `icc: rating [${i}][${j}] is ${v}; ICC needs complete data`);
      rowMean[i] += v;
      colMean[j] += v;
      grand += v;
    }
  }
  grand /= n * k;
  for (let i = 0; i < n; i++) rowMean[i] /= k;
  for (let j = 0; j < k; j++) colMean[j] /= n;
  let ssr = 0;
  let ssc = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) ssr += (rowMean[i]! - grand) ** 2;
  for (let j = 0; j < k; j++) ssc += (colMean[j]! - grand) ** 2;
  ssr *= k;
  ssc *= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) sst += (ratings[i]![j]! - grand) ** 2;
  const sse = sst - ssr - ssc;
  const ssw = sst - ssr;
  return { n, k, msr: ssr / (n - 1), msc: ssc / (k - 1), mse: sse / ((n - 1) * (k - 1)), msw: ssw / (n * (k - 1)) };
}

export function icc(ratings: number[][], opts: { level?: number } = {}): IccRow[] {
  const { n, k, msr, msc, mse, msw } = iccAnova(ratings);
  const alpha = 1 - (opts.level ?? 0.95);
  const icc1 = (msr - msw) / (msr + (k - 1) * msw);
  const icc2 = (msr - mse) / (msr + (k - 1) * mse + (k * (msc - mse)) / n);
  const icc3 = (msr - mse) / (msr + (k - 1) * mse);
  const icc1k = (msr - msw) / msr;
  const icc2k = (msr - mse) / (msr + (msc - mse) / n);
  const icc3k = (msr - mse) / msr;

  const f1 = msr / msw;
  const df1n = n - 1;
  const df1d = n * (k - 1);
  const p1 = pf(f1, df1n, df1d, true);
  const f3 = msr / mse;
  const df3d = (n - 1) * (k - 1);
  const p3 = pf(f3, df1n, df3d, true);

  // ICC1 / ICC3: exact F-based bounds.
  const f1L = f1 / qf(1 - alpha / 2, df1n, df1d);
  const f1U = f1 * qf(1 - alpha / 2, df1d, df1n);
  const f3L = f3 / qf(1 - alpha / 2, df1n, df3d);
  const f3U = f3 * qf(1 - alpha / 2, df3d, df1n);
  const l1 = (f1L - 1) / (f1L + (k - 1));
  const u1 = (f1U - 1) / (f1U + (k - 1));
  const l3 = (f3L - 1) / (f3L + (k - 1));
  const u3 = (f3U - 1) / (f3U + (k - 1));

  // ICC2: McGraw & Wong (1996) with Satterthwaite's df, as psych::ICC.
  const fj = msc / mse;
  const vn = (k - 1) * (n - 1) * (k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
  const vd = (n - 1) * k * k * icc2 * icc2 * fj * fj + (n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
  const v = vn / vd;
  const f2U = qf(1 - alpha / 2, n - 1, v);
  const f2L = qf(1 - alpha / 2, v, n - 1);
  const l2 = (n * (msr - f2U * mse)) / (f2U * (k * msc + (k * n - k - n) * mse) + n * msr);
  const u2 = (n * (f2L * msr - mse)) / (k * msc + (k * n - k - n) * mse + n * f2L * msr);

  return [
    { type: 'ICC1', icc: icc1, f: f1, df1: df1n, df2: df1d, p: p1, lower: l1, upper: u1 },
    { type: 'ICC2', icc: icc2, f: f3, df1: df1n, df2: df3d, p: p3, lower: l2, upper: u2 },
    { type: 'ICC3', icc: icc3, f: f3, df1: df1n, df2: df3d, p: p3, lower: l3, upper: u3 },
    { type: 'ICC1k', icc: icc1k, f: f1, df1: df1n, df2: df1d, p: p1, lower: 1 - 1 / f1L, upper: 1 - 1 / f1U },
    { type: 'ICC2k', icc: icc2k, f: f3, df1: df1n, df2: df3d, p: p3, lower: (l2 * k) / (1 + l2 * (k - 1)), upper: (u2 * k) / (1 + u2 * (k - 1)) },
    { type: 'ICC3k', icc: icc3k, f: f3, df1: df1n, df2: df3d, p: p3, lower: 1 - 1 / f3L, upper: 1 - 1 / f3U },
  ];
}

/** One ICC form's point estimate. */
export function iccValue(ratings: number[][], type: IccType): number {
  return icc(ratings).find((r) => r.type === type)!.icc;
}
