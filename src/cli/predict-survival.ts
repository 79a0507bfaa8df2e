/**
 * `sonomics predict` for a survival bundle: per case the risk by the horizon and its group (as for a
 * binary bundle), the Cox linear predictor, and S(t) and 1 − S(t) at the chosen times; optionally each
 * case's whole survival curve as a long CSV. Times beyond the last training event time are refused
 * when asked for and left out (with a note) when they are the bundle's defaults. A bundle of a study
 * with a competing event and survival.fineGray adds the Fine–Gray cumulative incidences.
 */
import { SonomicsError } from '../core/errors.ts';
import { predictSurvival, type ModelBundle } from '../study/bundle.ts';
import type { ModelName } from '../study/config.ts';
import { toCsv } from '../tables/csv.ts';

/** "12,24,36" → [12, 24, 36]; a clear error for anything that is not a list of times. */
export function parseTimes(text: string): number[] {
  const parts = text.split(/[,\s]+/).filter((p) => p !== '');
  const times = parts.map(Number);
  const badAt = times.findIndex((t) => !(Number.isFinite(t) && t > 0));
  if (parts.length === 0 || badAt >= 0) throw new SonomicsError('BAD_INPUT', `--times "${text}": ${parts.length === 0 ? 'no time given' : `"${parts[badAt]}" is not a time > 0`}; give times in months separated by commas, e.g. --times 12,24,36.`);
  return [...new Set(times)].sort((a, b) => a - b);
}

/** Column-name form of a time: 12 → "12", 6.5 → "6.5". */
const tname = (t: number) => String(t);

export function survivalRows(bundle: ModelBundle, rows: Array<Record<string, string>>, id: string, o: { model?: ModelName; times?: number[] }): { csv: string; curveCsv: string; notes: string[] } {
  const notes: string[] = [];
  const preds = rows.map((r) => predictSurvival(bundle, r, { model: o.model, caseId: r[id], times: o.times }));
  const first = preds[0];
  const times = first ? first.at.map((a) => a.time) : (o.times ?? bundle.survival!.times);
  if (first?.dropped.length) notes.push(`default time(s) ${first.dropped.join(', ')} lie beyond the last event time of the training data (${first.lastTime}); left out.`);
  // A bundle with a Fine–Gray part adds its cumulative incidences (the competing event may come first).
  const fg = bundle.survival?.fineGray !== undefined;
  if (fg) notes.push('incidence_* columns: the clinical Fine–Gray model\'s cumulative incidence of the event by each time, with the competing event as a competing risk (the Cox risk_* columns censor it).');
  const fgHead = fg ? ['fine_gray_linear_predictor', ...times.map((t) => `incidence_${tname(t)}`), 'fine_gray_group'] : [];
  const head = ['id', 'model', 'horizon', 'risk', 'group', 'threshold', 'linear_predictor', ...times.flatMap((t) => [`survival_${tname(t)}`, `risk_${tname(t)}`]), ...fgHead, 'top_contributions', 'warnings'];
  const body = preds.map((p, i) => [
    rows[i]![id]!, p.model, p.horizon, p.risk, p.class === 1 ? 'high' : 'low', p.threshold, p.linearPredictor,
    ...p.at.flatMap((a) => [a.survival, a.risk]),
    ...(p.fineGray ? [p.fineGray.linearPredictor, ...p.fineGray.at.map((a) => a.incidence), p.fineGray.class === 1 ? 'high' : 'low'] : []),
    p.contributions.slice(0, 3).map((c) => `${c.name}:${c.contribution >= 0 ? '+' : ''}${c.contribution.toFixed(3)}`).join(' '),
    p.warnings.join('; '),
  ]);
  const curve = preds.flatMap((p, i) => p.curve.time.map((t, k) => [rows[i]![id]!, p.model, t, p.curve.survival[k]!]));
  return { csv: toCsv(head, body), curveCsv: toCsv(['id', 'model', 'time', 'survival'], curve), notes };
}
