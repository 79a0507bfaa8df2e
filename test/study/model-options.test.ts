// Model options: radiomics.input (features | score), radiomics.kernel, combined.kernel, clinical.entryAlpha.
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/study/run.ts';
import { buildBundle, loadModel, predict } from '../../src/study/bundle.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { methodsText } from '../../src/report/methods.ts';
import { HAS_SHARED } from '../helpers/shared.ts';
import { synthConfig, synthTables, TRAIN } from './helpers.ts';

describe('model options (config)', () => {
  it('entryAlpha defaults to alpha; kernels and input default to the paper design', () => {
    const base = { data: { outcome: 'y', cohorts: [{ name: 'm', role: 'main', tables: ['t.csv'] }] }, models: ['radiomics'] };
    const d = parseStudyConfig({ ...base, clinical: { alpha: 0.1 } });
    expect(d.clinical.entryAlpha).toBe(0.1);
    expect([d.radiomics.input, d.radiomics.kernel, d.combined.kernel]).toEqual(['features', 'rbf', 'rbf']);
    expect(() => parseStudyConfig({ ...base, radiomics: { input: 'scores' } })).toThrow(/radiomics.input: must be one of/);
  });

  it('radiomics.alpha (elastic-net mixing) defaults to 1 (LASSO) and must lie in (0, 1]', () => {
    const base = { data: { outcome: 'y', cohorts: [{ name: 'm', role: 'main', tables: ['t.csv'] }] }, models: ['radiomics'] };
    expect(parseStudyConfig(base).radiomics.alpha).toBe(1);
    expect(parseStudyConfig({ ...base, radiomics: { alpha: 0.5 } }).radiomics.alpha).toBe(0.5);
    expect(() => parseStudyConfig({ ...base, radiomics: { alpha: 0 } })).toThrow(/radiomics.alpha: must be in \(0, 1\]/);
  });
});

describe.skipIf(!HAS_SHARED)('model options (study)', () => {
  it('the radiomics SVM reads the LASSO score (linear kernel); the bundle reproduces the fitted risks; entryAlpha widens entry', () => {
    const cfg = synthConfig({ svm: { C: [1], gamma: [0.05] }, clinical: { variables: [{ name: 'age', type: 'continuous' }, { name: 'sex', type: 'binary' }, { name: 'stage', type: 'categorical' }], alpha: 0.05, entryAlpha: 1 }, radiomics: { include: ['f??'], input: 'score', kernel: 'linear' }, combined: { radiomics: 'score', kernel: 'linear' } });
    const tables = synthTables();
    const r = runStudy(cfg, tables);
    const rad = r.final.radiomics!;
    expect(rad.head.features).toEqual(['radscore']);
    expect(rad.head.kernel).toBe('linear');
    expect(rad.radscore?.features.length).toBeGreaterThan(0);
    expect(r.final.combined!.head.kernel).toBe('linear');
    expect(r.selection.clinical!.entered).toHaveLength(3); // entryAlpha 1: every variable enters
    expect(r.models.radiomics!.cv.auc).toBeGreaterThan(0.6);
    const bundle = loadModel(JSON.stringify(buildBundle(r)));
    const fitted = new Map(r.predictions.filter((p) => p.set === 'fitted').map((p) => [p.id, p.probability.radiomics]));
    for (const row of tables[TRAIN]!.rows.slice(0, 20)) expect(predict(bundle, row, { model: 'radiomics' }).risk).toBe(fitted.get(row.id!));
    expect(methodsText(r)).toMatch(/radiomics score \(LASSO linear predictor on the selected features\) fed a support vector machine \(linear kernel\)/);
  });

  it('radiomics.alpha < 1 runs an elastic net: at least as many features as the LASSO on the same folds, named in the methods', () => {
    const tables = synthTables();
    const base = { svm: { C: [1], gamma: [0.05] }, radiomics: { include: ['f??'], lambda: 'min' }, models: ['radiomics'] };
    const lasso = runStudy(synthConfig(base), tables);
    const enet = runStudy(synthConfig({ ...base, radiomics: { ...base.radiomics, alpha: 0.3 } }), tables);
    expect(enet.selection.radiomics!.selected.length).toBeGreaterThanOrEqual(lasso.selection.radiomics!.selected.length);
    expect(enet.models.radiomics!.cv.auc).toBeGreaterThan(0.6);
    expect(methodsText(enet)).toMatch(/elastic-net \(α = 0.3\) logistic regression/);
    expect(methodsText(lasso)).toMatch(/LASSO logistic regression/);
  });
});
