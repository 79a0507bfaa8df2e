import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { runStudy, type StudyResult } from '../../src/study/run.ts';
import { MODEL_NAMES } from '../../src/study/config.ts';
import { resultsJson } from '../../src/study/outputs.ts';
import { buildBundle, loadModel, predict, BUNDLE_SCHEMA } from '../../src/study/bundle.ts';
import { renderReport, REPORT_SECTIONS } from '../../src/report/render.ts';
import { formatPerformanceTable } from '../../src/report/text.ts';
import { SonomicsError } from '../../src/core/errors.ts';
import { pairCountAuc, synthConfig, synthTables, TRAIN, FOLDS } from './helpers.ts';
import { readTableFile } from '../../src/node/study-files.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';

describe.skipIf(!HAS_SHARED)('study on the synthetic oracle cohorts (fixed folds)', () => {
  let result: StudyResult;
  const tables = HAS_SHARED ? synthTables() : {};
  beforeAll(() => {
    result = runStudy(synthConfig(), tables);
  });

  it('runs end to end: every model has CV and external metrics, and the models are compared', () => {
    for (const m of MODEL_NAMES) {
      const r = result.models[m]!;
      for (const part of [r.cv, r.external!]) {
        for (const k of ['auc', 'accuracy', 'sensitivity', 'specificity', 'threshold'] as const) expect(Number.isFinite(part[k]), `${m} ${k}`).toBe(true);
        expect(part.auc_ci[0]).toBeLessThanOrEqual(part.auc);
        expect(part.auc_ci[1]).toBeGreaterThanOrEqual(part.auc);
      }
      expect(r.cv.folds).toHaveLength(5);
    }
    expect(result.cohorts).toEqual([
      { name: 'train', role: 'main', n: 200, events: 90 },
      { name: 'external', role: 'external', n: 150, events: 38 },
    ]);
    // The radiomics signal is strong in this generator (β on f01, f02, f05, f10, f20).
    // Loosened from 0.75 to 0.7 (commit 7095322, "margin against solver changes"): data and folds are
    // fixed, but the CV AUC moves by a few hundredths when the LASSO / SMO solvers change their
    // stopping or tie-breaking. Measured now: 0.773 (DeLong 95 % CI 0.708–0.837; external 0.769):
    // 0.7, the CI's lower end, still fails a model that lost the signal (0.5) but not a solver tweak.
    expect(result.models.radiomics!.cv.auc).toBeGreaterThan(0.7);
    const selected = result.selection.radiomics!.selected.map((s) => s.name);
    expect(selected).toEqual(expect.arrayContaining(['f01', 'f02']));
    expect(result.comparisons.map((c) => `${c.cohort}:${c.a}-${c.b}`)).toEqual([
      'cv:combined-radiomics', 'cv:combined-clinical', 'cv:radiomics-clinical',
      'external:combined-radiomics', 'external:combined-clinical', 'external:radiomics-clinical',
    ]);
    for (const c of result.comparisons) { expect(Number.isFinite(c.z)).toBe(true); expect(c.p).toBeGreaterThanOrEqual(0); expect(c.p).toBeLessThanOrEqual(1); }
    const json = JSON.parse(resultsJson(result));
    expect(json.models.combined.external).toHaveProperty('auc_ci');
    expect(json.comparisons[0]).toHaveProperty('z');
    console.log(formatPerformanceTable(result));
  });

  it('uses the fixed folds, and its pooled CV AUC equals an independent pair count', () => {
    const fold5 = new Map(readTableFile(FOLDS).rows.map((r) => [r.id!, Number(r.fold5)]));
    const cv = result.predictions.filter((p) => p.set === 'cv');
    expect(cv).toHaveLength(200);
    for (const p of cv) expect(p.fold).toBe(fold5.get(p.id));
    for (const m of MODEL_NAMES) {
      const auc = pairCountAuc(cv.map((p) => p.y), cv.map((p) => p.probability[m]!));
      expect(Math.abs(result.models[m]!.cv.auc - auc)).toBeLessThan(1e-12);
      // sensitivity/specificity follow from the per-fold thresholds
      const tp = cv.filter((p) => p.y === 1 && p.predicted[m] === 1).length;
      expect(result.models[m]!.cv.sensitivity).toBeCloseTo(tp / 90, 12);
    }
  });

  it('predict on the training cases reproduces the fitted probabilities exactly', () => {
    const text = JSON.stringify(buildBundle(result, { software: { sonomics: 'test' } }));
    const bundle = loadModel(text, { extraction: resolveExtractionSettings({ description: 'synthetic', features: { discretisation: { method: 'FBS', value: 25 } } }) });
    expect(bundle.schema).toBe(BUNDLE_SCHEMA);
    const rows = readTableFile(TRAIN).rows;
    const fitted = new Map(result.predictions.filter((p) => p.set === 'fitted').map((p) => [p.id, p]));
    for (const m of MODEL_NAMES) {
      for (const row of rows) {
        const p = predict(bundle, row, { model: m, caseId: row.id });
        expect(p.risk).toBe(fitted.get(row.id!)!.probability[m]);
        expect(p.class).toBe(fitted.get(row.id!)!.predicted[m]);
      }
    }
    const one = predict(bundle, rows[0]!);
    expect(one.model).toBe('combined');
    expect(one.contributions.length).toBeGreaterThan(0);
    expect(Math.abs(one.contributions[0]!.contribution)).toBeGreaterThanOrEqual(Math.abs(one.contributions.at(-1)!.contribution));
  });

  it('refuses bundles whose schema or settings do not match', () => {
    const b = buildBundle(result);
    const code = (f: () => unknown) => { try { f(); } catch (e) { return `${(e as SonomicsError).code}: ${(e as Error).message}`; } return 'no error'; };
    expect(code(() => loadModel({ ...b, schema: 'sonomics.model-bundle/0' }))).toMatch(/^BUNDLE_MISMATCH: .*schema/);
    expect(code(() => loadModel({ ...b, extraction: { ...b.extraction, settings: { binWidth: 5 } } }))).toMatch(/^BUNDLE_MISMATCH: .*hash/);
    expect(code(() => loadModel(b, { extraction: { binWidth: 5 } }))).toMatch(/^BUNDLE_MISMATCH: features were extracted with settings/);
    expect(code(() => loadModel('{not json'))).toMatch(/^BUNDLE_MISMATCH: .*not valid JSON/);
    expect(code(() => predict(loadModel(b), { age: 50 }))).toMatch(/^MISSING_VALUES: .*needs/);
  });

  it('renders a self-contained report with every section', () => {
    const html = renderReport(result);
    for (const id of REPORT_SECTIONS) expect(html, id).toContain(`<section id="${id}">`);
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(8);
    expect(html).not.toMatch(/NaN|undefined/);
    expect(html).toContain('TRIPOD+AI');
    expect(html).toContain('no-leakage');
  });
});
