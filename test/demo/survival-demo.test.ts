// `sonomics demo --survival` at reduced size: synth (with recurrence times from the documented
// hazard) → extract → survival study → results, and what it estimates beside the truth: Harrell's C
// and AUC(24) of the generator's own linear predictors on the same patients (the best any model
// could do). A labelled regression snapshot of seed 2024, not a property: the learned models rank
// below the oracle by construction, so their CIs cover it less often than 95 % (docs/survival.md,
// "sonomics demo --survival", gives the figures at the default size).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { covers, formatSurvivalDemoTable, runSurvivalDemo } from '../../src/node/survival-demo.ts';
import { parseCsv } from '../../src/tables/csv.ts';

const N_MAIN = 140;
const N_EXTERNAL = 54;

/**
 * Seed 2024, 140 + 54 cases: estimated C and AUC(24) per model (CV, external). At this seed all 12
 * true values lie inside the estimated CIs; the closest, the combined model's CV C (truth 0.828,
 * upper limit 0.830), clears it by 0.002 only.
 */
const SNAPSHOT = {
  harrell: { clinical: { cv: 0.682, external: 0.575 }, radiomics: { cv: 0.722, external: 0.669 }, combined: { cv: 0.770, external: 0.692 } },
  auc: { clinical: { cv: 0.701, external: 0.551 }, radiomics: { cv: 0.754, external: 0.739 }, combined: { cv: 0.791, external: 0.720 } },
  truthInsideEstimatedCi: 12,
};
/**
 * Loosened from the 3-decimal match of the binary demo, for a stated reason: the LASSO-Cox signature
 * is solved to glmnet's convergence threshold (1e-7), and the solver is being optimised (src/ml/
 * lasso-cox.ts); a change within that tolerance may move a C-index or AUC in the third decimal.
 */
const TOL = 0.005;

describe('sonomics demo --survival (reduced size; regression snapshot of seed 2024)', () => {
  it(`runs ${N_MAIN} + ${N_EXTERNAL} synthetic cases end to end; estimated C and AUC(24) beside the true ones`, async () => {
    const out = mkdtempSync(join(tmpdir(), 'sonomics-survival-demo-'));
    const d = await runSurvivalDemo({ outDir: out, nMain: N_MAIN, nExternal: N_EXTERNAL, seed: 2024, workers: 2, progress: false, log: () => {} });
    const table = formatSurvivalDemoTable(d);
    console.log(table);
    for (const f of [d.reportPath, d.resultsPath, d.predictionsPath, d.bundlePath]) expect(existsSync(f), f).toBe(true);
    expect(readFileSync(d.reportPath, 'utf8')).toContain('<section id=');
    const results = JSON.parse(readFileSync(d.resultsPath, 'utf8'));
    expect(results.schema).toBe('sonomics.survival-study-results/1');
    expect(results.cohorts.map((c: { n: number }) => c.n)).toEqual([N_MAIN, N_EXTERNAL]);
    // every case predicted: out of fold, fitted, external
    expect(parseCsv(readFileSync(d.predictionsPath, 'utf8')).rows).toHaveLength(2 * N_MAIN + N_EXTERNAL);
    let inside = 0;
    for (const m of ['clinical', 'radiomics', 'combined'] as const) {
      const r = d.result.models[m]!;
      for (const [cohort, est, truth] of [['cv', r.cv, d.truth.main[m]], ['external', Object.values(r.externals)[0]!, d.truth.external[m]]] as const) {
        expect(est.harrell.estimate, `${m} ${cohort} learns something`).toBeGreaterThan(0.55);
        expect(Math.abs(est.harrell.estimate - SNAPSHOT.harrell[m][cohort]), `${m} ${cohort} C ${est.harrell.estimate}: snapshot of seed 2024`).toBeLessThanOrEqual(TOL);
        expect(Math.abs(est.auc.estimate - SNAPSHOT.auc[m][cohort]), `${m} ${cohort} AUC(24) ${est.auc.estimate}: snapshot of seed 2024`).toBeLessThanOrEqual(TOL);
        inside += Number(covers(est.harrell, truth.harrell)) + Number(covers(est.auc, truth.auc));
      }
    }
    // 12 at this seed; one fewer is allowed because the combined CV C clears its truth by 0.002 (see SNAPSHOT).
    expect(inside, 'true C and AUC(24) inside the estimated CIs, of 12 (snapshot, not a property)').toBeGreaterThanOrEqual(SNAPSHOT.truthInsideEstimatedCi - 1);
    expect(table).toMatch(/truth within CI \(C, AUC\)/);
  }, 1_200_000);
});
