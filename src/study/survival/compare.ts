/**
 * Paired comparison of two models' Harrell C on the same cases: the difference with the
 * infinitesimal-jackknife variance of the pair, var(C_a − C_b) = Σ_i (dfbeta_a,i − dfbeta_b,i)²
 * — the covariance R's survival::concordance gives for several predictors in one call
 * (Therneau & Atkinson, "The concordance statistic", §5); z test and Wald CI of the difference.
 */
import { clusterTotals } from '../../stats/cluster-totals.ts';
import { concordance, pNormalTwoSided, qnorm, type SurvivalData } from '../../stats/index.ts';
import type { ModelName } from '../config.ts';
import type { CIndexComparison } from './results-types.ts';

export const C_COMPARISON_METHOD = 'paired difference of Harrell\'s C, infinitesimal-jackknife covariance (R survival::concordance with two predictors)';

export function compareConcordance(cohort: string, d: SurvivalData, a: ModelName, riskA: number[], b: ModelName, riskB: number[], level: number, cluster?: string[]): CIndexComparison {
  const ca = concordance(d, riskA), cb = concordance(d, riskB);
  // With patients (cluster) the paired dfbeta differences are summed per patient before squaring.
  const diffs = ca.dfbeta.map((v, i) => v - cb.dfbeta[i]!);
  let v = 0;
  for (const t of cluster ? clusterTotals(diffs, cluster, 'compareConcordance') : diffs) v += t * t;
  const diff = ca.concordance - cb.concordance;
  const se = Math.sqrt(v);
  const z = se > 0 ? diff / se : 0;
  const half = qnorm((1 + level) / 2) * se;
  return { cohort, a, b, c_a: ca.concordance, c_b: cb.concordance, diff, se, ci_diff: [diff - half, diff + half], z, p: se > 0 ? pNormalTwoSided(z) : 1, method: C_COMPARISON_METHOD };
}
