/**
 * SVM hyper-parameter search over C × γ by inner stratified k-fold CV. Each inner training fold
 * is re-scaled (sample SD, as e1071's scale = TRUE) unless `scale: false`, the SVM is trained,
 * and the held-out decision values are scored by AUC. The score of a grid point is the mean of
 * the per-fold AUCs (decision values from different fold models are not on one scale, so they are
 * not pooled). A grid point is degenerate when, in some inner fold, its held-out decision values
 * all fall on one side of zero or are (numerically) constant: the SVM calls every case the same
 * class, and its ranking is an artefact of a nearly flat function (tiny C with a tiny γ on one
 * ordinal predictor ranks correctly yet calls every case positive). The best mean AUC is taken among
 * the non-degenerate points (all points only if every one is degenerate; `degenerate` says so);
 * ties keep the first such point in C-major order (smaller C, then smaller γ as given), i.e. the
 * simplest non-degenerate model when the inputs are sorted ascending.
 */
import { SonomicsError } from '../core/errors.ts';
import { aucMannWhitney } from './auc.ts';
import { foldSplit, stratifiedKFold } from './folds.ts';
import { checkBinary, checkMatrix, selectRows, type Matrix } from './matrix.ts';
import { applyScaler, fitScaler } from './scaler.ts';
import { kernelInputs, svmDecisionShared, svmKernelCache, trainSVM } from './svm.ts';
import { gramMatrix, type KernelType } from './svm-kernel.ts';

/** Largest total size of the shared fold kernels (inner products + Float32 rows). */
const SHARED_CACHE_MAX = 256 * 1024 * 1024;

export interface GridSearchResult {
  C: number;
  gamma?: number;
  score: number;
  /** Every grid point was degenerate; the chosen one is too. */
  degenerate: boolean;
  table: Array<{ C: number; gamma?: number; auc: number; foldAucs: number[]; degenerate: boolean }>;
}

/** Decision values that do not vary (relative spread below 1e-8). */
export function constantDecisions(d: ArrayLike<number>): boolean {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < d.length; i++) { if (d[i]! < lo) lo = d[i]!; if (d[i]! > hi) hi = d[i]!; }
  return !(hi - lo > 1e-8 * Math.max(1, Math.abs(hi), Math.abs(lo)));
}

/** Held-out decision values that call every case one class, or do not vary. */
export function degenerateDecisions(d: ArrayLike<number>): boolean {
  let pos = 0, neg = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < d.length; i++) {
    const v = d[i]!;
    if (v > 0) pos++; else neg++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return pos === 0 || neg === 0 || !(hi - lo > 1e-8 * Math.max(1, Math.abs(hi), Math.abs(lo)));
}

export function gridSearchSVM(
  X: Matrix,
  y: ArrayLike<number>,
  opts: { kernel: KernelType; Cs: number[]; gammas?: number[]; folds?: number; seed?: number; /** 0-based fold ids (e.g. grouped by patient); replace folds/seed */ foldIds?: number[]; scale?: boolean; tolerance?: number; classWeights?: { 0?: number; 1?: number } },
): GridSearchResult {
  const [n, p] = checkMatrix(X, 'gridSearchSVM');
  const yy = checkBinary(y, n, 'gridSearchSVM');
  if (opts.Cs.length === 0) throw new SonomicsError('BAD_SETTINGS', 'gridSearchSVM: Cs is empty.');
  const gammas: (number | undefined)[] = opts.kernel === 'rbf' ? (opts.gammas?.length ? opts.gammas : [1 / p]) : [undefined];
  const foldIds = opts.foldIds ?? stratifiedKFold(yy, opts.folds ?? 5, { shuffle: true, seed: opts.seed ?? 1 });
  if (foldIds.length !== n) throw new SonomicsError('BAD_INPUT', `gridSearchSVM: ${foldIds.length} fold ids for ${n} samples.`);
  const k = Math.max(...foldIds) + 1;
  // Scaled fold data are shared by every grid point.
  const splits = Array.from({ length: k }, (_, f) => {
    const { train, test } = foldSplit(foldIds, f);
    let Xtr: Matrix = selectRows(X, train);
    let Xte: Matrix = selectRows(X, test);
    if (opts.scale ?? true) {
      const s = fitScaler(Xtr, { sd: 'sample' });
      Xtr = applyScaler(s, Xtr);
      Xte = applyScaler(s, Xte);
    }
    // Held-out × training distances (or inner products) serve every grid point's decision values.
    const teInputs = kernelInputs(opts.kernel, Xtr, Xte);
    return { Xtr, Xte, teInputs, ytr: train.map((i) => yy[i]!), yte: test.map((i) => yy[i]!) };
  });
  // Kernel rows depend on the fold and γ but not on C: one cache per (γ, fold) serves every C,
  // and the fold's inner products serve every γ (bit-identical values; memory-bounded).
  const cacheBytes = splits.reduce((s, f) => s + (8 + 12 * gammas.length) * f.Xtr.length ** 2, 0);
  const caches = cacheBytes > SHARED_CACHE_MAX ? null : (() => {
    const dots = splits.map((f) => gramMatrix(f.Xtr));
    return gammas.map((gamma) => splits.map((f, i) => svmKernelCache(f.Xtr, f.ytr, opts.kernel, gamma ?? 1 / p, dots[i])));
  })();
  const table: GridSearchResult['table'] = [];
  for (const C of opts.Cs) {
    for (const [g, gamma] of gammas.entries()) {
      let degenerate = false;
      const foldAucs = splits.map((s, i) => {
        const m = trainSVM(s.Xtr, s.ytr, { kernel: opts.kernel, C, gamma, tolerance: opts.tolerance, classWeights: opts.classWeights, kernelCache: caches?.[g]![i] });
        const d = svmDecisionShared(m, s.teInputs, s.Xtr.length);
        if (degenerateDecisions(d)) degenerate = true;
        return aucMannWhitney(s.yte, d);
      });
      const auc = foldAucs.reduce((a, b) => a + b, 0) / foldAucs.length;
      table.push(gamma === undefined ? { C, auc, foldAucs, degenerate } : { C, gamma, auc, foldAucs, degenerate });
    }
  }
  const allDegenerate = table.every((r) => r.degenerate);
  let best: GridSearchResult['table'][number] | undefined;
  for (const row of table) if (allDegenerate || !row.degenerate) if (!best || row.auc > best.auc) best = row;
  return { C: best!.C, ...(best!.gamma === undefined ? {} : { gamma: best!.gamma }), score: best!.auc, degenerate: allDegenerate, table };
}
