/**
 * Helpers for the survival oracle suites: the synthetic survival cohorts of
 * ../shared/oracles/data (surv_synth*.csv) and the list of survival oracle files, which
 * surv-coverage.test.ts checks against the directory.
 */
import { oracleCsv } from './stats-helpers.ts';

export interface SurvCohort {
  id: number[];
  time: number[];
  status: number[];
  fold5: number[];
  rows: Record<string, number>[];
  /** Columns by name. */
  col(name: string): number[];
  /** n × p matrix of the named columns. */
  matrix(names: readonly string[]): number[][];
}

export function survCohort(which: 'train' | 'external'): SurvCohort {
  const rows = oracleCsv('data', which === 'train' ? 'surv_synth.csv' : 'surv_synth_external.csv');
  const col = (name: string): number[] => rows.map((r) => r[name]!);
  return {
    id: col('id'), time: col('time'), status: col('status'), fold5: which === 'train' ? col('fold5') : [],
    rows, col, matrix: (names) => rows.map((r) => names.map((n) => r[n]!)),
  };
}

/** The Cox / Fine–Gray covariates of the oracles (x03 has no true effect; x09 is left out). */
export const COX_TERMS = ['c1', 'c2', 'c3', 'x01', 'x02', 'x03', 'x04'] as const;

/** null in the JSON (R's NA) as NaN, for comparisons. */
export function na(v: number | null): number {
  return v === null ? NaN : v;
}

/** Survival oracle files and the suite that opens each. */
export const SURV_ORACLES: Record<string, string> = {
  'surv_km_synth.json': 'surv-km.test.ts',
  'surv_coxph_synth.json': 'surv-coxph.test.ts',
  'surv_concordance_synth.json': 'surv-concordance.test.ts',
  'surv_score_synth.json': 'surv-score.test.ts',
  'surv_competing_synth.json': 'surv-competing.test.ts',
  'surv_glmnet_cox_synth.json': 'surv-glmnet-cox.test.ts',
  'surv_calibration_synth.json': 'surv-calibration.test.ts',
};
