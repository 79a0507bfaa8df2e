// Model options: radiomics.input (features | score), clinical.input (variables | score), combined.input
// (features | score), radiomics.kernel, combined.kernel, clinical.entryAlpha.
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/study/run.ts';
import { buildBundle, loadModel, predict } from '../../src/study/bundle.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { methodsText } from '../../src/report/methods.ts';
import { fitLogisticSafe } from '../../src/study/logistic-fit.ts';
import { selectClinical } from '../../src/study/clinical.ts';
import { resultsJson } from '../../src/study/outputs.ts';
import { fitLogitScore } from '../../src/study/logit-score.ts';
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

// Since issue #21 the clinical model's default head is the logistic regression; clinical.kernel and
// clinical.input shape an SVM head, so these tests ask for clinical.head: svm explicitly.
describe('clinical.input and combined.input (config, score fit)', () => {
  const base = { data: { outcome: 'y', cohorts: [{ name: 'm', role: 'main', tables: ['t.csv'] }] }, clinical: { variables: ['age'] } };
  it('default to the columns themselves; score is accepted; anything else names the key and the choices', () => {
    const d = parseStudyConfig(base);
    expect([d.clinical.input, d.combined.input]).toEqual(['variables', 'features']);
    const s = parseStudyConfig({ ...base, clinical: { variables: ['age'], head: 'svm', input: 'score' }, combined: { input: 'score' } });
    expect([s.clinical.input, s.combined.input]).toEqual(['score', 'score']);
    expect(() => parseStudyConfig({ ...base, clinical: { variables: ['age'], head: 'svm', input: 'features' } })).toThrow(/clinical.input: must be one of 'variables', 'score', got "features"/);
    expect(() => parseStudyConfig({ ...base, combined: { input: 'variables' } })).toThrow(/combined.input: must be one of 'features', 'score', got "variables"/);
  });

  it('the score is the logistic linear predictor; a separated training set falls back to Firth, marked on the score', () => {
    const X = [[0, 1], [1, 0], [2, 1], [3, 0], [4, 1], [5, 1], [6, 0], [7, 1]];
    const y = [0, 0, 1, 0, 1, 0, 1, 1];
    const { score, values } = fitLogitScore('combined_score', ['a', 'b'], X, y, 'outer training fold 2');
    expect(score.coef).toHaveLength(3);
    expect(score.firth).toBeUndefined();
    values.forEach((v, i) => expect(v).toBe(score.coef[0]! + score.coef[1]! * X[i]![0]! + score.coef[2]! * X[i]![1]!));
    const sep = [0, 0, 0, 0, 1, 1, 1, 1];
    const firth = fitLogitScore('combined_score', ['a', 'b'], X, sep, 'outer training fold 2');
    expect(firth.score.firth).toBe(true);
    expect(firth.score.coef.every(Number.isFinite)).toBe(true);
    expect(firth.score.coef[1]).toBeGreaterThan(0);
    const notes: string[] = [];
    expect(fitLogisticSafe(X, sep, ['a', 'b'], 'multivariable model', notes).firth).toBe(true);
    expect(notes[0]).toMatch(/multivariable model: maximum likelihood .*Firth's penalised likelihood was used instead/);
  });
});

describe.skipIf(!HAS_SHARED)('model options (study)', () => {
  const clinicalVars = [{ name: 'age', type: 'continuous' }, { name: 'sex', type: 'binary' }, { name: 'stage', type: 'categorical' }];

  it('clinical.input and combined.input score: each SVM reads one logistic score; the bundle reproduces the fitted risks; the methods say so', () => {
    const cfg = synthConfig({ svm: { C: [1], gamma: [0.05] }, clinical: { variables: clinicalVars, head: 'svm', kernel: 'linear', input: 'score' }, combined: { radiomics: 'score', kernel: 'linear', input: 'score' } });
    const tables = synthTables();
    const r = runStudy(cfg, tables);
    const clin = r.final.clinical!, comb = r.final.combined!;
    expect(clin.head.features).toEqual(['clinical_score']);
    expect(comb.head.features).toEqual(['combined_score']);
    expect(r.models.clinical!.features).toEqual(['clinical_score']);
    // The clinical score reuses the selection's logistic model on the retained variables (the points table's).
    const retained = r.selection.clinical!.retainedDesign;
    expect(clin.logitScore!.terms).toEqual(retained);
    expect(clin.logitScore!.coef).toEqual(r.selection.clinical!.logistic!.coef);
    expect(comb.logitScore!.terms).toEqual([...retained, 'radscore']);
    expect(comb.radscore).toBeDefined();
    // A linear SVM on one column keeps the logistic ranking: the clinical model now ranks as the logistic regression does.
    expect(r.models.clinical!.cv.auc).toBeGreaterThan(r.models.clinical!.logistic!.cv.auc - 0.01);
    const bundle = loadModel(JSON.stringify(buildBundle(r)));
    const fitted = r.predictions.filter((p) => p.set === 'fitted');
    const byId = new Map(fitted.map((p) => [p.id, p.probability]));
    for (const row of tables[TRAIN]!.rows.slice(0, 20)) {
      for (const m of ['clinical', 'combined'] as const) {
        const p = predict(bundle, row, { model: m });
        expect(p.risk).toBe(byId.get(row.id!)![m]);
        expect(p.score!.name).toBe(`${m}_score`);
        expect(p.score!.value).toBeCloseTo(p.score!.intercept + p.score!.terms.reduce((s, t) => s + t.term, 0), 10);
      }
    }
    const text = methodsText(r);
    expect(text).toMatch(/that SVM read one input, the clinical score: the linear predictor of the multivariable logistic regression on the retained variables/);
    expect(text).toMatch(/combined \(cRadiomics\) model's SVM \(linear kernel\) read one input, the combined score: the linear predictor of a logistic regression on the retained clinical variables plus the radiomics score/);
  });

  it('combined.input score over the selected features: the logistic terms are the clinical design columns and those features; bundle risks exact', () => {
    const cfg = synthConfig({ svm: { C: [1], gamma: [0.05] }, models: ['combined'], radiomics: { include: ['f??'], lambda: '1se' }, combined: { radiomics: 'features', input: 'score' } });
    const tables = synthTables();
    const r = runStudy(cfg, tables);
    const comb = r.final.combined!;
    expect(comb.head.features).toEqual(['combined_score']);
    expect(comb.radscore).toBeUndefined();
    expect(comb.logitScore!.terms).toEqual([...r.selection.clinical!.retainedDesign, ...r.selection.radiomics!.radscore.features]);
    expect(r.models.combined!.cv.auc).toBeGreaterThan(0.7);
    const bundle = loadModel(JSON.stringify(buildBundle(r)));
    const fitted = new Map(r.predictions.filter((p) => p.set === 'fitted').map((p) => [p.id, p.probability.combined]));
    for (const row of tables[TRAIN]!.rows.slice(0, 20)) expect(predict(bundle, row).risk).toBe(fitted.get(row.id!));
    expect(methodsText(r)).toMatch(/logistic regression on the retained clinical variables plus the selected radiomics features/);
  });

  it('paper protocol: the clinical score is refitted on every training fold (only the variable choice is fixed) and ranks as the logistic comparison does', () => {
    const r = runStudy(synthConfig({ svm: { C: [1], gamma: [0.05] }, models: ['clinical'], clinical: { variables: clinicalVars, head: 'svm', kernel: 'linear', input: 'score' } }, { folds: 5, protocol: 'paper' }), synthTables());
    expect(r.final.clinical!.head.features).toEqual(['clinical_score']);
    expect(r.final.clinical!.logitScore!.coef).toEqual(r.selection.clinical!.logistic!.coef);
    expect(Math.abs(r.models.clinical!.cv.auc - r.models.clinical!.logistic!.cv.auc)).toBeLessThan(0.02);
    expect(methodsText(r)).toMatch(/clinical score/);
  });

  it('explicit defaults (clinical.input: variables, combined.input: features) give byte-identical results to no option', () => {
    const tables = synthTables();
    const base = { svm: { C: [1], gamma: [0.05] }, models: ['clinical', 'combined'], combined: { radiomics: 'score' } };
    const a = runStudy(synthConfig({ ...base, clinical: { ...synthConfig().clinical, head: 'svm' } }), tables);
    const b = runStudy(synthConfig({ ...base, clinical: { ...synthConfig().clinical, head: 'svm', input: 'variables' }, combined: { radiomics: 'score', input: 'features' } }), tables);
    expect(resultsJson(b)).toBe(resultsJson(a));
    expect(JSON.stringify(buildBundle(b))).toBe(JSON.stringify(buildBundle(a)));
    expect(a.final.clinical!.logitScore).toBeUndefined();
    expect(a.final.combined!.head.features).toEqual([...a.selection.clinical!.retainedDesign, 'radscore']);
    expect(methodsText(a)).not.toMatch(/clinical score|combined score/);
  });

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

describe.skipIf(!HAS_SHARED)('clinical variables with role describe', () => {
  it('are in Table 1 only: never a candidate, and a missing value excludes no case', () => {
    const variables = [{ name: 'age', type: 'continuous', summary: 'mean', role: 'describe' }, { name: 'sex', type: 'binary' }, { name: 'stage', type: 'categorical' }];
    const cfg = synthConfig({ svm: { C: [1], gamma: [0.05] }, clinical: { variables, alpha: 1 }, models: ['clinical'] });
    expect(cfg.clinical.variables[0]!.role).toBe('describe');
    expect(() => synthConfig({ clinical: { variables: [{ name: 'age', role: 'table' }] } })).toThrow(/role: must be one of/);
    expect(() => synthConfig({ clinical: { variables: [{ name: 'age', role: 'describe' }] }, models: ['clinical'] })).toThrow(/at least one clinical variable with role predictor/);
    const tables = synthTables();
    // Blank one case's age: with role describe the case stays in the (complete-case) analysis.
    const train = tables[TRAIN]!;
    const rows = train.rows.map((r, i) => (i === 0 ? { ...r, age: '' } : r));
    const r = runStudy(cfg, { ...tables, [TRAIN]: { ...train, rows } });
    expect(r.selection.clinical!.univariable.map((u) => u.variable)).toEqual(['sex', 'stage']);
    expect(r.models.clinical!.cv.n).toBe(train.rows.length);
    expect(r.table1[0]!.rows.some((row) => row.variable === 'age')).toBe(true);
    // alpha 1: a pre-specified model, every predictor kept, said so in the methods.
    expect(r.selection.clinical!.retained).toEqual(['sex', 'stage']);
    expect(methodsText(r)).toMatch(/pre-specified predictors \(sex, stage\) without data-driven selection/);
    const bundle = loadModel(JSON.stringify(buildBundle(r)));
    expect(bundle.variables.map((v) => v.name)).not.toContain('age');
    const fitted = new Map(r.predictions.filter((p) => p.set === 'fitted').map((p) => [p.id, p.probability.clinical]));
    const row = rows[1]!;
    expect(predict(bundle, { ...row, age: '' }, { model: 'clinical' }).risk).toBe(fitted.get(row.id!));
  });
});

describe('clinical selection on small training sets', () => {
  it('a constant variable is not estimable and an aliased one is left out, each with a note; the rest is fitted', () => {
    const rows: Array<Record<string, number>> = [];
    const y: number[] = [];
    for (let i = 0; i < 40; i++) {
      const a = i % 2, b = (i >> 1) % 2;
      // rare: constant 0 here; copy: equals a in every case (as targeted drugs = chemotherapy in a fold).
      rows.push({ a, b, rare: 0, copy: a });
      y.push((a + b + (i % 5 === 0 ? 1 : 0)) % 2 === 1 || (i % 7 === 0) ? 1 : 0);
    }
    const spec = (name: string) => ({ name, type: 'binary' as const, column: name, design: [name] });
    const sel = selectClinical(rows, y, [spec('a'), spec('rare'), spec('b'), spec('copy')], 1);
    expect(sel.univariable.find((u) => u.variable === 'rare')!.constant).toBe(true);
    expect(sel.retained).toEqual(['a', 'b']);
    expect(sel.notes.join(' ')).toMatch(/rare is constant in this training set/);
    expect(sel.notes.join(' ')).toMatch(/copy: collinear with the variables before it/);
    expect(sel.logistic!.coef.every(Number.isFinite)).toBe(true);
  });

  it('every variable constant: a clear error that says what to do', () => {
    const rows = Array.from({ length: 10 }, () => ({ rare: 0 }));
    const y = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
    expect(() => selectClinical(rows, y, [{ name: 'rare', type: 'binary', column: 'rare', design: ['rare'] }], 1)).toThrow(/constant in this training set of 10 cases.*models: \[radiomics\]/);
  });
});
