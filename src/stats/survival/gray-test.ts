/**
 * Gray's (1988, Ann Stat 16:1141) K-sample test for equality of the cumulative incidence of one
 * cause across groups, ρ = 0 weights by default (cmprsk::cuminc's test). Per group k, with the
 * left-continuous all-cause KM Ŝ_k(t−) and cause-specific incidence F̂_k(t−), the score compares
 * each group's subdistribution hazard with the pooled one at every cause event:
 *   R_k = r_k/Ŝ_k(t−) (h_k in the paper), ΣR = Σ_k R_k, Q = Σ_k r_k(1 − F̂_k(t−))/Ŝ_k(t−),
 *   s_k += (1 − F(t−))^ρ · (d₁ₖ − d₁·r_k(1 − F̂_k(t−))/(Ŝ_k(t−)·Q)),
 * and its variance follows Gray's martingale representation (cmprsk's crst routine, which this
 * reproduces step by step: matrices a (weights) and c (accumulated), terms v₂, v₃ per group).
 * χ² = sᵀV⁻¹s over the first K − 1 groups, df = K − 1. One stratum.
 */
import { SonomicsError } from '../../core/errors.ts';
import { pchisq } from '../distributions.ts';
import { checkSurvival, timeOrder, type SurvivalData } from './data.ts';
import { compareLabels } from './logrank.ts';
import { solveSymmetric } from './linear.ts';

export interface GrayTest {
  cause: number;
  groups: string[];
  statistic: number;
  df: number;
  p: number;
  score: number[];
  variance: number[][];
}

export function grayTest(d: SurvivalData, group: ArrayLike<string | number>, cause = 1, opts: { rho?: number } = {}): GrayTest {
  const n = checkSurvival('grayTest', d);
  if (group.length !== n) throw new SonomicsError('BAD_INPUT', `grayTest: ${n} subjects but ${group.length} group labels`);
  const rho = opts.rho ?? 0;
  const labels = [...new Set(Array.from(group, String))].sort(compareLabels);
  const ng = labels.length;
  if (ng < 2) throw new SonomicsError('ONE_CLASS', `grayTest: needs at least two groups, got ${ng}`);
  const ng1 = ng - 1;
  const gi = Array.from(group, (g) => labels.indexOf(String(g)));
  // Status as cmprsk codes it for one cause: 1 = this cause, 2 = any other, 0 = censored.
  const m = Array.from(d.status, (s) => (s === cause ? 1 : s === 0 ? 0 : 2));
  const order = timeOrder(d.time);
  const rs = new Array<number>(ng).fill(0);
  for (let i = 0; i < n; i++) rs[gi[i]!]!++;
  const s = new Array<number>(ng1).fill(0);
  const v = Array.from({ length: ng1 }, () => new Array<number>(ng1).fill(0));
  const f1m = new Array<number>(ng).fill(0), f1 = new Array<number>(ng).fill(0);
  const skmm = new Array<number>(ng).fill(1), skm = new Array<number>(ng).fill(1);
  const v3 = new Array<number>(ng).fill(0);
  const v2 = Array.from({ length: ng1 }, () => new Array<number>(ng).fill(0));
  const c = Array.from({ length: ng }, () => new Array<number>(ng).fill(0));
  const a = Array.from({ length: ng }, () => new Array<number>(ng).fill(0));
  let fm = 0, f = 0;
  for (let k0 = 0; k0 < n; ) {
    const t = d.time[order[k0]!]!;
    let k1 = k0;
    while (k1 < n && d.time[order[k1]!] === t) k1++;
    const dd = Array.from({ length: 3 }, () => new Array<number>(ng).fill(0));
    for (let q = k0; q < k1; q++) { const i = order[q]!; dd[m[i]!]![gi[i]!]!++; }
    const nd1 = dd[1]!.reduce((x, y) => x + y, 0), nd2 = dd[2]!.reduce((x, y) => x + y, 0);
    if (nd1 > 0 || nd2 > 0) {
      let tr = 0, tq = 0;
      for (let g = 0; g < ng; g++) {
        if (rs[g]! <= 0) continue;
        const td = dd[1]![g]! + dd[2]![g]!;
        skm[g] = (skmm[g]! * (rs[g]! - td)) / rs[g]!;
        f1[g] = f1m[g]! + (skmm[g]! * dd[1]![g]!) / rs[g]!;
        tr += rs[g]! / skmm[g]!;
        tq += (rs[g]! * (1 - f1m[g]!)) / skmm[g]!;
      }
      f = fm + nd1 / tr;
      const fb = (1 - fm) ** rho;
      for (let i = 0; i < ng; i++) {
        for (let j = i; j < ng; j++) a[i]![j] = 0;
        if (rs[i]! <= 0) continue;
        const t1 = rs[i]! / skmm[i]!;
        a[i]![i] = fb * t1 * (1 - t1 / tr);
        c[i]![i] += (a[i]![i]! * nd1) / (tr * (1 - fm));
        for (let j = i + 1; j < ng; j++) {
          if (rs[j]! <= 0) continue;
          a[i]![j] = (-fb * t1 * rs[j]!) / (skmm[j]! * tr);
          c[i]![j] += (a[i]![j]! * nd1) / (tr * (1 - fm));
        }
      }
      for (let i = 1; i < ng; i++) for (let j = 0; j < i; j++) { a[i]![j] = a[j]![i]!; c[i]![j] = c[j]![i]!; }
      for (let i = 0; i < ng1; i++) {
        if (rs[i]! <= 0) continue;
        s[i] += fb * (dd[1]![i]! - (nd1 * rs[i]! * (1 - f1m[i]!)) / (skmm[i]! * tq));
      }
      if (nd1 > 0) {
        for (let k = 0; k < ng; k++) {
          if (rs[k]! <= 0) continue;
          const t4 = skm[k]! > 0 ? 1 - (1 - f) / skm[k]! : 1;
          const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k]! - 1) : 1;
          const t3 = (t5 * skmm[k]! * nd1) / (tr * rs[k]!);
          v3[k] += t4 * t4 * t3;
          for (let i = 0; i < ng1; i++) {
            const t1 = a[i]![k]! - t4 * c[i]![k]!;
            v2[i]![k] += t1 * t4 * t3;
            for (let j = 0; j <= i; j++) v[i]![j] += t1 * (a[j]![k]! - t4 * c[j]![k]!) * t3;
          }
        }
      }
      if (nd2 > 0) {
        for (let k = 0; k < ng; k++) {
          if (skm[k]! <= 0 || dd[2]![k]! <= 0) continue;
          const t4 = (1 - f) / skm[k]!;
          const t5 = dd[2]![k]! > 1 ? 1 - (dd[2]![k]! - 1) / (rs[k]! - 1) : 1;
          const t3 = (t5 * skmm[k]! ** 2 * dd[2]![k]!) / rs[k]! ** 2;
          v3[k] += t4 * t4 * t3;
          for (let i = 0; i < ng1; i++) {
            const t1 = t4 * c[i]![k]!;
            v2[i]![k] -= t1 * t4 * t3;
            for (let j = 0; j <= i; j++) v[i]![j] += t1 * t4 * c[j]![k]! * t3;
          }
        }
      }
    }
    for (let q = k0; q < k1; q++) rs[gi[order[q]!]!]!--;
    fm = f;
    for (let g = 0; g < ng; g++) { f1m[g] = f1[g]!; skmm[g] = skm[g]!; }
    k0 = k1;
  }
  for (let i = 0; i < ng1; i++) for (let j = 0; j <= i; j++) {
    for (let k = 0; k < ng; k++) v[i]![j] += c[i]![k]! * c[j]![k]! * v3[k]! + c[i]![k]! * v2[j]![k]! + c[j]![k]! * v2[i]![k]!;
    v[j]![i] = v[i]![j]!;
  }
  const x = solveSymmetric(v, s);
  const statistic = s.reduce((acc, si, i) => acc + si * x[i]!, 0);
  return { cause, groups: labels, statistic, df: ng1, p: pchisq(statistic, ng1, true), score: s, variance: v };
}
