/**
 * Serialised outputs of a time-to-event study, as outputs.ts for a binary one: results.json (the
 * result without the fitted models, which go in the bundle, and without the per-case predictions)
 * and predictions.csv (out-of-fold, fitted and external: time, status, and per model the risk score,
 * the probability of the event by the horizon and the high/low group). Non-finite numbers are
 * written as "NaN", "Inf", "-Inf"; the same result gives the same bytes.
 */
import { MODEL_NAMES } from '../config.ts';
import { toCsv } from '../../tables/csv.ts';
import type { SurvivalStudyResult } from './results-types.ts';

export function survivalResultsJson(result: SurvivalStudyResult): string {
  const { final: _final, predictions: _predictions, ...rest } = result;
  return JSON.stringify(rest, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? 'NaN' : v > 0 ? 'Inf' : '-Inf') : v), 2) + '\n';
}

export function survivalPredictionsCsv(result: SurvivalStudyResult): string {
  const models = MODEL_NAMES.filter((m) => result.final[m]);
  const h = result.outcome.horizon;
  const cols = ['cohort', 'id', 'time', 'status', 'set', 'repeat', 'fold', ...models.flatMap((m) => [`risk_${m}`, `p${h}_${m}`, `group_${m}`])];
  return toCsv(cols, result.predictions.map((p) => [p.cohort, p.id, p.time, p.status, p.set, p.repeat, p.fold, ...models.flatMap((m) => [p.risk[m], p.probability[m], p.group[m]])]));
}
