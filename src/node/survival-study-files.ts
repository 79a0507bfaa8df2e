/**
 * The files of a time-to-event study (sonomics study with `outcome:`, demo --survival): the report
 * (report.html with its survival sections, figures/*.svg, tables/*.csv; src/report/render.ts),
 * results.json and predictions.csv (src/study/survival/outputs.ts) and the model bundle
 * (bundle.json: Cox heads with their baseline cumulative hazards, src/study/bundle-survival-build.ts;
 * a survival study has no head holding training rows, so the one bundle is shareable). results.json
 * records the bundle's file and content hash in its provenance, as a binary study's does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleJson } from '../study/bundle.ts';
import { buildSurvivalBundle } from '../study/bundle-survival-build.ts';
import type { SurvivalStudyResult } from '../study/survival/results-types.ts';
import { survivalPredictionsCsv, survivalResultsJson } from '../study/survival/outputs.ts';
import { buildReport } from '../report/render.ts';
import type { ReportFigure } from '../report/sections/index.ts';
import { createdDate, writeReportFiles, type LoadedStudy } from './study-files.ts';

export interface WrittenSurvivalOutputs {
  results: string;
  predictions: string;
  report: string;
  bundle: string;
  messages: string[];
  /** figures/<id>.svg beside the report; the figures themselves for the PNG step (figure-png.ts). */
  figuresDir: string;
  figures: ReportFigure[];
}

export function writeSurvivalStudyOutputs(result: SurvivalStudyResult, outDir: string, software: { sonomics?: string; node?: string } = {}, opts: { extractionSource?: LoadedStudy['extractionSource'] } = {}): WrittenSurvivalOutputs {
  mkdirSync(outDir, { recursive: true });
  const out: WrittenSurvivalOutputs = { results: join(outDir, 'results.json'), predictions: join(outDir, 'predictions.csv'), report: join(outDir, 'report.html'), bundle: join(outDir, 'bundle.json'), messages: [], figuresDir: join(outDir, 'figures'), figures: [] };
  const bundle = buildSurvivalBundle(result, { software, created: createdDate(), extractionSource: opts.extractionSource });
  if (!bundle.extraction.scoresImages) out.messages.push(`the model bundle is features-only: it cannot score images because ${bundle.extraction.why}. predict needs ready-made feature tables (--features).`);
  const withProvenance: SurvivalStudyResult = {
    ...result,
    provenance: {
      ...bundle.provenance,
      bundle: {
        file: 'bundle.json', contentHash: bundle.contentHash, privateFile: null, privateContentHash: null,
        containsTrainingData: bundle.sharing.containsTrainingData, includeTrainingData: bundle.sharing.optedIn,
        scoresImages: bundle.extraction.scoresImages, omitted: [],
      },
    },
  };
  const built = buildReport(withProvenance, { software });
  writeFileSync(out.report, built.html);
  writeReportFiles(built, outDir);
  out.figures = built.figures;
  writeFileSync(out.bundle, bundleJson(bundle));
  writeFileSync(out.results, survivalResultsJson(withProvenance));
  writeFileSync(out.predictions, survivalPredictionsCsv(result));
  return out;
}
