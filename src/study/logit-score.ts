/**
 * A logistic-regression score as the single input of an SVM head (`clinical.input: score`,
 * `combined.input: score`): the linear predictor β₀ + Σ βⱼ xⱼ of an unpenalised logistic
 * regression (R's glm(family = binomial()), src/ml/logistic.ts) on what the head would otherwise
 * read, fitted on the training data only. The likelihood estimates the relative weights of
 * additive-logit predictors; the SVM then only sets the decision function (Platt, threshold)
 * on that one ranked column.
 */
import { SonomicsError } from '../core/errors.ts';
import { logisticRegression } from '../ml/index.ts';

export const CLINICAL_SCORE = 'clinical_score';
export const COMBINED_SCORE = 'combined_score';

export interface LogitScore {
  /** Column name the head reads (clinical_score / combined_score). */
  name: string;
  /** Terms of the linear predictor: design columns, feature names and/or 'radscore'. */
  terms: string[];
  /** Intercept first, then one coefficient per term (log-odds per unit). */
  coef: number[];
}

/**
 * glm.fit's "fitted probabilities numerically 0 or 1" bound is 10·ε; our IRLS stops at a relative
 * deviance change of 1e-12, before separated fits reach it, so a looser bound flags them here.
 */
const SEPARATION_EPS = 1e-9;

/**
 * Fit the score on training rows X (one column per term). `where` names the training set and
 * `option` the config key, for the error message. Throws NOT_CONVERGED when the fit does not
 * converge or the training data are (quasi-)separated: the coefficients would then be arbitrary.
 */
export function fitLogitScore(name: string, terms: string[], X: number[][], y: number[], where: string, option: string, coef?: number[]): { score: LogitScore; values: number[] } {
  const advice = `use ${option}: ${option.startsWith('clinical') ? 'variables' : 'features'} (the SVM on the columns themselves), or fewer predictors`;
  let b = coef;
  if (!b) {
    try {
      const m = logisticRegression(X, y, { names: terms });
      if (!m.converged) throw new SonomicsError('NOT_CONVERGED', `the logistic regression did not converge in ${m.iterations} iterations`);
      b = m.coef;
    } catch (e) {
      if (!(e instanceof SonomicsError)) throw e;
      throw new SonomicsError('NOT_CONVERGED', `${option}: score — the logistic regression behind ${name} on ${where} (${terms.join(', ')}) failed: ${e.message}. ${advice[0]!.toUpperCase()}${advice.slice(1)}.`, { subject: where });
    }
  }
  const s: LogitScore = { name, terms, coef: b };
  const values = X.map((x) => linear(s, x));
  for (const v of values) {
    const p = 1 / (1 + Math.exp(-v));
    if (!(p > SEPARATION_EPS && p < 1 - SEPARATION_EPS)) {
      throw new SonomicsError('NOT_CONVERGED', `${option}: score — the logistic regression behind ${name} on ${where} separates the outcome (fitted probabilities numerically 0 or 1; some predictor or combination of ${terms.join(', ')} splits the classes perfectly), so its weights are arbitrary. ${advice[0]!.toUpperCase()}${advice.slice(1)}.`, { subject: where });
    }
  }
  return { score: s, values };
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
