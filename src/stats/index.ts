/**
 * src/stats: ROC/AUC, DeLong, bootstrap, thresholds, calibration, decision curves, ICC,
 * hypothesis tests and distribution functions. Explicit exports keep internal helpers
 * (input checks, rank utilities) out of the package root. See docs/stats.md.
 */
export {
  pnorm, qnorm, dnorm, pt, qt, pchisq, qchisq, pf, qf, pbeta, qbeta, pgamma, qgamma, pNormalTwoSided, pTTwoSided,
} from './distributions.ts';
export { lgamma, lbeta, gammaInc, betaInc } from './special.ts';
export { midranks } from '../math/ranks.ts';
export { median, quantile7 } from '../math/quantile.ts';
export { roc, auc, type RocCurve, type Direction } from './roc.ts';
export {
  delongCI, delongTest, delongTestUnpaired, placements, delongVariance,
  type DelongCI, type DelongTest, type DelongUnpairedTest, type Placements,
} from './delong.ts';
export { bootstrapCI, type BootstrapCI, type BootstrapOptions } from './bootstrap.ts';
export { clusteredAucCovariance, clusteredDelongCI, clusteredDelongTest, clusterBootstrapAucCI, type ClusteredAuc } from './clustered-auc.ts';
export { thresholdMetrics, youdenThreshold, type ThresholdMetrics, type YoudenResult } from './threshold.ts';
export { calibration, type Calibration, type CalibrationOptions, type CalibrationCurvePoint, type ValProbStats } from './calibration.ts';
export { hosmerLemeshow, type HosmerLemeshow, type HosmerLemeshowGroup } from './hosmer-lemeshow.ts';
export { decisionCurve, defaultDcaThresholds, type DecisionCurvePoint } from './decision-curve.ts';
export { icc, iccValue, iccAnova, type IccRow, type IccType, type IccAnova } from './icc.ts';
export { mannWhitney, exactUDistribution, type MannWhitney } from './mann-whitney.ts';
export { tTest, type TTest } from './t-test.ts';
export { chiSquare, type ChiSquare } from './chi-square.ts';
export { fisherExact, type FisherExact } from './fisher.ts';
export { pAdjust, type AdjustMethod } from './adjust.ts';
export * from './survival/index.ts';
export { rocBand, type RocBand } from './roc-band.ts';
export { wilsonInterval } from './proportion-ci.ts';
