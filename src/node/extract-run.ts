/**
 * `sonomics extract`: a cohort → a feature table, on worker processes, resumable and shardable.
 *
 * Output folder:
 *   cases.jsonl    append-only store, one line per finished case (the resume point)
 *   features.csv   the feature table (manifest order; deterministic bytes); features.jsonl with --jsonl
 *   run.json       the run record: versions, settings and hash, per-case time, warnings, errors
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { SonomicsError } from '../core/errors.ts';
import { resolveExtractionSettings, type ExtractionSettings } from '../extract/settings.ts';
import { readSettingsFile } from './settings-file.ts';
import { settingsHash as hashOfSettings } from '../core/hash.ts';
import { CaseStore } from './case-store.ts';
import type { ExtractTask, ExtractTaskResult } from './extract-task.ts';
import { writeFeatureTable, writeRobustnessTable } from './feature-table.ts';
import type { Perturbation } from '../extract/perturb.ts';
import { perturbedKey, readableKey, readManifest, shardOf, type ManifestCase } from './manifest.ts';
import { lockFolder } from './folder-lock.ts';
import { runPool, taskModule } from './pool.ts';
import { summariseSources } from '../extract/source-summary.ts';
import { Progress } from './progress.ts';

export interface ExtractOptions {
  manifest: string;
  /** Manifest column holding the case id, when not case_id/case/id. */
  idColumn?: string;
  settings?: string | ExtractionSettings;
  outDir: string;
  workers?: number;
  shard?: { index: number; count: number };
  force?: boolean;
  failFast?: boolean;
  progress?: boolean;
  /** Stop after this many newly finished cases (tests of resumption). */
  limit?: number;
  /** Robustness: also extract each case under these mask perturbations (and/or the second reader). */
  perturb?: Perturbation[];
  /** Also write the feature table as JSON Lines (features.jsonl). */
  jsonl?: boolean;
  /** A case running longer fails alone with TIMEOUT and its worker is replaced (default 600 s; worker processes only). */
  caseTimeoutSeconds?: number;
  /** V8 heap limit of each worker process in MB (Node's default when absent). */
  workerMemoryMb?: number;
}

export const DEFAULT_CASE_TIMEOUT_S = 600;

export interface ExtractSummary {
  total: number;
  done: number;
  skipped: number;
  failed: Array<{ caseId: string; code: string; message: string }>;
  seconds: number;
  tablePath: string;
}

export function loadExtractionSettings(settings: string | ExtractionSettings | undefined): ExtractionSettings {
  return loadSettingsAndRaw(settings).settings;
}

function loadSettingsAndRaw(settings: string | ExtractionSettings | undefined): { settings: ExtractionSettings; raw: unknown; where: string } {
  if (settings === undefined) return { settings: resolveExtractionSettings(undefined), raw: undefined, where: 'extraction settings' };
  if (typeof settings !== 'string') return { settings: resolveExtractionSettings(settings), raw: settings, where: 'extraction settings' };
  const parsed = readSettingsFile(settings);
  return { settings: resolveExtractionSettings(parsed, settings), raw: parsed, where: settings };
}

/**
 * A region the settings ask for by name whose mask column the manifest lacks is an error before
 * any case runs (it used to yield no parenchyma features without a word). The parenchyma default
 * (true) asks only when the manifest has the column.
 */
export function checkRegionMasks(raw: unknown, manifest: ManifestCase[], manifestPath: string, where: string): void {
  const regions = (raw as { regions?: { parenchyma?: unknown } } | undefined)?.regions;
  if (regions?.parenchyma === true && manifest.length && !manifest.some((c) => c.parenchymaMask)) {
    throw new SonomicsError('BAD_SETTINGS', `${where}: regions.parenchyma is true, but manifest ${manifestPath} has no parenchyma_mask column (or it is empty in every row); add the column with each case's parenchyma mask, or set regions.parenchyma: false.`, { subject: manifestPath });
  }
}

export function settingsHash(s: ExtractionSettings): string {
  return hashOfSettings(s);
}

export async function runExtraction(opts: ExtractOptions): Promise<ExtractSummary> {
  const t0 = Date.now();
  const { settings, raw, where } = loadSettingsAndRaw(opts.settings);
  const hash = settingsHash(settings);
  const manifest = readManifest(opts.manifest, { idColumn: opts.idColumn });
  checkRegionMasks(raw, manifest, opts.manifest, where);
  const mine = opts.shard ? manifest.filter((c) => shardOf(c.caseId, opts.shard!.count) === opts.shard!.index) : manifest;
  mkdirSync(opts.outDir, { recursive: true });
  const unlock = lockFolder(opts.outDir, `extract${opts.shard ? ` --shard ${opts.shard.index}/${opts.shard.count}` : ''}`);
  try {
    return await extractLocked(opts, t0, settings, hash, mine);
  } finally {
    unlock();
  }
}

async function extractLocked(opts: ExtractOptions, t0: number, settings: ExtractionSettings, hash: string, mine: ManifestCase[]): Promise<ExtractSummary> {
  const store = CaseStore.open(join(opts.outDir, 'cases.jsonl'), hash, opts.force);
  // One task per case, plus one per case and perturbation in robustness runs (stored as "id@perturbation").
  const tasks: Array<{ key: string; c: ManifestCase; perturbation?: Perturbation }> = [];
  for (const c of mine) {
    tasks.push({ key: c.caseId, c });
    for (const p of opts.perturb ?? []) {
      if (p === 'reader2' && !c.secondReaderMask) continue;
      tasks.push({ key: perturbedKey(c.caseId, p), c, perturbation: p });
    }
  }
  const todo = tasks.filter((t) => !store.has(t.key));
  const failed: ExtractSummary['failed'] = [];
  const warnings: Record<string, string[]> = {};
  let newlyDone = 0;
  let stop = false;
  const progress = opts.progress === false ? null : new Progress('extract', todo.length);

  await runPool<ExtractTask, ExtractTaskResult>({
    module: taskModule('./extract-task', import.meta.url),
    fn: 'extractTask',
    inputs: todo.map((t) => ({ c: t.c, settings, perturbation: t.perturbation })),
    workers: Math.max(0, opts.workers ?? availableParallelism()),
    taskTimeoutMs: (opts.caseTimeoutSeconds ?? DEFAULT_CASE_TIMEOUT_S) * 1000,
    workerMemoryMb: opts.workerMemoryMb,
    shouldStop: () => stop,
    onDone: (i, outcome) => {
      const key = todo[i]!.key;
      if (outcome.ok) {
        const r = outcome.result;
        store.appendOk(key, r.featuresJson, r.namesJson, r.warnings, round(r.ms), r.source, r.diagnosticsJson);
        if (r.warnings.length) warnings[key] = r.warnings;
      } else {
        store.append({ case_id: key, ok: false, error: { code: outcome.error.code, message: outcome.error.message }, ms: 0 });
        failed.push({ caseId: readableKey(key), code: outcome.error.code, message: outcome.error.message });
        if (opts.failFast) stop = true;
      }
      progress?.tick(outcome.ok);
      newlyDone++;
      if (opts.limit !== undefined && newlyDone >= opts.limit) stop = true;
    },
  });
  progress?.finish();

  const tablePath = join(opts.outDir, 'features.csv');
  const columns = writeFeatureTable(tablePath, mine, store);
  if (opts.jsonl) writeFeatureTable(join(opts.outDir, 'features.jsonl'), mine, store, 'jsonl');
  if (opts.perturb?.length) writeRobustnessTable(join(opts.outDir, 'robustness.csv'), mine, store, opts.perturb);
  const perCase = Object.fromEntries(mine.filter((c) => store.has(c.caseId)).map((c) => [c.caseId, store.ms(c.caseId)]));
  writeFileSync(join(opts.outDir, 'run.json'), JSON.stringify({
    sonomics: packageVersion(),
    node: process.version,
    manifest: resolve(opts.manifest),
    shard: opts.shard ? `${opts.shard.index}/${opts.shard.count}` : null,
    settings,
    settings_hash: hash,
    // which columns of features.csv are features; `study` takes radiomics candidates only from these
    columns,
    cases: mine.length,
    finished: mine.filter((c) => store.has(c.caseId)).length,
    failed,
    warnings,
    images: summariseSources(mine.flatMap((c) => { const s = store.source(c.caseId); return s ? [s] : []; })),
    ms_per_case: perCase,
    seconds: (Date.now() - t0) / 1000,
  }, null, 2) + '\n');
  store.close();
  return { total: tasks.length, done: newlyDone - failed.length, skipped: tasks.length - todo.length, failed, seconds: (Date.now() - t0) / 1000, tablePath };
}

/** Combine shard outputs (each an extract --out folder) into one table, as a single run writes it. */
export function mergeShards(manifestPath: string, shardDirs: string[], outDir: string, idColumn?: string): { cases: number; tablePath: string } {
  const manifest = readManifest(manifestPath, { idColumn });
  // Case id → the shard store holding it (a later shard wins, as before).
  const owner = new Map<string, CaseStore>();
  const stores: CaseStore[] = [];
  let hash: string | null = null;
  try {
    for (const dir of shardDirs) {
      const s = CaseStore.read(join(dir, 'cases.jsonl'));
      stores.push(s);
      if (hash !== null && s.settingsHash !== hash) {
        throw new SonomicsError('BAD_SETTINGS', `${dir} was extracted with other settings than the shards before it; merge only shards of one run.`, { subject: dir });
      }
      hash = s.settingsHash;
      for (const id of s.ids()) owner.set(id, s);
    }
    mkdirSync(outDir, { recursive: true });
    const unlock = lockFolder(outDir, 'merge');
    try {
      const tablePath = join(outDir, 'features.csv');
      const columns = writeFeatureTable(tablePath, manifest, { has: (id) => owner.has(id), get: (id) => owner.get(id)?.get(id), featureNames: (id) => owner.get(id)?.featureNames(id), text: (id) => owner.get(id)?.text(id) });
      const missing = manifest.filter((c) => !owner.has(c.caseId)).map((c) => c.caseId);
      writeFileSync(join(outDir, 'merge.json'), JSON.stringify({ shards: shardDirs.map((d) => resolve(d)), settings_hash: hash, columns, cases: owner.size, missing }, null, 2) + '\n');
      return { cases: owner.size, tablePath };
    } finally {
      unlock();
    }
  } finally {
    for (const s of stores) s.close();
  }
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export type { ManifestCase };
