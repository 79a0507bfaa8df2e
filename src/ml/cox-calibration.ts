/**
 * Calibration slope of a survival model on new data: a Cox model of the outcome on the model's
 * linear predictor (Van Houwelingen 2000, Stat Med 19:3401); 1 = perfect, < 1 = predictions too
 * extreme. Returned with its Wald SE, 95 % CI and the Wald tests against 0 and against 1.
 */
import { pNormalTwoSided } from '../stats/distributions.ts';
import type { SurvivalData } from '../stats/survival/data.ts';
import { coxPH } from './cox.ts';
import type { CoxTies } from './cox-risk-sets.ts';

export interface CalibrationSlope {
  slope: number;
  se: number;
  lower: number;
  upper: number;
  pVs0: number;
  pVs1: number;
  loglikNull: number;
  loglik: number;
}

const Z975 = 1.959963984540054;

export function coxCalibrationSlope(lp: ArrayLike<number>, d: SurvivalData, ties: CoxTies = 'efron'): CalibrationSlope {
  const fit = coxPH(Array.from(lp, (v) => [v]), d, { ties, names: ['lp'] });
  const b = fit.coef[0]!, se = fit.se[0]!;
  return {
    slope: b, se, lower: b - Z975 * se, upper: b + Z975 * se, pVs0: pNormalTwoSided(b / se), pVs1: pNormalTwoSided((b - 1) / se),
    loglikNull: fit.loglikNull, loglik: fit.loglik,
  };
}
