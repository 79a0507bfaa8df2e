/**
 * ROC curve and AUC with pROC's conventions (Robin et al. 2011, pROC 1.18 `roc()`):
 * - levels: controls are y = 0, cases y = 1;
 * - direction '<' (default): controls score lower than cases, a case is predicted when
 *   score >= threshold; '>': when score <= threshold; 'auto' picks '>' only when
 *   median(controls) > median(cases) (pROC's rule), so the AUC is then ≥ 0.5;
 * - thresholds: −Inf, the midpoints (a + b) / 2 between adjacent distinct scores, +Inf, ascending
 *   (pROC's order for both directions);
 * - AUC = P(case score ranks above control) + ½ P(tie), i.e. the Mann–Whitney U / (n1 n0),
 *   computed from midranks in O(n log n).
 */
import { median } from '../math/quantile.ts';
import { midranks } from '../math/ranks.ts';
import { splitByOutcome, type Split } from './validate.ts';

export type Direction = '<' | '>';

export interface RocCurve {
  auc: number;
  direction: Direction;
  thresholds: number[];
  sensitivities: number[];
  specificities: number[];
}

/** pROC's 'auto' rule: '>' only when the controls' median exceeds the cases' median. */
export function autoDirection(split: Split): Direction {
  return median(split.controls) > median(split.cases) ? '>' : '<';
}

export function resolveDirection(split: Split, direction: Direction | 'auto' | undefined): Direction {
  if (direction === undefined) return '<';
  return direction === 'auto' ? autoDirection(split) : direction;
}

/** AUC of cases vs controls for direction '<' (cases higher), ties counted ½. */
export function aucOfSplit(cases: ArrayLike<number>, controls: ArrayLike<number>, direction: Direction = '<'): number {
  const n1 = cases.length;
  const n0 = controls.length;
  const pooled = new Float64Array(n1 + n0);
  const sign = direction === '<' ? 1 : -1;
  for (let i = 0; i < n1; i++) pooled[i] = sign * cases[i]!;
  for (let j = 0; j < n0; j++) pooled[n1 + j] = sign * controls[j]!;
  const r = midranks(pooled);
  let sum = 0;
  for (let i = 0; i < n1; i++) sum += r[i]!;
  return (sum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}

/** AUC only (no curve), with the same conventions as `roc`. */
export function auc(y: ArrayLike<number>, score: ArrayLike<number>, opts: { direction?: Direction | 'auto' } = {}): number {
  const split = splitByOutcome('auc', y, score);
  return aucOfSplit(split.cases, split.controls, resolveDirection(split, opts.direction));
}

export function roc(y: ArrayLike<number>, score: ArrayLike<number>, opts: { direction?: Direction | 'auto' } = {}): RocCurve {
  const split = splitByOutcome('roc', y, score);
  const direction = resolveDirection(split, opts.direction);
  const { cases, controls } = split;
  const n1 = cases.length;
  const n0 = controls.length;
  const c1 = Float64Array.from(cases).sort();
  const c0 = Float64Array.from(controls).sort();
  // Distinct scores, ascending.
  const all = new Float64Array(n1 + n0);
  all.set(c1, 0);
  all.set(c0, n1);
  all.sort();
  const unique: number[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) unique.push(all[i]!);
  const k = unique.length;
  const thresholds: number[] = new Array(k + 1);
  thresholds[0] = -Infinity;
  for (let j = 1; j < k; j++) thresholds[j] = (unique[j - 1]! + unique[j]!) / 2;
  thresholds[k] = Infinity;
  // Threshold j lies between unique[j-1] and unique[j]: below it are the values ≤ unique[j-1].
  // Sweep counting how many cases / controls are ≤ unique[j-1].
  const sensitivities: number[] = new Array(k + 1);
  const specificities: number[] = new Array(k + 1);
  let i1 = 0;
  let i0 = 0;
  for (let j = 0; j <= k; j++) {
    if (j > 0) {
      const v = unique[j - 1]!;
      while (i1 < n1 && c1[i1]! <= v) i1++;
      while (i0 < n0 && c0[i0]! <= v) i0++;
    }
    // i1 cases and i0 controls lie below threshold j.
    if (direction === '<') {
      sensitivities[j] = (n1 - i1) / n1;
      specificities[j] = i0 / n0;
    } else {
      sensitivities[j] = i1 / n1;
      specificities[j] = (n0 - i0) / n0;
    }
  }
  return { auc: aucOfSplit(cases, controls, direction), direction, thresholds, sensitivities, specificities };
}
