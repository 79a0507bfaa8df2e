/**
 * `sonomics demo`: the whole study on a synthetic two-centre CRLM ultrasound cohort with a known
 * truth — synth → extract → study → report — and the estimated AUCs printed beside the generator's
 * true-risk AUCs.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify as toYaml } from 'yaml';
import { delongCI } from '../stats/index.ts';
import type { SynthCase } from '../synth/cohort.ts';
import type { StudyResult } from '../study/run.ts';
import { runStudy } from '../study/run.ts';
import { writeSynthCohort } from './synth-files.ts';
import { DEMO_EXTRACTION, demoStudyConfig } from './demo-config.ts';
import { runExtraction } from './extract-run.ts';
import { loadStudy, writeStudyOutputs } from './study-files.ts';
import { writeFigurePngs } from './figure-png.ts';
import { version } from '../cli/version.ts';

export { DEMO_EXTRACTION, demoStudyConfig } from './demo-config.ts';

export interface DemoOptions {
  outDir: string;
  nMain?: number;
  nExternal?: number;
  seed?: number;
  workers?: number;
  progress?: boolean;
  log?: (line: string) => void;
}

export interface DemoResult {
  result: StudyResult;
  truth: TruthAucs;
  reportPath: string;
  resultsPath: string;
  bundlePath: string;
  seconds: number;
}

export async function runDemo(opts: DemoOptions): Promise<DemoResult> {
  const t0 = Date.now();
  const log = opts.log ?? ((l: string) => console.log(l));
  const out = resolve(opts.outDir);
  const seed = opts.seed ?? 2024;
  const cohortDir = join(out, 'cohort');

  log(`1/3 synthetic cohort → ${cohortDir}`);
  // DICOM first: the manifest points at the DICOM files, whose ultrasound regions carry the pixel
  // spacing in mm (PNG has none), so rings and filter widths are in millimetres. Masks stay PNG.
  const { cases } = await writeSynthCohort({ outDir: cohortDir, nMain: opts.nMain ?? 224, nExternal: opts.nExternal ?? 54, seed, formats: ['dicom'], workers: opts.workers, progress: opts.progress });
  const settingsPath = join(out, 'extraction.yaml');
  writeFileSync(settingsPath, toYaml(DEMO_EXTRACTION));
  const studyPath = join(out, 'study.yaml');
  writeFileSync(studyPath, toYaml(demoStudyConfig(seed)));

  log(`2/3 feature extraction (${DEMO_EXTRACTION.description.replace(/^demo: /, '')})`);
  const ex = await runExtraction({ manifest: join(cohortDir, 'manifest.csv'), settings: settingsPath, outDir: join(out, 'features'), workers: opts.workers, progress: opts.progress });
  if (ex.failed.length) log(`   ${ex.failed.length} cases failed: ${ex.failed.map((f) => f.caseId).join(', ')}`);

  log('3/3 study: clinical, radiomics and combined models; 5-fold CV on centre A, external validation on centre B');
  const study = loadStudy(studyPath);
  const result = runStudy(study.config, study.tables, { extraction: study.extraction });
  const files = writeStudyOutputs(result, join(out, 'study'), { sonomics: version(), node: process.versions.node }, { extractionSource: study.extractionSource });
  const png = await writeFigurePngs(files.figures, files.figuresDir);
  if (png.skipped) log(`   ${png.skipped}`);
  for (const m of files.messages) log(`   ${m}`);
  return { result, truth: truthAucs(cases), reportPath: files.report, resultsPath: files.results, bundlePath: (files.bundle ?? files.privateBundle)!, seconds: (Date.now() - t0) / 1000 };
}

export interface TruthAucs {
  main: Record<'clinical' | 'radiomics' | 'combined', { auc: number; lower: number; upper: number }>;
  external: Record<'clinical' | 'radiomics' | 'combined', { auc: number; lower: number; upper: number }>;
}

/**
 * The generator's true-risk AUCs in each cohort: how well the true clinical linear predictor, the
 * true imaging linear predictor and the true risk separate the outcomes that were drawn.
 */
export function truthAucs(cases: SynthCase[]): TruthAucs {
  const one = (cohort: 'main' | 'external') => {
    const cs = cases.filter((c) => c.cohort === cohort);
    const y = cs.map((c) => c.patient.recurrence);
    const ci = (s: number[]) => {
      const r = delongCI(y, s);
      return { auc: r.auc, lower: r.lower, upper: r.upper };
    };
    return {
      clinical: ci(cs.map((c) => c.patient.clinicalLp)),
      radiomics: ci(cs.map((c) => c.patient.imagingLp)),
      combined: ci(cs.map((c) => c.patient.clinicalLp + c.patient.imagingLp)),
    };
  };
  return { main: one('main'), external: one('external') };
}

/** The estimated AUCs next to the true-risk AUCs, one line per model and cohort. */
export function formatDemoTable(d: DemoResult): string {
  const f = (x: number) => x.toFixed(3);
  const lines = ['model      cohort    estimated AUC (95% CI)   true-risk AUC (95% CI)   acc    sens   spec   truth within CI'];
  for (const m of ['clinical', 'radiomics', 'combined'] as const) {
    const r = d.result.models[m];
    if (!r) continue;
    for (const [cohort, met, t] of [['CV', r.cv, d.truth.main[m]], ['external', r.external, d.truth.external[m]]] as const) {
      if (!met) continue;
      const inside = t.auc >= met.auc_ci[0] && t.auc <= met.auc_ci[1] ? 'yes' : 'no';
      lines.push(`${m.padEnd(10)} ${cohort.padEnd(9)} ${f(met.auc)} (${f(met.auc_ci[0])}–${f(met.auc_ci[1])})     ${f(t.auc)} (${f(t.lower)}–${f(t.upper)})      ${f(met.accuracy)}  ${f(met.sensitivity)}  ${f(met.specificity)}  ${inside}`);
    }
  }
  return lines.join('\n');
}
