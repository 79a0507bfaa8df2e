/**
 * The files of a time-to-event study (sonomics study with `outcome:`, demo --survival):
 * results.json and predictions.csv (src/study/survival/outputs.ts). The survival report sections,
 * figures and bundle are built from the same SurvivalStudyResult (issue #17).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SurvivalStudyResult } from '../study/survival/results-types.ts';
import { survivalPredictionsCsv, survivalResultsJson } from '../study/survival/outputs.ts';

export interface WrittenSurvivalOutputs {
  results: string;
  predictions: string;
  /** The HTML report; null until the survival report is built. */
  report: string | null;
  bundle: string | null;
  messages: string[];
}

export function writeSurvivalStudyOutputs(result: SurvivalStudyResult, outDir: string, _software: { sonomics?: string; node?: string } = {}): WrittenSurvivalOutputs {
  mkdirSync(outDir, { recursive: true });
  const out: WrittenSurvivalOutputs = { results: join(outDir, 'results.json'), predictions: join(outDir, 'predictions.csv'), report: null, bundle: null, messages: [] };
  writeFileSync(out.results, survivalResultsJson(result));
  writeFileSync(out.predictions, survivalPredictionsCsv(result));
  return out;
}
