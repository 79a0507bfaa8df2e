// The demo at reduced size: synth → extract → study runs end to end, and what it estimates agrees
// with the generator's truth (the true-risk AUCs of the same patients).
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runDemo, formatDemoTable } from '../../src/node/demo.ts';

const N_MAIN = 140;
const N_EXTERNAL = 54;

describe('sonomics demo (reduced size)', () => {
  it(`runs ${N_MAIN} + ${N_EXTERNAL} synthetic cases end to end; estimated and true-risk AUCs agree within their 95% CIs`, async () => {
    const out = mkdtempSync(join(tmpdir(), 'sonomics-demo-'));
    const d = await runDemo({ outDir: out, nMain: N_MAIN, nExternal: N_EXTERNAL, seed: 2024, workers: 2, progress: false, log: () => {} });
    console.log(formatDemoTable(d));
    expect(existsSync(d.reportPath)).toBe(true);
    const results = JSON.parse(readFileSync(d.resultsPath, 'utf8'));
    expect(results.comparisons.length).toBe(6);
    let truthInside = 0;
    for (const m of ['clinical', 'radiomics', 'combined'] as const) {
      for (const [cohort, truthSide] of [['cv', 'main'], ['external', 'external']] as const) {
        const est = results.models[m][cohort];
        const truth = d.truth[truthSide][m];
        expect(est.auc, `${m} ${cohort} learns something`).toBeGreaterThan(0.55);
        // Agreement criterion: the 95% CI of the estimated AUC and the 95% CI of the true-risk AUC
        // overlap. Why not "the true-risk AUC lies inside the estimated CI" for every model: the true
        // risk is the oracle (the generator's own linear predictor on the same patients); a model
        // learned from ~110 training cases per fold ranks patients less well than the oracle, so its
        // AUC sits below the true-risk AUC by more than sampling error for some models (the demo
        // prints both side by side, with a "truth within CI" column). Overlap still fails for a
        // pipeline that loses the signal (e.g. a broken feature or a leaky-by-accident sign flip).
        const overlap = est.auc_ci[0] <= truth.upper && truth.lower <= est.auc_ci[1];
        expect(overlap, `${m} ${cohort}: estimated ${est.auc.toFixed(3)} (${est.auc_ci.map((x: number) => x.toFixed(3)).join('–')}) vs true ${truth.auc.toFixed(3)} (${truth.lower.toFixed(3)}–${truth.upper.toFixed(3)})`).toBe(true);
        if (truth.auc >= est.auc_ci[0] && truth.auc <= est.auc_ci[1]) truthInside++;
      }
    }
    // And the strict reading holds for most of the six estimates (5 of 6 at this seed and size).
    expect(truthInside).toBeGreaterThanOrEqual(4);
    // Centre harmonisation: centre A's threshold transfers to centre B's scanner instead of calling
    // nearly every centre-B case positive (external specificity was 0.06–0.5 without it).
    for (const m of ['radiomics', 'combined'] as const) expect(results.models[m].external.specificity, `${m} external specificity`).toBeGreaterThan(0.3);
  }, 900_000);
});
