// Worked example of docs/survival.md on the real TCIA CRLM clinical table: liver recurrence with
// death as a competing event, clinical Cox model with the four recorded predictors, apparent and
// 5-fold cross-validated (folds stratified by status) C-index and AUC(24). The figures printed in
// docs/survival.md are checked here, so the docs cannot drift from what the code computes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, REPO_ROOT, sharedPath } from '../helpers/shared.ts';
import { parseCsv } from '../../src/tables/csv.ts';
import { coxLinearPredictor, coxPH, stratifiedKFold } from '../../src/ml/index.ts';
import { aalenJohansen, cumulativeIncidenceAt, grayTest } from '../../src/stats/index.ts';
import { survivalPerformance } from '../../src/study/survival-evaluation.ts';

const PREDICTORS = ['node_positive_primary', 'synchronous_crlm', 'bilobar_disease', 'chemo_before_liver_resection'];

function load() {
  const t = parseCsv(readFileSync(sharedPath('data', 'crlm-tcia-clinical', 'crlm_tcia_clinical_197_with_2y_label.csv'), 'utf8'));
  // time = months to liver recurrence or last follow-up / death; status 1 = liver recurrence,
  // 2 = died without liver recurrence (vital_status_liver_DFS = 1 without a liver recurrence), 0 = censored.
  const time = t.rows.map((r) => Number(r.months_to_liver_DFS_progression));
  const status = t.rows.map((r) => (r.progression_or_recurrence_liveronly === '1' ? 1 : r.vital_status_liver_DFS === '1' ? 2 : 0));
  const X = t.rows.map((r) => PREDICTORS.map((p) => Number(r[p])));
  return { rows: t.rows, time, status, X };
}

/** "0.123 (0.045–0.201)" as docs/survival.md prints an estimate and its CI. */
const fmt = (e: { estimate: number; lower: number; upper: number }): string => `${e.estimate.toFixed(3)} (${e.lower.toFixed(3)}–${e.upper.toFixed(3)})`;

describe.skipIf(!HAS_SHARED)('TCIA CRLM worked example (docs/survival.md)', () => {
  it('derives time and status consistently with the table’s own 2-year label', () => {
    const { rows, time, status, X } = load();
    expect(time.every((t) => Number.isFinite(t) && t > 0)).toBe(true);
    expect(X.flat().every((v) => v === 0 || v === 1)).toBe(true);
    // The 7 patients the binary label leaves empty are exactly those who died first within 2 years.
    rows.forEach((r, i) => {
      const label = r.intrahepatic_recurrence_2y;
      if (label === '') expect(status[i] === 2 && time[i]! <= 24).toBe(true);
      else if (label === '1') expect(status[i] === 1 && time[i]! <= 24).toBe(true);
      else expect(time[i]! > 24 || status[i] === 0).toBe(true);
    });
    const counts = [0, 1, 2].map((s) => status.filter((v) => v === s).length);
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'survival.md'), 'utf8');
    expect(doc).toContain(`${counts[1]} liver recurrences, ${counts[2]} deaths without liver recurrence, ${counts[0]} censored`);
  });

  it('clinical Cox model: apparent and cross-validated C-index and AUC(24) as printed in the docs', () => {
    const { time, status, X } = load();
    const d = { time, status };
    const m = coxPH(X, d, { names: PREDICTORS });
    const apparent = survivalPerformance(d, coxLinearPredictor(m, X), 24);
    const fold = stratifiedKFold(status, 5, { shuffle: true, seed: 2024 });
    const oof = new Array<number>(X.length);
    for (let f = 0; f < 5; f++) {
      const train = X.map((_, i) => i).filter((i) => fold[i] !== f);
      const test = X.map((_, i) => i).filter((i) => fold[i] === f);
      const mf = coxPH(train.map((i) => X[i]!), { time: train.map((i) => time[i]!), status: train.map((i) => status[i]!) });
      const lp = coxLinearPredictor(mf, test.map((i) => X[i]!));
      test.forEach((i, k) => { oof[i] = lp[k]!; });
    }
    const cv = survivalPerformance(d, oof, 24);
    const cif = cumulativeIncidenceAt(aalenJohansen(d, 1), [24])[0]!;
    const gray = grayTest(d, X.map((r) => r[2]!), 1);
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'survival.md'), 'utf8');
    const lines = [
      `| apparent | ${fmt(apparent.harrell)} | ${fmt(apparent.unoAtHorizon)} | ${fmt(apparent.auc)} |`,
      `| 5-fold CV | ${fmt(cv.harrell)} | ${fmt(cv.unoAtHorizon)} | ${fmt(cv.auc)} |`,
      ...m.names.map((nm, j) => `| ${nm} | ${m.hazardRatio[j]!.toFixed(2)} (${m.hrLower[j]!.toFixed(2)}–${m.hrUpper[j]!.toFixed(2)}) | ${m.p[j]! < 0.001 ? '< 0.001' : m.p[j]!.toFixed(3)} |`),
      `cumulative incidence of liver recurrence at 24 months is ${(100 * cif.est).toFixed(1)} %`,
      `Gray's test for bilobar disease: χ² ${gray.statistic.toFixed(2)}, p ${gray.p.toFixed(4)}`,
    ];
    for (const l of lines) expect(doc, `docs/survival.md should contain: ${l}`).toContain(l);
  });
});
