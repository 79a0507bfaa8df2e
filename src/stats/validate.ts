/**
 * Input checks shared by the stats functions: binary outcomes, matching lengths, finite
 * numbers, both classes present. Errors name the function and say what to fix.
 */
import { SonomicsError } from '../core/errors.ts';

export interface Split {
  /** Scores of the cases (y = 1). */
  cases: Float64Array;
  /** Scores of the controls (y = 0). */
  controls: Float64Array;
}

export function checkSameLength(what: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) {
    throw new SonomicsError('BAD_INPUT', `${what}: outcome has ${a.length} values but score has ${b.length}; pass one score per case`);
  }
}

export function checkFinite(what: string, x: ArrayLike<number>, name = 'score'): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new SonomicsError('MISSING_VALUES', `${what}: ${name}[${i}] is ${x[i]}; remove or impute missing values first`);
    }
  }
}

/** Split scores by a 0/1 outcome; both classes must be present. */
export function splitByOutcome(what: string, y: ArrayLike<number>, score: ArrayLike<number>): Split {
  checkSameLength(what, y, score);
  checkFinite(what, score);
  let n1 = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v === 1) n1++;
    else if (v !== 0) throw new SonomicsError('BAD_INPUT', `${what}: outcome[${i}] is ${v}; outcomes must be 0 (control) or 1 (case)`);
  }
  const n0 = y.length - n1;
  if (n1 === 0 || n0 === 0) {
    throw new SonomicsError('ONE_CLASS', `${what}: needs both cases (y=1) and controls (y=0), got ${n1} cases and ${n0} controls`);
  }
  const cases = new Float64Array(n1);
  const controls = new Float64Array(n0);
  let i1 = 0;
  let i0 = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) cases[i1++] = score[i]!;
    else controls[i0++] = score[i]!;
  }
  return { cases, controls };
}

/** Check a vector of 0/1 outcomes and return it as numbers. */
export function checkBinary(what: string, y: ArrayLike<number>): void {
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new SonomicsError('BAD_INPUT', `${what}: outcome[${i}] is ${y[i]}; outcomes must be 0 or 1`);
  }
}
