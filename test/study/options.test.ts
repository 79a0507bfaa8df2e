// Study options: ComBat across batches, imputation inside folds, the ICC robustness filter,
// and the optimistic 'paper' protocol.
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { runStudy } from '../../src/study/run.ts';
import { readTableFile } from '../../src/node/study-files.ts';
import { buildBundle, loadModel, predict } from '../../src/study/bundle.ts';
import { iccFilter } from '../../src/study/icc-filter.ts';
import { predictionsCsv, resultsJson } from '../../src/study/outputs.ts';
import { renderReport } from '../../src/report/render.ts';
import { synthConfig, synthTables, TRAIN } from './helpers.ts';

const COMBAT = sharedPath('oracles', 'data', 'combat_data.csv');
const CRLM = sharedPath('data', 'crlm-tcia-clinical', 'crlm_tcia_clinical_197_with_2y_label.csv');
const READERS = sharedPath('oracles', 'data', 'icc_readers_long.csv');

describe.skipIf(!HAS_SHARED)('study options', () => {
  it('ComBat is fitted inside the folds and travels in the bundle; outputs are deterministic', () => {
    const cfg = parseStudyConfig({
      seed: 5,
      data: { outcome: 'y', batch: 'batch', cohorts: [{ name: 'two-centre', role: 'main', tables: [COMBAT] }] },
      clinical: { variables: [{ name: 'f12_high', derive: 'f12 > 17' }], alpha: 0.5 },
      radiomics: { include: ['f??'], combat: true },
      svm: { C: [1], gamma: [0.1] },
      innerFolds: 3,
    });
    const table = readTableFile(COMBAT);
    const result = runStudy(cfg, { [COMBAT]: table });
    const model = result.final.radiomics!;
    expect(model.combat?.features).toHaveLength(11); // f12 is the clinical variable's source column
    expect(result.models.radiomics!.cv.auc).toBeGreaterThan(0.6); // y acts on f01–f03
    const bundle = loadModel(JSON.stringify(buildBundle(result)));
    expect(bundle.preprocessing.batchColumn).toBe('batch');
    const fitted = new Map(result.predictions.filter((p) => p.set === 'fitted').map((p) => [p.id, p.probability.radiomics]));
    for (const row of table.rows) expect(predict(bundle, row, { model: 'radiomics' }).risk).toBe(fitted.get(row.id!));
    expect(() => predict(bundle, { ...table.rows[0]!, batch: '3' })).toThrow(/batch|3/);
    // Deterministic: the same inputs and seed give byte-identical outputs.
    const again = runStudy(cfg, { [COMBAT]: table });
    expect(resultsJson(again)).toBe(resultsJson(result));
    expect(predictionsCsv(again)).toBe(predictionsCsv(result));
    expect(renderReport(again)).toBe(renderReport(result));
    expect(JSON.stringify(buildBundle(again))).toBe(JSON.stringify(buildBundle(result)));
  });

  it('imputes inside the folds instead of dropping incomplete cases', () => {
    const base = {
      seed: 2,
      data: { id: 'Patient-ID', outcome: 'intrahepatic_recurrence_2y', missingCodes: ['-999'], cohorts: [{ name: 'tcia', role: 'main', tables: [CRLM] }] },
      clinical: { variables: [{ name: 'bilobar_disease', type: 'binary' }, { name: 'cea_high', derive: 'carcinoembryonic_antigen > 200' }, { name: 'max_tumor_size', type: 'continuous' }], alpha: 0.2 },
      svm: { C: [1], gamma: [0.1] },
      innerFolds: 3,
      models: ['clinical'],
    };
    const tables = { [CRLM]: readTableFile(CRLM) };
    const cc = runStudy(parseStudyConfig(base), tables);
    const imp = runStudy(parseStudyConfig({ ...base, data: { ...base.data, missing: 'impute' } }), tables);
    expect(cc.missing.cohorts[0]!.byVariable.cea_high).toBeGreaterThan(0);
    expect(cc.cohorts[0]!.n).toBe(190 - cc.missing.cohorts[0]!.incomplete);
    expect(imp.cohorts[0]!.n).toBe(190);
    expect(imp.models.clinical!.cv.n).toBe(190);
    expect(imp.final.clinical!.imputer).toBeDefined();
  });

  it('filters features by ICC on repeat measurements', () => {
    const r = iccFilter(readTableFile(READERS), ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8'], { threshold: 0.75, type: 'ICC2', subject: 'subject', reader: 'reader' });
    expect(r.kept).toContain('f1');
    expect(r.dropped).toContain('f8');
    expect(r.values.f1).toBeGreaterThan(0.9);
    expect(r.values.f8).toBeLessThan(0.5);
  });

  it("the 'paper' protocol selects once on the whole main cohort, then cross-validates", () => {
    const tables = synthTables();
    const paper = runStudy(synthConfig({ combined: { radiomics: 'score' } }, { folds: 5, protocol: 'paper' }), tables);
    expect(paper.protocol).toBe('paper');
    // Selection is fixed: every selected feature and retained variable is "selected" in all 5 folds.
    for (const s of paper.selection.radiomics!.selected) expect(paper.selection.frequency[s.name]).toBe(5);
    for (const v of paper.selection.clinical!.retained) expect(paper.selection.frequency[v]).toBe(5);
    expect(paper.models.radiomics!.cv.auc).toBeGreaterThan(0.7);
    expect(renderReport(paper)).toContain('Protocol: <b>paper</b>');
    // combined model on the radiomics score: the bundle recomputes the score from the features
    expect(paper.final.combined!.head.features).toContain('radscore');
    const bundle = loadModel(JSON.stringify(buildBundle(paper)));
    const fitted = new Map(paper.predictions.filter((p) => p.set === 'fitted').map((p) => [p.id, p.probability.combined]));
    for (const row of tables[TRAIN]!.rows) expect(predict(bundle, row).risk).toBe(fitted.get(row.id!));
  });
});

describe.skipIf(!HAS_SHARED)('evaluation options', () => {
  it('repeats the CV and adds a bootstrap CI when asked', () => {
    const cfg = parseStudyConfig({
      seed: 4,
      data: { id: 'Patient-ID', outcome: 'intrahepatic_recurrence_2y', missingCodes: ['-999'], cohorts: [{ name: 'tcia', role: 'main', tables: [CRLM] }] },
      clinical: { variables: [{ name: 'node_positive_primary', type: 'binary' }, { name: 'chemo_before_liver_resection', type: 'binary' }] },
      svm: { C: [1], gamma: [0.1] },
      innerFolds: 3,
      evaluation: { folds: 4, repeats: 3, bootstrap: 200 },
      models: ['clinical'],
    });
    const r = runStudy(cfg, { [CRLM]: readTableFile(CRLM) });
    const cv = r.models.clinical!.cv;
    expect(cv.repeat_auc).toHaveLength(3);
    expect(cv.repeat_auc![0]).toBe(cv.auc); // the headline metrics are repeat 1's
    expect(cv.folds).toHaveLength(12);
    expect(r.predictions.filter((p) => p.set === 'cv')).toHaveLength(3 * cv.n);
    expect(cv.auc_ci_bootstrap![0]).toBeLessThan(cv.auc);
    expect(cv.auc_ci_bootstrap![1]).toBeGreaterThan(cv.auc);
    expect(r.notes.join(' ')).toContain('repeat 1');
  });
});
