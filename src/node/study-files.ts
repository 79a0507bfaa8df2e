/**
 * Files of a study: read the YAML config and the tables it names (paths relative to the config),
 * and write the outputs (report.html, results.json, predictions.csv, bundle.json) into one folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { parseYamlNotingIntegers } from './settings-file.ts';
import { SonomicsError } from '../core/errors.ts';
import { configTablePaths, parseStudyConfig, type StudyConfig } from '../study/config.ts';
import type { Table } from '../tables/table.ts';
import { readTableFile } from './table-file.ts';
import { withRoles } from './feature-table-roles.ts';
import { buildBundle, bundleJson, shareBundle } from '../study/bundle.ts';
import { settingsHash } from '../core/hash.ts';
import { resolveExtractionSettings } from '../extract/settings.ts';
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
  /** Where config.extraction came from: the config (or the file it names), or an extraction's run.json. */
  extractionSource: 'config' | 'extraction record';
}

/** `extraction:` given as a file path (YAML or JSON, relative to the config): its contents. */
function extractionFromFile(value: string, configPath: string): unknown {
  const p = isAbsolute(value) ? value : join(dirname(resolve(configPath)), value);
  if (!existsSync(p)) throw new SonomicsError('FILE_NOT_FOUND', `${configPath}: extraction: "${value}" is neither extraction settings nor an existing settings file (looked for ${p}); give the settings inline or the path of the file you pass to sonomics extract --settings.`, { subject: configPath });
  try {
    const text = readFileSync(p, 'utf8');
    return /\.json$/i.test(p) ? JSON.parse(text) : parseYamlNotingIntegers(text);
  } catch (e) {
    throw new SonomicsError('BAD_CONFIG', `${configPath}: extraction settings file ${p} cannot be read (${(e as Error).message}).`, { subject: configPath });
  }
}

/**
 * The settings that made the study's features travel with the model: a feature table written by
 * `sonomics extract` has its run.json beside it. Without `extraction:` in the config the record's
 * settings are taken; with it, they must be the same settings (same hash), else the bundle would
 * extract a new patient differently from the training cases.
 */
function reconcileExtraction(config: StudyConfig, runs: ExtractionRun[], configPath: string): LoadedStudy['extractionSource'] {
  if (runs.length === 0) return 'config';
  const distinct = [...new Set(runs.map((r) => r.settingsHash))];
  if (distinct.length > 1) {
    throw new SonomicsError('BAD_CONFIG', `${configPath}: the feature tables come from extractions with different settings (${runs.map((r) => `${r.table}: ${r.settingsHash.slice(0, 12)}…`).join(', ')}); extract every cohort with the same settings.`, { subject: configPath });
  }
  const rec = runs[0]!;
  if (config.extraction === undefined) {
    config.extraction = rec.settings;
    return 'extraction record';
  }
  let hash: string;
  try { hash = settingsHash(resolveExtractionSettings(config.extraction, `${configPath}: extraction`)); } catch (e) {
    throw new SonomicsError('BAD_CONFIG', `${configPath}: extraction: is not extraction settings (${(e as Error).message}), but the features of ${rec.table} were made by a recorded extraction (run.json beside it); remove extraction: to take the recorded settings, or give the settings file you extracted with.`, { subject: configPath });
  }
  if (hash !== rec.settingsHash) {
    throw new SonomicsError('BAD_CONFIG', `${configPath}: extraction: (hash ${hash.slice(0, 12)}…) disagrees with the settings that produced the features of ${rec.table} (run.json beside it, hash ${rec.settingsHash.slice(0, 12)}…); the bundle would extract new patients differently. Remove extraction: to take the recorded settings, or re-extract with these.`, { subject: configPath });
  }
  return 'extraction record';
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
    raw = parseYamlNotingIntegers(readFileSync(configPath, 'utf8'));
  } catch (e) {
    throw new SonomicsError('BAD_CONFIG', `${configPath}: not valid YAML (${(e as Error).message}).`, { subject: configPath });
  }
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>;
    if (typeof r.extraction === 'string') r.extraction = extractionFromFile(r.extraction, configPath);
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
  const extractionSource = reconcileExtraction(config, extraction, configPath);
  return { config, tables, configDir, extraction, extractionSource };
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
    study.extractionSource = 'extraction record';
  }
  return study;
}

export interface WrittenOutputs {
  report: string;
  results: string;
  predictions: string;
  /** The shareable bundle (null: no model of the study can be shared, see messages). */
  bundle: string | null;
  /** The private bundle with training rows (null: the shareable one holds every model). */
  privateBundle: string | null;
  /** What the user must know about the bundles (privacy split, features-only). */
  messages: string[];
  /** figures/<id>.svg beside the report; the figures themselves for the PNG step (figure-png.ts). */
  figuresDir: string;
  figures: ReportFigure[];
}

/** The date written into the outputs: SOURCE_DATE_EPOCH (reproducible builds) or now. */
export function createdDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString() : new Date().toISOString();
}

export function writeStudyOutputs(result: StudyResult, outDir: string, software: { sonomics?: string; node?: string } = {}, opts: { extractionSource?: LoadedStudy['extractionSource'] } = {}): WrittenOutputs {
  mkdirSync(outDir, { recursive: true });
  const full = buildBundle(result, { software, created: createdDate(), extractionSource: opts.extractionSource });
  const shared = shareBundle(full);
  const messages = [...shared.notes];
  if (!full.extraction.scoresImages) messages.push(`the model bundle is features-only: it cannot score images because ${full.extraction.why}. predict needs ready-made feature tables (--features); give extraction: in the study config (inline or a settings file) to make it score images.`);
  const out: WrittenOutputs = {
    report: join(outDir, 'report.html'),
    results: join(outDir, 'results.json'),
    predictions: join(outDir, 'predictions.csv'),
    bundle: shared.shareable ? join(outDir, 'bundle.json') : null,
    privateBundle: shared.private ? join(outDir, 'bundle.private.json') : null,
    messages,
    figuresDir: join(outDir, 'figures'),
    figures: [],
  };
  const main = shared.shareable ?? shared.private!;
  const withProvenance: StudyResult = {
    ...result,
    provenance: {
      ...main.provenance,
      bundle: {
        file: out.bundle ? 'bundle.json' : null,
        contentHash: shared.shareable?.contentHash ?? null,
        privateFile: out.privateBundle ? 'bundle.private.json' : null,
        privateContentHash: shared.private?.contentHash ?? null,
        containsTrainingData: shared.shareable?.sharing.containsTrainingData ?? false,
        includeTrainingData: full.sharing.optedIn,
        scoresImages: full.extraction.scoresImages,
        omitted: shared.shareable?.sharing.omitted.map((o) => o.model) ?? Object.keys(full.models),
      },
    },
  };
  const built = buildReport(withProvenance, { software });
  writeFileSync(out.report, built.html);
  writeReportFiles(built, outDir);
  out.figures = built.figures;
  writeFileSync(out.results, resultsJson(withProvenance));
  writeFileSync(out.predictions, predictionsCsv(result));
  if (out.bundle) writeFileSync(out.bundle, bundleJson(shared.shareable!));
  else if (existsSync(join(outDir, 'bundle.json'))) rmSync(join(outDir, 'bundle.json'));
  if (out.privateBundle) writeFileSync(out.privateBundle, bundleJson(shared.private!));
  else if (existsSync(join(outDir, 'bundle.private.json'))) rmSync(join(outDir, 'bundle.private.json'));
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
