// The survival study loop with all three models on the oracle's synthetic survival data
// (../shared/oracles/data/surv_synth*.csv: n = 300 with fixed folds, external n = 150 whose baseline
// hazard is ×1.65; true log hazard ratios in surv_synth_truth.csv): the LASSO-Cox signature finds the
// strongest true features, the combined model beats the clinical one, the external cohort is
// validated with the final models unchanged, and the outputs are complete and reproducible.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../../helpers/shared.ts';
import { parseCsv } from '../../../src/tables/csv.ts';
import { parseStudyConfig } from '../../../src/study/config.ts';
import { runSurvivalStudy } from '../../../src/study/survival/run.ts';
import { survivalPredictionsCsv, survivalResultsJson } from '../../../src/study/survival/outputs.ts';
import { concordance } from '../../../src/stats/index.ts';

const TRAIN = sharedPath('oracles', 'data', 'surv_synth.csv');
const EXTERNAL = sharedPath('oracles', 'data', 'surv_synth_external.csv');

describe.skipIf(!HAS_SHARED)('survival study on the oracle synthetic survival data (clinical, radiomics, combined)', () => {
  const tables = { [TRAIN]: parseCsv(readFileSync(TRAIN, 'utf8'), TRAIN), [EXTERNAL]: parseCsv(readFileSync(EXTERNAL, 'utf8'), EXTERNAL) };
  const cfg = parseStudyConfig({
    title: 'surv synth',
    seed: 7,
    data: { id: 'id', cohorts: [{ name: 'train', tables: [TRAIN] }, { name: 'external', role: 'external', tables: [EXTERNAL] }] },
    outcome: { time: 'time', event: 'status', eventValue: 1, competingValue: 2, horizon: 24, times: [12, 36] },
    clinical: { variables: ['c1', 'c2', 'c3'].map((name) => ({ name, type: 'binary' })) },
    radiomics: { include: ['x??'] },
    evaluation: { foldColumn: 'fold5' },
  });
  const result = runSurvivalStudy(cfg, tables);

  it('selects the strongest true features into the signature and scores it as a Cox model', () => {
    const selected = result.selection.radiomics!.selected.map((s) => s.name);
    // x01 (log HR 0.6 per SD) and x02 (−0.5) are the strongest true features; their signs are right.
    expect(selected).toEqual(expect.arrayContaining(['x01', 'x02']));
    const coef = Object.fromEntries(result.selection.radiomics!.selected.map((s) => [s.name, s.coef]));
    expect(coef.x01).toBeGreaterThan(0);
    expect(coef.x02).toBeLessThan(0);
    expect(result.models.radiomics!.features).toEqual(['radscore']);
    expect(result.models.combined!.features).toEqual([...result.selection.clinical!.retainedDesign, 'radscore']);
    // each outer training fold selected on its own: frequencies count folds (1..5), not the final fit
    expect(result.selection.folds).toBe(5);
    expect(Math.max(...Object.values(result.selection.frequency))).toBeLessThanOrEqual(5);
  });

  it('discriminates: combined ≥ clinical in CV and externally, every CV C-index CI above 0.5 except possibly the clinical one', () => {
    const m = result.models;
    expect(m.combined!.cv.harrell.estimate).toBeGreaterThan(m.clinical!.cv.harrell.estimate);
    expect(m.combined!.externals.external!.harrell.estimate).toBeGreaterThan(m.clinical!.externals.external!.harrell.estimate);
    for (const k of ['radiomics', 'combined'] as const) expect(m[k]!.cv.harrell.lower, k).toBeGreaterThan(0.5);
    // the paired comparison is the IJ difference, with the method named
    const c = result.comparisons.find((x) => x.cohort === 'cv' && x.a === 'combined' && x.b === 'clinical')!;
    expect(c.diff).toBeCloseTo(m.combined!.cv.harrell.estimate - m.clinical!.cv.harrell.estimate, 12);
    expect(c.method).toMatch(/infinitesimal-jackknife/);
    expect(result.comparisons.filter((x) => x.cohort === 'external')).toHaveLength(3);
  });

  it('per model and cohort: AUC(t) at the chosen times, calibration by Aalen–Johansen, KM and CIF by risk group with log-rank and Gray', () => {
    for (const [, r] of Object.entries(result.models)) {
      for (const c of [r!.cv, r!.apparent, r!.externals.external!]) {
        expect(c.times.map((t) => t.time)).toEqual([12, 24, 36]);
        expect(c.auc).toEqual(c.times[1]!.auc);
        expect(c.calibration.observedBy).toBe('aalen-johansen');
        expect(c.riskGroups.groups).toHaveLength(2);
        for (const g of c.riskGroups.groups) {
          expect(g.km.value[0]).toBe(1);
          expect(g.cif!.value[0]).toBe(0);
          expect(g.atRisk[0]).toBe(g.n);
        }
        expect(Number.isFinite(c.riskGroups.logRank.p) && Number.isFinite(c.riskGroups.gray!.p)).toBe(true);
        expect(c.binaryAtHorizon!.n).toBeLessThan(c.n);
      }
    }
    // the external cohort's baseline hazard is 1.65× the training one: the models under-predict there
    const cal = result.models.clinical!.externals.external!.calibration;
    expect(cal.overall.ratio).toBeGreaterThan(1);
  });

  it('the pooled CV C-index is Harrell’s C of the out-of-fold probabilities in predictions', () => {
    const cv = result.predictions.filter((p) => p.set === 'cv');
    const d = { time: cv.map((p) => p.time), status: cv.map((p) => p.status) };
    expect(result.models.combined!.cv.harrell.estimate).toBeCloseTo(concordance(d, cv.map((p) => p.probability.combined!)).concordance, 12);
    // fixed folds from the fold5 column
    const folds = readFileSync(TRAIN, 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[3]));
    expect(cv.map((p) => p.fold)).toEqual(folds);
  });

  it('same inputs and seed → byte-identical results.json and predictions.csv', () => {
    const again = runSurvivalStudy(cfg, tables);
    expect(survivalResultsJson(again)).toBe(survivalResultsJson(result));
    expect(survivalPredictionsCsv(again)).toBe(survivalPredictionsCsv(result));
    expect(survivalPredictionsCsv(result).split('\n')[0]).toBe('cohort,id,time,status,set,repeat,fold,risk_clinical,p24_clinical,group_clinical,risk_radiomics,p24_radiomics,group_radiomics,risk_combined,p24_combined,group_combined');
  });
});
