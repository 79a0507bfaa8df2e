/**
 * Patient-level models from lesion-level rows (data.unit: patient; issue #14). A CRLM patient often
 * has several metastases, each a row of the feature table; the outcome (recurrence) belongs to the
 * patient. Here live the pieces every patient-level rule shares:
 *   - the patients of a cohort and their lesions (in table order);
 *   - the checks that what belongs to a patient (outcome, clinical variables) is one value per patient;
 *   - `largest`: the row of each patient's largest lesion;
 *   - `mean-risk` / `max-risk`: a patient's risk from their lesions' risks, recalibrated at patient
 *     level (a Platt sigmoid on the logit of the combined risk) with a patient-level threshold.
 * The study loop (run.ts) fits these inside each training fold (patient-calibration.ts).
 */
import { SonomicsError } from '../core/errors.ts';
import { plattProbability, plattScale } from '../ml/index.ts';
import { youdenThreshold } from '../stats/index.ts';
import type { PatientCombineRule } from './config.ts';

export type RiskRule = Exclude<PatientCombineRule, 'largest'>;

/** The patients of a cohort in order of first appearance, each with the indices of their lesions. */
export interface PatientIndex {
  patients: string[];
  lesions: number[][];
}

export function patientIndex(groups: string[]): PatientIndex {
  const at = new Map<string, number>();
  const patients: string[] = [];
  const lesions: number[][] = [];
  groups.forEach((g, i) => {
    let k = at.get(g);
    if (k === undefined) { k = patients.length; at.set(g, k); patients.push(g); lesions.push([]); }
    lesions[k]!.push(i);
  });
  return { patients, lesions };
}

/**
 * A value that belongs to the patient (the outcome, a clinical variable) must be the same in every
 * lesion row of that patient; otherwise there is no patient-level value to model. Missing (NaN)
 * counts as a value: a patient whose rows disagree on whether it is missing is also refused.
 */
export function checkConstantWithinPatient(cohort: string, idx: PatientIndex, ids: string[], column: string, role: string, values: ArrayLike<number>): void {
  idx.lesions.forEach((rows, k) => {
    const v0 = values[rows[0]!]!;
    for (const i of rows) {
      const v = values[i]!;
      if (v === v0 || (Number.isNaN(v) && Number.isNaN(v0))) continue;
      const p = idx.patients[k]!;
      throw new SonomicsError('BAD_INPUT', `cohort ${cohort}, patient ${p}: ${role} ${column} is ${fmt(v0)} in lesion ${ids[rows[0]!]} but ${fmt(v)} in lesion ${ids[i]}; with data.unit: patient it must be one value per patient (correct the table, or model lesions with data.unit: lesion).`, { subject: p });
    }
  });
}

function fmt(v: number): string {
  return Number.isNaN(v) ? 'missing' : String(v);
}

/**
 * combine: largest — the row of each patient's largest lesion (by `size`); a tie goes to the
 * first of the tied rows in table order. A size that is missing or not > 0 is an error naming the lesion.
 */
export function largestLesions(cohort: string, idx: PatientIndex, ids: string[], sizeColumn: string, size: ArrayLike<number>): number[] {
  return idx.lesions.map((rows, k) => {
    let best = -1;
    for (const i of rows) {
      const s = size[i]!;
      if (!(Number.isFinite(s) && s > 0)) throw new SonomicsError('BAD_INPUT', `cohort ${cohort}, patient ${idx.patients[k]}, lesion ${ids[i]}: size column ${sizeColumn} is ${Number.isNaN(s) ? 'missing' : s}; data.combine: largest needs every lesion's size (> 0).`, { subject: ids[i] });
      if (best < 0 || s > size[best]!) best = i;
    }
    return best;
  });
}

/** A patient's risk from their lesions' risks: the mean or the maximum. */
export function combineRisks(rule: RiskRule, p: ArrayLike<number>, idx: PatientIndex): number[] {
  return idx.lesions.map((rows) => {
    if (rule === 'max-risk') return Math.max(...rows.map((i) => p[i]!));
    let s = 0;
    for (const i of rows) s += p[i]!;
    return s / rows.length;
  });
}

/**
 * The patient-level end of a risk-rule model, fitted on training patients: the rule, a Platt
 * sigmoid P = 1 / (1 + exp(A·logit(r) + B)) on the combined lesion risk r (the maximum of several
 * calibrated lesion risks overstates a patient's risk; the mean of a patient's lesions is not a
 * patient-level probability either), and the Youden threshold on the recalibrated risks.
 */
export interface PatientCombiner {
  rule: RiskRule;
  platt: { A: number; B: number };
  threshold: number;
  /** True when the fitted sigmoid was decreasing and the identity was kept (A = −1, B = 0). */
  identity?: true;
}

/** combine: largest, as a model records it: predict takes the row of the lesion largest by `size`. */
export interface LargestLesionRule {
  rule: 'largest';
  size: string;
}

/** A patient-level model's rule as the fitted model (and the bundle) carries it. */
export type PatientRule = PatientCombiner | LargestLesionRule;

/** logit, with risks of exactly 0 or 1 (a logistic head far from its data) held just inside. */
function logit(p: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log(q / (1 - q));
}

/**
 * Fit on lesion risks that the model did not see when fitted (inner out-of-fold risks of the
 * training lesions) and the patients' outcomes.
 */
export function fitPatientCombiner(rule: RiskRule, lesionRisk: ArrayLike<number>, idx: PatientIndex, patientY: number[]): PatientCombiner {
  const r = combineRisks(rule, lesionRisk, idx).map(logit);
  let platt: { A: number; B: number } = plattScale(r, patientY);
  let identity = false;
  // A decreasing sigmoid would reverse the lesion model's ranking: keep the risks as they are.
  if (!(platt.A < 0)) { platt = { A: -1, B: 0 }; identity = true; }
  const p = r.map((f) => plattProbability(platt, f));
  const t = youdenThreshold(patientY, p).threshold;
  return { rule, platt: { A: platt.A, B: platt.B }, threshold: Number.isFinite(t) ? t : 0.5, ...(identity ? { identity: true as const } : {}) };
}

/** Each patient's risk from their lesions' risks. */
export function applyPatientCombiner(c: PatientCombiner, lesionRisk: ArrayLike<number>, idx: PatientIndex): number[] {
  return combineRisks(c.rule, lesionRisk, idx).map((r) => plattProbability(c.platt, logit(r)));
}

/** Each patient's outcome (checked constant within the patient by checkConstantWithinPatient). */
export function patientOutcome(y: number[], idx: PatientIndex): number[] {
  return idx.lesions.map((rows) => y[rows[0]!]!);
}
