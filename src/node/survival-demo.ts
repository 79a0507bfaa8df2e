/**
 * `sonomics demo --survival`: the time-to-event study on the synthetic two-centre CRLM cohort —
 * synth (images, clinical table, and recurrence times with competing death and censoring from the
 * documented hazard, src/synth/survival-truth.ts) → extract → survival study (clinical Cox,
 * LASSO-Cox signature, combined Cox; 5-fold CV on centre A, external validation on centre B) →
 * report — and the estimated Harrell C and AUC(24) printed beside the true ones: the same measures
 * of the generator's own linear predictor on the same patients (the best any model could do).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify as toYaml } from 'yaml';
import { version } from '../cli/version.ts';
import { concordance, timeDependentAuc } from '../stats/index.ts';
import { synthSurvival, type SynthCase } from '../synth/cohort.ts';
import type { SurvivalTruth } from '../synth/survival-truth.ts';
import { toCsv } from '../tables/csv.ts';
import type { Estimate, SurvivalStudyResult } from '../study/survival/results-types.ts';
import { runSurvivalStudy } from '../study/survival/run.ts';
import { DEMO_EXTRACTION, demoStudyConfig } from './demo-config.ts';
import { runExtraction } from './extract-run.ts';
import { loadStudy } from './study-files.ts';
import { writeSurvivalStudyOutputs } from './survival-study-files.ts';
import { writeSynthCohort } from './synth-files.ts';
import { writeFigurePngs } from './figure-png.ts';
import type { DemoOptions } from './demo.ts';
import { withCi } from '../report/survival-text.ts';

export const SURVIVAL_HORIZON = 24;

/**
 * The survival demo's study: the binary demo's cohorts, clinical predictors, radiomics candidates
 * and selection settings (demo-config.ts), with the outcome as recurrence time (status 1) and death
 * without recurrence as the competing event (status 2), read at 24 months. Cox heads throughout.
 */
export function survivalDemoStudyConfig(seed: number): Record<string, unknown> {
  const binary = demoStudyConfig(seed) as { data: { cohorts: Array<{ tables: string[] }> } & Record<string, unknown>; clinical: unknown; radiomics: Record<string, unknown> };
  const { outcome: _binaryOutcome, ...data } = binary.data;
  const { input: _i, kernel: _k, harmonise: _h, ...radiomics } = binary.radiomics;
  return {
    title: 'Synthetic CRLM: time to intrahepatic recurrence, death as competing event (demo --survival)',
    seed,
    data: { ...data, cohorts: binary.data.cohorts.map((c, i) => ({ ...c, tables: [...c.tables, i === 0 ? 'cohort/survival_main.csv' : 'cohort/survival_external.csv'] })) },
    outcome: { time: 'months', event: 'status', eventValue: 1, competingValue: 2, horizon: SURVIVAL_HORIZON, times: [12, 24, 36] },
    survival: { ties: 'efron', fineGray: true },
    clinical: binary.clinical,
    radiomics,
    innerFolds: 5,
    evaluation: { folds: 5, repeats: 1 },
    models: ['clinical', 'radiomics', 'combined'],
    extraction: DEMO_EXTRACTION,
  };
}

export type TruthMeasures = Record<'main' | 'external', Record<'clinical' | 'radiomics' | 'combined', { harrell: Estimate; auc: Estimate }>>;

export interface SurvivalDemoResult {
  result: SurvivalStudyResult;
  truth: TruthMeasures;
  resultsPath: string;
  predictionsPath: string;
  reportPath: string;
  bundlePath: string;
  seconds: number;
}

/**
 * The true measures: Harrell's C and AUC(24) (with their CIs) of the generator's clinical linear
 * predictor (clinical model), imaging linear predictor (radiomics) and their sum η (combined) against
 * the drawn outcomes of the same patients.
 */
export function survivalTruthMeasures(cases: SynthCase[], surv: SurvivalTruth[], horizon = SURVIVAL_HORIZON): TruthMeasures {
  const one = (cohort: 'main' | 'external') => {
    const idx = cases.map((c, i) => (c.cohort === cohort ? i : -1)).filter((i) => i >= 0);
    const d = { time: idx.map((i) => surv[i]!.time), status: idx.map((i) => surv[i]!.status) };
    const measures = (lp: number[]) => {
      const c = concordance(d, lp);
      const a = timeDependentAuc(d, lp, horizon);
      return { harrell: { estimate: c.concordance, lower: c.lower, upper: c.upper, se: c.se }, auc: { estimate: a.auc, lower: a.lower, upper: a.upper, se: a.se } };
    };
    return {
      clinical: measures(idx.map((i) => cases[i]!.patient.clinicalLp)),
      radiomics: measures(idx.map((i) => cases[i]!.patient.imagingLp)),
      combined: measures(idx.map((i) => surv[i]!.trueLp)),
    };
  };
  return { main: one('main'), external: one('external') };
}

function survivalCsv(cases: SynthCase[], surv: SurvivalTruth[], cohort: 'main' | 'external'): string {
  const rows = cases.map((c, i) => [c, surv[i]!] as const).filter(([c]) => c.cohort === cohort);
  return toCsv(['case_id', 'months', 'status'], rows.map(([c, s]) => [c.caseId, s.time, s.status]));
}

export async function runSurvivalDemo(opts: DemoOptions): Promise<SurvivalDemoResult> {
  const t0 = Date.now();
  const log = opts.log ?? ((l: string) => console.log(l));
  const out = resolve(opts.outDir);
  const seed = opts.seed ?? 2024;
  const cohortDir = join(out, 'cohort');

  log(`1/3 synthetic cohort with recurrence times → ${cohortDir}`);
  const { cases } = await writeSynthCohort({ outDir: cohortDir, nMain: opts.nMain ?? 224, nExternal: opts.nExternal ?? 54, seed, formats: ['dicom'], workers: opts.workers, progress: opts.progress });
  const surv = synthSurvival(cases, seed);
  writeFileSync(join(cohortDir, 'survival_main.csv'), survivalCsv(cases, surv, 'main'));
  writeFileSync(join(cohortDir, 'survival_external.csv'), survivalCsv(cases, surv, 'external'));
  const settingsPath = join(out, 'extraction.yaml');
  writeFileSync(settingsPath, toYaml(DEMO_EXTRACTION));
  const studyPath = join(out, 'study.yaml');
  writeFileSync(studyPath, toYaml(survivalDemoStudyConfig(seed)));

  log(`2/3 feature extraction (${DEMO_EXTRACTION.description.replace(/^demo: /, '')})`);
  const ex = await runExtraction({ manifest: join(cohortDir, 'manifest.csv'), settings: settingsPath, outDir: join(out, 'features'), workers: opts.workers, progress: opts.progress });
  if (ex.failed.length) log(`   ${ex.failed.length} cases failed: ${ex.failed.map((f) => f.caseId).join(', ')}`);

  log('3/3 survival study: clinical Cox, LASSO-Cox signature, combined Cox; 5-fold CV on centre A, external validation on centre B');
  const study = loadStudy(studyPath);
  const result = runSurvivalStudy(study.config, study.tables, { extraction: study.extraction });
  const files = writeSurvivalStudyOutputs(result, join(out, 'study'), { sonomics: version(), node: process.versions.node }, { extractionSource: study.extractionSource });
  const png = await writeFigurePngs(files.figures, files.figuresDir);
  if (png.skipped) log(`   ${png.skipped}`);
  for (const m of files.messages) log(`   ${m}`);
  return { result, truth: survivalTruthMeasures(cases, surv), resultsPath: files.results, predictionsPath: files.predictions, reportPath: files.report, bundlePath: files.bundle, seconds: (Date.now() - t0) / 1000 };
}

/** Is the true value inside the estimate's CI? */
export const covers = (est: Estimate, truth: Estimate): boolean => truth.estimate >= est.lower && truth.estimate <= est.upper;

/** The estimated Harrell C and AUC(24) beside the true ones, one line per model and cohort. */
export function formatSurvivalDemoTable(d: SurvivalDemoResult): string {
  const h = d.result.outcome.horizon;
  const lines = [`model      cohort    estimated C (95% CI)   true C (95% CI)        estimated AUC(${h})      true AUC(${h})           truth within CI (C, AUC)`];
  for (const m of ['clinical', 'radiomics', 'combined'] as const) {
    const r = d.result.models[m];
    if (!r) continue;
    const ext = Object.values(r.externals)[0];
    for (const [cohort, est, t] of [['CV', r.cv, d.truth.main[m]], ['external', ext, d.truth.external[m]]] as const) {
      if (!est) continue;
      const yes = (b: boolean) => (b ? 'yes' : 'no');
      lines.push(`${m.padEnd(10)} ${cohort.padEnd(9)} ${withCi(est.harrell)}    ${withCi(t.harrell)}    ${withCi(est.auc)}    ${withCi(t.auc)}    ${yes(covers(est.harrell, t.harrell))}, ${yes(covers(est.auc, t.auc))}`);
    }
  }
  return lines.join('\n');
}
