/**
 * Files of a study: read the YAML config and the tables it names (paths relative to the config),
 * and write the outputs (report.html, results.json, predictions.csv, bundle.json) into one folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SonomicsError } from '../core/errors.ts';
import { configTablePaths, parseStudyConfig, type StudyConfig } from '../study/config.ts';
import type { Table } from '../tables/table.ts';
import { readTableFile } from './table-file.ts';
import { withRoles } from './feature-table-roles.ts';
import { buildBundle } from '../study/bundle.ts';
import { predictionsCsv, resultsJson } from '../study/outputs.ts';
import type { StudyResult } from '../study/run.ts';
import { buildReport, type BuiltReport } from '../report/render.ts';
import type { ReportFigure } from '../report/sections/context.ts';
import { tableCsv } from '../report/csv.ts';
import { runExtraction } from './extract-run.ts';
import type { ExtractionSettings } from '../extract/settings.ts';
import { parseExtractionRun, type ExtractionRun } from '../study/extraction-run.ts';

export { readTableFile } from './table-file.ts';

export interface LoadedStudy {
  config: StudyConfig;
  tables: Record<string, Table>;
  configDir: string;
  /** Run records (run.json) found beside the feature tables: how their features were extracted. */
  extraction: ExtractionRun[];
}

/**
 * The run record `sonomics extract` wrote beside a feature table (same folder, run.json), if any.
 * A table from elsewhere has none; the report then says the extraction settings were not recorded.
 */
export function findExtractionRun(tablePath: string, label: string): ExtractionRun | undefined {
  const runPath = join(dirname(tablePath), 'run.json');
  if (!existsSync(runPath) || extname(tablePath).toLowerCase() === '.json') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(runPath, 'utf8'));
  } catch (e) {
    throw new SonomicsError('CORRUPT_FILE', `${runPath}: not valid JSON (${(e as Error).message}); re-run the extraction or remove the file.`, { subject: runPath });
  }
  return parseExtractionRun(raw, label, runPath);
}

function addRun(runs: ExtractionRun[], run: ExtractionRun | undefined): void {
  if (run && !runs.some((r) => r.table === run.table)) runs.push(run);
}

export function loadStudy(configPath: string, overrides: { protocol?: 'no-leakage' | 'paper'; seed?: number } = {}): LoadedStudy {
  if (!existsSync(configPath)) throw new SonomicsError('FILE_NOT_FOUND', `study config ${configPath} does not exist.`, { subject: configPath });
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(configPath, 'utf8'));
  } catch (e) {
    throw new SonomicsError('BAD_CONFIG', `${configPath}: not valid YAML (${(e as Error).message}).`, { subject: configPath });
  }
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>;
    if (overrides.protocol) r.evaluation = { ...(r.evaluation as object | undefined), protocol: overrides.protocol };
    if (overrides.seed !== undefined) r.seed = overrides.seed;
  }
  const config = parseStudyConfig(raw, configPath);
  const configDir = dirname(resolve(configPath));
  const tables: Record<string, Table> = {};
  const extraction: ExtractionRun[] = [];
  for (const p of configTablePaths(config)) {
    const path = isAbsolute(p) ? p : join(configDir, p);
    tables[p] = withRoles(readTableFile(path), path);
    addRun(extraction, findExtractionRun(path, p));
  }
  return { config, tables, configDir, extraction };
}

/**
 * loadStudy, then for every cohort that names a manifest: extract its features with the config's
 * extraction settings (resumable, in <workDir>/extract-<cohort>) and join the feature table to the
 * cohort (its case_id column is renamed to data.id).
 */
export async function prepareStudy(configPath: string, o: { workDir: string; workers?: number; progress?: boolean; overrides?: { protocol?: 'no-leakage' | 'paper'; seed?: number } }): Promise<LoadedStudy> {
  const study = loadStudy(configPath, o.overrides);
  const { config, configDir } = study;
  for (const cohort of config.data.cohorts) {
    if (!cohort.manifest) continue;
    const manifest = isAbsolute(cohort.manifest) ? cohort.manifest : join(configDir, cohort.manifest);
    const outDir = join(o.workDir, `extract-${cohort.name.replace(/[^A-Za-z0-9_.-]+/g, '_')}`);
    const ex = await runExtraction({ manifest, settings: config.extraction as ExtractionSettings, outDir, workers: o.workers, progress: o.progress ?? false });
    for (const f of ex.failed) console.error(`sonomics: cohort ${cohort.name}, case ${f.caseId} not extracted (left out): ${f.message} [${f.code}]`);
    const t = withRoles(readTableFile(ex.tablePath), ex.tablePath);
    const id = config.data.id;
    const features: Table = id === 'case_id' || t.columns.includes(id)
      ? t
      : { ...t, columns: t.columns.map((c) => (c === 'case_id' ? id : c)), rows: t.rows.map(({ case_id, ...r }) => ({ [id]: case_id!, ...r })), ...(t.roles ? { roles: { ...t.roles, id } } : {}) };
    const key = `extracted:${cohort.name}`;
    study.tables[key] = features;
    addRun(study.extraction, findExtractionRun(ex.tablePath, key));
    cohort.tables = [...cohort.tables, key];
  }
  return study;
}

export interface WrittenOutputs {
  report: string; results: string; predictions: string; bundle: string;
  /** figures/<id>.svg beside the report; the figures themselves for the PNG step (figure-png.ts). */
  figuresDir: string;
  figures: ReportFigure[];
}

export function writeStudyOutputs(result: StudyResult, outDir: string, software: Record<string, string> = {}): WrittenOutputs {
  mkdirSync(outDir, { recursive: true });
  const out: WrittenOutputs = {
    report: join(outDir, 'report.html'),
    results: join(outDir, 'results.json'),
    predictions: join(outDir, 'predictions.csv'),
    bundle: join(outDir, 'bundle.json'),
    figuresDir: join(outDir, 'figures'),
    figures: [],
  };
  const built = buildReport(result, { software });
  writeFileSync(out.report, built.html);
  writeReportFiles(built, outDir);
  out.figures = built.figures;
  writeFileSync(out.results, resultsJson(result));
  writeFileSync(out.predictions, predictionsCsv(result));
  writeFileSync(out.bundle, JSON.stringify(buildBundle(result, software), null, 1) + '\n');
  return out;
}

/**
 * The report's figures as standalone SVG files (figures/<id>.svg, for journals) and its tables as
 * CSV (tables/<id>.csv). The 300-dpi PNGs are rendered separately (figure-png.ts: needs Chromium).
 */
export function writeReportFiles(built: BuiltReport, outDir: string): { figures: string[]; tables: string[] } {
  const figDir = join(outDir, 'figures');
  const tabDir = join(outDir, 'tables');
  mkdirSync(figDir, { recursive: true });
  mkdirSync(tabDir, { recursive: true });
  // Figures and tables of an earlier run in the same folder would otherwise linger beside these.
  for (const [d, ext] of [[figDir, /\.(svg|png)$/], [tabDir, /\.csv$/]] as const) for (const f of readdirSync(d)) if (ext.test(f)) rmSync(join(d, f));
  const figures = built.figures.map((f) => {
    const path = join(figDir, `${f.id}.svg`);
    writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?>\n${f.svg}\n`);
    return path;
  });
  const tables = built.tables.map((t) => {
    const path = join(tabDir, `${t.id.replace(/^table-/, '')}.csv`);
    writeFileSync(path, tableCsv(t));
    return path;
  });
  return { figures, tables };
}
