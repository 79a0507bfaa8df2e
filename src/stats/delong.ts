/**
 * DeLong, DeLong & Clarke-Pearson (1988) variance of the AUC and tests for two AUCs, computed
 * with the fast algorithm of Sun & Xu (2014, IEEE Signal Process. Lett. 21:1389), O(n log n):
 * the placement values come from midranks of the pooled, case and control samples.
 *   V10_i = (R_Z(X_i) − R_X(X_i)) / n0     (cases X, controls Y, pooled Z)
 *   V01_j = 1 − (R_Z(Y_j) − R_Y(Y_j)) / n1
 *   AUC = mean(V10);  var = s²(V10)/n1 + s²(V01)/n0  (sample variances, n − 1), as pROC's
 *   `var(roc, method = "delong")` and `roc.test(method = "delong")`.
 * CI: auc ± z_{1−α/2}·se clipped to [0, 1] (pROC `ci.auc(method = "delong")`).
 */
import { SonomicsError } from '../core/errors.ts';
import { pNormalTwoSided, qnorm } from './distributions.ts';
import { midranks } from '../math/ranks.ts';
import { resolveDirection, type Direction } from './roc.ts';
import { checkSameLength, splitByOutcome } from './validate.ts';

export interface Placements {
  auc: number;
  /** Case placements V10 (length n1). */
  v10: Float64Array;
  /** Control placements V01 (length n0). */
  v01: Float64Array;
}

/** Sun–Xu placement values for direction '<' (cases higher). */
export function placements(cases: ArrayLike<number>, controls: ArrayLike<number>, direction: Direction = '<'): Placements {
  const n1 = cases.length;
  const n0 = controls.length;
  const sign = direction === '<' ? 1 : -1;
  const x = new Float64Array(n1);
  const yv = new Float64Array(n0);
  const z = new Float64Array(n1 + n0);
  for (let i = 0; i < n1; i++) z[i] = x[i] = sign * cases[i]!;
  for (let j = 0; j < n0; j++) z[n1 + j] = yv[j] = sign * controls[j]!;
  const rz = midranks(z);
  const rx = midranks(x);
  const ry = midranks(yv);
  const v10 = new Float64Array(n1);
  const v01 = new Float64Array(n0);
  let sum = 0;
  for (let i = 0; i < n1; i++) {
    v10[i] = (rz[i]! - rx[i]!) / n0;
    sum += rz[i]!;
  }
  for (let j = 0; j < n0; j++) v01[j] = 1 - (rz[n1 + j]! - ry[j]!) / n1;
  const auc = (sum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
  return { auc, v10, v01 };
}

function sampleCov(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  if (n < 2) return NaN;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[i]! - ma) * (b[i]! - mb);
  return s / (n - 1);
}

/** DeLong variance of one AUC from its placements. */
export function delongVariance(p: Placements): number {
  return sampleCov(p.v10, p.v10) / p.v10.length + sampleCov(p.v01, p.v01) / p.v01.length;
}

export interface DelongCI {
  auc: number;
  variance: number;
  se: number;
  lower: number;
  upper: number;
  direction: Direction;
}

export function delongCI(
  y: ArrayLike<number>,
  score: ArrayLike<number>,
  opts: { level?: number; direction?: Direction | 'auto' } = {},
): DelongCI {
  const level = opts.level ?? 0.95;
  checkLevel('delongCI', level);
  const split = splitByOutcome('delongCI', y, score);
  const direction = resolveDirection(split, opts.direction);
  const p = placements(split.cases, split.controls, direction);
  const variance = delongVariance(p);
  const se = Math.sqrt(variance);
  const z = qnorm((1 - level) / 2, true);
  return {
    auc: p.auc,
    variance,
    se,
    lower: Math.max(0, p.auc - z * se),
    upper: Math.min(1, p.auc + z * se),
    direction,
  };
}

export interface DelongTest {
  auc1: number;
  auc2: number;
  diff: number;
  z: number;
  p: number;
  var1: number;
  var2: number;
  cov12: number;
  /** CI of auc1 − auc2 at `level` (default 95 %). */
  ciDiff: [number, number];
}

/**
 * Paired DeLong test of two correlated AUCs on the same cases (pROC `roc.test(method = "delong",
 * paired = TRUE)`): z = (auc1 − auc2) / sqrt(var1 + var2 − 2 cov12), two-sided normal p.
 */
export function delongTest(
  y: ArrayLike<number>,
  scoreA: ArrayLike<number>,
  scoreB: ArrayLike<number>,
  opts: { level?: number; directionA?: Direction; directionB?: Direction } = {},
): DelongTest {
  const level = opts.level ?? 0.95;
  checkLevel('delongTest', level);
  checkSameLength('delongTest', scoreA, scoreB);
  const a = splitByOutcome('delongTest (score A)', y, scoreA);
  const b = splitByOutcome('delongTest (score B)', y, scoreB);
  const pa = placements(a.cases, a.controls, opts.directionA ?? '<');
  const pb = placements(b.cases, b.controls, opts.directionB ?? '<');
  const n1 = pa.v10.length;
  const n0 = pa.v01.length;
  const var1 = delongVariance(pa);
  const var2 = delongVariance(pb);
  const cov12 = sampleCov(pa.v10, pb.v10) / n1 + sampleCov(pa.v01, pb.v01) / n0;
  const diff = pa.auc - pb.auc;
  const sd = Math.sqrt(var1 + var2 - 2 * cov12);
  const z = diff / sd;
  const q = qnorm((1 - level) / 2, true);
  return {
    auc1: pa.auc,
    auc2: pb.auc,
    diff,
    z,
    p: pNormalTwoSided(z),
    var1,
    var2,
    cov12,
    ciDiff: [diff - q * sd, diff + q * sd],
  };
}

export interface DelongUnpairedTest {
  auc1: number;
  auc2: number;
  diff: number;
  z: number;
  p: number;
  var1: number;
  var2: number;
  ciDiff: [number, number];
}

/**
 * Unpaired DeLong test of two independent AUCs (pROC `roc.test(method = "delong",
 * paired = FALSE)`): z = (auc1 − auc2) / sqrt(var1 + var2).
 */
export function delongTestUnpaired(
  yA: ArrayLike<number>,
  scoreA: ArrayLike<number>,
  yB: ArrayLike<number>,
  scoreB: ArrayLike<number>,
  opts: { level?: number; directionA?: Direction; directionB?: Direction } = {},
): DelongUnpairedTest {
  const level = opts.level ?? 0.95;
  checkLevel('delongTestUnpaired', level);
  const a = splitByOutcome('delongTestUnpaired (sample A)', yA, scoreA);
  const b = splitByOutcome('delongTestUnpaired (sample B)', yB, scoreB);
  const pa = placements(a.cases, a.controls, opts.directionA ?? '<');
  const pb = placements(b.cases, b.controls, opts.directionB ?? '<');
  const var1 = delongVariance(pa);
  const var2 = delongVariance(pb);
  const diff = pa.auc - pb.auc;
  const sd = Math.sqrt(var1 + var2);
  const z = diff / sd;
  const q = qnorm((1 - level) / 2, true);
  return { auc1: pa.auc, auc2: pb.auc, diff, z, p: pNormalTwoSided(z), var1, var2, ciDiff: [diff - q * sd, diff + q * sd] };
}

export function checkLevel(what: string, level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new SonomicsError('BAD_INPUT', `${what}: confidence level must be in (0, 1), got ${level}; use e.g. 0.95`);
  }
}
