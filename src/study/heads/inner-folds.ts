/**
 * Inner cross-validation folds inside one training set (SVM tuning, Platt calibration, the LASSO's
 * λ choice): stratified k-fold, seeded. One home so that grouped folds (cases of one patient kept
 * together, issue #14) change one function.
 */
import { SonomicsError } from '../../core/errors.ts';
import { stratifiedKFold } from '../../ml/index.ts';

/** Number of inner folds usable with this outcome (each fold needs both classes). */
export function usableFolds(y: ArrayLike<number>, k: number): number {
  let ones = 0;
  for (let i = 0; i < y.length; i++) ones += y[i]!;
  return Math.max(2, Math.min(k, ones, y.length - ones));
}

/**
 * 0-based fold id of each training row. `groups` (patient of each row) is the place for grouped
 * folds; until they exist a grouped call fails loudly rather than leaking a patient across folds.
 */
export function innerFoldIds(y: number[], k: number, seed: number, groups?: string[]): number[] {
  if (groups) throw new SonomicsError('BAD_SETTINGS', 'grouped inner folds are not implemented yet; run without data.group.');
  return stratifiedKFold(y, k, { shuffle: true, seed });
}
