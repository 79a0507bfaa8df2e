/**
 * The G-rho family of K-sample tests (Harrington & Fleming 1982), as R's survdiff: at each
 * distinct event time t with d events among n at risk (n_g, d_g in group g), weight
 * w = S(t−)^ρ with S the pooled Kaplan–Meier (ρ = 0: log-rank; ρ = 1: Peto–Peto),
 *   O_g = Σ w d_g,  E_g = Σ w d n_g/n,
 *   V_gh = Σ w² d (n − d)/(n − 1) · (n_g/n)(δ_gh − n_h/n);
 * χ² = (O − E)ᵀ V⁻ (O − E) over the first G − 1 groups, df = G − 1.
 */
import { SonomicsError } from '../../core/errors.ts';
import { pchisq } from '../distributions.ts';
import { solveSymmetric } from './linear.ts';
import { checkSurvival, timeOrder, type SurvivalData } from './data.ts';

export interface LogRankTest {
  groups: string[];
  n: number[];
  observed: number[];
  expected: number[];
  /** G × G variance matrix of O − E. */
  variance: number[][];
  chisq: number;
  df: number;
  p: number;
  rho: number;
}

export function logRankTest(d: SurvivalData, group: ArrayLike<string | number>, opts: { rho?: number } = {}): LogRankTest {
  const n = checkSurvival('logRankTest', d);
  if (group.length !== n) throw new SonomicsError('BAD_INPUT', `logRankTest: ${n} subjects but ${group.length} group labels`);
  const rho = opts.rho ?? 0;
  const labels = [...new Set(Array.from(group, String))].sort(compareLabels);
  const G = labels.length;
  if (G < 2) throw new SonomicsError('ONE_CLASS', `logRankTest: needs at least two groups, got ${G} (${labels.join(', ')})`);
  const gi = Array.from(group, (g) => labels.indexOf(String(g)));
  const order = timeOrder(d.time);
  const nRisk = new Array<number>(G).fill(0);
  for (let i = 0; i < n; i++) nRisk[gi[i]!]!++;
  const sizes = nRisk.slice();
  const O = new Array<number>(G).fill(0), E = new Array<number>(G).fill(0);
  const V = Array.from({ length: G }, () => new Array<number>(G).fill(0));
  let km = 1; // pooled KM, left limit at the current time
  let k = 0;
  while (k < n) {
    const t = d.time[order[k]!]!;
    const dg = new Array<number>(G).fill(0), leave = new Array<number>(G).fill(0);
    let m = k;
    while (m < n && d.time[order[m]!] === t) {
      const i = order[m]!;
      if (d.status[i] === 1) dg[gi[i]!]!++;
      leave[gi[i]!]!++;
      m++;
    }
    const dd = dg.reduce((a, b) => a + b, 0);
    const nn = nRisk.reduce((a, b) => a + b, 0);
    if (dd > 0) {
      const w = km ** rho;
      const f = nn > 1 ? (w * w * dd * (nn - dd)) / (nn - 1) : 0;
      for (let g = 0; g < G; g++) {
        O[g] += w * dg[g]!;
        E[g] += (w * dd * nRisk[g]!) / nn;
        for (let h = 0; h < G; h++) V[g]![h] += f * (nRisk[g]! / nn) * ((g === h ? 1 : 0) - nRisk[h]! / nn);
      }
      km *= 1 - dd / nn;
    }
    for (let g = 0; g < G; g++) nRisk[g] -= leave[g]!;
    k = m;
  }
  const diff = O.slice(0, G - 1).map((o, g) => o - E[g]!);
  const Vr = V.slice(0, G - 1).map((row) => row.slice(0, G - 1));
  const x = solveSymmetric(Vr, diff);
  const chisq = diff.reduce((s, v, g) => s + v * x[g]!, 0);
  return { groups: labels, n: sizes, observed: O, expected: E, variance: V, chisq, df: G - 1, p: pchisq(chisq, G - 1, true), rho };
}

/** Numeric labels in numeric order, others as strings (R's factor levels of a number or string). */
export function compareLabels(a: string, b: string): number {
  const na = Number(a), nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
