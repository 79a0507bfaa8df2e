// The TCIA CRLM worked example run through the study config and the survival study loop (issue
// #17), not hand-wired: the loop's figures must equal a direct computation with coxPH and the
// survival measures on the same data and the same folds — which shows that every CV prediction
// comes from a Cox model fitted on the other folds only.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { buildProgram } from '../../../src/cli/main.ts';
import { HAS_SHARED, REPO_ROOT, sharedPath } from '../../helpers/shared.ts';
import { parseCsv } from '../../../src/tables/csv.ts';
import { baselineCumhazAt, coxLinearPredictor, coxPH, coxSurvival, fineGray } from '../../../src/ml/index.ts';
import { parseStudyConfig } from '../../../src/study/config.ts';
import { runSurvivalStudy } from '../../../src/study/survival/run.ts';
import { survivalPerformance } from '../../../src/study/survival-evaluation.ts';
import { brierScore, concordance, timeDependentAuc } from '../../../src/stats/index.ts';
import { buildReport } from '../../../src/report/render.ts';
import { pval } from '../../../src/report/html.ts';

const CSV = sharedPath('data', 'crlm-tcia-clinical', 'crlm_tcia_clinical_197_with_2y_label.csv');
const PREDICTORS = ['node_positive_primary', 'synchronous_crlm', 'bilobar_disease', 'chemo_before_liver_resection'];

/**
 * docs/survival.md's worked example as written in examples/study-tcia-survival.yaml (alpha 1: the
 * four predictors pre-specified); its table path is pointed at sharedPath (SONOMICS_SHARED).
 */
function config(over: Record<string, unknown> = {}) {
  const raw = parseYaml(readFileSync(join(REPO_ROOT, 'examples', 'study-tcia-survival.yaml'), 'utf8')) as { data: { cohorts: Array<{ tables: string[] }> } };
  raw.data.cohorts[0]!.tables = [CSV];
  return parseStudyConfig({ ...raw, ...over });
}

describe.skipIf(!HAS_SHARED)('TCIA CRLM through the survival study loop', () => {
  const table = parseCsv(readFileSync(CSV, 'utf8'), CSV);
  const cfg = config();
  const result = runSurvivalStudy(cfg, { [CSV]: table });
  const time = table.rows.map((r) => Number(r.months_to_liver_DFS_progression));
  const status = table.rows.map((r) => (r.progression_or_recurrence_liveronly === '1' ? 1 : r.vital_status_liver_DFS === '1' ? 2 : 0));
  const X = table.rows.map((r) => PREDICTORS.map((p) => Number(r[p])));

  it('reads the outcome as the worked example derives it, and its binary view as the table’s 2-year label', () => {
    expect(result.cohorts[0]).toMatchObject({ n: 197, events: 81, competing: 41, censored: 75 });
    const labelled = table.rows.filter((r) => r.intrahepatic_recurrence_2y !== '');
    expect(result.cohorts[0]!.knownAtHorizon).toBe(labelled.length);
    expect(result.cohorts[0]!.eventsByHorizon).toBe(labelled.filter((r) => r.intrahepatic_recurrence_2y === '1').length);
    const bin = result.models.clinical!.apparent.binaryAtHorizon!;
    expect([bin.n, bin.events]).toEqual([190, result.cohorts[0]!.eventsByHorizon]);
  });

  it('the final clinical Cox model and its apparent figures equal coxPH + survivalPerformance on the same data', () => {
    const m = coxPH(X, { time, status }, { names: PREDICTORS });
    const res = result.models.clinical!;
    PREDICTORS.forEach((p, j) => expect(res.coef[p]).toBeCloseTo(m.coef[j]!, 10));
    const direct = survivalPerformance({ time, status }, coxLinearPredictor(m, X), 24);
    for (const k of ['harrell', 'unoAtHorizon', 'auc'] as const) expect(res.apparent[k].estimate).toBeCloseTo(direct[k].estimate, 10);
    // docs/survival.md's figures: 0.626 / 0.644 / 0.671
    expect(res.apparent.harrell.estimate.toFixed(3)).toBe('0.626');
    expect(res.zph?.terms.map((t) => t.name)).toEqual(PREDICTORS);
    expect(result.selection.clinical!.retained).toEqual(PREDICTORS);
  });

  it('every out-of-fold probability is 1 − S(24 | x) of a Cox model fitted on the other folds only', () => {
    const cv = result.predictions.filter((p) => p.set === 'cv');
    expect(cv).toHaveLength(197);
    const fold = cv.map((p) => p.fold);
    for (let f = 1; f <= 5; f++) {
      const tr = fold.map((g, i) => (g !== f ? i : -1)).filter((i) => i >= 0);
      const te = fold.map((g, i) => (g === f ? i : -1)).filter((i) => i >= 0);
      const m = coxPH(tr.map((i) => X[i]!), { time: tr.map((i) => time[i]!), status: tr.map((i) => status[i]!) });
      const h0 = baselineCumhazAt(m.baseline, 24);
      const lp = coxLinearPredictor(m, te.map((i) => X[i]!));
      te.forEach((i, k) => expect(cv[i]!.probability.clinical).toBeCloseTo(1 - Math.exp(-h0 * Math.exp(lp[k]!)), 10));
      // folds stratified by status: each holds its share (±1) of events, competing events and censorings
      for (const [s, total] of [[0, 75], [1, 81], [2, 41]] as const) expect(Math.abs(te.filter((i) => status[i] === s).length - total / 5)).toBeLessThanOrEqual(1);
    }
    const direct = survivalPerformance({ time, status }, cv.map((p) => p.probability.clinical!), 24);
    expect(result.models.clinical!.cv.harrell.estimate).toBeCloseTo(direct.harrell.estimate, 12);
    expect(result.models.clinical!.cv.auc.estimate).toBeCloseTo(direct.auc.estimate, 12);
  });

  it('reports calibration by Aalen–Johansen, KM by risk group with log-rank and Gray, AUC(t) at the chosen times, and Fine–Gray', () => {
    const c = result.models.clinical!.cv;
    expect(c.times.map((t) => t.time)).toEqual([12, 24, 36]);
    expect(c.calibration.observedBy).toBe('aalen-johansen');
    expect(c.calibration.groups.reduce((s, g) => s + g.n, 0)).toBe(197);
    expect(c.riskGroups.groups.map((g) => g.name)).toEqual(['low', 'high']);
    expect(c.riskGroups.groups.reduce((s, g) => s + g.n, 0)).toBe(197);
    expect(c.riskGroups.groups[0]!.atRisk[0]).toBe(c.riskGroups.groups[0]!.n);
    expect(c.riskGroups.gray!.p).toBeGreaterThan(0);
    expect(c.riskGroups.logRank.p).toBeLessThan(0.05);
    const fg = fineGray(X, { time, status }, { names: PREDICTORS });
    result.fineGray!.coef.forEach((b, j) => expect(b).toBeCloseTo(fg.coef[j]!, 8));
    expect(result.fineGray!.cv.harrell.estimate).toBeGreaterThan(0.5);
  });

  it('the report lists the proportional-hazards test per term in one cell (a string spread into characters split it once)', () => {
    const html = buildReport(result).html;
    const zph = result.models.clinical!.zph!;
    expect(html).toContain(`${zph.terms[0]!.name}: ${pval(zph.terms[0]!.p)}; ${zph.terms[1]!.name}: `);
  });

  it('sonomics study with the example config writes report, results, predictions and bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-tcia-survival-'));
    const raw = parseYaml(readFileSync(join(REPO_ROOT, 'examples', 'study-tcia-survival.yaml'), 'utf8')) as { data: { cohorts: Array<{ tables: string[] }> } };
    raw.data.cohorts[0]!.tables = [CSV];
    writeFileSync(join(dir, 'study.yaml'), stringifyYaml(raw));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await buildProgram().parseAsync(['node', 'sonomics', 'study', '--config', join(dir, 'study.yaml'), '--out', join(dir, 'out'), '--quiet']);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
    const results = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'));
    expect(results.schema).toBe('sonomics.survival-study-results/1');
    expect(results.models.clinical.cv.harrell.estimate).toBeCloseTo(result.models.clinical!.cv.harrell.estimate, 12);
    expect(results.provenance.bundle.contentHash).toBe(JSON.parse(readFileSync(join(dir, 'out', 'bundle.json'), 'utf8')).contentHash);
    expect(readFileSync(join(dir, 'out', 'predictions.csv'), 'utf8').split('\n')[0]).toBe('cohort,id,time,status,set,repeat,fold,risk_clinical,p24_clinical,group_clinical');
    expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).toContain('<section id="survival-');
  });

  it('docs/survival.md prints the loop\'s figures', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'survival.md'), 'utf8');
    const f = (e: { estimate: number; lower: number; upper: number }) => `${e.estimate.toFixed(3)} (${e.lower.toFixed(3)}–${e.upper.toFixed(3)})`;
    const r = result.models.clinical!;
    const fg = result.fineGray!;
    const lines = [
      `| clinical Cox | 5-fold CV | ${f(r.cv.harrell)} | ${f(r.cv.unoAtHorizon)} | ${f(r.cv.auc)} | ${r.cv.brier.estimate.toFixed(3)} | ${r.cv.calibration.slope!.slope.toFixed(2)} |`,
      `| Fine–Gray | 5-fold CV | ${f(fg.cv.harrell)} | ${f(fg.cv.unoAtHorizon)} | ${f(fg.cv.auc)} | ${fg.cv.brier.estimate.toFixed(3)} | — |`,
      `log-rank p ${r.cv.riskGroups.logRank.p.toFixed(4)}, Gray's test p ${r.cv.riskGroups.gray!.p.toFixed(4)}`,
      `binary AUC at 24 months on the ${r.cv.binaryAtHorizon!.n} patients with known status: ${r.cv.binaryAtHorizon!.auc.toFixed(3)}`,
    ];
    for (const l of lines) expect(doc, `docs/survival.md should contain: ${l}`).toContain(l);
  });

  it('same config and seed → byte-identical results; Breslow ties change the fit', () => {
    expect(JSON.stringify(runSurvivalStudy(cfg, { [CSV]: table }))).toBe(JSON.stringify(result));
    const breslow = runSurvivalStudy(config({ survival: { ties: 'breslow' } }), { [CSV]: table });
    const mb = coxPH(X, { time, status }, { names: PREDICTORS, ties: 'breslow' });
    PREDICTORS.forEach((p, j) => expect(breslow.models.clinical!.coef[p]).toBeCloseTo(mb.coef[j]!, 10));
    expect(breslow.models.clinical!.coef.chemo_before_liver_resection).not.toBe(result.models.clinical!.coef.chemo_before_liver_resection);
  });
  it('data.group: C-index, AUC(t) and Brier CIs become cluster-robust (apparent figures equal concordance/timeDependentAuc with the clusters; the note and methods say so)', () => {
    // The same 197 patients, grouped in pairs by an added column (as if two were one patient's lesions).
    const paired = { ...table, columns: [...table.columns, 'pair'], rows: table.rows.map((r, i) => ({ ...r, pair: `p${i >> 1}` })) };
    const raw = parseYaml(readFileSync(join(REPO_ROOT, 'examples', 'study-tcia-survival.yaml'), 'utf8')) as { data: Record<string, unknown> };
    const grouped = runSurvivalStudy(config({ data: { ...raw.data, cohorts: [{ name: 'tcia', tables: [CSV] }], group: 'pair' } }), { [CSV]: paired });
    const pairs = table.rows.map((_, i) => `p${i >> 1}`);
    const res = grouped.models.clinical!;
    const m = coxPH(X, { time, status }, { names: PREDICTORS });
    const lp = coxLinearPredictor(m, X);
    // The apparent measures rank by the probability by the horizon, a monotone map of lp: same ranks.
    const c = concordance({ time, status }, lp, { cluster: pairs });
    expect(res.apparent.harrell.estimate).toBeCloseTo(c.concordance, 10);
    expect(res.apparent.harrell.se).toBeCloseTo(c.se, 10);
    expect(res.apparent.harrell.se).not.toBeCloseTo(concordance({ time, status }, lp).se, 6);
    expect(res.apparent.auc.se).toBeCloseTo(timeDependentAuc({ time, status }, lp, 24, { cluster: pairs }).se, 10);
    // Brier(24) on the model's own probabilities by 24 months, clustered by pair.
    const prob24 = coxSurvival(m, X, [24]).map((s) => 1 - s[0]!);
    const b = brierScore({ time, status }, prob24, 24, { cluster: pairs });
    expect(res.apparent.brier.estimate).toBeCloseTo(b.brier, 10);
    expect(res.apparent.brier.se).toBeCloseTo(b.se, 10);
    expect(res.apparent.brier.se).not.toBeCloseTo(brierScore({ time, status }, prob24, 24).se, 6);
    expect(grouped.notes.join(' ')).toMatch(/cluster-robust/);
    expect(buildReport(grouped).html).toMatch(/Brier CIs are cluster-robust: each pair's influence values \(for the Brier score, its centred weighted squared errors\) were summed/);
  });
});
