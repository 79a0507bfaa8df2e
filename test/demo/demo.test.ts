// The demo at reduced size: synth → extract → study runs end to end, and what it estimates agrees
// with the generator's truth (the true-risk AUCs of the same patients).
import { describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runDemo, formatDemoTable, type DemoResult } from '../../src/node/demo.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { parseCsv, toCsv } from '../../src/tables/csv.ts';

const N_MAIN = 140;
const N_EXTERNAL = 54;

/**
 * Seed 2024, 140 + 54, after issue #21 (logistic clinical head; seeds named by model and fold).
 * Before #21: the test asserted 6 of 6 true-risk AUCs inside the CIs at this seed; with the new
 * seeds the combined CV estimate (0.770, CI 0.693–0.847) misses its oracle (0.857) — 5 of 6.
 */
const SNAPSHOT = {
  auc: { clinical: { cv: '0.746', external: '0.676' }, radiomics: { cv: '0.696', external: '0.708' }, combined: { cv: '0.770', external: '0.697' } },
  truthInsideEstimatedCi: 5,
  estimateInsideTruthCi: 3,
};

describe('sonomics demo (reduced size; regression snapshot of seed 2024)', () => {
  const out = mkdtempSync(join(tmpdir(), 'sonomics-demo-'));
  let d: DemoResult | undefined;
  it(`runs ${N_MAIN} + ${N_EXTERNAL} synthetic cases end to end and reproduces the seed-2024 snapshot`, async () => {
    d = await runDemo({ outDir: out, nMain: N_MAIN, nExternal: N_EXTERNAL, seed: 2024, workers: 2, progress: false, log: () => {} });
    console.log(formatDemoTable(d));
    expect(existsSync(d.reportPath)).toBe(true);
    const results = JSON.parse(readFileSync(d.resultsPath, 'utf8'));
    expect(results.comparisons.length).toBe(6);
    let truthInside = 0;
    let estimateInside = 0;
    for (const m of ['clinical', 'radiomics', 'combined'] as const) {
      for (const [cohort, truthSide] of [['cv', 'main'], ['external', 'external']] as const) {
        const est = results.models[m][cohort];
        const truth = d.truth[truthSide][m];
        expect(est.auc, `${m} ${cohort} learns something`).toBeGreaterThan(0.55);
        expect(est.auc.toFixed(3), `${m} ${cohort}: snapshot of seed 2024`).toBe(SNAPSHOT.auc[m][cohort]);
        if (truth.auc >= est.auc_ci[0] && truth.auc <= est.auc_ci[1]) truthInside++;
        if (est.auc >= truth.lower && est.auc <= truth.upper) estimateInside++;
      }
    }
    expect(truthInside, 'true-risk AUCs inside the estimated CIs (snapshot, not a property)').toBe(SNAPSHOT.truthInsideEstimatedCi);
    expect(estimateInside, 'estimates inside the true-risk CIs (snapshot)').toBe(SNAPSHOT.estimateInsideTruthCi);
    // Centre harmonisation: centre A's threshold transfers to centre B's scanner instead of calling
    // nearly every centre-B case positive (external specificity was 0.06–0.5 without it).
    for (const m of ['radiomics', 'combined'] as const) expect(results.models[m].external.specificity, `${m} external specificity`).toBeGreaterThan(0.3);
    // The pooled and per-fold CV AUCs agree for every model (issue #21): no warning.
    expect(results.warnings).toEqual([]);
  }, 900_000);

  // Must-show of #15: the bundle carries centre B's harmonisation, so `sonomics predict --centre`
  // gives every external patient exactly the probability and class the study reported.
  it('sonomics predict --centre on the shareable bundle gives every external case exactly the study\'s external probability and class (all models)', async () => {
    expect(d, 'the demo ran').toBeDefined();
    expect(d!.bundlePath).toBe(join(out, 'study', 'bundle.json'));
    const features = parseCsv(readFileSync(join(out, 'features', 'features.csv'), 'utf8'));
    const clinical = parseCsv(readFileSync(join(out, 'cohort', 'clinical_external.csv'), 'utf8'));
    const byId = new Map(features.rows.map((r) => [r.case_id!, r]));
    const cols = [...new Set([...clinical.columns, ...features.columns])];
    const merged = join(out, 'external-cases.csv');
    writeFileSync(merged, toCsv(cols, clinical.rows.filter((r) => byId.has(r.case_id!)).map((r) => { const m = { ...byId.get(r.case_id!)!, ...r }; return cols.map((c) => m[c] ?? ''); })));
    const study = parseCsv(readFileSync(join(out, 'study', 'predictions.csv'), 'utf8')).rows.filter((r) => r.set === 'external');
    expect(study).toHaveLength(N_EXTERNAL);
    const bundle = JSON.parse(readFileSync(d!.bundlePath, 'utf8'));
    const centre = bundle.harmonisation.centres[0];
    expect(centre).toBe('centre B (external)');
    expect(bundle.sharing.containsTrainingData).toBe(false);
    expect(bundle.provenance.sonomics).toMatch(/^\d+\.\d+\.\d+/);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      for (const m of ['clinical', 'radiomics', 'combined']) {
        const file = join(out, `predict-${m}.csv`);
        await buildProgram().parseAsync(['node', 'sonomics', 'predict', '--model', d!.bundlePath, '--features', merged, '--id', 'case_id', '--centre', centre, '--use', m, '--out', file]);
        const got = new Map(parseCsv(readFileSync(file, 'utf8')).rows.map((r) => [r.id!, r]));
        for (const r of study) {
          expect(Number(got.get(r.id!)!.risk), `${r.id} ${m}`).toBe(Number(r[`p_${m}`]));
          expect(got.get(r.id!)!.class, `${r.id} ${m}`).toBe(r[`class_${m}`]);
        }
      }
      // Without --centre, predict refuses instead of skipping the harmonisation.
      await expect(buildProgram().parseAsync(['node', 'sonomics', 'predict', '--model', d!.bundlePath, '--features', merged, '--id', 'case_id', '--out', join(out, 'x.csv')])).rejects.toThrow(/say which centre.*centre B \(external\)/);
    } finally {
      log.mockRestore();
    }
  }, 300_000);
});
