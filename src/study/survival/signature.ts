/**
 * The radiomics signature of a time-to-event study, on one training set: z-scoring → redundancy
 * filter (|Spearman ρ| > cutoff, keep the feature more related to the event indicator) →
 * LASSO-Cox (glmnet's coxnet conventions, src/ml/lasso-cox.ts; inner stratified CV on the grouped
 * partial-likelihood deviance, cv.glmnet(family = "cox")) at λ.1se or λ.min → the signature
 * Σ β_j z_j (a Cox linear predictor, no intercept) on the features with non-zero coefficients.
 * Also the pre-validated signature of every training case (cv.glmnet's fit.preval at the chosen λ;
 * Tibshirani & Efron 2002): the Cox models that read the signature are fitted on it, since the
 * in-sample signature is overfitted and would get too much weight (as in the binary study, fit.ts).
 * Competing events count as censored (the cause-specific hazard).
 */
import { SonomicsError } from '../../core/errors.ts';
import { applyScaler, cvLassoCox, fitScaler } from '../../ml/index.ts';
import type { SurvivalData } from '../../stats/index.ts';
import { innerFoldIds } from '../heads/inner-folds.ts';
import type { RadScore } from '../model.ts';
import { redundancyFilter } from '../spearman.ts';
import type { SignatureSelection } from './results-types.ts';

export interface SignatureOptions {
  redundancy: number;
  lambdaRule: '1se' | 'min';
  alpha: number;
  innerFolds: number;
  seed: number;
  groups?: string[];
}

export interface SignatureFit {
  selection: SignatureSelection;
  radscore: RadScore;
  /** Pre-validated signature of each training case. */
  prevalidated: number[];
}

export function selectSignature(records: Array<Record<string, number>>, d: SurvivalData, features: string[], where: string, o: SignatureOptions): SignatureFit {
  const notes: string[] = [];
  const event: number[] = Array.from(d.status, (s) => (s === 1 ? 1 : 0));
  const X = records.map((r) => features.map((f) => r[f]!));
  const scaler = fitScaler(X, { sd: 'sample' });
  const Z = applyScaler(scaler, X);
  const redundancy = redundancyFilter(features, features.map((_, j) => Z.map((row) => row[j]!)), event, o.redundancy);
  const keptIdx = redundancy.kept.map((f) => features.indexOf(f));
  const Zk = Z.map((row) => keptIdx.map((j) => row[j]!));
  // Inner folds stratified by status (censored / event / competing); cv.glmnet needs ≥ 3 folds.
  const events = event.reduce((a, b) => a + b, 0);
  const k = Math.min(o.innerFolds, events, o.groups ? new Set(o.groups).size : records.length);
  if (k < 3) throw new SonomicsError('ONE_CLASS', `${where}: ${events} events — too few for the LASSO-Cox inner cross-validation (3 folds at least); use fewer outer folds or models: [clinical].`);
  const foldId = innerFoldIds(Array.from(d.status), k, o.seed, o.groups).map((f) => f + 1);
  // glmnet's default convergence threshold (1e-7): what cv.glmnet users get, and fast enough for a study's ~6 fits.
  const cv = cvLassoCox(Zk, { time: d.time, status: event }, { foldId, alpha: o.alpha, typeMeasure: 'deviance', thresh: 1e-7 });
  let idx = o.lambdaRule === '1se' ? cv.index1se : cv.indexMin;
  const beta = (l: number) => cv.fit.beta.map((row) => row[l]!);
  if (!beta(idx).some((b) => b !== 0)) {
    const start = idx;
    while (idx + 1 < cv.fit.lambda.length && !beta(idx).some((b) => b !== 0)) idx++;
    if (!beta(idx).some((b) => b !== 0)) throw new SonomicsError('BAD_INPUT', `${where}: the LASSO-Cox path selects no radiomics feature at any λ; the features carry no usable signal for the event. Use models: [clinical].`);
    notes.push(`LASSO-Cox at λ.${o.lambdaRule} (index ${start + 1}) selected no feature; the first smaller λ with a non-zero coefficient (index ${idx + 1}) was used`);
  }
  const b = beta(idx);
  const selected = redundancy.kept.map((name, j) => ({ name, coef: b[j]! })).filter((s) => s.coef !== 0);
  const selIdx = selected.map((s) => features.indexOf(s.name));
  const radscore: RadScore = { features: selected.map((s) => s.name), mean: selIdx.map((j) => scaler.mean[j]!), sd: selIdx.map((j) => scaler.sd[j]!), intercept: 0, beta: selected.map((s) => s.coef) };
  const selection: SignatureSelection = { lambdaRule: o.lambdaRule, lambda: cv.fit.lambda[idx]!, lambdaMin: cv.lambdaMin, lambda1se: cv.lambda1se, candidates: redundancy.kept.length, selected, notes };
  return { selection, radscore, prevalidated: cv.preval.map((row) => row[idx]!) };
}
