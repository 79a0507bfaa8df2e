/**
 * Calibration of predicted probabilities against 0/1 outcomes (Steyerberg, Clinical Prediction
 * Models, 2nd ed., ch. 15; Van Calster et al. 2019, BMC Med 17:230):
 * - Brier = mean((p − y)²); scaled Brier = 1 − Brier / (ȳ(1 − ȳ));
 * - O/E = Σy / Σp;
 * - calibration-in-the-large (CITL): intercept of glm(y ~ offset(lp)), lp = logit(p);
 * - calibration slope: glm(y ~ lp); its intercept is the joint-fit one (not CITL);
 * - Hosmer–Lemeshow g = 10 (ResourceSelection convention, hosmer-lemeshow.ts);
 * - calibration curve: mean predicted vs observed rate in `bins` quantile groups (built as the
 *   HL groups are, so with the default 10 bins the curve is the HL table);
 * - `valProb`: the closed-form statistics of rms::val.prob (D, U, Q, R², Spiegelhalter z);
 *   the lowess-based Emax/E90/Eavg are not computed.
 */
import { SonomicsError } from '../core/errors.ts';
import { pchisq, pNormalTwoSided, qnorm } from './distributions.ts';
import { hosmerLemeshow, quantileGroups, type HosmerLemeshow } from './hosmer-lemeshow.ts';
import { deviance, fitSmallLogistic } from './logistic-small.ts';
import { checkBinary, checkSameLength } from './validate.ts';

export interface CalibrationCurvePoint {
  meanPredicted: number;
  observed: number;
  n: number;
}

export interface ValProbStats {
  /** Discrimination index D = (LR χ² − 1) / n, LR of p as given (fixed intercept 0, slope 1). */
  d: number;
  dChi2: number;
  /** Unreliability U = (U χ² − 2) / n, U χ² = deviance(p) − deviance(recalibrated). */
  u: number;
  uChi2: number;
  uP: number;
  /** Quality Q = D − U. */
  q: number;
  /** Nagelkerke R² of p as given (val.prob's fixed model). */
  r2: number;
  /** Spiegelhalter's z test of calibration and its two-sided p. */
  spiegelhalterZ: number;
  spiegelhalterP: number;
}

export interface Calibration {
  n: number;
  brier: number;
  brierScaled: number;
  oe: number;
  citl: number;
  citlSe: number;
  citlCI: [number, number];
  citlP: number;
  slope: number;
  slopeIntercept: number;
  slopeSe: number;
  slopeCI: [number, number];
  hosmerLemeshow: HosmerLemeshow;
  curve: CalibrationCurvePoint[];
  valProb: ValProbStats;
}

export interface CalibrationOptions {
  /** Number of quantile groups of the calibration curve (default 10). */
  bins?: number;
  /** Hosmer–Lemeshow groups g (default 10, the conventional test). */
  hlGroups?: number;
  /** Level of the Wald CIs of CITL and slope (default 0.95). */
  level?: number;
}

export function calibration(y: ArrayLike<number>, p: ArrayLike<number>, opts: CalibrationOptions = {}): Calibration {
  checkSameLength('calibration', y, p);
  checkBinary('calibration', y);
  const n = y.length;
  if (n === 0) throw new SonomicsError('BAD_INPUT', 'calibration: no predictions given');
  const lp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pi = p[i]!;
    if (!(pi > 0 && pi < 1)) {
      throw new SonomicsError('BAD_INPUT', `calibration: probability[${i}] is ${pi}; probabilities must lie strictly between 0 and 1`);
    }
    lp[i] = Math.log(pi / (1 - pi));
  }
  let brier = 0;
  let sumY = 0;
  let sumP = 0;
  for (let i = 0; i < n; i++) {
    brier += (p[i]! - y[i]!) ** 2;
    sumY += y[i]!;
    sumP += p[i]!;
  }
  brier /= n;
  const prev = sumY / n;
  const z = qnorm((1 - (opts.level ?? 0.95)) / 2, true);

  const citlFit = fitSmallLogistic(y, null, lp);
  const slopeFit = fitSmallLogistic(y, lp, null);
  const citl = citlFit.coef[0]!;
  const citlSe = citlFit.se[0]!;
  const slope = slopeFit.coef[1]!;
  const slopeSe = slopeFit.se[1]!;
  const hl = hosmerLemeshow(y, p, opts.hlGroups ?? 10);
  const bins = opts.bins ?? 10;
  const curveGroups = bins === hl.g ? hl.groups : quantileGroups(y, p, bins).groups;

  // rms::val.prob closed-form statistics.
  // val.prob takes D and R² from the *fixed* model (intercept 0, slope 1, i.e. p as given):
  // LR = null deviance − deviance(p); U compares deviance(p) with the recalibrated fit.
  const nullDev = deviance(y, null, null, Math.log(prev / (1 - prev)), 0);
  const devP = deviance(y, null, lp, 0, 0);
  const lr = nullDev - devP;
  const uChi2 = devP - slopeFit.deviance;
  let sNum = 0;
  let sDen = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i]!;
    sNum += (y[i]! - pi) * (1 - 2 * pi);
    sDen += (1 - 2 * pi) * (1 - 2 * pi) * pi * (1 - pi);
  }
  const spiegelhalterZ = sNum / Math.sqrt(sDen);
  const d = (lr - 1) / n;
  const u = (uChi2 - 2) / n;

  return {
    n,
    brier,
    brierScaled: 1 - brier / (prev * (1 - prev)),
    oe: sumY / sumP,
    citl,
    citlSe,
    citlCI: [citl - z * citlSe, citl + z * citlSe],
    citlP: pNormalTwoSided(citl / citlSe),
    slope,
    slopeIntercept: slopeFit.coef[0]!,
    slopeSe,
    slopeCI: [slope - z * slopeSe, slope + z * slopeSe],
    hosmerLemeshow: hl,
    curve: curveGroups.map((g) => ({ meanPredicted: g.meanPredicted, observed: g.observedRate, n: g.n })),
    valProb: {
      d,
      dChi2: lr,
      u,
      uChi2,
      uP: pchisq(uChi2, 2, true),
      q: d - u,
      r2: (1 - Math.exp(-lr / n)) / (1 - Math.exp(-nullDev / n)),
      spiegelhalterZ,
      spiegelhalterP: pNormalTwoSided(spiegelhalterZ),
    },
  };
}
