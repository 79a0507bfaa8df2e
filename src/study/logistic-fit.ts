/**
 * Logistic regression that survives separation. Small training folds (a few dozen cases, a handful
 * of binary predictors) often separate the outcome: some predictor pattern occurs only in cases or
 * only in controls, and maximum likelihood has no finite estimate (R's glm warns "fitted
 * probabilities numerically 0 or 1"). Then Firth's penalised likelihood is used instead (Heinze &
 * Schemper 2002, Stat Med 21:2409, the usual remedy), and a note says so.
 */
import { SonomicsError } from '../core/errors.ts';
import { logisticRegression, predictLogistic, type LogisticModel } from '../ml/index.ts';

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
  return predictLogistic(m, X).some((p) => !(p > SEPARATION_EPS && p < 1 - SEPARATION_EPS));
}

/**
 * Which column groups add information beyond the intercept and the groups kept before them
 * (modified Gram–Schmidt; a column whose remaining norm is below 1e-7 of its own is dependent, as
 * R's glm aliases it). groups[g] lists the column indices of group g (one variable's design
 * columns); a group is kept only if all its columns are independent. Small training folds make
 * this common: a rare binary predictor that is all 0, or a targeted-drug flag equal to the
 * chemotherapy flag in every case of the fold.
 */
export function independentGroups(X: number[][], groups: number[][]): boolean[] {
  const n = X.length;
  const basis: Float64Array[] = [new Float64Array(n).fill(1 / Math.sqrt(Math.max(1, n)))];
  return groups.map((cols) => {
    const added: Float64Array[] = [];
    for (const c of cols) {
      const v = new Float64Array(n);
      let norm0 = 0;
      for (let i = 0; i < n; i++) { v[i] = X[i]![c]!; norm0 += v[i]! * v[i]!; }
      for (const b of [...basis, ...added]) {
        let d = 0;
        for (let i = 0; i < n; i++) d += v[i]! * b[i]!;
        for (let i = 0; i < n; i++) v[i] = v[i]! - d * b[i]!;
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += v[i]! * v[i]!;
      if (!(norm > 1e-14 * Math.max(1, norm0))) return false;
      const s = 1 / Math.sqrt(norm);
      for (let i = 0; i < n; i++) v[i] = v[i]! * s;
      added.push(v);
    }
    basis.push(...added);
    return true;
  });
}
