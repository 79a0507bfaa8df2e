/**
 * Report sections of a time-to-event study. They read the SurvivalStudyResult (study/survival/
 * results-types.ts) and use the same figure and table collectors as the binary sections; a section
 * says `outcome: 'time-to-event'`, and buildReport shows it only for a survival study (the binary
 * sections only for a binary one). Registered in ../index.ts like every section.
 */
import { MODEL_NAMES, type ModelName } from '../../../study/config.ts';
import type { SurvivalModelCohort, SurvivalPredictionRow, SurvivalStudyResult } from '../../../study/survival/results-types.ts';
import type { ReportContext } from '../context.ts';

export interface SurvivalReportContext {
  s: SurvivalStudyResult;
  software?: Record<string, string>;
  figure: ReportContext['figure'];
  table: ReportContext['table'];
}

export interface SurvivalReportSection {
  outcome: 'time-to-event';
  id: string;
  title(ctx: SurvivalReportContext): string;
  render(ctx: SurvivalReportContext): string;
}

/** A cohort the survival figures are drawn for: pooled CV of the main cohort, then each external one. */
export interface SurvivalCohortView {
  key: string;
  label: string;
  /** For figure titles: "CV" or the external cohort's name. */
  short: string;
  cohort: string;
  set: 'cv' | 'external';
  models: Array<{ m: ModelName; res: SurvivalModelCohort }>;
}

export function survivalCohorts(s: SurvivalStudyResult): SurvivalCohortView[] {
  const main = s.cohorts.find((c) => c.role === 'main')!;
  const pick = (get: (m: ModelName) => SurvivalModelCohort | undefined) => MODEL_NAMES.flatMap((m) => { const x = get(m); return x ? [{ m, res: x }] : []; });
  const out: SurvivalCohortView[] = [{ key: 'cv', label: `${main.name}, CV (pooled out-of-fold)`, short: 'CV', cohort: main.name, set: 'cv', models: pick((m) => s.models[m]?.cv) }];
  s.cohorts.filter((c) => c.role === 'external').forEach((c, i) => out.push({ key: `external-${i + 1}`, label: `External: ${c.name}`, short: c.name, cohort: c.name, set: 'external', models: pick((m) => s.models[m]?.externals[c.name]) }));
  return out.filter((c) => c.models.length > 0);
}

/** The predictions behind a cohort's figures (CV: repeat 1, as the pooled measures). */
export function cohortRows(s: SurvivalStudyResult, c: SurvivalCohortView): SurvivalPredictionRow[] {
  return s.predictions.filter((x) => x.cohort === c.cohort && x.set === c.set && (c.set !== 'cv' || x.repeat === 1));
}

/** Times are months (the CRLM study's unit; the bundle and calculator read 12/24/36 as 1/2/3 years). */
export const timeUnit = (_s: SurvivalStudyResult): string => 'months';

/** p as journals print it: "p = 0.034", "p < 0.001". */
export function pText(p: number): string {
  if (!Number.isFinite(p)) return 'p not defined';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** "0.712 (0.650–0.774)". */
export function est(e: { estimate: number; lower: number; upper: number }, digits = 3): string {
  return `${e.estimate.toFixed(digits)} (${e.lower.toFixed(digits)}–${e.upper.toFixed(digits)})`;
}
