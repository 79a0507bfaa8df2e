/**
 * Standard scaler: centre by the column mean and divide by the column SD.
 * `sd: 'population'` (divisor n) is glmnet's internal standardisation; `'sample'` (divisor n − 1)
 * is R's scale(), used by e1071::svm(scale = TRUE). A zero SD is stored as 1 so constant columns
 * map to 0 instead of NaN (e1071 and scikit-learn do the same).
 */
import { checkMatrix, type Matrix } from './matrix.ts';
import { SonomicsError } from '../core/errors.ts';

export interface Scaler {
  mean: number[];
  sd: number[];
}

export function fitScaler(X: Matrix, opts: { sd?: 'population' | 'sample' } = {}): Scaler {
  const [n, p] = checkMatrix(X, 'fitScaler');
  const sample = (opts.sd ?? 'population') === 'sample';
  if (sample && n < 2) throw new SonomicsError('BAD_INPUT', 'fitScaler: the sample SD needs at least 2 rows.');
  const mean = new Array<number>(p).fill(0);
  const sd = new Array<number>(p).fill(0);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += X[i]![j]!;
    let m = s / n;
    // Two-pass correction (as R's cov.c does) so the mean is accurate for offset data.
    let c = 0;
    for (let i = 0; i < n; i++) c += X[i]![j]! - m;
    m += c / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const d = X[i]![j]! - m;
      ss += d * d;
    }
    mean[j] = m;
    const v = Math.sqrt(ss / (sample ? n - 1 : n));
    sd[j] = v > 0 ? v : 1;
  }
  return { mean, sd };
}

export function applyScaler(s: Scaler, X: Matrix): number[][] {
  const [n, p] = checkMatrix(X, 'applyScaler');
  if (p !== s.mean.length) {
    throw new SonomicsError('BAD_INPUT', `applyScaler: X has ${p} columns but the scaler was fitted on ${s.mean.length}.`);
  }
  const out: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(p);
    for (let j = 0; j < p; j++) row[j] = (X[i]![j]! - s.mean[j]!) / s.sd[j]!;
    out[i] = row;
  }
  return out;
}
