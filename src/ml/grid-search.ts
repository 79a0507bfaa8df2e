/**
 * SVM hyper-parameter search over C × γ by inner stratified k-fold CV. Each inner training fold
 * is re-scaled (sample SD, as e1071's scale = TRUE) unless `scale: false`, the SVM is trained,
 * and the held-out decision values are scored by AUC. The score of a grid point is the mean of
 * the per-fold AUCs (decision values from different fold models are not on one scale, so they are
 * not pooled). Ties keep the first grid point in C-major order (smaller C, then smaller γ as
 * given), i.e. the simpler model when the inputs are sorted ascending.
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
  table: Array<{ C: number; gamma?: number; auc: number; foldAucs: number[] }>;
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
  let best: GridSearchResult | null = null;
  for (const C of opts.Cs) {
    for (const [g, gamma] of gammas.entries()) {
      const foldAucs = splits.map((s, i) => {
        const m = trainSVM(s.Xtr, s.ytr, { kernel: opts.kernel, C, gamma, tolerance: opts.tolerance, classWeights: opts.classWeights, kernelCache: caches?.[g]![i] });
        return aucMannWhitney(s.yte, svmDecisionShared(m, s.teInputs, s.Xtr.length));
      });
      const auc = foldAucs.reduce((a, b) => a + b, 0) / foldAucs.length;
      const row = gamma === undefined ? { C, auc, foldAucs } : { C, gamma, auc, foldAucs };
      table.push(row);
      if (!best || auc > best.score) best = { C, ...(gamma === undefined ? {} : { gamma }), score: auc, table };
    }
  }
  return best!;
}
