/**
 * Brier score at a horizon t with inverse-probability-of-censoring weights (Graf et al. 1999;
 * Gerds & Schumacher 2006), as riskRegression's Score(metrics = "brier", cens.model = "km"):
 *   Brier(t) = (1/n) Σ_i W_i(t)·(I(T_i ≤ t, status_i = 1) − r_i(t))²,
 * with W_i(t) from censoring.ts (a subject with a competing event before t keeps weight
 * 1/G(T_i−) and outcome 0). The standard error treats the weights as known:
 * sd(W_i(Y_i − r_i)²)/√n with the n − 1 SD (riskRegression's conservative = TRUE).
 * With `cluster` (several cases of one patient) the SE is the cluster-robust SE of that mean:
 * √(G/(G − 1) · Σ_g (Σ_{i∈g} (term_i − Brier))²) / n over the G clusters (the sandwich form of a
 * mean's variance, Liang & Zeger 1986). One case per cluster gives back the plain SE exactly; a
 * cohort entered twice keeps the single-entry SE instead of shrinking it by √2.
 */
import { SonomicsError } from '../../core/errors.ts';
import { clusterTotals } from '../cluster-totals.ts';
import { qnorm } from '../distributions.ts';
import { censoringKM, ipcwWeights, type CensoringKM } from './censoring.ts';
import { checkSurvival, type SurvivalData } from './data.ts';

export interface BrierAt {
  time: number;
  brier: number;
  se: number;
  lower: number;
  upper: number;
}

export function brierScore(d: SurvivalData, risk: ArrayLike<number>, t: number, opts: { level?: number; censoring?: CensoringKM; cluster?: ArrayLike<string | number> } = {}): BrierAt {
  const n = checkSurvival('brierScore', d);
  if (risk.length !== n) throw new SonomicsError('BAD_INPUT', `brierScore: ${n} subjects but ${risk.length} risks`);
  const z = qnorm((1 + (opts.level ?? 0.95)) / 2);
  const w = ipcwWeights(d, t, opts.censoring ?? censoringKM(d));
  const terms = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = risk[i]!;
    if (!(r >= 0 && r <= 1)) throw new SonomicsError('BAD_INPUT', `brierScore: risk[${i}] is ${r}; risks must be probabilities in [0, 1]`);
    const y = d.time[i]! <= t && d.status[i] === 1 ? 1 : 0;
    terms[i] = w[i]! * (y - r) ** 2;
    sum += terms[i]!;
  }
  const brier = sum / n;
  const se = opts.cluster ? clusteredSe(terms, brier, opts.cluster) : plainSe(terms, brier);
  return { time: t, brier, se, lower: brier - z * se, upper: brier + z * se };
}

function plainSe(terms: Float64Array, mean: number): number {
  const n = terms.length;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (terms[i]! - mean) ** 2;
  return n > 1 ? Math.sqrt(ss / (n - 1)) / Math.sqrt(n) : NaN;
}

function clusteredSe(terms: Float64Array, mean: number, cluster: ArrayLike<string | number>): number {
  const centred = Array.from(terms, (v) => v - mean);
  const totals = clusterTotals(centred, cluster, 'brierScore');
  const g = totals.length;
  let ss = 0;
  for (const t of totals) ss += t * t;
  return g > 1 ? Math.sqrt((g / (g - 1)) * ss) / terms.length : NaN;
}
