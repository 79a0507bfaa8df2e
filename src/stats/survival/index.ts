/** Survival (time-to-event) measures; see docs/stats.md, "Survival". */
export { checkSurvival, eventIndicator, riskTable, stepAt, stepBefore, timeOrder, type RiskTable, type SurvivalData } from './data.ts';
export { kaplanMeier, kaplanMeierAt, medianOf, survivalCI, type KaplanMeier, type KaplanMeierAt, type KaplanMeierOptions, type SurvivalCI } from './kaplan-meier.ts';
export { logRankTest, type LogRankTest } from './logrank.ts';
export { censoringKM, censoringAt, censoringBefore, ipcwWeights, type CensoringKM } from './censoring.ts';
export { concordance, type Concordance, type ConcordanceOptions, type TimeWeight } from './concordance.ts';
export { timeDependentAuc, type TimeAuc } from './time-auc.ts';
export { brierScore, type BrierAt } from './brier.ts';
export { aalenJohansen, cumulativeIncidenceAt, type CumulativeIncidence } from './aalen-johansen.ts';
export { grayTest, type GrayTest } from './gray-test.ts';
export { survivalCalibration, observedExpected, type SurvivalCalibration, type SurvivalCalibrationGroup } from './calibration.ts';
export { survivalDecisionCurve, type SurvivalDecisionCurve, type SurvivalDecisionPoint } from './decision-curve.ts';
