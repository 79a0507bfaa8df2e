/**
 * Small shared helpers for src/ml: input validation and row-major ⇄ column-major conversion.
 * The solvers keep data column-major in Float64Array (feature j is a contiguous slice), so a
 * coordinate update walks memory sequentially.
 */
import { SonomicsError } from '../core/errors.ts';

export type Matrix = ArrayLike<ArrayLike<number>>;

/** Checks a samples × features matrix is rectangular, non-empty and finite; returns [n, p]. */
export function checkMatrix(X: Matrix, what: string): [number, number] {
  const n = X.length;
  if (n === 0) throw new SonomicsError('BAD_INPUT', `${what}: the matrix has no rows; pass at least one sample.`);
  const p = X[0]!.length;
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    if (row.length !== p) {
      throw new SonomicsError('BAD_INPUT', `${what}: row ${i} has ${row.length} values but row 0 has ${p}; every sample needs the same features.`);
    }
    for (let j = 0; j < p; j++) {
      if (!Number.isFinite(row[j]!)) {
        throw new SonomicsError('MISSING_VALUES', `${what}: value at row ${i}, column ${j} is ${row[j]}; impute or drop missing values first.`);
      }
    }
  }
  return [n, p];
}

/** Checks y is 0/1 with both classes present and length n. */
export function checkBinary(y: ArrayLike<number>, n: number, what: string): Float64Array {
  if (y.length !== n) throw new SonomicsError('BAD_INPUT', `${what}: y has ${y.length} values but X has ${n} rows.`);
  const out = new Float64Array(n);
  let ones = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v !== 0 && v !== 1) throw new SonomicsError('BAD_INPUT', `${what}: y[${i}] = ${v}; binary outcomes must be 0 or 1.`);
    out[i] = v;
    ones += v;
  }
  if (ones === 0 || ones === n) {
    throw new SonomicsError('ONE_CLASS', `${what}: y has only class ${ones === 0 ? 0 : 1}; both classes are needed.`);
  }
  return out;
}

/** Checks a numeric outcome vector (finite, length n). */
export function checkNumeric(y: ArrayLike<number>, n: number, what: string): Float64Array {
  if (y.length !== n) throw new SonomicsError('BAD_INPUT', `${what}: y has ${y.length} values but X has ${n} rows.`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (!Number.isFinite(v)) throw new SonomicsError('MISSING_VALUES', `${what}: y[${i}] = ${v}; outcomes must be finite.`);
    out[i] = v;
  }
  return out;
}

/** Row-major number[][] → column-major Float64Array (column j at [j*n, (j+1)*n)). */
export function toColumnMajor(X: Matrix, n: number, p: number): Float64Array {
  const out = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    for (let j = 0; j < p; j++) out[j * n + i] = row[j]!;
  }
  return out;
}

/**
 * Mean and population SD (divisor n, glmnet's convention) of each column of a column-major
 * n × p array. `scale[j]` is the SD when `standardize` and the column varies, else 1; `constant[j]`
 * marks columns without spread (SD 0 or not finite), which the LASSO solvers never enter.
 */
export function columnMoments(xs: Float64Array, n: number, p: number, standardize: boolean): { mean: number[]; scale: number[]; constant: Uint8Array } {
  const mean = new Array<number>(p), scale = new Array<number>(p);
  const constant = new Uint8Array(p);
  for (let j = 0; j < p; j++) {
    const off = j * n;
    let m = 0;
    for (let i = 0; i < n; i++) m += xs[off + i]!;
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) { const d = xs[off + i]! - m; v += d * d; }
    const sd = Math.sqrt(v / n);
    mean[j] = m;
    scale[j] = standardize && sd > 0 ? sd : 1;
    if (!(sd > 0)) constant[j] = 1;
  }
  return { mean, scale, constant };
}

/** Rows of X selected by index (shallow: rows are shared). */
export function selectRows<T>(X: ArrayLike<T>, idx: ArrayLike<number>): T[] {
  const out: T[] = new Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = X[idx[k]!]!;
  return out;
}
