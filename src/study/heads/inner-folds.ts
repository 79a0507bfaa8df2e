/**
 * Inner cross-validation folds inside one training set (SVM tuning, Platt calibration, the LASSO's
 * λ choice): stratified k-fold, seeded. One home so that grouped folds (cases of one patient kept
 * together, issue #14) change one function.
 */
import { stratifiedGroupKFold, stratifiedKFold } from '../../ml/index.ts';

/**
 * Number of inner folds usable with this outcome (each fold needs both classes; with groups, no
 * more folds than patients).
 */
export function usableFolds(y: ArrayLike<number>, k: number, groups?: string[]): number {
  let ones = 0;
  for (let i = 0; i < y.length; i++) ones += y[i]!;
  const byClass = Math.min(k, ones, y.length - ones);
  return Math.max(2, groups ? Math.min(byClass, new Set(groups).size) : byClass);
}

/**
 * 0-based fold id of each training row: stratified k-fold, seeded; with `groups` (the patient of
 * each row) stratified group k-fold, so that no patient is on both sides of an inner split.
 */
export function innerFoldIds(y: number[], k: number, seed: number, groups?: string[]): number[] {
  if (groups) return stratifiedGroupKFold(y, groups, k, { shuffle: true, seed });
  return stratifiedKFold(y, k, { shuffle: true, seed });
}
