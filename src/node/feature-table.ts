/**
 * The feature table (CSV): one row per successfully extracted case in manifest order, columns
 * case_id, cohort, the manifest's pass-through columns, then the features in extraction order.
 * Built only from the stored records and the manifest, so a resumed run, a sharded run merged,
 * and an uninterrupted run give the same bytes. Rows are streamed to the file one case at a time
 * (the columns come from the store's lists of feature names), so memory does not grow with the cohort. The same
 * table can also be written as JSON Lines.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { SonomicsError } from '../core/errors.ts';
import { csvLine } from '../tables/csv.ts';
import type { ColumnRoles } from '../tables/table.ts';
import type { RecordSource } from './case-store.ts';
import { featureCellsFromJson } from './json-values.ts';
import { perturbedKey, type ManifestCase } from './manifest.ts';

export type TableFormat = 'csv' | 'jsonl';

/** Writes the table as CSV, or as JSON Lines (one object per case; missing and non-finite values null). */
export function writeFeatureTable(path: string, manifest: ManifestCase[], source: RecordSource, format: TableFormat = 'csv'): ColumnRoles {
  const ok = manifest.filter((c) => source.has(c.caseId));
  const extraCols = manifest.length ? Object.keys(manifest[0]!.extra) : [];
  const featureCols = featureColumns(ok.map((c) => source.featureNames(c.caseId)));
  const passThrough = passThroughHeaders(extraCols, featureCols);
  // PyRadiomics' diagnostics_* (settings diagnostics: true) come before the features, as in its
  // output; the columns are the first case's (every case of a run has the same ones)
  const firstDiag = ok.length ? source.get(ok[0]!.caseId)?.diagnostics : undefined;
  const diagCols = firstDiag ? Object.keys(firstDiag) : [];
  const columns = ['case_id', 'cohort', ...passThrough, ...diagCols, ...featureCols];
  // Cases whose names are exactly the columns (nearly always all) take their cells from the JSON text.
  const aligned = new Map<readonly string[] | undefined, boolean>();
  const isAligned = (names: readonly string[] | undefined) => {
    if (!aligned.has(names)) aligned.set(names, !!names && names.length === featureCols.length && names.every((n, i) => n === featureCols[i]));
    return aligned.get(names)!;
  };
  const roles: ColumnRoles = { id: 'case_id', features: featureCols, passThrough: ['cohort', ...passThrough, ...diagCols] };
  writeLines(path, function* () {
    if (format === 'csv') yield csvLine(columns);
    for (const c of ok) {
      const diag = diagCols.length ? source.get(c.caseId)?.diagnostics ?? {} : {};
      const head = [c.caseId, c.cohort, ...extraCols.map((k) => c.extra[k] ?? ''), ...diagCols.map((k) => diag[k] ?? '')];
      const cells = format === 'csv' && isAligned(source.featureNames(c.caseId)) ? featureCellsFromJson(source.text(c.caseId)!) : null;
      if (cells) { yield featureCols.length ? `${csvLine(head)},${cells.join(',')}` : csvLine(head); continue; }
      const f = source.get(c.caseId)!.features ?? {};
      const row = [...head, ...featureCols.map((k) => (k in f ? f[k]! : null))];
      yield format === 'csv' ? csvLine(row) : JSON.stringify(Object.fromEntries(columns.map((k, i) => [k, row[i]])));
    }
  });
  return roles;
}

/**
 * Header names of the manifest's pass-through columns. A manifest column named like one the table
 * writes itself (`case_id` when --id-column picked another column, `cohort` when the cohort came
 * from `centre`) is written as `manifest_<name>`, so that no header repeats (a repeated header made
 * the table unreadable by `study`). A clash with a feature name cannot be renamed away: an error.
 */
export function passThroughHeaders(extraCols: string[], featureCols: string[]): string[] {
  const taken = new Set(['case_id', 'cohort']);
  const features = new Set(featureCols);
  return extraCols.map((c) => {
    if (features.has(c)) throw new SonomicsError('BAD_INPUT', `manifest column '${c}' has the name of a feature column; rename it in the manifest (features are named {region}_{image}_{family}_{feature})`, { subject: c });
    let name = c;
    while (taken.has(name)) name = `manifest_${name}`;
    taken.add(name);
    return name;
  });
}

/**
 * The robustness long table: one row per case and "reader" (original mask, each perturbation,
 * the second reader), columns subject, reader, then the features — the input of ICC per feature.
 */
export function writeRobustnessTable(path: string, manifest: ManifestCase[], source: RecordSource, perturbations: string[]): void {
  const readers = ['original', ...perturbations];
  const entries: Array<[string, string, string]> = [];
  for (const c of manifest) {
    for (const reader of readers) {
      const key = reader === 'original' ? c.caseId : perturbedKey(c.caseId, reader);
      if (source.has(key)) entries.push([c.caseId, reader, key]);
    }
  }
  const featureCols = featureColumns(entries.map(([, , key]) => source.featureNames(key)));
  writeLines(path, function* () {
    yield csvLine(['subject', 'reader', ...featureCols]);
    for (const [id, reader, key] of entries) {
      const f = source.get(key)!.features ?? {};
      yield csvLine([id, reader, ...featureCols.map((k) => (k in f ? f[k]! : null))]);
    }
  });
}

/** Union of the records' feature names, in order of first appearance. */
function featureColumns(lists: Array<readonly string[] | undefined>): string[] {
  const cols: string[] = [];
  const seen = new Set<string>();
  const done = new Set<readonly string[]>(); // lists are shared between cases with the same names
  for (const names of lists) {
    if (!names || done.has(names)) continue;
    done.add(names);
    for (const k of names) if (!seen.has(k)) { seen.add(k); cols.push(k); }
  }
  return cols;
}

function writeLines(path: string, lines: () => Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const line of lines()) writeSync(fd, line + '\n');
  } finally {
    closeSync(fd);
  }
}
