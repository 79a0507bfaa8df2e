/**
 * Performance of predicted probabilities: AUC with DeLong CI (optional stratified bootstrap CI),
 * confusion metrics at thresholds fixed on training data (positive iff p ≥ threshold; one threshold
 * per case so pooled out-of-fold predictions use their own fold's threshold), calibration, decision
 * curve and the ROC curve for plotting.
 */
import { bootstrapCI, calibration, clusterBootstrapAucCI, clusteredDelongCI, decisionCurve, delongCI, roc } from '../stats/index.ts';

export interface Metrics {
  n: number;
  events: number;
  auc: number;
  auc_ci: [number, number];
  auc_se: number;
  auc_ci_bootstrap?: [number, number];
  /**
   * With data.group: how auc_ci was computed ('clustered DeLong (Obuchowski 1997), patient level');
   * the bootstrap CI then resamples patients. Absent: DeLong, cases independent.
   */
  auc_ci_method?: string;
  /** Number of patients (data.group), when cases are clustered. */
  patients?: number;
  /** The threshold (the mean of the per-fold thresholds for pooled CV predictions). */
  threshold: number;
  accuracy: number;
  sensitivity: number;
  specificity: number;
  ppv: number;
  npv: number;
  tp: number; fp: number; tn: number; fn: number;
  /** Absent when it cannot be fitted (e.g. all predictions equal); `calibration_error` says why. */
  calibration?: ReturnType<typeof calibration>;
  calibration_error?: string;
  decision_curve: ReturnType<typeof decisionCurve>;
  roc: { fpr: number[]; tpr: number[] };
}

export interface MetricOptions { level: number; bootstrap: number; seed: number }

const DCA_THRESHOLDS = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/** `groups`: the patient of each case (data.group); CIs then account for the clustering. */
export function evaluate(y: number[], p: number[], thresholds: number[], o: MetricOptions, groups?: string[]): Metrics {
  const ci = groups ? clusteredDelongCI(y, p, groups, o.level) : delongCI(y, p, { level: o.level, direction: '<' });
  let tp = 0, fp = 0, tn = 0, fn = 0;
  y.forEach((v, i) => {
    const pos = p[i]! >= thresholds[i]!;
    if (v === 1) pos ? tp++ : fn++;
    else pos ? fp++ : tn++;
  });
  const r = roc(y, p, { direction: '<' });
  const m: Metrics = {
    n: y.length,
    events: tp + fn,
    auc: ci.auc,
    auc_ci: [ci.lower, ci.upper],
    auc_se: ci.se,
    ...(groups ? { auc_ci_method: 'clustered DeLong (Obuchowski 1997), patient level', patients: new Set(groups).size } : {}),
    threshold: thresholds.reduce((a, b) => a + b, 0) / thresholds.length,
    accuracy: (tp + tn) / y.length,
    sensitivity: tp / (tp + fn),
    specificity: tn / (tn + fp),
    ppv: tp + fp > 0 ? tp / (tp + fp) : NaN,
    npv: tn + fn > 0 ? tn / (tn + fn) : NaN,
    tp, fp, tn, fn,
    decision_curve: decisionCurve(y, p, DCA_THRESHOLDS),
    roc: { fpr: r.specificities.map((s) => 1 - s), tpr: [...r.sensitivities] },
  };
  try {
    m.calibration = calibration(y, p, { bins: 10 });
  } catch (e) {
    m.calibration_error = (e as Error).message;
  }
  if (o.bootstrap > 0) {
    const b = groups ? clusterBootstrapAucCI(y, p, groups, { n: o.bootstrap, seed: o.seed, level: o.level }) : bootstrapCI(y, p, { n: o.bootstrap, seed: o.seed, level: o.level, stratified: true });
    m.auc_ci_bootstrap = [b.lower, b.upper];
  }
  return m;
}
