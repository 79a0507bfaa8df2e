/**
 * Confusion metrics at a threshold and the Youden-optimal threshold.
 * Positive (predicted case) iff score >= threshold — pROC's rule for direction '<' and the
 * dcurves rule for decision curves.
 */
import { roc } from './roc.ts';
import { checkFinite, checkSameLength, checkBinary } from './validate.ts';

export interface ThresholdMetrics {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  sensitivity: number;
  specificity: number;
  accuracy: number;
  /** tp / (tp + fp); NaN when nothing is predicted positive. */
  ppv: number;
  /** tn / (tn + fn); NaN when nothing is predicted negative. */
  npv: number;
}

export function thresholdMetrics(y: ArrayLike<number>, score: ArrayLike<number>, threshold: number): ThresholdMetrics {
  checkSameLength('thresholdMetrics', y, score);
  checkBinary('thresholdMetrics', y);
  checkFinite('thresholdMetrics', score);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < y.length; i++) {
    const pos = score[i]! >= threshold;
    if (y[i] === 1) {
      if (pos) tp++;
      else fn++;
    } else if (pos) fp++;
    else tn++;
  }
  return {
    threshold,
    tp,
    fp,
    tn,
    fn,
    sensitivity: tp / (tp + fn),
    specificity: tn / (tn + fp),
    accuracy: (tp + tn) / y.length,
    ppv: tp / (tp + fp),
    npv: tn / (tn + fn),
  };
}

export interface YoudenResult extends ThresholdMetrics {
  /** Youden's J = sensitivity + specificity − 1 at the chosen threshold. */
  j: number;
  /** Every threshold reaching the maximum (ascending); `threshold` is the first (lowest). */
  tied: number[];
}

/**
 * Youden-best threshold as pROC `coords(roc, "best", best.method = "youden")` for direction '<':
 * maximise sensitivity + specificity over the ROC thresholds (midpoints, ±Inf). Ties are the
 * thresholds whose sum equals the maximum exactly in floating point (pROC compares with ==);
 * all of them are reported in `tied`, and for single use the lowest (most sensitive) is chosen.
 */
export function youdenThreshold(y: ArrayLike<number>, score: ArrayLike<number>): YoudenResult {
  const curve = roc(y, score, { direction: '<' });
  let best = -Infinity;
  for (let i = 0; i < curve.thresholds.length; i++) best = Math.max(best, curve.sensitivities[i]! + curve.specificities[i]!);
  const tied: number[] = [];
  for (let i = 0; i < curve.thresholds.length; i++) {
    if (curve.sensitivities[i]! + curve.specificities[i]! === best) tied.push(curve.thresholds[i]!);
  }
  const m = thresholdMetrics(y, score, tied[0]!);
  return { ...m, j: best - 1, tied };
}
