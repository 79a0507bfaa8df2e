/**
 * `sonomics predict --patient COLUMN` for a patient-level model (data.unit: patient; issue #14): the
 * table's lesion rows are grouped by the patient column (patients in order of first appearance) and
 * each patient's rows are combined by the model's rule (predictPatient), one output row per patient.
 */
import { SonomicsError } from '../core/errors.ts';
import type { ModelBundle } from '../study/bundle.ts';
import { predictPatient } from '../study/bundle-predict-patient.ts';
import type { ModelName } from '../study/config.ts';
import { toCsv } from '../tables/csv.ts';

export function patientRows(bundle: ModelBundle, rows: Array<Record<string, string>>, id: string, patient: string, opts: { model?: ModelName; centre?: string }): { csv: string; patients: number } {
  const byPatient = new Map<string, Array<Record<string, string>>>();
  rows.forEach((r, i) => {
    const p = (r[patient] ?? '').trim();
    if (!p) throw new SonomicsError('BAD_INPUT', `row ${i + 2} (${r[id] ?? 'no id'}): the patient column ${patient} (--patient) is empty; every lesion row needs its patient.`, { subject: r[id] });
    (byPatient.get(p) ?? byPatient.set(p, []).get(p)!).push(r);
  });
  const out = [...byPatient].map(([p, own]) => {
    const r = predictPatient(bundle, own, { model: opts.model, patientId: p, lesionIds: own.map((x) => x[id]!), centre: opts.centre });
    return [p, r.model, r.rule, r.risk, r.class, r.threshold, own.length, r.lesions.filter((l) => l.used).map((l) => l.id).join(''), r.warnings.join('; ')];
  });
  return { csv: toCsv(['patient', 'model', 'rule', 'risk', 'class', 'threshold', 'lesions', 'lesion_used', 'warnings'], out), patients: out.length };
}
