/**
 * Bootstrap percentile CI of the AUC, as pROC `ci.auc(method = "bootstrap")`: each replicate
 * resamples with replacement — stratified by default (n1 cases from the cases, n0 controls
 * from the controls) — recomputes the AUC with the original direction, and the CI is the
 * type-7 quantile (R's default, numpy 'linear') of the replicate AUCs.
 *
 * Seeded with sonomics' `Random` (xoshiro128**), so results are reproducible but are not R's
 * Mersenne-Twister draws: they agree with pROC only statistically. `indices` replays fixed
 * replicates instead (0-based row indices into y/score, one array per replicate), which does
 * reproduce an external bootstrap exactly.
 */
import { SonomicsError } from '../core/errors.ts';
import { Random } from '../core/random.ts';
import { checkLevel } from './delong.ts';
import { lowerBound } from '../math/ranks.ts';
import { quantile7Sorted } from '../math/quantile.ts';
import { aucOfSplit, resolveDirection, type Direction } from './roc.ts';
import { splitByOutcome } from './validate.ts';

export interface BootstrapOptions {
  /** Number of replicates (default 2000, pROC's default). Ignored when `indices` is given. */
  n?: number;
  /** Seed of the `Random` generator (default 1). */
  seed?: number;
  /** Confidence level (default 0.95). */
  level?: number;
  /** Resample cases and controls separately (default true). */
  stratified?: boolean;
  /** Replay fixed replicates: 0-based row indices, one array per replicate. */
  indices?: number[][];
  direction?: Direction | 'auto';
}

export interface BootstrapCI {
  lower: number;
  upper: number;
  median: number;
  /** Replicate AUCs in replicate order (NaN for a non-stratified replicate with one class). */
  values: number[];
  direction: Direction;
}

export function bootstrapCI(y: ArrayLike<number>, score: ArrayLike<number>, opts: BootstrapOptions = {}): BootstrapCI {
  const level = opts.level ?? 0.95;
  checkLevel('bootstrapCI', level);
  const split = splitByOutcome('bootstrapCI', y, score);
  const direction = resolveDirection(split, opts.direction);
  const values = opts.indices
    ? replay(y, score, opts.indices, direction)
    : resample(y, score, split.cases, split.controls, opts, direction);
  const finite = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  return {
    lower: quantile7Sorted(finite, alpha),
    upper: quantile7Sorted(finite, 1 - alpha),
    median: quantile7Sorted(finite, 0.5),
    values,
    direction,
  };
}

function replay(y: ArrayLike<number>, score: ArrayLike<number>, indices: number[][], direction: Direction): number[] {
  const n = y.length;
  return indices.map((rows, r) => {
    const cases: number[] = [];
    const controls: number[] = [];
    for (const i of rows) {
      if (!Number.isInteger(i) || i < 0 || i >= n) {
        throw new SonomicsError('BAD_INPUT', `bootstrapCI: replicate ${r} has row index ${i}, outside 0..${n - 1}; indices are 0-based`);
      }
      (y[i] === 1 ? cases : controls).push(score[i]!);
    }
    return cases.length && controls.length ? aucOfSplit(cases, controls, direction) : NaN;
  });
}

/**
 * Replicate AUCs without sorting: every resampled score is one of the original distinct values,
 * so each replicate only counts cases and controls per distinct value (O(n + K)) and
 *   AUC = Σ_k cases_k · (controls below k + ½ controls_k) / (n1 n0).
 */
function resample(
  y: ArrayLike<number>,
  score: ArrayLike<number>,
  cases: Float64Array,
  controls: Float64Array,
  opts: BootstrapOptions,
  direction: Direction,
): number[] {
  const reps = opts.n ?? 2000;
  if (!(Number.isInteger(reps) && reps > 0)) throw new SonomicsError('BAD_INPUT', `bootstrapCI: n must be a positive integer, got ${reps}`);
  const rng = new Random(opts.seed ?? 1);
  // Rank of each score among the distinct values, oriented so that "higher" means more case-like.
  const sign = direction === '<' ? 1 : -1;
  const distinct = Float64Array.from(score, (v) => sign * v).sort();
  let k = 0;
  for (let i = 0; i < distinct.length; i++) if (i === 0 || distinct[i] !== distinct[k - 1]) distinct[k++] = distinct[i]!;
  const levels = distinct.subarray(0, k);
  const level = (v: number): number => lowerBound(levels, sign * v);
  const caseLevel = Uint32Array.from(cases, level);
  const controlLevel = Uint32Array.from(controls, level);
  const n1 = cases.length;
  const n0 = controls.length;
  const c1 = new Float64Array(k);
  const c0 = new Float64Array(k);
  const values: number[] = new Array(reps);
  if (opts.stratified ?? true) {
    for (let r = 0; r < reps; r++) {
      c1.fill(0);
      c0.fill(0);
      for (let i = 0; i < n1; i++) c1[caseLevel[rng.int(n1)]!]!++;
      for (let j = 0; j < n0; j++) c0[controlLevel[rng.int(n0)]!]!++;
      values[r] = aucCounts(c1, c0, n1, n0);
    }
    return values;
  }
  const n = y.length;
  const allLevel = Uint32Array.from({ length: n }, (_, i) => level(score[i]!));
  for (let r = 0; r < reps; r++) {
    c1.fill(0);
    c0.fill(0);
    let m1 = 0;
    for (let t = 0; t < n; t++) {
      const i = rng.int(n);
      if (y[i] === 1) {
        c1[allLevel[i]!]!++;
        m1++;
      } else c0[allLevel[i]!]!++;
    }
    values[r] = m1 > 0 && m1 < n ? aucCounts(c1, c0, m1, n - m1) : NaN;
  }
  return values;
}

function aucCounts(c1: Float64Array, c0: Float64Array, n1: number, n0: number): number {
  let below = 0;
  let sum = 0;
  for (let t = 0; t < c1.length; t++) {
    sum += c1[t]! * (below + 0.5 * c0[t]!);
    below += c0[t]!;
  }
  return sum / (n1 * n0);
}
