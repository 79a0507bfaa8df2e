/** The cohorts a curve is drawn for (pooled CV, then each external cohort) and each model's metrics there. */
import { MODEL_NAMES, type ModelName } from '../../study/config.ts';
import type { Metrics } from '../../study/evaluate.ts';
import type { StudyResult } from '../../study/run.ts';

export interface CohortMetrics { key: string; label: string; /** Cohort name in predictions.csv (the main cohort for CV). */ cohort: string; set: 'cv' | 'external'; models: Array<{ m: ModelName; metrics: Metrics }> }

export function cohortMetrics(r: StudyResult): CohortMetrics[] {
  const pick = (get: (m: ModelName) => Metrics | undefined) => MODEL_NAMES.flatMap((m) => { const x = get(m); return x ? [{ m, metrics: x }] : []; });
  const main = r.cohorts.find((x) => x.role === 'main')!;
  const out: CohortMetrics[] = [{ key: 'cv', label: 'CV (pooled out-of-fold)', cohort: main.name, set: 'cv', models: pick((m) => r.models[m]?.cv) }];
  r.cohorts.filter((x) => x.role === 'external').forEach((c, i) => out.push({ key: `external-${i + 1}`, label: `External: ${c.name}`, cohort: c.name, set: 'external', models: pick((m) => r.models[m]?.externals[c.name]) }));
  return out;
}

/** The outcomes and one model's predicted risks behind a cohort's metrics (CV: repeat 1, as the pooled metrics). */
export function cohortPredictions(r: StudyResult, c: CohortMetrics, m: ModelName): { y: number[]; p: number[] } {
  const rows = r.predictions.filter((x) => x.cohort === c.cohort && x.set === c.set && (c.set !== 'cv' || x.repeat === 1) && Number.isFinite(x.probability[m]));
  return { y: rows.map((x) => x.y), p: rows.map((x) => x.probability[m]!) };
}
