/**
 * The SVM head: z-score → C-SVC (C, γ by inner stratified CV on AUC, unless fixed) → Platt sigmoid
 * fitted on inner out-of-fold decision values (as LIBSVM's `-b 1` does, here with fixed seeded
 * folds so it is deterministic) → Youden threshold on those inner out-of-fold probabilities
 * (pROC coords "best"/youden; first/lowest tied threshold).
 */
import { applyScaler, fitScaler, gridSearchSVM, plattProbability, plattScale, svmDecision, trainSVM, type fitScaler as FitScaler, type trainSVM as TrainSVM } from '../../ml/index.ts';
import { youdenThreshold } from '../../stats/index.ts';
import type { FittedHeadBase, HeadFitContext, ModelHead } from './contract.ts';
import { innerFoldIds, usableFolds } from './inner-folds.ts';
import { binaryLabels } from './outcome.ts';

export type Scaler = ReturnType<typeof FitScaler>;
export type SvmModel = ReturnType<typeof TrainSVM>;

export interface SvmHead extends FittedHeadBase {
  kind: 'svm';
  scaler: Scaler;
  kernel: 'rbf' | 'linear';
  C: number;
  gamma?: number;
  svm: SvmModel;
  platt: { A: number; B: number };
}

export interface SvmSettings {
  kernel: 'rbf' | 'linear';
  Cs: number[];
  gammas: number[];
  innerFolds: number;
  /** 'balanced': class weights n / (2·n_c), as scikit-learn's class_weight='balanced'. */
  classWeights: 'balanced' | 'none';
}

type SvmOpts = { kernel: 'rbf' | 'linear'; C: number; gamma?: number; classWeights?: { 0: number; 1: number } };

export const svmHead: ModelHead<SvmHead, SvmSettings> = {
  kind: 'svm',
  outcomes: ['binary'],
  settings({ model, config }) {
    const section = model === 'clinical' ? config.clinical : model === 'radiomics' ? config.radiomics : config.combined;
    return { kernel: section.kernel, Cs: config.svm.Cs, gammas: config.svm.gammas, innerFolds: config.innerFolds, classWeights: config.svm.classWeights };
  },
  fit(X, outcome, features, ctx) {
    return fitSvmHead(X, binaryLabels(outcome, 'svm', ctx.model), features, ctx);
  },
  apply(head, X) {
    const risk = svmDecision(head.svm, applyScaler(head.scaler, X));
    return { risk, probability: risk.map((f) => plattProbability(head.platt, f)) };
  },
  describe(head) {
    const hyper: Record<string, number> = { C: head.C };
    if (head.gamma !== undefined) hyper.gamma = head.gamma;
    return { kind: 'svm', label: `${head.kernel === 'rbf' ? 'RBF' : 'linear'} SVM + Platt`, hyper, text: `a ${head.kernel === 'rbf' ? 'radial-basis' : 'linear'} support vector machine (C = ${head.C}${head.gamma === undefined ? '' : `, γ = ${head.gamma}`}) with Platt-scaled probabilities` };
  },
  check(head) {
    return head.svm && head.scaler && head.platt ? undefined : 'lacks its scaler, SVM or Platt parameters';
  },
};

function fitSvmHead(X: number[][], y: number[], features: string[], ctx: HeadFitContext<SvmSettings>): SvmHead {
  const o = ctx.settings;
  const scaler = fitScaler(X, { sd: 'sample' });
  const Z = applyScaler(scaler, X);
  const k = usableFolds(y, o.innerFolds, ctx.groups);
  const ones = y.reduce((a, b) => a + b, 0);
  // Without weights an RBF SVM with small C on imbalanced data often collapses to one constant
  // decision value (every case the majority class); balanced weights avoid that degenerate fit.
  const classWeights = o.classWeights === 'balanced' ? { 0: y.length / (2 * (y.length - ones)), 1: y.length / (2 * ones) } : undefined;
  let C: number;
  let gamma: number | undefined;
  if (ctx.fixed) {
    C = ctx.fixed.C!;
    gamma = ctx.fixed.gamma;
  } else {
    // Grouped: the tuning folds keep each patient together; ungrouped calls stay as they were.
    const folds = ctx.groups ? { foldIds: innerFoldIds(y, k, ctx.seeds.of('tuning'), ctx.groups) } : { folds: k, seed: ctx.seeds.of('tuning') };
    const g = gridSearchSVM(Z, y, { kernel: o.kernel, Cs: o.Cs, gammas: o.kernel === 'rbf' ? o.gammas : undefined, ...folds, classWeights });
    C = g.C;
    gamma = o.kernel === 'rbf' ? g.gamma : undefined;
  }
  const svmOpts: SvmOpts = { kernel: o.kernel, C, gamma, classWeights };
  const svm = trainSVM(Z, y, svmOpts);
  const inner = innerDecisions(Z, y, k, ctx.seeds.of('calibration'), svmOpts, ctx.groups);
  let platt = plattScale(inner, y);
  // A nearly constant SVM (small C, few binary inputs) gives inner decision values that differ
  // between folds mostly by each fold's offset; the sigmoid fitted on them can then come out
  // decreasing (A > 0), which would turn the model's ranking upside down. The final SVM's own
  // decision values are ordered with the outcome by construction, so refit Platt on those.
  if (platt.A > 0) platt = plattScale(svmDecision(svm, Z), y);
  const innerP = inner.map((f) => plattProbability(platt, f));
  const yd = youdenThreshold(y, innerP);
  const threshold = Number.isFinite(yd.threshold) ? yd.threshold : 0.5;
  return { kind: 'svm', features, scaler, kernel: o.kernel, C, gamma, svm, platt, threshold };
}

/** Out-of-fold SVM decision values on the (already scaled) training data. */
function innerDecisions(Z: number[][], y: number[], k: number, seed: number, opts: SvmOpts, groups?: string[]): number[] {
  const fold = innerFoldIds(y, k, seed, groups);
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
