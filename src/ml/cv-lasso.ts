/**
 * Cross-validated LASSO with given fold ids, following cv.glmnet (glmnet 4.1, grouped = TRUE):
 * the full-data path fixes the λ sequence; each fold is refitted on that sequence (no early stop);
 * held-out predictions give a per-observation loss, averaged per fold (m_k, weight w_k = fold
 * size); cvm = Σ w_k m_k / Σ w_k; cvsd = sqrt(Σ w_k (m_k − cvm)² / Σ w_k / (K − 1)).
 *   deviance (binomial): −2[y log p + (1−y) log(1−p)], p clipped to [1e-5, 1 − 1e-5];
 *   class: 1 if (p > 0.5) ≠ y;  auc: per-fold Mann–Whitney AUC (ties ½);  mse, mae on the link.
 * lambda.min = the largest λ with cvm ≤ min(cvm) (AUC negated first);
 * lambda.1se = the largest λ with cvm ≤ cvm[min] + cvsd[min]  (glmnet's getOptcv.glmnet).
 * Indices are 0-based here (glmnet's are 1-based).
 */
import { SonomicsError } from '../core/errors.ts';
import { aucMannWhitney } from './auc.ts';
import { interpolatePath, lassoLinearPredictor, lassoPath, type LassoOptions, type LassoPath } from './lasso-path.ts';
import { selectRows, type Matrix } from './matrix.ts';

export type TypeMeasure = 'deviance' | 'auc' | 'class' | 'mse' | 'mae';

export interface CvLassoResult {
  lambda: number[];
  cvm: number[];
  cvsd: number[];
  nzero: number[];
  lambdaMin: number;
  lambda1se: number;
  indexMin: number;
  index1se: number;
  typeMeasure: TypeMeasure;
  fit: LassoPath;
  /** Out-of-fold linear predictors: preval[i][k] for sample i at λ_k. */
  preval: number[][];
}

export function cvLasso(X: Matrix, y: ArrayLike<number>, opts: LassoOptions & { foldId: number[]; typeMeasure?: TypeMeasure }): CvLassoResult {
  const family = opts.family ?? 'binomial';
  const type = opts.typeMeasure ?? (family === 'binomial' ? 'deviance' : 'mse');
  const okTypes: TypeMeasure[] = family === 'binomial' ? ['deviance', 'auc', 'class', 'mse', 'mae'] : ['deviance', 'mse', 'mae'];
  if (!okTypes.includes(type)) throw new SonomicsError('BAD_SETTINGS', `cvLasso: typeMeasure '${type}' is not available for the ${family} family.`);
  const n = X.length;
  const foldId = opts.foldId;
  if (foldId.length !== n) throw new SonomicsError('BAD_INPUT', `cvLasso: ${foldId.length} fold ids for ${n} samples.`);
  const folds = [...new Set(foldId)].sort((a, b) => a - b);
  if (folds.length < 3) throw new SonomicsError('BAD_SETTINGS', 'cvLasso: needs at least 3 folds (as cv.glmnet does).');

  const { foldId: _f, typeMeasure: _t, ...pathOpts } = opts;
  const fit = lassoPath(X, y, { ...pathOpts, family });
  const L = fit.lambda.length;
  const preval: number[][] = Array.from({ length: n }, () => new Array<number>(L).fill(NaN));
  for (const f of folds) {
    const train: number[] = [], test: number[] = [];
    for (let i = 0; i < n; i++) (foldId[i] === f ? test : train).push(i);
    const yTrain = train.map((i) => y[i]!);
    // cv.glmnet (4.1) lets every fold compute its own λ sequence (its own λ_max and early stop)
    // and predicts at the full-data λ by linear interpolation of the coefficients in λ
    // (alignment = "lambda", glmnet's lambda.interp); a user λ sequence is reused as is.
    const sub = lassoPath(selectRows(X, train), yTrain, { ...pathOpts, family });
    const lp = lassoLinearPredictor(interpolatePath(sub, fit.lambda), selectRows(X, test));
    test.forEach((i, t) => { preval[i] = lp[t]!; });
  }

  const summary = cvSummary(y, preval, foldId, fit.lambda, family, type);
  return { ...summary, nzero: fit.df, fit, preval };
}

/**
 * cvm, cvsd and the chosen λ from out-of-fold linear predictors (preval[i][k]); lets several
 * type.measures share one set of fold fits.
 */
export function cvSummary(
  y: ArrayLike<number>, preval: number[][], foldId: number[], lambda: number[], family: 'binomial' | 'gaussian', type: TypeMeasure,
): Omit<CvLassoResult, 'fit' | 'preval' | 'nzero'> {
  const n = y.length;
  const L = lambda.length;
  const folds = [...new Set(foldId)].sort((a, b) => a - b);
  const foldMean: number[][] = [];
  const weights: number[] = [];
  for (const f of folds) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (foldId[i] === f) idx.push(i);
    weights.push(idx.length);
    const m = new Array<number>(L);
    for (let k = 0; k < L; k++) {
      if (type === 'auc') {
        m[k] = aucMannWhitney(idx.map((i) => y[i]!), idx.map((i) => preval[i]![k]!));
        continue;
      }
      let s = 0;
      for (const i of idx) s += loss(type, family, y[i]!, preval[i]![k]!);
      m[k] = s / idx.length;
    }
    foldMean.push(m);
  }
  const { cvm, cvsd } = foldSummary(foldMean, weights, L);
  const sign = type === 'auc' ? -1 : 1;
  const { indexMin, index1se } = chooseLambda(lambda, cvm.map((v) => sign * v), cvsd);
  return {
    lambda, cvm, cvsd,
    lambdaMin: lambda[indexMin]!, lambda1se: lambda[index1se]!,
    indexMin, index1se, typeMeasure: type,
  };
}

function loss(type: TypeMeasure, family: string, y: number, lp: number): number {
  if (family === 'binomial') {
    const p = 1 / (1 + Math.exp(-lp));
    switch (type) {
      case 'deviance': {
        const pc = Math.min(Math.max(p, 1e-5), 1 - 1e-5);
        return -2 * (y * Math.log(pc) + (1 - y) * Math.log(1 - pc));
      }
      case 'class': return (p > 0.5 ? 1 : 0) === y ? 0 : 1;
      case 'mse': return (y - p) ** 2;
      case 'mae': return Math.abs(y - p);
      default: throw new SonomicsError('INTERNAL', `cvLasso: no per-observation loss for ${type}.`);
    }
  }
  const d = y - lp;
  return type === 'mae' ? Math.abs(d) : d * d;
}

/** glmnet's getOptcv.glmnet on a loss to minimise. */
/**
 * cv.glmnet's cvm and cvsd per λ from the folds' values: the fold-weighted mean, and the weighted
 * SD of the fold values divided by √(K − 1) (cvcompute). Shared by cvLasso and cvLassoCox.
 */
export function foldSummary(perFold: ArrayLike<number>[], weights: number[], L: number): { cvm: number[]; cvsd: number[] } {
  const K = perFold.length;
  const sw = weights.reduce((a, b) => a + b, 0);
  const cvm = new Array<number>(L), cvsd = new Array<number>(L);
  for (let k = 0; k < L; k++) {
    let s = 0;
    for (let f = 0; f < K; f++) s += weights[f]! * perFold[f]![k]!;
    const m = s / sw;
    let v = 0;
    for (let f = 0; f < K; f++) v += weights[f]! * (perFold[f]![k]! - m) ** 2;
    cvm[k] = m;
    cvsd[k] = Math.sqrt(v / sw / (K - 1));
  }
  return { cvm, cvsd };
}

export function chooseLambda(lambda: number[], cvm: number[], cvsd: number[]): { indexMin: number; index1se: number } {
  let min = Infinity;
  for (const v of cvm) if (v < min) min = v;
  let indexMin = -1;
  for (let k = 0; k < cvm.length; k++) if (cvm[k]! <= min && (indexMin < 0 || lambda[k]! > lambda[indexMin]!)) indexMin = k;
  const se = cvm[indexMin]! + cvsd[indexMin]!;
  let index1se = -1;
  for (let k = 0; k < cvm.length; k++) if (cvm[k]! <= se && (index1se < 0 || lambda[k]! > lambda[index1se]!)) index1se = k;
  return { indexMin, index1se };
}
