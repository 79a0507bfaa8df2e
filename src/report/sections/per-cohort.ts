/** The cohorts a curve is drawn for (pooled CV, then each external cohort) and each model's metrics there. */
import { MODEL_NAMES, type ModelName } from '../../study/config.ts';
import type { Metrics } from '../../study/evaluate.ts';
import type { StudyResult } from '../../study/run.ts';

export interface CohortMetrics { key: string; label: string; models: Array<{ m: ModelName; metrics: Metrics }> }

export function cohortMetrics(r: StudyResult): CohortMetrics[] {
  const pick = (get: (m: ModelName) => Metrics | undefined) => MODEL_NAMES.flatMap((m) => { const x = get(m); return x ? [{ m, metrics: x }] : []; });
  const out: CohortMetrics[] = [{ key: 'cv', label: 'CV (pooled out-of-fold)', models: pick((m) => r.models[m]?.cv) }];
  r.cohorts.filter((x) => x.role === 'external').forEach((c, i) => out.push({ key: `external-${i + 1}`, label: `External: ${c.name}`, models: pick((m) => r.models[m]?.externals[c.name]) }));
  return out;
}
