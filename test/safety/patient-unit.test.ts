// Issue #14, several lesions per patient: data.unit: patient with data.combine largest / mean-risk /
// max-risk on a synthetic multi-lesion cohort with known truth (the outcome belongs to the patient;
// each lesion's features carry the patient's signal plus lesion noise; one lesion size column).
// Checks: one prediction per patient (lesion rows kept and marked for the risk rules), no patient
// across outer or inner folds (from predictions and every inner fold assignment), the rule is exactly
// largest / mean / max of the lesion values, and inconsistent patient values are named errors.
import { describe, expect, it, vi } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { SonomicsError } from '../../src/core/errors.ts';
import { plattProbability } from '../../src/ml/index.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { runStudy, type PredictionRow, type StudyResult } from '../../src/study/run.ts';
import { applyModel } from '../../src/study/model.ts';
import { combineRisks, patientIndex, type PatientCombiner } from '../../src/study/patient-unit.ts';
import { predictionsCsv } from '../../src/study/outputs.ts';
import { buildBundle, bundleJson, loadModel, predict } from '../../src/study/bundle.ts';
import { predictPatient } from '../../src/study/bundle-predict-patient.ts';
import { patientRows } from '../../src/cli/predict-patients.ts';
import { parseCsv } from '../../src/tables/csv.ts';
import type { Table } from '../../src/tables/table.ts';

const innerCalls: Array<{ groups?: string[]; folds: number[] }> = vi.hoisted(() => []);
vi.mock('../../src/study/heads/inner-folds.ts', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/study/heads/inner-folds.ts')>();
  return {
    ...orig,
    innerFoldIds: (y: number[], k: number, seed: number, groups?: string[]) => {
      const folds = orig.innerFoldIds(y, k, seed, groups);
      innerCalls.push({ groups, folds });
      return folds;
    },
  };
});

const SIZE = 'tumour_original_morphology_area_pixel_counting';

/** n patients with 1–4 lesions each; the outcome and age belong to the patient. */
function cohort(n: number, prefix: string, rng: Random): Table {
  const rows: Array<Record<string, string>> = [];
  for (let p = 0; p < n; p++) {
    const yp = rng.next() < 0.4 ? 1 : 0;
    const age = (50 + 10 * rng.normal() + 4 * yp).toFixed(1);
    const lesions = 1 + rng.int(4);
    for (let j = 0; j < lesions; j++) {
      const r: Record<string, string> = { id: `${prefix}${p}_L${j}`, patient: `${prefix}${p}`, y: String(yp), age };
      for (let k = 0; k < 4; k++) r[`tumour_original_glcm_f${k}`] = (0.9 * yp + rng.normal()).toFixed(5);
      r[SIZE] = (20 + 200 * rng.next()).toFixed(2);
      rows.push(r);
    }
  }
  return { source: `${prefix}.csv`, columns: Object.keys(rows[0]!), rows };
}

function tables(seed = 31): Record<string, Table> {
  const rng = new Random(seed);
  return { 'main.csv': cohort(90, 'M', rng), 'ext.csv': cohort(40, 'E', rng) };
}

const config = (data: Record<string, unknown>, over: Record<string, unknown> = {}) => parseStudyConfig({
  seed: 8,
  data: { id: 'id', outcome: 'y', group: 'patient', cohorts: [{ name: 'main', role: 'main', tables: ['main.csv'] }, { name: 'ext', role: 'external', tables: ['ext.csv'] }], ...data },
  clinical: { variables: ['age'] },
  radiomics: { exclude: [SIZE] },
  models: ['radiomics'],
  svm: { C: [1], gamma: [0.1] },
  innerFolds: 3,
  evaluation: { folds: 4 },
  ...over,
});

function crossing(groups: string[], folds: number[]): string[] {
  const first = new Map<string, number>();
  const bad = new Set<string>();
  groups.forEach((g, i) => { const f = first.get(g); if (f === undefined) first.set(g, folds[i]!); else if (f !== folds[i]) bad.add(g); });
  return [...bad];
}

const logit = (p: number) => Math.log(p / (1 - p));

/** Outer folds from the predictions and every inner assignment keep each patient on one side. */
function expectNoPatientCrossing(r: StudyResult, patientOf: Map<string, string>): void {
  const cv = r.predictions.filter((p) => p.set === 'cv' && p.unit === 'patient');
  const lesions = r.predictions.filter((p) => p.set === 'cv' && p.unit === 'lesion');
  const rows = [...cv.map((p) => ({ patient: p.id, fold: p.fold })), ...lesions.map((p) => ({ patient: patientOf.get(p.id)!, fold: p.fold }))];
  expect(crossing(rows.map((x) => x.patient), rows.map((x) => x.fold))).toEqual([]);
  expect(innerCalls.length).toBeGreaterThan(0);
  for (const c of innerCalls) {
    expect(c.groups).toBeDefined();
    expect(crossing(c.groups!, c.folds)).toEqual([]);
  }
}

describe('data.unit: patient', () => {
  it('combine: largest — one row per patient, the largest lesion by the tumour area extract records, exactly', () => {
    innerCalls.length = 0;
    const t = tables();
    const r = runStudy(config({ unit: 'patient', combine: 'largest' }), t);
    const main = t['main.csv']!.rows;
    const patients = [...new Set(main.map((x) => x.patient!))];
    expect(r.unit).toMatchObject({ unit: 'patient', combine: 'largest', size: SIZE });
    expect(r.cohorts[0]).toMatchObject({ n: patients.length, lesions: main.length });
    const cv = r.predictions.filter((p) => p.set === 'cv');
    expect(cv.map((p) => p.id).sort()).toEqual([...patients].sort());
    // the lesion each patient took is its largest
    for (const p of cv) {
      const own = main.filter((x) => x.patient === p.id);
      const largest = own.reduce((a, b) => (Number(b[SIZE]) > Number(a[SIZE]) ? b : a));
      expect(p.unit).toBe('patient');
      expect(p.lesion).toBe(largest.id);
    }
    // ... and the patient's fitted risk is the final model applied to that lesion's row, bit for bit
    const model = r.final.radiomics!;
    const fitted = r.predictions.filter((p) => p.set === 'fitted');
    for (const p of fitted) {
      const row = main.find((x) => x.id === p.lesion)!;
      const rec = Object.fromEntries(model.inputs.map((k) => [k, Number(row[k])]));
      expect(applyModel(model, [rec]).probability[0]).toBe(p.probability.radiomics);
    }
    expect(model.patient).toEqual({ rule: 'largest', size: SIZE });
    // every figure counts patients; folds are plain stratified folds of patients (one row each)
    expect(r.models.radiomics!.cv.n).toBe(patients.length);
    expect(r.models.radiomics!.external!.n).toBe(40);
    expect(r.models.radiomics!.cv.auc).toBeGreaterThan(0.7);
    expect(r.notes.join('\n')).toMatch(/unit of analysis: patient level \(patients: patient\): the features of each patient's largest lesion \(by tumour_original_morphology_area_pixel_counting/);
    expect(predictionsCsv(r).split('\n')[0]).toBe('cohort,id,y,set,repeat,fold,unit,patient,lesion,p_radiomics,class_radiomics');
  });

  for (const rule of ['mean-risk', 'max-risk'] as const) {
    it(`combine: ${rule} — fitted on lesions inside each training fold, a patient's risk is exactly the ${rule === 'mean-risk' ? 'mean' : 'maximum'} of their lesions' risks (recalibrated), no patient across folds`, () => {
      innerCalls.length = 0;
      const t = tables();
      const r = runStudy(config({ unit: 'patient', combine: rule }, { models: ['clinical', 'radiomics'] }), t);
      const main = t['main.csv']!.rows;
      const patientOf = new Map([...main, ...t['ext.csv']!.rows].map((x) => [x.id!, x.patient!]));
      const nPatients = new Set(main.map((x) => x.patient)).size;
      expect(r.unit).toMatchObject({ unit: 'patient', combine: rule });
      expect(r.cohorts[0]).toMatchObject({ n: nPatients, lesions: main.length });
      expectNoPatientCrossing(r, patientOf);
      const combine = (xs: number[]) => (rule === 'mean-risk' ? xs.reduce((a, b) => a + b, 0) / xs.length : Math.max(...xs));
      for (const m of ['clinical', 'radiomics'] as const) {
        // fitted and external: the final model's patient rule, applied to its lesion risks, exactly
        const c = r.final[m]!.patient as PatientCombiner;
        expect(c.rule).toBe(rule);
        for (const set of ['fitted', 'external'] as const) {
          const rows = r.predictions.filter((p) => p.set === set);
          const patientsRows = rows.filter((p) => p.unit === 'patient');
          expect(patientsRows.length).toBe(set === 'fitted' ? nPatients : 40);
          for (const p of patientsRows) {
            const own = rows.filter((x) => x.unit === 'lesion' && x.patient === p.id).map((x) => x.probability[m]!);
            expect(own.length).toBe(rows.filter((x) => x.unit === 'lesion' && patientOf.get(x.id) === p.id).length);
            expect(p.probability[m]).toBeCloseTo(plattProbability(c.platt, logit(combine(own))), 12);
            expect(p.predicted[m]).toBe(p.probability[m]! >= c.threshold ? 1 : 0);
          }
        }
        // CV: within each fold the patients rank exactly as the rule of their lesions' out-of-fold risks
        // (the fold's patient-level sigmoid is increasing), and every patient's lesions are in its fold
        const cv = r.predictions.filter((p) => p.set === 'cv');
        for (const fold of [1, 2, 3, 4]) {
          const pats = cv.filter((p) => p.unit === 'patient' && p.fold === fold);
          expect(pats.length).toBeGreaterThan(10);
          const combined = pats.map((p) => combine(cv.filter((x) => x.unit === 'lesion' && x.patient === p.id && x.fold === fold).map((x) => x.probability[m]!)));
          for (let i = 0; i < pats.length; i++) for (let j = 0; j < pats.length; j++) {
            if (combined[i]! < combined[j]!) expect(pats[i]!.probability[m]!).toBeLessThanOrEqual(pats[j]!.probability[m]!);
          }
        }
        expect(r.models[m]!.cv.n).toBe(nPatients);
        expect(r.models[m]!.cv.auc_ci_method).toBeUndefined(); // one row per patient: plain DeLong
      }
      expect(r.models.radiomics!.cv.auc).toBeGreaterThan(0.7);
      expect(r.comparisons.find((c) => c.cohort === 'cv')).toBeDefined();
      // every lesion of the main cohort has one out-of-fold row; patients one row each
      expect(r.predictions.filter((p) => p.set === 'cv' && p.unit === 'lesion').length).toBe(main.length);
      // Table 1 describes patients: by cohort, the main and external patients
      expect(r.table1[0]!.groups.map((g) => g.n)).toEqual([nPatients, 40]);
    });
  }

  it('combineRisks: the mean and the maximum of each patient\'s lesion values, patients in order of first appearance', () => {
    const idx = patientIndex(['a', 'b', 'a', 'c', 'b', 'a']);
    expect(idx.patients).toEqual(['a', 'b', 'c']);
    const p = [0.1, 0.5, 0.4, 0.9, 0.2, 0.7];
    expect(combineRisks('mean-risk', p, idx)).toEqual([(0.1 + 0.4 + 0.7) / 3, (0.5 + 0.2) / 2, 0.9]);
    expect(combineRisks('max-risk', p, idx)).toEqual([0.7, 0.5, 0.9]);
  });
});

describe('a patient-level model in the bundle', () => {
  for (const rule of ['largest', 'mean-risk', 'max-risk'] as const) {
    it(`${rule}: predictPatient on each external patient's lesion rows gives the study's external probability and class`, () => {
      const t = tables();
      const r = runStudy(config({ unit: 'patient', combine: rule }, { models: ['clinical', 'radiomics'] }), t);
      const bundle = loadModel(bundleJson(buildBundle(r, { software: { sonomics: 'test' } })));
      const rows = t['ext.csv']!.rows;
      for (const m of ['clinical', 'radiomics'] as const) {
        const study = r.predictions.filter((p) => p.set === 'external' && p.unit === 'patient');
        expect(study).toHaveLength(40);
        for (const p of study) {
          const own = rows.filter((x) => x.patient === p.id);
          const got = predictPatient(bundle, own, { model: m, patientId: p.id, lesionIds: own.map((x) => x.id!) });
          expect(got.rule).toBe(rule);
          expect(Math.abs(got.risk - p.probability[m]!)).toBeLessThanOrEqual(1e-12);
          expect(got.class).toBe(p.predicted[m]);
          if (rule === 'largest') expect(got.lesions.find((l) => l.used)!.id).toBe(p.lesion);
          // one lesion row alone: predict and predictPatient agree (a patient with one lesion)
          if (own.length === 1) expect(Math.abs(predict(bundle, own[0]!, { model: m }).risk - got.risk)).toBeLessThanOrEqual(1e-12);
        }
      }
      // sonomics predict --patient patient: one CSV row per patient, the same risks
      const csv = parseCsv(patientRows(bundle, rows, 'id', 'patient', { model: 'radiomics' }).csv);
      expect(csv.rows).toHaveLength(40);
      for (const row of csv.rows) expect(Math.abs(Number(row.risk) - r.predictions.find((p) => p.set === 'external' && p.unit === 'patient' && p.id === row.patient)!.probability.radiomics!)).toBeLessThanOrEqual(1e-12);
      // a lesion-level model refuses a patient's rows; a lesion without its size is named
      const lesionLevel = loadModel(bundleJson(buildBundle(runStudy(config({}), t), { software: { sonomics: 'test' } })));
      expect(() => predictPatient(lesionLevel, rows.slice(0, 2), { model: 'radiomics', patientId: 'E0' })).toThrow(/E0: the radiomics model was fitted on single cases \(data.unit: lesion\)/);
      if (rule === 'largest') expect(() => predictPatient(bundle, [{ ...rows[0]!, [SIZE]: '' }], { model: 'radiomics', patientId: 'E0' })).toThrow(/E0 lesion 1: the radiomics model takes each patient's largest lesion by tumour_original_morphology_area_pixel_counting, which is missing here/);
    });
  }
});

describe('data.unit: patient refuses what has no patient-level value', () => {
  const err = (fn: () => unknown): SonomicsError => {
    try { fn(); } catch (e) { expect(e).toBeInstanceOf(SonomicsError); return e as SonomicsError; }
    throw new Error('no error');
  };

  it('an outcome that differs between a patient\'s lesions is an error naming the patient and lesions', () => {
    const t = tables();
    const rows = t['main.csv']!.rows;
    const p = rows.find((x, i) => rows[i + 1]?.patient === x.patient)!;
    const other = rows.find((x) => x.patient === p.patient && x.id !== p.id)!;
    other.y = p.y === '1' ? '0' : '1';
    const e = err(() => runStudy(config({ unit: 'patient', combine: 'mean-risk' }), t));
    expect(e.message).toContain(`cohort main, patient ${p.patient}: outcome y is ${p.y} in lesion ${p.id} but ${other.y} in lesion ${other.id}`);
  });

  it('a clinical value that differs between a patient\'s lesions is an error naming the patient and column', () => {
    const t = tables();
    const rows = t['ext.csv']!.rows;
    const p = rows.find((x, i) => rows[i + 1]?.patient === x.patient)!;
    rows.find((x) => x.patient === p.patient && x.id !== p.id)!.age = '99';
    const e = err(() => runStudy(config({ unit: 'patient', combine: 'largest' }), t));
    expect(e.message).toMatch(new RegExp(`cohort ext, patient ${p.patient}: clinical variable age: column age is [\\d.]+ in lesion ${p.id} but 99 in lesion`));
  });

  it('largest without a size column, a missing size, and inconsistent keys are named errors', () => {
    const t = tables();
    for (const x of Object.values(t)) { x.columns = x.columns.filter((c) => c !== SIZE); for (const r of x.rows) delete r[SIZE]; }
    expect(err(() => runStudy(config({ unit: 'patient', combine: 'largest' }, { radiomics: {} }), t)).message).toMatch(/data.combine: largest needs each lesion's size: name its column with data.size/);
    const t2 = tables();
    t2['main.csv']!.rows[3]![SIZE] = '';
    expect(err(() => runStudy(config({ unit: 'patient', combine: 'largest' }), t2)).message).toMatch(/patient M\d+, lesion M\d+_L\d: size column tumour_original_morphology_area_pixel_counting is missing/);
    expect(err(() => runStudy(config({ unit: 'patient', combine: 'largest', size: 'volume' }), tables())).message).toContain('no lesion-size column "volume" (data.size)');
    expect(err(() => config({ unit: 'patient' })).message).toContain('data.combine: data.unit: patient needs a rule');
    expect(err(() => config({ unit: 'patient', combine: 'mean-risk', group: undefined })).message).toContain('data.unit: patient needs data.group');
    expect(err(() => config({ combine: 'max-risk' })).message).toContain('data.combine: applies to data.unit: patient');
    expect(err(() => config({ unit: 'patient', combine: 'mean', size: SIZE })).message).toMatch(/data.combine.*mean-risk/);
  });
});

export type { PredictionRow };
