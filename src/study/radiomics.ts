/**
 * Radiomics feature selection on training data:
 * optional ComBat (Johnson et al. 2007) across batches → z-scoring → redundancy filter
 * (|Spearman ρ| > cutoff, keep the more outcome-related) → LASSO (binomial, glmnet conventions,
 * inner stratified CV on deviance, λ.1se or λ.min) → the features with non-zero coefficients
 * and the radiomics score (the LASSO linear predictor).
 * The ICC robustness filter is applied before (it uses repeat-segmentation data, not the outcome).
 */
import { SonomicsError } from '../core/errors.ts';
import { applyScaler, combatApply, combatFit, cvLasso, fitScaler, lassoCoefficients } from '../ml/index.ts';
import type { CombatModel, RadScore } from './model.ts';
import { redundancyFilter, type RedundancyResult } from './spearman.ts';
import { innerFoldIds, usableFolds } from './heads/inner-folds.ts';

export interface LassoSummary {
  rule: '1se' | 'min';
  features: string[];
  lambda: number[];
  cvm: number[];
  cvsd: number[];
  lambdaMin: number;
  lambda1se: number;
  chosenIndex: number;
  /** Coefficient path on the z-scale, beta[j][k] = feature j at lambda k. */
  beta: number[][];
}

export interface RadiomicsSelection {
  candidates: number;
  combat?: { features: string[]; model: CombatModel };
  redundancy: RedundancyResult;
  lasso: LassoSummary;
  selected: Array<{ name: string; coef: number }>;
  radscore: RadScore;
  notes: string[];
}

export interface RadiomicsOptions {
  combat: boolean;
  redundancy: number;
  lambdaRule: '1se' | 'min';
  /** Elastic-net mixing (glmnet's alpha); default 1 = LASSO. */
  alpha?: number;
  innerFolds: number;
  seed: number;
  /** Patient of each training row: inner folds keep a patient together (see heads/inner-folds.ts). */
  groups?: string[];
}

export function selectRadiomics(records: Array<Record<string, number>>, y: number[], features: string[], batch: string[] | undefined, o: RadiomicsOptions): RadiomicsSelection {
  return selectRadiomicsPrevalidated(records, y, features, batch, o).selection;
}

/**
 * selectRadiomics, plus the pre-validated radiomics score of every training case: its linear
 * predictor at the chosen λ from the inner-CV model that did not see it (cv.glmnet's
 * keep = TRUE fit.preval; Tibshirani & Efron 2002, Stat Appl Genet Mol Biol 1:1). A model that
 * combines the score with other predictors, or calibrates it, must be fitted on these: the
 * in-sample score is overfitted (with ~180 cases and dozens of features it can separate the
 * training outcome perfectly) and would get too much weight and too steep a calibration.
 */
export function selectRadiomicsPrevalidated(records: Array<Record<string, number>>, y: number[], features: string[], batch: string[] | undefined, o: RadiomicsOptions): { selection: RadiomicsSelection; prevalidated: number[] } {
  const notes: string[] = [];
  let X = records.map((r) => features.map((f) => r[f]!));
  let combat: RadiomicsSelection['combat'];
  if (o.combat) {
    if (!batch || new Set(batch).size < 2) {
      throw new SonomicsError('BAD_CONFIG', `ComBat needs at least two batches in the training data (found ${batch ? new Set(batch).size : 0}); use a batch column that varies within the main cohort or set radiomics.combat: false.`);
    }
    const model = combatFit(X, batch);
    X = combatApply(model, X, batch);
    combat = { features, model };
  }
  const scaler = fitScaler(X, { sd: 'sample' });
  const Z = applyScaler(scaler, X);
  const cols = features.map((_, j) => Z.map((row) => row[j]!));
  const redundancy = redundancyFilter(features, cols, y, o.redundancy);
  const keptIdx = redundancy.kept.map((f) => features.indexOf(f));
  const Zk = Z.map((row) => keptIdx.map((j) => row[j]!));
  const k = Math.max(3, usableFolds(y, o.innerFolds, o.groups)); // cv.glmnet needs ≥ 3 folds
  const foldId = innerFoldIds(y, k, o.seed, o.groups).map((f) => f + 1);
  // glmnet's defaults (thresh 1e-7, plain coordinate descent): what cv.glmnet users get, and fast.
  const cv = cvLasso(Zk, y, { foldId, family: 'binomial', alpha: o.alpha ?? 1, typeMeasure: 'deviance', thresh: 1e-7, polish: false });
  let idx = o.lambdaRule === '1se' ? cv.index1se : cv.indexMin;
  let coefs = lassoCoefficients(cv.fit, idx);
  const nonzero = () => coefs.beta.some((b) => b !== 0);
  if (!nonzero()) {
    const start = idx;
    while (idx + 1 < cv.fit.lambda.length && !nonzero()) coefs = lassoCoefficients(cv.fit, ++idx);
    notes.push(`LASSO at λ.${o.lambdaRule} (index ${start + 1}) selected no feature; the first smaller λ with a non-zero coefficient (index ${idx + 1}) was used`);
  }
  const selected = redundancy.kept.map((name, j) => ({ name, coef: coefs.beta[j]! })).filter((s) => s.coef !== 0);
  const selIdx = selected.map((s) => features.indexOf(s.name));
  const radscore: RadScore = {
    features: selected.map((s) => s.name),
    mean: selIdx.map((j) => scaler.mean[j]!),
    sd: selIdx.map((j) => scaler.sd[j]!),
    intercept: coefs.intercept,
    beta: selected.map((s) => s.coef),
  };
  const lasso: LassoSummary = {
    rule: o.lambdaRule,
    features: redundancy.kept,
    lambda: [...cv.lambda],
    cvm: [...cv.cvm],
    cvsd: [...cv.cvsd],
    lambdaMin: cv.lambdaMin,
    lambda1se: cv.lambda1se,
    chosenIndex: idx,
    beta: cv.fit.beta.map((r) => [...r]),
  };
  const prevalidated = cv.preval.map((row) => row[idx]!);
  return { selection: { candidates: features.length, combat, redundancy, lasso, selected, radscore, notes }, prevalidated };
}
