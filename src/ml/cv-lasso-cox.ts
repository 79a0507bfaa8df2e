/**
 * Cross-validated LASSO-Cox with given fold ids, following cv.glmnet(family = "cox") of
 * glmnet 4.1:
 *   deviance (grouped = TRUE, Verweij & Van Houwelingen 1993): per fold k and λ_l,
 *     raw_kl = (dev_all(β_kl) − dev_train_k(β_kl)) / events_k, weights = events per fold,
 *     each deviance with its own saturated term (coxnetDeviance);
 *   C: Harrell's C of the held-out fold's linear predictors, weights = fold sizes;
 *   cvm = Σ w_k raw_k / Σ w_k, cvsd = √(Σ w_k (raw_k − cvm)² / Σ w_k / (K − 1));
 *   λ.min = the largest λ with cvm ≤ min(cvm) (C negated first), λ.1se likewise with
 *   cvm ≤ cvm[min] + cvsd[min] (chooseLambda, shared with cvLasso).
 * Fold fits: by default, as glmnet 4.1 without a `lambda` argument, each fold computes its own λ
 * sequence (own λ_max, early stop) and is read at the full-data λ by linear interpolation in λ
 * (`foldLambda: "own"`); `foldLambda: "full"` fits every fold at exactly the full-data λs
 * (cv.glmnet(lambda = fit$lambda)). Indices are 0-based.
 */
import { SonomicsError } from '../core/errors.ts';
import { concordance } from '../stats/survival/concordance.ts';
import type { SurvivalData } from '../stats/survival/data.ts';
import { chooseLambda, foldSummary } from './cv-lasso.ts';
import { coxnetDevianceOf, lassoCoxLinearPredictor, lassoCoxPath, type LassoCoxOptions, type LassoCoxPath } from './lasso-cox.ts';
import { interpolatePath } from './lasso-path.ts';
import { selectRows, type Matrix } from './matrix.ts';

export type CoxTypeMeasure = 'deviance' | 'C';

export interface CvLassoCoxResult {
  lambda: number[];
  cvm: number[];
  cvsd: number[];
  nzero: number[];
  lambdaMin: number;
  lambda1se: number;
  indexMin: number;
  index1se: number;
  typeMeasure: CoxTypeMeasure;
  fit: LassoCoxPath;
  /** Out-of-fold linear predictors preval[i][l]. */
  preval: number[][];
  /** K × L per-fold values and their weights. */
  foldRaw: number[][];
  foldWeights: number[];
}

export interface CvLassoCoxOptions extends LassoCoxOptions {
  foldId: number[];
  typeMeasure?: CoxTypeMeasure;
  foldLambda?: 'own' | 'full';
}

export function cvLassoCox(X: Matrix, d: SurvivalData, opts: CvLassoCoxOptions): CvLassoCoxResult {
  const type = opts.typeMeasure ?? 'deviance';
  if (type !== 'deviance' && type !== 'C') throw new SonomicsError('BAD_SETTINGS', `cvLassoCox: typeMeasure must be "deviance" or "C", got "${type}"`);
  const n = X.length;
  const foldId = opts.foldId;
  if (foldId.length !== n) throw new SonomicsError('BAD_INPUT', `cvLassoCox: ${foldId.length} fold ids for ${n} subjects`);
  const folds = [...new Set(foldId)].sort((a, b) => a - b);
  if (folds.length < 3) throw new SonomicsError('BAD_SETTINGS', 'cvLassoCox: needs at least 3 folds (as cv.glmnet)');
  const { foldId: _f, typeMeasure: _t, foldLambda: _fl, ...pathOpts } = opts;
  const fit = lassoCoxPath(X, d, pathOpts);
  const L = fit.lambda.length;
  const foldLambda = opts.foldLambda ?? 'own';
  const preval: number[][] = Array.from({ length: n }, () => new Array<number>(L).fill(NaN));
  const foldRaw: number[][] = [];
  const foldWeights: number[] = [];
  const devAll = coxnetDevianceOf(d);
  const sub = (idx: number[]): SurvivalData => ({ time: idx.map((i) => d.time[i]!), status: idx.map((i) => d.status[i]!) });
  for (const f of folds) {
    const train: number[] = [], test: number[] = [];
    for (let i = 0; i < n; i++) (foldId[i] === f ? test : train).push(i);
    const dTrain = sub(train);
    const own = lassoCoxPath(selectRows(X, train), dTrain, foldLambda === 'full' ? { ...pathOpts, lambda: fit.lambda } : pathOpts);
    const path = foldLambda === 'full' ? own : interpolatePath(own, fit.lambda);
    const lpAll = lassoCoxLinearPredictor(path, X);
    test.forEach((i) => { preval[i] = lpAll[i]!; });
    const raw = new Array<number>(L);
    if (type === 'deviance') {
      const events = test.filter((i) => d.status[i] === 1).length;
      const devTrain = coxnetDevianceOf(dTrain);
      for (let l = 0; l < L; l++) {
        const all = devAll(lpAll.map((r) => r[l]!));
        const tr = devTrain(train.map((i) => lpAll[i]![l]!));
        raw[l] = (all - tr) / events;
      }
      foldWeights.push(events);
    } else {
      const dTest = sub(test);
      for (let l = 0; l < L; l++) raw[l] = concordance(dTest, test.map((i) => lpAll[i]![l]!)).concordance;
      foldWeights.push(test.length);
    }
    foldRaw.push(raw);
  }
  const { cvm, cvsd } = foldSummary(foldRaw, foldWeights, L);
  const sign = type === 'C' ? -1 : 1;
  const { indexMin, index1se } = chooseLambda(fit.lambda, cvm.map((v) => sign * v), cvsd);
  return {
    lambda: fit.lambda, cvm, cvsd, nzero: fit.df, lambdaMin: fit.lambda[indexMin]!, lambda1se: fit.lambda[index1se]!, indexMin, index1se,
    typeMeasure: type, fit, preval, foldRaw, foldWeights,
  };
}
