/**
 * AUC with clustered data (several lesions or images per patient): Obuchowski's nonparametric
 * variance (Obuchowski NA. Nonparametric analysis of clustered ROC curve data. Biometrics
 * 1997;53:567–578), the clustered generalisation of DeLong et al. (1988). Units of one cluster
 * (patient) are correlated; the structural components are summed per cluster before their
 * variance is taken, so a patient counted twice does not halve the variance.
 *
 * For clusters i = 1..I with m_i positive and n_i negative units (M = Σm_i, N = Σn_i):
 *   ψ(x, y) = 1 if y < x, ½ if tied, 0 otherwise (cases score higher than controls)
 *   θ = Σ ψ(X, Y) / (M N)
 *   V10_i = Σ_{positives k of i} (1/N) Σ_Y ψ(X_ik, Y),  V01_i = Σ_{negatives l of i} (1/M) Σ_X ψ(X, Y_il)
 *   S10 = I / ((I−1) M) Σ_i (V10_i − m_i θ)²,  S01 = I / ((I−1) N) Σ_i (V01_i − n_i θ)²
 *   S11 = I / (I−1) Σ_i (V10_i − m_i θ)(V01_i − n_i θ)
 *   var θ = S10 / M + S01 / N + 2 S11 / (M N)
 * and for two scores r, s on the same units the same sums of cross-products give cov(θ_r, θ_s)
 * (Obuchowski 1997, section 3), hence a paired test of two AUCs.
 */
import { SonomicsError } from '../core/errors.ts';
import { Random } from '../core/random.ts';
import { bootstrapCI } from './bootstrap.ts';
import { pNormalTwoSided, qnorm } from './distributions.ts';

export interface ClusteredAuc {
  auc: number[];
  /** Covariance matrix of the AUCs. */
  cov: number[][];
  clusters: number;
}

/** Placement values of one score: V10 per positive unit, V01 per negative unit (midrank-free, O(M N)). */
function placements(y: number[], s: number[], pos: number[], neg: number[]): { v10: Float64Array; v01: Float64Array; auc: number } {
  const v10 = new Float64Array(pos.length), v01 = new Float64Array(neg.length);
  // Sort controls once; each case's count of lower / tied controls by binary search.
  const negSorted = neg.map((j) => s[j]!).sort((a, b) => a - b);
  const posSorted = pos.map((i) => s[i]!).sort((a, b) => a - b);
  const below = (arr: number[], x: number) => { let lo = 0, hi = arr.length; while (lo < hi) { const m = (lo + hi) >> 1; if (arr[m]! < x) lo = m + 1; else hi = m; } return lo; };
  const atMost = (arr: number[], x: number) => { let lo = 0, hi = arr.length; while (lo < hi) { const m = (lo + hi) >> 1; if (arr[m]! <= x) lo = m + 1; else hi = m; } return lo; };
  let sum = 0;
  pos.forEach((i, k) => {
    const x = s[i]!;
    const lt = below(negSorted, x), le = atMost(negSorted, x);
    v10[k] = (lt + 0.5 * (le - lt)) / neg.length;
    sum += v10[k]!;
  });
  neg.forEach((j, l) => {
    const yv = s[j]!;
    const gt = pos.length - atMost(posSorted, yv), ge = pos.length - below(posSorted, yv);
    v01[l] = (gt + 0.5 * (ge - gt)) / pos.length;
  });
  void y;
  return { v10, v01, auc: sum / pos.length };
}

/** AUCs of several scores on the same units, with their clustered covariance matrix. */
export function clusteredAucCovariance(y: number[], scores: number[][], groups: string[]): ClusteredAuc {
  const n = y.length;
  if (groups.length !== n || scores.some((s) => s.length !== n)) throw new SonomicsError('BAD_INPUT', `clustered AUC: ${n} outcomes, ${groups.length} groups and scores of other lengths.`);
  const pos: number[] = [], neg: number[] = [];
  y.forEach((v, i) => (v === 1 ? pos : neg).push(i));
  if (!pos.length || !neg.length) throw new SonomicsError('ONE_CLASS', 'clustered AUC needs both outcome classes.');
  const ids = [...new Set(groups)];
  const I = ids.length;
  if (I < 2) throw new SonomicsError('BAD_INPUT', 'clustered AUC needs at least two clusters (patients).');
  const cl = new Map(ids.map((g, i) => [g, i]));
  const M = pos.length, N = neg.length;
  const m = new Float64Array(I), nn = new Float64Array(I);
  for (const i of pos) m[cl.get(groups[i]!)!]!++;
  for (const j of neg) nn[cl.get(groups[j]!)!]!++;
  const per = scores.map((s) => {
    const p = placements(y, s, pos, neg);
    const a10 = new Float64Array(I), a01 = new Float64Array(I);
    pos.forEach((i, k) => { a10[cl.get(groups[i]!)!]! += p.v10[k]!; });
    neg.forEach((j, l) => { a01[cl.get(groups[j]!)!]! += p.v01[l]!; });
    // centred cluster sums V10_i − m_i θ, V01_i − n_i θ
    for (let c = 0; c < I; c++) { a10[c]! -= m[c]! * p.auc; a01[c]! -= nn[c]! * p.auc; }
    return { auc: p.auc, a10, a01 };
  });
  const f = I / (I - 1);
  const cov = per.map((r) => per.map((s) => {
    let s10 = 0, s01 = 0, s11 = 0, s11t = 0;
    for (let c = 0; c < I; c++) {
      s10 += r.a10[c]! * s.a10[c]!;
      s01 += r.a01[c]! * s.a01[c]!;
      s11 += r.a10[c]! * s.a01[c]!;
      s11t += s.a10[c]! * r.a01[c]!;
    }
    return (f * s10 / M) / M + (f * s01 / N) / N + (f * (s11 + s11t)) / (M * N);
  }));
  return { auc: per.map((r) => r.auc), cov, clusters: I };
}

/** AUC with a clustered (patient-level) Wald CI, clipped to [0, 1]. */
export function clusteredDelongCI(y: number[], p: number[], groups: string[], level = 0.95): { auc: number; se: number; lower: number; upper: number; clusters: number } {
  const r = clusteredAucCovariance(y, [p], groups);
  const auc = r.auc[0]!, se = Math.sqrt(Math.max(0, r.cov[0]![0]!));
  const z = qnorm(1 - (1 - level) / 2);
  return { auc, se, lower: Math.max(0, auc - z * se), upper: Math.min(1, auc + z * se), clusters: r.clusters };
}

/** Paired comparison of two AUCs on the same clustered units (two-sided z test). */
export function clusteredDelongTest(y: number[], p1: number[], p2: number[], groups: string[]): { auc1: number; auc2: number; z: number; p: number; se: number } {
  const r = clusteredAucCovariance(y, [p1, p2], groups);
  const v = r.cov[0]![0]! + r.cov[1]![1]! - 2 * r.cov[0]![1]!;
  const d = r.auc[0]! - r.auc[1]!;
  const z = v > 0 ? d / Math.sqrt(v) : d === 0 ? 0 : Infinity * Math.sign(d);
  return { auc1: r.auc[0]!, auc2: r.auc[1]!, z, p: Number.isFinite(z) ? pNormalTwoSided(z) : 0, se: Math.sqrt(Math.max(0, v)) };
}

/**
 * Patient-level bootstrap percentile CI of the AUC: each replicate draws patients with
 * replacement and takes all of their units (Field & Welsh 2007, cluster bootstrap), then the AUC
 * is recomputed as in `bootstrapCI` (type-7 quantiles; replicates with one class are dropped).
 */
export function clusterBootstrapAucCI(y: number[], p: number[], groups: string[], o: { n: number; seed: number; level: number }): { lower: number; upper: number } {
  const ids = [...new Set(groups)];
  const rows = new Map<string, number[]>(ids.map((g) => [g, []]));
  groups.forEach((g, i) => rows.get(g)!.push(i));
  const rng = new Random(o.seed);
  const indices: number[][] = [];
  for (let b = 0; b < o.n; b++) {
    const rep: number[] = [];
    for (let k = 0; k < ids.length; k++) rep.push(...rows.get(ids[rng.int(ids.length)]!)!);
    indices.push(rep);
  }
  const r = bootstrapCI(y, p, { indices, level: o.level, stratified: false, direction: '<' });
  return { lower: r.lower, upper: r.upper };
}
