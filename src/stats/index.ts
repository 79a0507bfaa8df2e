/** src/stats: ROC/AUC, DeLong, bootstrap, thresholds, calibration, decision curves, ICC, tests. */
export * from './distributions.ts';
export { lgamma, lbeta, gammaInc, betaInc } from './special.ts';
export { midranks, median, quantile7 } from './ranks.ts';
export * from './roc.ts';
export * from './delong.ts';
export * from './bootstrap.ts';
export * from './threshold.ts';
export * from './calibration.ts';
export * from './hosmer-lemeshow.ts';
export * from './decision-curve.ts';
export * from './icc.ts';
export * from './mann-whitney.ts';
export * from './t-test.ts';
export * from './chi-square.ts';
export * from './fisher.ts';
export * from './adjust.ts';
