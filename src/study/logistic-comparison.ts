/**
 * The clinical logistic model, evaluated beside the clinical SVM for comparison (and behind the
 * points table): logistic regression on the retained clinical variables, refitted on every
 * training fold (also under the paper protocol, where only the variable choice is fixed), threshold
 * = Youden on its in-sample training predictions.
 */
import { predictLogistic } from '../ml/index.ts';
import { fitLogisticSafe } from './logistic-fit.ts';
import { youdenThreshold } from '../stats/index.ts';

export interface LogisticFit { names: string[]; coef: number[]; threshold: number }

function matrix(records: Array<Record<string, number>>, names: string[], fill?: Record<string, number>): number[][] {
  return records.map((r) => names.map((n) => (Number.isNaN(r[n]!) && fill?.[n] !== undefined ? fill[n]! : r[n]!)));
}

export function fitClinicalLogistic(records: Array<Record<string, number>>, y: number[], names: string[], fill?: Record<string, number>): LogisticFit {
  const X = matrix(records, names, fill);
  // Firth's penalised likelihood when a small training fold separates the outcome.
  const m = fitLogisticSafe(X, y, names, 'clinical logistic comparison').model;
  const p = predictLogistic(m, X);
  const t = youdenThreshold(y, p).threshold;
  return { names, coef: m.coef, threshold: Number.isFinite(t) ? t : 0.5 };
}

export function applyClinicalLogistic(fit: LogisticFit, records: Array<Record<string, number>>, fill?: Record<string, number>): number[] {
  return predictLogistic({ coef: fit.coef }, matrix(records, fit.names, fill));
}
