/**
 * The logistic head: logistic regression (R's glm(family = binomial()), src/ml/logistic.ts) on the
 * inputs as they are — no scaling, no tuning — with Firth's penalised likelihood when the training
 * data separate the outcome (logistic-fit.ts); threshold = Youden index of its in-sample predictions
 * (a model with a handful of coefficients is not overfitted enough for that to matter, and it
 * needs no inner folds). Its probabilities are on one scale across folds: the same predictor value
 * maps to similar risks in every training fold, so pooled out-of-fold predictions rank like the folds.
 */
import { predictLogistic, logisticLinearPredictor } from '../../ml/index.ts';
import { youdenThreshold } from '../../stats/index.ts';
import { fitLogisticSafe } from '../logistic-fit.ts';
import type { FittedHeadBase, ModelHead } from './contract.ts';
import { binaryLabels } from './outcome.ts';

export interface LogisticHead extends FittedHeadBase {
  kind: 'logistic';
  /** Intercept first, then one log-odds coefficient per feature. */
  coef: number[];
  /** Fitted by Firth's penalised likelihood (the training data separated the outcome). */
  firth?: true;
}

export const logisticHead: ModelHead<LogisticHead, Record<string, never>> = {
  kind: 'logistic',
  outcomes: ['binary'],
  settings: () => ({}),
  fit(X, outcome, features, ctx) {
    const y = binaryLabels(outcome, 'logistic', ctx.model);
    const fit = fitLogisticSafe(X, y, features, `${ctx.model} logistic regression on ${ctx.where}`, ctx.notes);
    const p = predictLogistic(fit.model, X);
    const t = youdenThreshold(y, p).threshold;
    return { kind: 'logistic', features, coef: fit.model.coef, threshold: Number.isFinite(t) ? t : 0.5, ...(fit.firth ? { firth: true as const } : {}) };
  },
  apply(head, X) {
    return { risk: logisticLinearPredictor(head, X), probability: predictLogistic(head, X) };
  },
  describe(head) {
    return { kind: 'logistic', label: 'logistic regression', hyper: {}, text: `a logistic regression${head.firth ? " (Firth's penalised likelihood)" : ''} whose fitted probabilities are the risks` };
  },
  check(head) {
    return Array.isArray(head.coef) && head.coef.length === head.features.length + 1 && head.coef.every(Number.isFinite) ? undefined : 'lacks its coefficients (intercept + one per input)';
  },
  // Coefficients only: nothing of an individual training case.
  forBundle: (head) => head,
  revealsTrainingRows: () => false,
};
