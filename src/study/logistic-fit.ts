/**
 * Logistic regression that survives separation. Small training folds (a few dozen cases, a handful
 * of binary predictors) often separate the outcome: some predictor pattern occurs only in cases or
 * only in controls, and maximum likelihood has no finite estimate (R's glm warns "fitted
 * probabilities numerically 0 or 1"). Then Firth's penalised likelihood is used instead (Heinze &
 * Schemper 2002, Stat Med 21:2409, the usual remedy), and a note says so.
 */
import { SonomicsError } from '../core/errors.ts';
import { logisticRegression, type LogisticModel } from '../ml/index.ts';

/** glm.fit's bound is 10·ε; our IRLS stops earlier on separated data, so a looser bound flags them. */
const SEPARATION_EPS = 1e-9;

export interface SafeLogistic {
  model: LogisticModel;
  /** True when Firth's penalised likelihood replaced maximum likelihood. */
  firth: boolean;
}

/** Fit by maximum likelihood; on separation or non-convergence refit with Firth's penalty and add a note naming `what`. */
export function fitLogisticSafe(X: number[][], y: number[], names: string[], what: string, notes?: string[]): SafeLogistic {
  let reason: string | undefined;
  try {
    const m = logisticRegression(X, y, { names });
    if (!m.converged) reason = `did not converge in ${m.iterations} iterations`;
    else if (separated(m, X)) reason = 'separates the outcome (fitted probabilities numerically 0 or 1)';
    else return { model: m, firth: false };
  } catch (e) {
    if (!(e instanceof SonomicsError) || e.code !== 'NOT_CONVERGED') throw e;
    reason = 'separates the outcome (the maximum-likelihood estimates diverge)';
  }
  const m = logisticRegression(X, y, { names, firth: true });
  notes?.push(`${what}: maximum likelihood ${reason}; Firth's penalised likelihood was used instead`);
  return { model: m, firth: true };
}

function separated(m: LogisticModel, X: number[][]): boolean {
  for (const x of X) {
    let e = m.coef[0]!;
    for (let j = 0; j < x.length; j++) e += m.coef[j + 1]! * x[j]!;
    const p = 1 / (1 + Math.exp(-e));
    if (!(p > SEPARATION_EPS && p < 1 - SEPARATION_EPS)) return true;
  }
  return false;
}
