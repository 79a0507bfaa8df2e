/**
 * Per-cluster totals of per-subject influence values, the step that turns an infinitesimal-
 * jackknife / influence-function variance into its cluster-robust (sandwich) form when several
 * cases belong to one patient: var = Σ_g (Σ_{i∈g} IF_i)² instead of Σ_i IF_i² (Lin & Wei 1989;
 * R's survival::concordance(cluster = ) does the same with rowsum(dfbeta, cluster)).
 * Clusters are returned in order of first appearance, so results do not depend on label order.
 */
import { SonomicsError } from '../core/errors.ts';

export function clusterTotals(values: ArrayLike<number>, cluster: ArrayLike<string | number>, what: string): number[] {
  if (cluster.length !== values.length) throw new SonomicsError('BAD_INPUT', `${what}: ${values.length} subjects but ${cluster.length} cluster labels`);
  const index = new Map<string | number, number>();
  const totals: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const key = cluster[i]!;
    let k = index.get(key);
    if (k === undefined) { k = totals.length; index.set(key, k); totals.push(0); }
    totals[k]! += values[i]!;
  }
  return totals;
}
