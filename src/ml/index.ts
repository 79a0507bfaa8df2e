/** src/ml: scaler, LASSO path and CV, logistic regression, SVM, Platt scaling, folds, grid search, ComBat. */
export * from './scaler.ts';
export * from './lasso-path.ts';
export * from './cv-lasso.ts';
export { logisticRegression, predictLogistic, logisticLinearPredictor, type LogisticModel } from './logistic.ts';
export * from './platt.ts';
export * from './folds.ts';
export { aucMannWhitney } from './auc.ts';
export * from './svm.ts';
export { kernelValue, type KernelType } from './svm-kernel.ts';
export * from './grid-search.ts';
export * from './combat.ts';
export { coxPH, coxLinearPredictor, coxSurvival, baselineCumhazAt, type CoxModel, type CoxOptions, type CoxTest } from './cox.ts';
export { baselineIncrements, type CoxTies } from './cox-risk-sets.ts';
export { coxCalibrationSlope, type CalibrationSlope } from './cox-calibration.ts';
export { lassoCoxPath, lassoCoxLinearPredictor, coxnetDeviance, type LassoCoxPath, type LassoCoxOptions } from './lasso-cox.ts';
export { cvLassoCox, type CvLassoCoxResult, type CvLassoCoxOptions, type CoxTypeMeasure } from './cv-lasso-cox.ts';
export { fineGray, type FineGrayModel } from './fine-gray.ts';
export { coxZph, type CoxZphTest, type ZphTransform } from './cox-zph.ts';
