/**
 * The files of a time-to-event study (sonomics study with `outcome:`, demo --survival):
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
import { createdDate, type LoadedStudy } from './study-files.ts';

export interface WrittenSurvivalOutputs {
  results: string;
  predictions: string;
  /** The HTML report; null until the survival report is built. */
  report: string | null;
  bundle: string;
  messages: string[];
}

export function writeSurvivalStudyOutputs(result: SurvivalStudyResult, outDir: string, software: { sonomics?: string; node?: string } = {}, opts: { extractionSource?: LoadedStudy['extractionSource'] } = {}): WrittenSurvivalOutputs {
  mkdirSync(outDir, { recursive: true });
  const out: WrittenSurvivalOutputs = { results: join(outDir, 'results.json'), predictions: join(outDir, 'predictions.csv'), report: null, bundle: join(outDir, 'bundle.json'), messages: [] };
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
  writeFileSync(out.bundle, bundleJson(bundle));
  writeFileSync(out.results, survivalResultsJson(withProvenance));
  writeFileSync(out.predictions, survivalPredictionsCsv(result));
  return out;
}
