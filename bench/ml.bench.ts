/**
 * src/ml timings on seeded synthetic data (no shared files needed):
 *  - cvLasso, binomial, 10 folds, nlambda 100, on 224 × 3,000 features (a radiomics-sized matrix),
 *    with the defaults (thresh 1e-12 + Newton finish) and with glmnet's thresh 1e-7, no finish;
 *  - SVM grid search, RBF, 5 C × 5 γ, 5-fold inner stratified CV, on 224 × 20.
 * Prints JSON lines with median ms (and a warm-up run first).
 */
import { Random } from '../src/core/random.ts';
import { cvLasso, gridSearchSVM, stratifiedKFold } from '../src/ml/index.ts';
import { emit, summarise } from './util.ts';

function synth(seed: number, n: number, p: number, informative: number): { X: number[][]; y: number[] } {
  const r = new Random(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(p);
    let prev = 0;
    for (let j = 0; j < p; j++) { prev = 0.5 * prev + r.normal(); row[j] = prev * (1 + (j % 7)) + j; }
    let eta = -0.3;
    for (let j = 0; j < informative; j++) eta += ((j % 2 ? -1 : 1) * 1.5 * (row[j]! - j)) / (1 + (j % 7));
    X.push(row);
    y.push(r.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
  }
  return { X, y };
}

function time(label: string, runs: number, fn: () => Record<string, unknown>): void {
  let info: Record<string, unknown> = fn(); // warm-up
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    info = fn();
    ms.push(performance.now() - t);
  }
  // CPU time per run too: wall time is inflated when other processes share the machine.
  const cpu = process.cpuUsage(cpu0);
  emit({ bench: label, ...summarise(ms), cpu_ms_per_run: Math.round((cpu.user + cpu.system) / 1000 / runs), ...info });
}

{
  const { X, y } = synth(2024, 224, 3000, 10);
  const foldId = stratifiedKFold(y, 10, { shuffle: true, seed: 7 }).map((f) => f + 1);
  time('ml_cvlasso_binomial_224x3000_10fold_100lambda', 1, () => {
    const cv = cvLasso(X, y, { family: 'binomial', foldId, nlambda: 100, typeMeasure: 'deviance' });
    return { n: 224, p: 3000, lambdas: cv.lambda.length, index_min: cv.indexMin, nonzero_min: cv.nzero[cv.indexMin] };
  });
  // glmnet's own settings (what the study uses): plain coordinate descent to thresh 1e-7.
  time('ml_cvlasso_binomial_224x3000_10fold_100lambda_glmnet_thresh', 1, () => {
    const cv = cvLasso(X, y, { family: 'binomial', foldId, nlambda: 100, typeMeasure: 'deviance', thresh: 1e-7, polish: false });
    return { n: 224, p: 3000, lambdas: cv.lambda.length, index_min: cv.indexMin, nonzero_min: cv.nzero[cv.indexMin] };
  });
}
{
  const { X, y } = synth(2025, 224, 20, 4);
  const Cs = [0.1, 0.3, 1, 3, 10];
  const gammas = [0.01, 0.03, 0.1, 0.3, 1];
  time('ml_svm_grid_rbf_224x20_5Cx5gamma_5fold', 3, () => {
    const g = gridSearchSVM(X, y, { kernel: 'rbf', Cs, gammas, folds: 5, seed: 3 });
    return { n: 224, p: 20, fits: 125, best_C: g.C, best_gamma: g.gamma, best_auc: Math.round(g.score * 1e4) / 1e4 };
  });
}
