/**
 * The extraction behind a feature table, as its run record (run.json, written by `sonomics
 * extract` beside features.csv) says it ran: the resolved settings and their hash, the software
 * version, how many cases finished or failed and what the images were. The report's methods and
 * checklists describe the radiomics from this record, not from a config's intentions.
 */
import { SonomicsError } from '../core/errors.ts';
import { resolveExtractionSettings, type ExtractionSettings } from '../extract/settings.ts';
import type { ImageSourceSummary } from '../extract/source-summary.ts';

export interface ExtractionRun {
  /** The feature table this run produced (as the study config names it). */
  table: string;
  sonomics: string;
  node?: string;
  settings: ExtractionSettings;
  settingsHash: string;
  cases: number;
  finished: number;
  failed: Array<{ caseId: string; code: string; message: string }>;
  /** Cases with reader or mask warnings, and the distinct warning texts (first 5). */
  warnedCases: number;
  warningKinds: string[];
  images?: ImageSourceSummary;
}

/** Reads a parsed run.json; `where` names the file in messages. */
export function parseExtractionRun(raw: unknown, table: string, where: string): ExtractionRun {
  const bad = (what: string): never => {
    throw new SonomicsError('BAD_INPUT', `${where}: ${what}; re-run \`sonomics extract\` to write a fresh run record, or remove the file to run the study without one.`, { subject: where });
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) bad('is not a run record (a JSON object)');
  const o = raw as Record<string, unknown>;
  if (typeof o.settings_hash !== 'string') bad('has no settings_hash');
  const settings = resolveExtractionSettings(o.settings, `${where}: settings`);
  const warnings = (o.warnings && typeof o.warnings === 'object' ? o.warnings : {}) as Record<string, string[]>;
  // Warning texts name their case and its numbers; the kinds drop both ("... in case A0017 (voxels: 8661, 98)").
  const kinds = [...new Set(Object.values(warnings).flat().map((w) => String(w).replace(/\s*in case \S+/gi, '').replace(/\s*\([^)]*\d[^)]*\)/g, '').trim()))].sort();
  return {
    table,
    sonomics: typeof o.sonomics === 'string' ? o.sonomics : 'unknown',
    node: typeof o.node === 'string' ? o.node : undefined,
    settings,
    settingsHash: o.settings_hash as string,
    cases: Number(o.cases ?? 0),
    finished: Number(o.finished ?? 0),
    failed: Array.isArray(o.failed) ? (o.failed as ExtractionRun['failed']) : [],
    warnedCases: Object.keys(warnings).length,
    warningKinds: kinds.slice(0, 5),
    images: (o.images as ImageSourceSummary | undefined) ?? undefined,
  };
}
