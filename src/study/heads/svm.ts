/**
 * The SVM head: z-score → C-SVC (C, γ by inner stratified CV on AUC, unless fixed) → Platt sigmoid
 * fitted on inner out-of-fold decision values (as LIBSVM's `-b 1` does, here with fixed seeded
 * folds so it is deterministic) → Youden threshold on those inner out-of-fold probabilities
 * (pROC coords "best"/youden; first/lowest tied threshold).
 */
import { applyScaler, constantDecisions, degenerateDecisions, fitScaler, gridSearchSVM, plattProbability, plattScale, svmDecision, svmLinearWeights, trainSVM, type fitScaler as FitScaler, type trainSVM as TrainSVM } from '../../ml/index.ts';
import { youdenThreshold } from '../../stats/index.ts';
import { logisticHead } from './logistic.ts';
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
  /**
   * The SVM with its support vectors (rows of the scaled training data). The study keeps it; the
   * bundle drops it for a linear kernel, whose decision is `linear` alone.
   */
  svm?: SvmModel;
  /**
   * Linear kernel: the SVM collapsed to decision = w·z + b (w = Σ αᵢyᵢ zᵢ over the support vectors,
   * LIBSVM's primal form). Every prediction of a linear head goes through it, so the study and a
   * bundle without support vectors give bit-identical risks and no training row is shipped.
   */
  linear?: { w: number[]; b: number };
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
    const head = fitSvmHead(X, binaryLabels(outcome, 'svm', ctx.model), features, ctx);
    if (head) return head;
    // Every grid point gives constant decision values on this training set (e.g. one binary input
    // that barely differs between the classes): the SVM is refused and the model refitted as a
    // logistic regression on the same inputs, which always ranks by them; counted and noted. The
    // fitted head's kind says which head applies it.
    ctx.notes.push(`${ctx.model} SVM on ${ctx.where}: every C${ctx.settings.kernel === 'rbf' ? ' × γ' : ''} in the grid gives constant decision values; the SVM was refused and a logistic regression on the same inputs fitted instead`);
    const lg = logisticHead.fit(X, outcome, features, { ...ctx, settings: {} });
    return { ...lg, fallbacks: ['svm-constant-logistic'] } as unknown as SvmHead;
  },
  apply(head, X) {
    const risk = decision(head, applyScaler(head.scaler, X));
    return { risk, probability: risk.map((f) => plattProbability(head.platt, f)) };
  },
  describe(head) {
    const hyper: Record<string, number> = { C: head.C };
    if (head.gamma !== undefined) hyper.gamma = head.gamma;
    return { kind: 'svm', label: `${head.kernel === 'rbf' ? 'RBF' : 'linear'} SVM + Platt`, hyper, text: `a ${head.kernel === 'rbf' ? 'radial-basis' : 'linear'} support vector machine (C = ${head.C}${head.gamma === undefined ? '' : `, γ = ${head.gamma}`}) with Platt-scaled probabilities` };
  },
  check(head) {
    if (!head.scaler || !head.platt || !(head.svm || head.linear)) return 'lacks its scaler, SVM or Platt parameters';
    const p = head.features.length;
    const finite = (xs: number[]) => xs.every(Number.isFinite);
    if (head.scaler.mean.length !== p || head.scaler.sd.length !== p) return `has a scaler of ${head.scaler.mean.length}/${head.scaler.sd.length} values for ${p} features`;
    if (!finite(head.scaler.mean) || !head.scaler.sd.every((v) => v > 0 && Number.isFinite(v))) return 'has a scaler value that is not finite (or an SD ≤ 0)';
    if (!Number.isFinite(head.platt.A) || !Number.isFinite(head.platt.B)) return 'has a Platt parameter that is not finite';
    if (!(head.C > 0) || (head.kernel === 'rbf' && !(head.gamma! > 0))) return 'has C (or the RBF γ) not > 0';
    if (head.linear) {
      if (head.kernel !== 'linear') return 'has a linear decision function on an RBF head';
      if (head.linear.w.length !== p || !finite(head.linear.w) || !Number.isFinite(head.linear.b)) return `has a linear decision function of ${head.linear.w.length} weights for ${p} features (or a weight that is not finite)`;
    }
    if (head.svm) {
      const s = head.svm;
      if (s.kernel !== head.kernel) return `has an SVM of kernel ${s.kernel} under a ${head.kernel} head`;
      if (s.dualCoef.length !== s.supportVectors.length || !finite(s.dualCoef) || !Number.isFinite(s.rho)) return 'has SVM coefficients that do not match its support vectors';
      if (s.supportVectors.some((v) => v.length !== p || !finite(v))) return `has support vectors that are not ${p} finite values each`;
    }
    return undefined;
  },
  forBundle(head) {
    if (!head.linear) return head;
    const { svm: _svm, ...rest } = head;
    return rest;
  },
  revealsTrainingRows(head) {
    return head.svm !== undefined;
  },
};

/** Decision values on scaled rows: the linear form when there is one, else the SVM's kernel sum. */
function decision(head: SvmHead, Z: number[][]): number[] {
  if (head.linear) {
    const { w, b } = head.linear;
    return Z.map((z) => {
      let s = 0;
      for (let j = 0; j < w.length; j++) s += w[j]! * z[j]!;
      return s + b;
    });
  }
  return svmDecision(head.svm!, Z);
}

function fitSvmHead(X: number[][], y: number[], features: string[], ctx: HeadFitContext<SvmSettings>): SvmHead | undefined {
  const o = ctx.settings;
  const scaler = fitScaler(X, { sd: 'sample' });
  const Z = applyScaler(scaler, X);
  const k = usableFolds(y, o.innerFolds, ctx.groups);
  const ones = y.reduce((a, b) => a + b, 0);
  // Without weights an RBF SVM with small C on imbalanced data often collapses to one constant
  // decision value (every case the majority class); balanced weights avoid that degenerate fit.
  const classWeights = o.classWeights === 'balanced' ? { 0: y.length / (2 * (y.length - ones)), 1: y.length / (2 * ones) } : undefined;
  const fallbacks: string[] = [];
  const what = `${ctx.model} SVM on ${ctx.where}`;
  // Candidates in order of preference: the tuned choice first (grid-search.ts: best inner AUC among
  // non-degenerate points, ties to the simplest), then the other points by inner AUC. A choice whose
  // own training decision values are degenerate (one class for every case, or constant) is
  // replaced by the next; if all are, the head is refused.
  let candidates: Array<{ C: number; gamma?: number }>;
  if (ctx.fixed) candidates = [{ C: ctx.fixed.C!, gamma: ctx.fixed.gamma }];
  else {
    // Grouped: the tuning folds keep each patient together; ungrouped calls stay as they were.
    const folds = ctx.groups ? { foldIds: innerFoldIds(y, k, ctx.seeds.of('tuning'), ctx.groups) } : { folds: k, seed: ctx.seeds.of('tuning') };
    const g = gridSearchSVM(Z, y, { kernel: o.kernel, Cs: o.Cs, gammas: o.kernel === 'rbf' ? o.gammas : undefined, ...folds, classWeights });
    if (g.degenerate) ctx.notes.push(`${what}: every grid point (C × γ) gave inner decision values that call all held-out cases one class or do not vary; the best of them was tried first`);
    const order = g.table.map((r, i) => ({ r, i })).filter(({ r }) => r.C !== g.C || r.gamma !== g.gamma);
    order.sort((a, b) => b.r.auc - a.r.auc || a.i - b.i);
    candidates = [{ C: g.C, gamma: g.gamma }, ...order.map(({ r }) => ({ C: r.C, gamma: r.gamma }))];
  }
  let svmOpts: SvmOpts | undefined;
  let svm: SvmModel | undefined;
  // The first candidate whose decision values at least vary: kept (with a note) when every candidate calls all training cases one class.
  let varying: { opts: SvmOpts; model: SvmModel } | undefined;
  for (const cand of candidates) {
    const opts: SvmOpts = { kernel: o.kernel, C: cand.C, gamma: o.kernel === 'rbf' ? cand.gamma : undefined, classWeights };
    const m = trainSVM(Z, y, opts);
    const d = svmDecision(m, Z);
    if (!degenerateDecisions(d) || ctx.fixed) {
      if (ctx.fixed && degenerateDecisions(d)) ctx.notes.push(`${what}: the fixed hyperparameters (C = ${cand.C}${cand.gamma === undefined ? '' : `, γ = ${cand.gamma}`}) give decision values that call every training case one class`);
      svmOpts = opts;
      svm = m;
      break;
    }
    if (!varying && !constantDecisions(d)) varying = { opts, model: m };
    if (!fallbacks.includes('refit-degenerate')) fallbacks.push('refit-degenerate');
  }
  if ((!svm || !svmOpts) && varying) {
    // Every grid point calls all training cases one class, yet the decision values still rank them:
    // keep the first such (the tuned choice when it varies), say so; its threshold comes from Platt + Youden as usual.
    svmOpts = varying.opts;
    svm = varying.model;
    fallbacks.splice(fallbacks.indexOf('refit-degenerate'), 1, 'one-class');
    ctx.notes.push(`${what}: every C${o.kernel === 'rbf' ? ' × γ' : ''} in the grid gives decision values of one sign on the training data (the SVM alone would call every case one class); C = ${svmOpts.C}${svmOpts.gamma === undefined ? '' : `, γ = ${svmOpts.gamma}`} was kept for its ranking, with the threshold from its Platt probabilities`);
  }
  if (!svm || !svmOpts) return undefined;
  if (fallbacks.includes('refit-degenerate')) ctx.notes.push(`${what}: the tuned C${o.kernel === 'rbf' ? ', γ' : ''} gave a degenerate fit on the training data (every case one class); refitted with C = ${svmOpts.C}${svmOpts.gamma === undefined ? '' : `, γ = ${svmOpts.gamma}`}, the best non-degenerate grid point`);
  const { C, gamma } = svmOpts;
  const inner = innerDecisions(Z, y, k, ctx.seeds.of('calibration'), svmOpts, ctx.groups);
  let platt = plattScale(inner, y);
  // A nearly constant SVM (small C, few binary inputs) gives inner decision values that differ
  // between folds mostly by each fold's offset; the sigmoid fitted on them can then come out
  // decreasing (A > 0), which would turn the model's ranking upside down. The final SVM's own
  // decision values are ordered with the outcome by construction, so refit Platt on those —
  // in-sample, hence optimistic: counted and noted.
  if (platt.A > 0) {
    ctx.notes.push(`${what}: the Platt sigmoid fitted on inner out-of-fold decision values was decreasing (A = ${platt.A.toPrecision(3)}); it was refitted on the in-sample decision values (optimistic calibration)`);
    fallbacks.push('platt-in-sample');
    platt = plattScale(svmDecision(svm, Z), y);
  }
  const innerP = inner.map((f) => plattProbability(platt, f));
  const yd = youdenThreshold(y, innerP);
  const threshold = Number.isFinite(yd.threshold) ? yd.threshold : 0.5;
  const head: SvmHead = { kind: 'svm', features, scaler, kernel: o.kernel, C, gamma, svm, platt, threshold, ...(fallbacks.length ? { fallbacks } : {}) };
  if (o.kernel === 'linear') head.linear = svmLinearWeights(svm);
  return head;
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
