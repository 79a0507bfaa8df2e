/**
 * Fit the classifier head on training data: z-score → SVM (C, γ by inner stratified CV on AUC,
 * unless fixed) → Platt sigmoid fitted on inner out-of-fold decision values (as LIBSVM's
 * `-b 1` does, here with fixed seeded folds so it is deterministic) → Youden threshold on those
 * inner out-of-fold probabilities (pROC coords "best"/youden; first/lowest tied threshold).
 */
import { applyScaler, fitScaler, gridSearchSVM, plattProbability, plattScale, stratifiedKFold, svmDecision, trainSVM } from '../ml/index.ts';
import { youdenThreshold } from '../stats/index.ts';
import type { Head } from './model.ts';

export interface HeadOptions {
  kernel: 'rbf' | 'linear';
  Cs: number[];
  gammas: number[];
  innerFolds: number;
  seed: number;
  /** 'balanced': class weights n / (2·n_c), as scikit-learn's class_weight='balanced'. */
  classWeights: 'balanced' | 'none';
  /** Paper protocol: hyperparameters chosen once on the whole main cohort. */
  fixed?: { C: number; gamma?: number };
}

/** Number of inner folds usable with this outcome (each fold needs both classes). */
export function usableFolds(y: ArrayLike<number>, k: number): number {
  let ones = 0;
  for (let i = 0; i < y.length; i++) ones += y[i]!;
  return Math.max(2, Math.min(k, ones, y.length - ones));
}

export function fitHead(X: number[][], y: number[], features: string[], o: HeadOptions): Head {
  const scaler = fitScaler(X, { sd: 'sample' });
  const Z = applyScaler(scaler, X);
  const k = usableFolds(y, o.innerFolds);
  const ones = y.reduce((a, b) => a + b, 0);
  // Without weights an RBF SVM with small C on imbalanced data often collapses to one constant
  // decision value (every case the majority class); balanced weights avoid that degenerate fit.
  const classWeights = o.classWeights === 'balanced' ? { 0: y.length / (2 * (y.length - ones)), 1: y.length / (2 * ones) } : undefined;
  let C: number;
  let gamma: number | undefined;
  if (o.fixed) {
    C = o.fixed.C;
    gamma = o.fixed.gamma;
  } else {
    const g = gridSearchSVM(Z, y, { kernel: o.kernel, Cs: o.Cs, gammas: o.kernel === 'rbf' ? o.gammas : undefined, folds: k, seed: o.seed, classWeights });
    C = g.C;
    gamma = o.kernel === 'rbf' ? g.gamma : undefined;
  }
  const svmOpts = { kernel: o.kernel, C, gamma, classWeights };
  const svm = trainSVM(Z, y, svmOpts);
  const inner = innerDecisions(Z, y, k, o.seed + 1, svmOpts);
  let platt = plattScale(inner, y);
  // A nearly constant SVM (small C, few binary inputs) gives inner decision values that differ
  // between folds mostly by each fold's offset; the sigmoid fitted on them can then come out
  // decreasing (A > 0), which would turn the model's ranking upside down. The final SVM's own
  // decision values are ordered with the outcome by construction, so refit Platt on those.
  if (platt.A > 0) platt = plattScale(svmDecision(svm, Z), y);
  const innerP = inner.map((f) => plattProbability(platt, f));
  const yd = youdenThreshold(y, innerP);
  const threshold = Number.isFinite(yd.threshold) ? yd.threshold : 0.5;
  return { features, scaler, kernel: o.kernel, C, gamma, svm, platt, threshold };
}

/** Out-of-fold SVM decision values on the (already scaled) training data. */
function innerDecisions(Z: number[][], y: number[], k: number, seed: number, opts: { kernel: 'rbf' | 'linear'; C: number; gamma?: number; classWeights?: { 0: number; 1: number } }): number[] {
  const fold = stratifiedKFold(y, k, { shuffle: true, seed });
  const out = new Array<number>(y.length).fill(0);
  for (let f = 0; f < k; f++) {
    const tr: number[] = [];
    const te: number[] = [];
    fold.forEach((v, i) => (v === f ? te : tr).push(i));
    const m = trainSVM(tr.map((i) => Z[i]!), tr.map((i) => y[i]!), opts);
    const d = svmDecision(m, te.map((i) => Z[i]!));
    te.forEach((i, j) => { out[i] = d[j]!; });
  }
  return out;
}
