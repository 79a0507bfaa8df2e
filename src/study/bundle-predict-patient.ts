/**
 * `predictPatient`: a patient-level model (data.unit: patient; issue #14) applied to one patient's
 * lesion rows, by the rule the study used — the largest lesion's row (by the model's size column),
 * or the mean / maximum of the lesions' risks recalibrated at patient level — so that a patient
 * scored here gets exactly the probability the study gave them.
 */
import { SonomicsError } from '../core/errors.ts';
import type { ModelName } from './config.ts';
import type { ModelBundle } from './bundle-types.ts';
import { predict, type Prediction } from './bundle-predict.ts';
import { applyPatientCombiner } from './patient-unit.ts';
import { toNumber } from './variables.ts';

export interface PatientPrediction {
  model: ModelName;
  rule: 'largest' | 'mean-risk' | 'max-risk';
  risk: number;
  class: 0 | 1;
  threshold: number;
  /** Each lesion row: its id and its own (lesion-model) risk; largest: `used` marks the row taken (the others' risk is NaN: not computed). */
  lesions: Array<{ id: string; risk: number; used?: true }>;
  /** largest: the prediction of the row used (its drivers, warnings). */
  largest?: Prediction;
  warnings: string[];
}

export function predictPatient(bundle: ModelBundle, rows: Array<Record<string, number | string>>, opts: { model?: ModelName; patientId?: string; lesionIds?: string[]; centre?: string } = {}): PatientPrediction {
  const name = opts.model ?? bundle.defaultModel;
  const model = bundle.models[name];
  const who = opts.patientId ?? 'patient';
  if (!model) throw new SonomicsError('BAD_INPUT', `the bundle has no ${name} model (it has ${Object.keys(bundle.models).join(', ')}).`);
  const rule = model.patient;
  if (!rule) throw new SonomicsError('BAD_INPUT', `${who}: the ${name} model was fitted on single cases (data.unit: lesion); predict each lesion row on its own (predict), not a patient's rows together.`, { subject: who });
  if (!rows.length) throw new SonomicsError('BAD_INPUT', `${who}: no lesion rows given; a patient-level prediction needs at least one.`, { subject: who });
  const ids = rows.map((_, i) => opts.lesionIds?.[i] ?? `${who} lesion ${i + 1}`);
  if (rule.rule === 'largest') {
    const size = rows.map((r, i) => toNumber(r[rule.size], bundle.preprocessing.missingCodes, () => `${ids[i]}, column ${rule.size}`));
    size.forEach((s, i) => {
      if (!(Number.isFinite(s) && s > 0)) throw new SonomicsError('BAD_INPUT', `${ids[i]}: the ${name} model takes each patient's largest lesion by ${rule.size}, which is ${Number.isNaN(s) ? 'missing' : s} here; give every lesion's size (> 0).`, { subject: ids[i] });
    });
    // The first of tied largest rows, as the study chose (table order).
    let best = 0;
    size.forEach((s, i) => { if (s > size[best]!) best = i; });
    const p = predict(bundle, rows[best]!, { model: name, caseId: ids[best], centre: opts.centre });
    return { model: name, rule: 'largest', risk: p.risk, class: p.class, threshold: p.threshold, lesions: ids.map((id, i) => (i === best ? { id, risk: p.risk, used: true as const } : { id, risk: NaN })), largest: p, warnings: p.warnings };
  }
  // Each lesion's own risk through the lesion model (no patient recalibration), then the rule.
  const lesionModel = { ...model, patient: undefined };
  const lesionBundle: ModelBundle = { ...bundle, models: { ...bundle.models, [name]: lesionModel } };
  const lesion = rows.map((r, i) => predict(lesionBundle, r, { model: name, caseId: ids[i], centre: opts.centre }));
  const risk = applyPatientCombiner(rule, lesion.map((l) => l.risk), { patients: [who], lesions: [rows.map((_, i) => i)] })[0]!;
  return { model: name, rule: rule.rule, risk, class: risk >= rule.threshold ? 1 : 0, threshold: rule.threshold, lesions: lesion.map((l, i) => ({ id: ids[i]!, risk: l.risk })), warnings: [...new Set(lesion.flatMap((l) => l.warnings))] };
}
