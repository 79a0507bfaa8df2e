/**
 * C-SVC with linear and RBF kernels, trained by our port of LIBSVM's SMO (svm-solver.ts).
 * Conventions follow LIBSVM/e1071 so that decision values agree number for number:
 *  - samples are grouped by class, the class of the first training row first (svm_group_classes);
 *    that class is +1 inside the solver and LIBSVM's raw decision value is positive for it;
 *  - class weights multiply C per class (weighted_C); stopping tolerance eps (default 1e-3);
 *  - decision(x) = Σ coef_i K(sv_i, x) − rho, coef_i = y_i α_i.
 * `svmDecision` re-orients the raw value so that **positive ⇒ class 1** whatever the row order.
 * No scaling happens here (LIBSVM does none); e1071's scale = TRUE is fitScaler({sd:'sample'}).
 */
import { SonomicsError } from '../core/errors.ts';
import { checkBinary, checkMatrix, type Matrix } from './matrix.ts';
import { KernelRowCache, kernelValue, type KernelType } from './svm-kernel.ts';
import { solveSmo } from './svm-solver.ts';

export interface SvmOptions {
  kernel: KernelType;
  C: number;
  /** RBF γ; default 1/p (e1071's default). */
  gamma?: number;
  classWeights?: { 0?: number; 1?: number };
  /** Stopping tolerance (LIBSVM eps). Default 1e-3. */
  tolerance?: number;
  /** LIBSVM shrinking heuristic (default true, as e1071). */
  shrinking?: boolean;
  /** Kernel cache size in bytes (default 100 MB, LIBSVM's default is 100 MB too). */
  cacheBytes?: number;
  /**
   * A kernel cache from `svmKernelCache` for the same X, y, kernel and γ, to share kernel rows
   * between fits that differ only in C (or class weights); rows do not depend on C.
   */
  kernelCache?: KernelRowCache;
}

export interface SvmModel {
  kernel: KernelType;
  gamma: number;
  C: number;
  /** The class LIBSVM treats as +1 (the class of the first training row). */
  firstLabel: 0 | 1;
  rho: number;
  supportVectors: number[][];
  /** y_i α_i with y = +1 for `firstLabel`, in LIBSVM's order (first-label SVs first). */
  dualCoef: number[];
  /** 0-based training-row index of each support vector. */
  svIndex: number[];
  nSV: [number, number];
  iterations: number;
}

export function trainSVM(X: Matrix, y: ArrayLike<number>, opts: SvmOptions): SvmModel {
  const [n, p] = checkMatrix(X, 'trainSVM');
  const yy = checkBinary(y, n, 'trainSVM');
  if (!(opts.C > 0)) throw new SonomicsError('BAD_SETTINGS', `trainSVM: C must be > 0, got ${opts.C}.`);
  const gamma = opts.gamma ?? 1 / p;
  if (opts.kernel === 'rbf' && !(gamma > 0)) throw new SonomicsError('BAD_SETTINGS', `trainSVM: gamma must be > 0, got ${gamma}.`);
  const eps = opts.tolerance ?? 1e-3;
  const firstLabel = yy[0]! as 0 | 1;
  const secondLabel = (1 - firstLabel) as 0 | 1;
  const { perm, nFirst, ys } = groupClasses(yy);
  const Xp = perm.map((i) => X[i]!);
  const w = opts.classWeights ?? {};
  const Cp = opts.C * (w[firstLabel] ?? 1);
  const Cn = opts.C * (w[secondLabel] ?? 1);
  if (opts.kernelCache && opts.kernelCache.diag.length !== n) {
    throw new SonomicsError('BAD_INPUT', `trainSVM: the kernel cache has ${opts.kernelCache.diag.length} rows for ${n} samples; build it with svmKernelCache on the same data.`);
  }
  const Q = opts.kernelCache ?? new KernelRowCache(Xp, ys, opts.kernel, gamma, opts.cacheBytes ?? 100 * 1024 * 1024);
  const sol = solveSmo(Q, ys, Cp, Cn, eps, opts.shrinking ?? true);
  const supportVectors: number[][] = [], dualCoef: number[] = [], svIndex: number[] = [];
  const nSV: [number, number] = [0, 0];
  for (let t = 0; t < n; t++) {
    const a = sol.alpha[t]!;
    if (a > 0) {
      supportVectors.push(Array.from(Xp[t]!));
      dualCoef.push(ys[t]! * a);
      svIndex.push(perm[t]!);
      nSV[t < nFirst ? 0 : 1]++;
    }
  }
  return { kernel: opts.kernel, gamma, C: opts.C, firstLabel, rho: sol.rho, supportVectors, dualCoef, svIndex, nSV, iterations: sol.iterations };
}

/** svm_group_classes: first-label rows (in data order), then the others; ±1 labels in that order. */
function groupClasses(yy: ArrayLike<number>): { perm: number[]; nFirst: number; ys: Int8Array } {
  const n = yy.length;
  const perm: number[] = [];
  for (let i = 0; i < n; i++) if (yy[i] === yy[0]) perm.push(i);
  const nFirst = perm.length;
  for (let i = 0; i < n; i++) if (yy[i] !== yy[0]) perm.push(i);
  const ys = new Int8Array(n);
  for (let t = 0; t < n; t++) ys[t] = t < nFirst ? 1 : -1;
  return { perm, nFirst, ys };
}

/**
 * The kernel cache trainSVM would build for (X, y, kernel, γ), to pass as `kernelCache` to
 * several fits that differ only in C. `dots` = gramMatrix(X) (in X's row order) shares the inner
 * products between several γ. Kernel values are bit-identical to trainSVM's own.
 */
export function svmKernelCache(X: Matrix, y: ArrayLike<number>, kernel: KernelType, gamma: number, dots?: Float64Array): KernelRowCache {
  const [n] = checkMatrix(X, 'svmKernelCache');
  const { perm, ys } = groupClasses(checkBinary(y, n, 'svmKernelCache'));
  let permDots: Float64Array | null = null;
  if (dots) {
    permDots = new Float64Array(n * n);
    for (let t = 0; t < n; t++) for (let u = 0; u < n; u++) permDots[t * n + u] = dots[perm[t]! * n + perm[u]!]!;
  }
  return new KernelRowCache(perm.map((i) => X[i]!), ys, kernel, gamma, 100 * 1024 * 1024, permDots);
}

/** LIBSVM's raw decision value (positive ⇒ `firstLabel`). */
export function svmDecisionRaw(model: SvmModel, X: Matrix): number[] {
  const [n, p] = checkMatrix(X, 'svmDecision');
  if (model.supportVectors.length > 0 && p !== model.supportVectors[0]!.length) {
    throw new SonomicsError('BAD_INPUT', `svmDecision: X has ${p} columns but the model was trained on ${model.supportVectors[0]!.length}.`);
  }
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < model.supportVectors.length; k++) s += model.dualCoef[k]! * kernelValue(model.kernel, model.gamma, model.supportVectors[k]!, X[i]!);
    out[i] = s - model.rho;
  }
  return out;
}

/**
 * What `kernelValue` computes before the kernel's own transform, for every (row of X, training
 * row) pair: ‖sv − x‖² (RBF, summed as kernelValue does) or ⟨sv, x⟩ (linear); row-major
 * X.length × train.length. Models trained on `train` with different C or γ can then score X with
 * `svmDecisionShared` without recomputing them (a grid search scores one held-out fold 9–25 times).
 */
export function kernelInputs(kernel: KernelType, train: Matrix, X: Matrix): Float64Array {
  const l = train.length, n = X.length;
  const out = new Float64Array(n * l);
  for (let i = 0; i < n; i++) {
    const b = X[i]!;
    for (let t = 0; t < l; t++) {
      const a = train[t]!;
      let s = 0;
      if (kernel === 'linear') for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
      else for (let k = 0; k < a.length; k++) { const d = a[k]! - b[k]!; s += d * d; }
      out[i * l + t] = s;
    }
  }
  return out;
}

/**
 * `svmDecision(model, X)` from `kernelInputs(model.kernel, train, X)` where `train` is the matrix
 * the model was trained on (support vectors are its rows `svIndex`): the same terms in the same
 * order, so bit-identical values.
 */
export function svmDecisionShared(model: SvmModel, inputs: Float64Array, nTrain: number): number[] {
  const n = inputs.length / nTrain;
  const nsv = model.svIndex.length;
  const out = new Array<number>(n);
  const rbf = model.kernel === 'rbf';
  for (let i = 0; i < n; i++) {
    const row = i * nTrain;
    let s = 0;
    for (let k = 0; k < nsv; k++) {
      const v = inputs[row + model.svIndex[k]!]!;
      s += model.dualCoef[k]! * (rbf ? Math.exp(-model.gamma * v) : v);
    }
    const raw = s - model.rho;
    out[i] = model.firstLabel === 1 ? raw : -raw;
  }
  return out;
}

/** Decision values oriented so that positive ⇒ class 1. */
export function svmDecision(model: SvmModel, X: Matrix): number[] {
  const raw = svmDecisionRaw(model, X);
  return model.firstLabel === 1 ? raw : raw.map((v) => -v);
}

/** Linear kernel only: w and b with decision = w·x + b (oriented to class 1). */
export function svmLinearWeights(model: SvmModel): { w: number[]; b: number } {
  if (model.kernel !== 'linear') throw new SonomicsError('BAD_SETTINGS', 'svmLinearWeights: only for the linear kernel.');
  const p = model.supportVectors[0]?.length ?? 0;
  const w = new Array<number>(p).fill(0);
  model.supportVectors.forEach((sv, k) => { for (let j = 0; j < p; j++) w[j] += model.dualCoef[k]! * sv[j]!; });
  const s = model.firstLabel === 1 ? 1 : -1;
  return { w: w.map((v) => s * v), b: -s * model.rho };
}
