// Survival bundles and `predict` at times, on the real TCIA CRLM table (clinical Cox with the four
// recorded predictors, liver recurrence; time and status derived as in docs/survival.md): the Cox
// head fitted as the study fits it, stored in a bundle, written as JSON, loaded and checked, and
// applied to every patient must give the head's own probabilities and survival curves to 1e-12;
// times beyond the baseline are refused naming the time and the limit; edits are caught on load.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { parseCsv } from '../../src/tables/csv.ts';
import { coxHead } from '../../src/study/heads/cox.ts';
import { BUNDLE_SCHEMA, bundleJson, loadModel, predictSurvival, sealBundle, type ModelBundle } from '../../src/study/bundle.ts';
import { defaultSurvivalTimes } from '../../src/study/bundle-survival.ts';
import { buildSurvivalBundle } from '../../src/study/bundle-survival-build.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { runSurvivalStudy } from '../../src/study/survival/run.ts';
import { SonomicsError } from '../../src/core/errors.ts';
import { brierScore, concordance } from '../../src/stats/index.ts';

const PREDICTORS = ['node_positive_primary', 'synchronous_crlm', 'bilobar_disease', 'chemo_before_liver_resection'];
const CSV = HAS_SHARED ? sharedPath('data', 'crlm-tcia-clinical', 'crlm_tcia_clinical_197_with_2y_label.csv') : '';

function tcia() {
  const t = parseCsv(readFileSync(CSV, 'utf8'));
  const time = t.rows.map((r) => Number(r.months_to_liver_DFS_progression));
  // 1 = liver recurrence; death first and censoring are censored for the Cox model.
  const event = t.rows.map((r) => (r.progression_or_recurrence_liveronly === '1' ? 1 : 0));
  const X = t.rows.map((r) => PREDICTORS.map((p) => Number(r[p])));
  return { rows: t.rows, time, event, X };
}

/** A bundle of one clinical Cox model as buildSurvivalBundle lays it out (no study run needed). */
function coxBundle(): { bundle: ModelBundle; head: ReturnType<typeof coxHead.fit>; X: number[][]; rows: Array<Record<string, string>> } {
  const { rows, time, event, X } = tcia();
  const head = coxHead.fit(X, { kind: 'time-to-event', time, event, horizon: 24 }, PREDICTORS, { settings: {}, seeds: { of: () => 1 }, where: 'TCIA', model: 'clinical', notes: [] } as never);
  const summary = PREDICTORS.map((p, j) => {
    const v = X.map((r) => r[j]!);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    return { name: p, mean, sd: Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)), min: Math.min(...v), max: Math.max(...v) };
  });
  const bundle = sealBundle({
    schema: BUNDLE_SCHEMA, title: 'TCIA CRLM clinical Cox', defaultModel: 'clinical',
    provenance: { sonomics: 'test', settingsHash: null, configHash: '0'.repeat(64), protocol: 'no-leakage', seed: 1 },
    sharing: { containsTrainingData: false, optedIn: false, omitted: [] },
    extraction: { settings: null, hash: null, source: 'none', scoresImages: false, why: 'clinical only' },
    harmonisation: null,
    preprocessing: { missingCodes: [], missingPolicy: 'complete-case', protocol: 'no-leakage', steps: ['encode clinical variables', 'Cox linear predictor'] },
    variables: PREDICTORS.map((p) => ({ name: p, type: 'binary' as const, column: p, design: [p] })),
    features: [],
    models: { clinical: { kind: 'clinical', inputs: PREDICTORS, head: head as never, selectedFeatures: head.features, threshold: head.threshold } },
    training: { cohort: 'TCIA', n: X.length, events: event.filter((e) => e === 1).length, inputs: summary, performance: { clinical: { cvAuc: 0.64, cvHarrell: 0.58 } } },
    survival: { outcome: { time: 'months_to_liver_DFS_progression', event: 'status', eventValue: 1, competingValue: 2 }, horizon: 24, times: defaultSurvivalTimes(24, undefined), timeUnit: 'months' },
  });
  return { bundle, head, X, rows };
}

describe.skipIf(!HAS_SHARED)('survival bundle and predict at times (TCIA CRLM, real data)', () => {
  it('fit → bundle JSON → load → predict equals the head in the study to 1e-12, at the horizon and along the curve', () => {
    const { bundle, head, X, rows } = coxBundle();
    const loaded = loadModel(bundleJson(bundle));
    const inStudy = coxHead.apply(head, X);
    let worst = 0;
    rows.forEach((r, i) => {
      const p = predictSurvival(loaded, r, { caseId: r['Patient-ID'] });
      // Risk by the horizon and the high/low group: the study's probability and threshold.
      worst = Math.max(worst, Math.abs(p.risk - inStudy.probability[i]!), Math.abs(p.linearPredictor - inStudy.risk[i]!));
      expect(p.class).toBe(inStudy.probability[i]! >= head.threshold ? 1 : 0);
      const at24 = p.at.find((a) => a.time === 24)!;
      worst = Math.max(worst, Math.abs(at24.risk - inStudy.probability[i]!));
      // The curve at the baseline's jump times equals the head's survival output.
      const curve = inStudy.survival!.curves[i]!;
      curve.forEach((s, k) => { worst = Math.max(worst, Math.abs(p.curve.survival[k + 1]! - s)); });
      expect(p.curve.time.slice(1)).toEqual(inStudy.survival!.times);
    });
    expect(worst).toBeLessThanOrEqual(1e-12);
  });

  it('the study loop’s own bundle: runSurvivalStudy → buildSurvivalBundle → JSON → loadModel → predict equals every fitted probability to 1e-12', () => {
    const cfg = parseStudyConfig({
      title: 'TCIA CRLM liver recurrence', seed: 2024,
      data: { id: 'Patient-ID', cohorts: [{ name: 'tcia', tables: [CSV] }] },
      outcome: { time: 'months_to_liver_DFS_progression', event: 'progression_or_recurrence_liveronly', eventValue: 1, competingColumn: 'vital_status_liver_DFS', competingValue: 1, horizon: 24, times: [12, 24, 36] },
      clinical: { variables: PREDICTORS.map((name) => ({ name, type: 'binary' })), alpha: 1 },
      models: ['clinical'],
    });
    const table = parseCsv(readFileSync(CSV, 'utf8'), CSV);
    const result = runSurvivalStudy(cfg, { [CSV]: table });
    const bundle = loadModel(bundleJson(buildSurvivalBundle(result)));
    expect(bundle.survival).toMatchObject({ horizon: 24, times: [12, 24, 36], timeUnit: 'months', outcome: { competingColumn: 'vital_status_liver_DFS' } });
    const fitted = result.predictions.filter((p) => p.set === 'fitted');
    expect(fitted.length).toBe(197);
    let worst = 0;
    for (const p of fitted) {
      const row = table.rows.find((r) => r['Patient-ID'] === p.id)!;
      const s = predictSurvival(bundle, row, { caseId: p.id });
      worst = Math.max(worst, Math.abs(s.risk - p.probability.clinical!), Math.abs(s.at[1]!.risk - p.probability.clinical!));
      expect(s.class).toBe(p.group.clinical);
    }
    expect(worst).toBeLessThanOrEqual(1e-12);
  });

  it('with survival.fineGray the bundle carries the Fine–Gray model: predict gives its cumulative incidences, and over the 197 patients they reproduce the study\'s apparent Fine–Gray C-index and Brier exactly', async () => {
    const cfg = parseStudyConfig({
      title: 'TCIA CRLM liver recurrence, death as competing event', seed: 2024,
      data: { id: 'Patient-ID', cohorts: [{ name: 'tcia', tables: [CSV] }] },
      outcome: { time: 'months_to_liver_DFS_progression', event: 'progression_or_recurrence_liveronly', eventValue: 1, competingColumn: 'vital_status_liver_DFS', competingValue: 1, horizon: 24, times: [12, 24, 36] },
      survival: { fineGray: true },
      clinical: { variables: PREDICTORS.map((name) => ({ name, type: 'binary' })), alpha: 1 },
      models: ['clinical'],
    });
    const table = parseCsv(readFileSync(CSV, 'utf8'), CSV);
    const result = runSurvivalStudy(cfg, { [CSV]: table });
    const bundle = loadModel(bundleJson(buildSurvivalBundle(result)));
    const part = bundle.survival!.fineGray!;
    expect(part.names).toEqual(result.fineGray!.names);
    expect(part.coef).toEqual(result.fineGray!.coef);
    const fitted = result.predictions.filter((p) => p.set === 'fitted');
    const preds = fitted.map((p) => predictSurvival(bundle, table.rows.find((r) => r['Patient-ID'] === p.id)!, { caseId: p.id }).fineGray!);
    for (const f of preds) {
      expect(f.at.map((a) => a.time)).toEqual([12, 24, 36]);
      for (let k = 1; k < f.at.length; k++) expect(f.at[k]!.incidence).toBeGreaterThanOrEqual(f.at[k - 1]!.incidence);
      expect(f.at[1]!.incidence).toBe(f.incidence);
      expect(f.class).toBe(f.incidence >= part.threshold ? 1 : 0);
    }
    // The study measured its final Fine–Gray model on these patients: the same numbers from the bundle's incidences.
    const ids = fitted.map((p) => p.id);
    const time = ids.map((id) => Number(table.rows.find((r) => r['Patient-ID'] === id)!.months_to_liver_DFS_progression));
    const status = ids.map((id) => {
      const r = table.rows.find((x) => x['Patient-ID'] === id)!;
      return r.progression_or_recurrence_liveronly === '1' ? 1 : r.vital_status_liver_DFS === '1' ? 2 : 0;
    });
    const inc = preds.map((f) => f.incidence);
    expect(concordance({ time, status: status.map((s) => (s === 1 ? 1 : 0)) }, inc).concordance).toBe(result.fineGray!.apparent.harrell.estimate);
    expect(brierScore({ time, status }, inc, 24).brier).toBe(result.fineGray!.apparent.brier.estimate);
    // sonomics predict writes them as incidence_* columns.
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-fgpredict-'));
    writeFileSync(join(dir, 'bundle.json'), bundleJson(bundle));
    writeFileSync(join(dir, 'cases.csv'), ['Patient-ID,' + PREDICTORS.join(','), ...table.rows.slice(0, 3).map((r) => [r['Patient-ID'], ...PREDICTORS.map((q) => r[q])].join(','))].join('\n') + '\n');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    await buildProgram().parseAsync(['node', 'sonomics', 'predict', '--model', join(dir, 'bundle.json'), '--features', join(dir, 'cases.csv'), '--id', 'Patient-ID', '--out', join(dir, 'out.csv')]);
    log.mockRestore();
    err.mockRestore();
    const out = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
    expect(out.columns).toEqual(expect.arrayContaining(['fine_gray_linear_predictor', 'incidence_12', 'incidence_24', 'incidence_36', 'fine_gray_group']));
    out.rows.forEach((r, i) => expect(Number(r.incidence_24)).toBe(predictSurvival(bundle, table.rows[i]!).fineGray!.incidence));
    // An inconsistent Fine–Gray part is refused on load, naming it.
    const edited = JSON.parse(bundleJson(bundle)) as ModelBundle;
    edited.survival!.fineGray!.coef.pop();
    expect(() => loadModel(bundleJson(sealBundle(edited)))).toThrow(/survival.fineGray has \d+ coefficients for \d+ columns/);
  });

  it('gives the horizon and 1, 2, 3 years by default; risk rises and survival falls with time', () => {
    const { bundle, rows } = coxBundle();
    const p = predictSurvival(bundle, rows[0]!);
    expect(p.at.map((a) => a.time)).toEqual([12, 24, 36]);
    for (let k = 1; k < p.at.length; k++) expect(p.at[k]!.risk).toBeGreaterThanOrEqual(p.at[k - 1]!.risk);
    for (const a of p.at) expect(a.risk + a.survival).toBe(1);
    expect(p.curve.survival[0]).toBe(1);
    for (let k = 1; k < p.curve.survival.length; k++) expect(p.curve.survival[k]!).toBeLessThanOrEqual(p.curve.survival[k - 1]!);
  });

  it('refuses a time beyond the last training event time, naming the time and the limit', () => {
    const { bundle, head, rows } = coxBundle();
    const limit = head.baseline.time[head.baseline.time.length - 1]!;
    let err: unknown;
    try { predictSurvival(bundle, rows[0]!, { times: [12, limit + 1] }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(SonomicsError);
    expect((err as SonomicsError).code).toBe('BAD_INPUT');
    expect((err as Error).message).toContain(`survival time ${limit + 1} months is beyond the last event time`);
    expect((err as Error).message).toContain(`(${limit} months)`);
    // At the limit itself the risk is given.
    expect(predictSurvival(bundle, rows[0]!, { times: [limit] }).at[0]!.time).toBe(limit);
  });

  it('loadModel refuses an edited or inconsistent survival bundle', () => {
    const { bundle } = coxBundle();
    const edited = JSON.parse(bundleJson(bundle)) as ModelBundle;
    (edited.models.clinical!.head as unknown as { baseline: { cumhaz: number[] } }).baseline.cumhaz[3] = 0.5;
    expect(() => loadModel(JSON.stringify(edited))).toThrow(/content does not match its content hash/);
    // Recomputing the hash does not help an inconsistent one: cumulative hazard must not decrease.
    expect(() => loadModel(bundleJson(sealBundle(edited)))).toThrow(/baseline cumulative hazard is not non-decreasing/);
    const horizon = JSON.parse(bundleJson(bundle)) as ModelBundle;
    horizon.survival!.horizon = 12;
    horizon.survival!.times = [12, 36];
    expect(() => loadModel(bundleJson(sealBundle(horizon)))).toThrow(/horizon \(24\) differs from survival.horizon \(12\)/);
    const noPart = JSON.parse(bundleJson(bundle)) as ModelBundle;
    delete noPart.survival;
    expect(() => loadModel(bundleJson(sealBundle(noPart)))).toThrow(/Cox models but the bundle has no survival part/);
  });

  it('sonomics predict gives risks at --times and writes the curve; a time beyond the baseline is an error', async () => {
    const { bundle, rows } = coxBundle();
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-survpredict-'));
    writeFileSync(join(dir, 'bundle.json'), bundleJson(bundle));
    const cases = ['id,' + PREDICTORS.join(','), ...rows.slice(0, 3).map((r) => [r['Patient-ID'], ...PREDICTORS.map((p) => r[p])].join(','))].join('\n') + '\n';
    writeFileSync(join(dir, 'cases.csv'), cases);
    const cli = (args: string[]) => buildProgram().parseAsync(['node', 'sonomics', ...args]);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    await cli(['predict', '--model', join(dir, 'bundle.json'), '--features', join(dir, 'cases.csv'), '--times', '12,24,36', '--curve', join(dir, 'curve.csv'), '--out', join(dir, 'out.csv')]);
    const out = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
    expect(out.columns).toEqual(expect.arrayContaining(['risk', 'group', 'linear_predictor', 'survival_12', 'risk_12', 'survival_24', 'risk_24', 'survival_36', 'risk_36']));
    out.rows.forEach((r, i) => {
      const p = predictSurvival(bundle, rows[i]!, { times: [12, 24, 36] });
      expect(Number(r.risk_24)).toBe(p.at[1]!.risk);
      expect(Number(r.risk)).toBe(p.risk);
    });
    const curve = parseCsv(readFileSync(join(dir, 'curve.csv'), 'utf8'));
    expect(curve.columns).toEqual(['id', 'model', 'time', 'survival']);
    expect(curve.rows.filter((r) => r.id === rows[0]!['Patient-ID']).length).toBe(predictSurvival(bundle, rows[0]!).curve.time.length);
    await expect(cli(['predict', '--model', join(dir, 'bundle.json'), '--features', join(dir, 'cases.csv'), '--times', '12,999', '--out', join(dir, 'x.csv')])).rejects.toThrow(/survival time 999 months is beyond the last event time/);
    await expect(cli(['predict', '--model', join(dir, 'bundle.json'), '--features', join(dir, 'cases.csv'), '--times', '12,soon', '--out', join(dir, 'x.csv')])).rejects.toThrow(/"soon" is not a time > 0/);
    log.mockRestore();
    err.mockRestore();
  });
});
