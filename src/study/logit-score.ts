/**
 * A logistic-regression score as the single input of an SVM head (`clinical.input: score`,
 * `combined.input: score`): the linear predictor β₀ + Σ βⱼ xⱼ of a logistic regression (R's
 * glm(family = binomial()), src/ml/logistic.ts; Firth's penalised likelihood if the training data
 * separate the outcome) on what the head would otherwise read, fitted on the training data only
 * (for the radiomics score: its pre-validated values, see radiomics.ts). The likelihood estimates the relative weights of
 * additive-logit predictors; the SVM then only sets the decision function (Platt, threshold)
 * on that one ranked column.
 */
import { fitLogisticSafe } from './logistic-fit.ts';

export const CLINICAL_SCORE = 'clinical_score';
export const COMBINED_SCORE = 'combined_score';

export interface LogitScore {
  /** Column name the head reads (clinical_score / combined_score). */
  name: string;
  /** Terms of the linear predictor: design columns, feature names and/or 'radscore'. */
  terms: string[];
  /** Intercept first, then one coefficient per term (log-odds per unit). */
  coef: number[];
  /** Fitted by Firth's penalised likelihood because the training data separated the outcome. */
  firth?: true;
}

/**
 * Fit the score on training rows X (one column per term); `where` names the training set. Under
 * separation (small folds) the weights come from Firth's penalised likelihood (logistic-fit.ts),
 * marked on the score. `coef` reuses a fit already made on the same rows.
 */
export function fitLogitScore(name: string, terms: string[], X: number[][], y: number[], where: string, coef?: number[], firth = false): { score: LogitScore; values: number[] } {
  let b = coef, penalised = firth;
  if (!b) {
    const fit = fitLogisticSafe(X, y, terms, `${name} on ${where}`);
    b = fit.model.coef;
    penalised = fit.firth;
  }
  const s: LogitScore = { name, terms, coef: b, ...(penalised ? { firth: true } : {}) };
  return { score: s, values: X.map((x) => linear(s, x)) };
}

/** The score of rows X (one column per term, in the score's order). */
export function logitScoreValues(s: LogitScore, X: number[][]): number[] {
  return X.map((x) => linear(s, x));
}

function linear(s: LogitScore, x: number[]): number {
  let e = s.coef[0]!;
  for (let j = 0; j < s.terms.length; j++) e += s.coef[j + 1]! * x[j]!;
  return e;
}

/** The score of one case record (term name → value); the same sum, in the same order, as on the training rows. */
export function logitScoreOf(s: LogitScore, r: Record<string, number>): number {
  return linear(s, s.terms.map((t) => r[t]!));
}
