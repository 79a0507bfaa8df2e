// Issue #14, patients with several cases: folds keep a patient together (outer and inner, both
// protocols), CIs are clustered by patient, and repeated patient ids without data.group warn.
import { describe, expect, it, vi } from 'vitest';
import { stratifiedGroupKFold } from '../../src/ml/stratified-group-kfold.ts';
import { clusteredAucCovariance, clusteredDelongCI, clusteredDelongTest } from '../../src/stats/clustered-auc.ts';
import { delongCI } from '../../src/stats/index.ts';
import { Random } from '../../src/core/random.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { runStudy } from '../../src/study/run.ts';
import type { Table } from '../../src/tables/table.ts';
import { SonomicsError } from '../../src/core/errors.ts';

// Every inner-fold assignment the study makes is recorded, to check it keeps patients together.
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

function crossing(groups: string[], folds: number[]): string[] {
  const first = new Map<string, number>();
  const bad = new Set<string>();
  groups.forEach((g, i) => { const f = first.get(g); if (f === undefined) first.set(g, folds[i]!); else if (f !== folds[i]) bad.add(g); });
  return [...bad];
}

describe('stratifiedGroupKFold', () => {
  it("reproduces scikit-learn's StratifiedGroupKFold docstring example (n_splits=3, no shuffle)", () => {
    const y = [0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const groups = [1, 1, 2, 2, 3, 3, 3, 4, 5, 5, 5, 5, 6, 6, 7, 8, 8].map(String);
    const folds = stratifiedGroupKFold(y, groups, 3);
    const test = (f: number) => folds.flatMap((x, i) => (x === f ? [i] : []));
    expect(test(0)).toEqual([4, 5, 6, 12, 13, 14]);
    expect(test(1)).toEqual([0, 1, 2, 3, 15, 16]);
    expect(test(2)).toEqual([7, 8, 9, 10, 11]);
  });

  it('shuffled: no group in two folds, classes spread over every fold, same seed same folds', () => {
    const rng = new Random(5);
    const groups: string[] = [], y: number[] = [];
    for (let p = 0; p < 120; p++) {
      const k = 1 + rng.int(3);
      const yp = rng.next() < 0.35 ? 1 : 0;
      for (let j = 0; j < k; j++) { groups.push(`P${p}`); y.push(yp); }
    }
    const folds = stratifiedGroupKFold(y, groups, 5, { shuffle: true, seed: 9 });
    expect(crossing(groups, folds)).toEqual([]);
    const rate = y.reduce((a, b) => a + b, 0) / y.length;
    for (let f = 0; f < 5; f++) {
      const ys = y.filter((_, i) => folds[i] === f);
      expect(Math.abs(ys.reduce((a, b) => a + b, 0) / ys.length - rate)).toBeLessThan(0.05);
    }
    expect(stratifiedGroupKFold(y, groups, 5, { shuffle: true, seed: 9 })).toEqual(folds);
    expect(() => stratifiedGroupKFold([0, 1, 0, 1], ['a', 'a', 'b', 'b'], 3)).toThrow(SonomicsError);
  });
});

describe('clustered AUC (Obuchowski 1997)', () => {
  const rng = new Random(11);
  const y = Array.from({ length: 80 }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const s = y.map((v) => v + rng.normal());
  it('each case counted twice: the clustered SE stays that of the single cases (naive DeLong shrinks it by √2)', () => {
    const single = delongCI(y, s, { direction: '<' });
    const yy = [...y, ...y], ss = [...s, ...s], gg = [...y.map((_, i) => `P${i}`), ...y.map((_, i) => `P${i}`)];
    const clustered = clusteredDelongCI(yy, ss, gg);
    const naive = delongCI(yy, ss, { direction: '<' });
    expect(clustered.auc).toBeCloseTo(single.auc, 12);
    // exact relation: var_clustered / var_DeLong = I (M−1) / ((I−1) M) on each component; here within 1.5 %
    expect(clustered.se / single.se).toBeGreaterThan(0.985);
    expect(clustered.se / single.se).toBeLessThan(1.015);
    expect(naive.se / single.se).toBeLessThan(0.75);
    expect(clustered.clusters).toBe(80);
  });

  it('a score compared with itself has zero variance of the difference; the covariance matrix is symmetric', () => {
    const g = y.map((_, i) => `P${i >> 1}`);
    const t = clusteredDelongTest(y, s, s, g);
    expect(t.z).toBe(0);
    const c = clusteredAucCovariance(y, [s, s.map((v, i) => v + (i % 5))], g);
    expect(c.cov[0]![1]).toBeCloseTo(c.cov[1]![0]!, 15);
  });
});

/** Main cohort: 70 patients with 1–3 images each (features shared by a patient's images), external: 30. */
function cohortTables(): Record<string, Table> {
  const rng = new Random(21);
  const make = (n: number, prefix: string): Table => {
    const rows: Array<Record<string, string>> = [];
    for (let p = 0; p < n; p++) {
      const yp = rng.next() < 0.4 ? 1 : 0;
      const base = [0, 1, 2, 3].map(() => rng.normal() + 0.8 * yp * (rng.next() < 0.7 ? 1 : 0));
      const images = 1 + rng.int(3);
      for (let j = 0; j < images; j++) {
        const r: Record<string, string> = { id: `${prefix}${p}_${j}`, patient: `${prefix}${p}`, y: String(yp) };
        base.forEach((b, k) => { r[`tumour_original_glcm_f${k}`] = (b + 0.3 * rng.normal()).toFixed(5); });
        rows.push(r);
      }
    }
    return { source: `${prefix}.csv`, columns: Object.keys(rows[0]!), rows };
  };
  return { 'main.csv': make(70, 'M'), 'ext.csv': make(30, 'E') };
}

const config = (over: Record<string, unknown> = {}) => parseStudyConfig({
  seed: 4,
  data: { id: 'id', outcome: 'y', group: 'patient', cohorts: [{ name: 'main', role: 'main', tables: ['main.csv'] }, { name: 'ext', role: 'external', tables: ['ext.csv'] }] },
  models: ['radiomics'],
  svm: { C: [1], gamma: [0.1] },
  innerFolds: 3,
  evaluation: { folds: 4, bootstrap: 50 },
  ...over,
});

describe('a study with data.group', () => {
  for (const protocol of ['no-leakage', 'paper'] as const) {
    it(`${protocol}: no patient crosses outer folds (from predictions) or inner folds (every inner assignment); CIs are patient level`, () => {
      innerCalls.length = 0;
      const tables = cohortTables();
      const r = runStudy(config({ evaluation: { folds: 4, bootstrap: 50, protocol } }), tables);
      const patientOf = new Map(tables['main.csv']!.rows.map((row) => [row.id!, row.patient!]));
      const cv = r.predictions.filter((p) => p.set === 'cv');
      expect(cv.length).toBe(tables['main.csv']!.rows.length);
      expect(crossing(cv.map((p) => patientOf.get(p.id)!), cv.map((p) => p.fold))).toEqual([]);
      // paper: selections and C/γ come fixed from the whole cohort, so only calibration folds run per fold
      expect(innerCalls.length).toBeGreaterThanOrEqual(protocol === 'paper' ? 5 : 10);
      for (const c of innerCalls) {
        expect(c.groups).toBeDefined();
        expect(crossing(c.groups!, c.folds)).toEqual([]);
      }
      const m = r.models.radiomics!;
      expect(m.cv.auc_ci_method).toBe('clustered DeLong (Obuchowski 1997), patient level');
      expect(m.cv.patients).toBe(70);
      expect(m.external!.patients).toBe(30);
      expect(m.cv.auc_ci_bootstrap).toBeDefined();
      expect(r.notes.join('\n')).toContain('cases are grouped by patient (70 patients in main)');
    });
  }

  it('fixed folds that split a patient are an error naming it', () => {
    const tables = cohortTables();
    tables['main.csv']!.columns.push('fold');
    tables['main.csv']!.rows.forEach((row, i) => { row.fold = String((i % 4) + 1); });
    expect(() => runStudy(config({ evaluation: { foldColumn: 'fold' } }), tables)).toThrow(/puts the cases of group M\d+ \(data.group\) in folds/);
  });

  it('without data.group, a repeating patient column is a loud warning', () => {
    const tables = cohortTables();
    const cfg = config();
    delete (cfg.data as { group?: string }).group;
    const r = runStudy({ ...cfg, evaluation: { ...cfg.evaluation, bootstrap: 0 } }, tables);
    expect(r.notes[0]).toMatch(/^warning: cohort main: column 'patient' repeats \d+ of its 70 values .* set data.group: patient/);
  });
});
