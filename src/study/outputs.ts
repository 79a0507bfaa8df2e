/**
 * Serialised study outputs: results.json (the result without the fitted model internals, which go
 * in the bundle) and predictions.csv (out-of-fold, fitted and external probabilities).
 * JSON.stringify of the same numbers is the same text, so outputs are byte-identical across runs;
 * non-finite numbers are written as the strings "NaN", "Inf", "-Inf".
 */
import { MODEL_NAMES } from './config.ts';
import type { StudyResult } from './run.ts';
import { toCsv } from '../tables/csv.ts';

export function resultsJson(result: StudyResult): string {
  const { final: _final, predictions: _predictions, centres: _centres, ...rest } = result;
  return JSON.stringify(rest, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? 'NaN' : v > 0 ? 'Inf' : '-Inf') : v), 2) + '\n';
}

/**
 * data.unit: patient adds `unit` (patient: the rows the figures count; lesion: the lesion model's
 * rows behind a risk rule), `patient` (of a lesion row) and `lesion` (combine: largest, the lesion used).
 */
export function predictionsCsv(result: StudyResult): string {
  const models = MODEL_NAMES.filter((m) => result.final[m]);
  const patientLevel = result.unit?.unit === 'patient';
  const cols = ['cohort', 'id', 'y', 'set', 'repeat', 'fold', ...(patientLevel ? ['unit', 'patient', 'lesion'] : []), ...models.flatMap((m) => [`p_${m}`, `class_${m}`])];
  return toCsv(cols, result.predictions.map((p) => [p.cohort, p.id, p.y, p.set, p.repeat, p.fold, ...(patientLevel ? [p.unit ?? '', p.patient ?? '', p.lesion ?? ''] : []), ...models.flatMap((m) => [p.probability[m], p.predicted[m]])]));
}
