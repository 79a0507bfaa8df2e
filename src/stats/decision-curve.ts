/**
 * Decision-curve analysis (Vickers & Elkin 2006, Med Decis Making 26:565), dcurves convention:
 *   positive iff p >= t;  NB(t) = TP/n − FP/n · t/(1 − t);
 *   treat all: NB = prev − (1 − prev) · t/(1 − t);  treat none: 0;
 *   standardised NB = NB / prev.
 * Default thresholds: round(seq(0.01, 0.99, 0.01), 2), i.e. k/100 for k = 1..99.
 */
import { SonomicsError } from '../core/errors.ts';
import { checkBinary, checkFinite, checkSameLength } from './validate.ts';

export interface DecisionCurvePoint {
  threshold: number;
  tp: number;
  fp: number;
  netBenefit: number;
  standardizedNetBenefit: number;
  treatAll: number;
  treatNone: number;
}

export function defaultDcaThresholds(): number[] {
  return Array.from({ length: 99 }, (_, k) => (k + 1) / 100);
}

export function decisionCurve(y: ArrayLike<number>, p: ArrayLike<number>, thresholds: number[] = defaultDcaThresholds()): DecisionCurvePoint[] {
  checkSameLength('decisionCurve', y, p);
  checkBinary('decisionCurve', y);
  checkFinite('decisionCurve', p, 'probability');
  const n = y.length;
  let events = 0;
  for (let i = 0; i < n; i++) events += y[i]!;
  const prev = events / n;
  return thresholds.map((t) => {
    if (!(t >= 0 && t < 1)) throw new SonomicsError('BAD_INPUT', `decisionCurve: threshold ${t} must be in [0, 1)`);
    let tp = 0;
    let fp = 0;
    for (let i = 0; i < n; i++) {
      if (p[i]! >= t) {
        if (y[i] === 1) tp++;
        else fp++;
      }
    }
    const odds = t / (1 - t);
    const nb = tp / n - (fp / n) * odds;
    return {
      threshold: t,
      tp,
      fp,
      netBenefit: nb,
      standardizedNetBenefit: nb / prev,
      treatAll: prev - (1 - prev) * odds,
      treatNone: 0,
    };
  });
}
