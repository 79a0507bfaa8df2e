/**
 * Survival timings on seeded synthetic data (no shared files needed):
 *  - cvLassoCox (LASSO-Cox, cv.glmnet conventions), 10 folds, nlambda 100, on 224 × 3,000 features
 *    (a radiomics-sized matrix; 10 informative), event times from a Weibull hazard, ~35 % censored;
 *    with glmnet's thresh 1e-7;
 *  - Cox PH (Efron) on 224 × 8 and Harrell/Uno C, AUC(24) on 224 subjects.
 * Prints JSON lines with wall and CPU milliseconds (one warm-up run first) and the 1-minute load
 * average at the end (CPU time, the figure to compare, still rises on a crowded 2-core machine).
 */
import { loadavg } from 'node:os';
import { Random } from '../src/core/random.ts';
import { coxPH, cvLassoCox } from '../src/ml/index.ts';
import { concordance, timeDependentAuc } from '../src/stats/index.ts';
import { emit, summarise } from './util.ts';

function synth(seed: number, n: number, p: number, informative: number): { X: number[][]; time: number[]; status: number[]; foldId: number[] } {
  const r = new Random(seed);
  const X: number[][] = [], time: number[] = [], status: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(p);
    let prev = 0;
    for (let j = 0; j < p; j++) { prev = 0.5 * prev + r.normal(); row[j] = prev * (1 + (j % 7)) + j; }
    let eta = 0;
    for (let j = 0; j < informative; j++) eta += ((j % 2 ? -1 : 1) * 0.5 * (row[j]! - j)) / (1 + (j % 7));
    // Weibull event time (shape 1.3, H(t) = 0.01·t^1.3·e^η), exponential censoring, end of study at 60.
    const te = (-Math.log(1 - r.next()) / (0.01 * Math.exp(eta))) ** (1 / 1.3);
    const tc = Math.min(-Math.log(1 - r.next()) / 0.01, 60);
    X.push(row);
    time.push(Math.round(Math.min(te, tc) * 10) / 10 || 0.1);
    status.push(te <= tc ? 1 : 0);
  }
  // Folds stratified by event: events and censored cases dealt round-robin in a seeded order.
  const foldId = new Array<number>(n);
  for (const s of [0, 1]) {
    const idx = status.map((v, i) => (v === s ? i : -1)).filter((i) => i >= 0);
    r.shuffle(idx).forEach((i, k) => { foldId[i] = (k % 10) + 1; });
  }
  return { X, time, status, foldId };
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
  const cpu = process.cpuUsage(cpu0);
  emit({ bench: label, ...summarise(ms), cpu_ms_per_run: Math.round((cpu.user + cpu.system) / 1000 / runs), load_avg_1m: Math.round(loadavg()[0]! * 10) / 10, ...info });
}

{
  const { X, time: t, status, foldId } = synth(2024, 224, 3000, 10);
  const events = status.reduce((a, b) => a + b, 0);
  // glmnet's thresh 1e-7 (the tight default, 1e-16, needs several times more passes at the small λ).
  for (const [label, opts] of [['_glmnet_thresh', { thresh: 1e-7 }]] as const) {
    time(`survival_cvlassocox_224x3000_10fold_100lambda${label}`, 1, () => {
      const cv = cvLassoCox(X, { time: t, status }, { foldId, nlambda: 100, typeMeasure: 'deviance', ...opts });
      return { subjects: 224, p: 3000, events, lambdas: cv.lambda.length, index_min: cv.indexMin, nonzero_min: cv.nzero[cv.indexMin], passes_full_path: cv.fit.passes };
    });
  }
}
{
  const { X, time: t, status } = synth(2025, 224, 8, 4);
  time('survival_coxph_efron_224x8', 5, () => {
    const m = coxPH(X, { time: t, status });
    return { subjects: 224, p: 8, iterations: m.iterations };
  });
  const risk = X.map((r) => r[0]! - r[1]!);
  time('survival_harrell_uno_auc24_224', 5, () => {
    const h = concordance({ time: t, status }, risk);
    const u = concordance({ time: t, status }, risk, { timewt: 'n/G2', ymax: 36 });
    const a = timeDependentAuc({ time: t, status }, risk, 24);
    return { harrell: Math.round(h.concordance * 1e4) / 1e4, uno36: Math.round(u.concordance * 1e4) / 1e4, auc24: Math.round(a.auc * 1e4) / 1e4 };
  });
}
