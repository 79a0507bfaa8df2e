/**
 * The feature table (CSV): one row per successfully extracted case in manifest order, columns
 * case_id, cohort, the manifest's pass-through columns, then the features in extraction order.
 * Built only from the stored records and the manifest, so a resumed run, a sharded run merged,
 * and an uninterrupted run give the same bytes.
 */
import { toCsv } from '../study/table.ts';
import type { CaseRecord } from './case-store.ts';
import type { ManifestCase } from './manifest.ts';

export function featureTableCsv(manifest: ManifestCase[], records: Map<string, CaseRecord>): string {
  const ok = manifest.filter((c) => records.get(c.caseId)?.ok);
  const extraCols = manifest.length ? Object.keys(manifest[0]!.extra) : [];
  const featureCols: string[] = [];
  const seen = new Set<string>();
  for (const c of ok) {
    for (const k of Object.keys(records.get(c.caseId)!.features ?? {})) {
      if (!seen.has(k)) { seen.add(k); featureCols.push(k); }
    }
  }
  const rows = ok.map((c) => {
    const f = records.get(c.caseId)!.features ?? {};
    return [c.caseId, c.cohort, ...extraCols.map((k) => c.extra[k] ?? ''), ...featureCols.map((k) => (k in f ? f[k]! : null))];
  });
  return toCsv(['case_id', 'cohort', ...extraCols, ...featureCols], rows);
}

/**
 * The robustness long table: one row per case and "reader" (original mask, each perturbation,
 * the second reader), columns subject, reader, then the features — the input of ICC per feature.
 */
export function robustnessCsv(manifest: ManifestCase[], records: Map<string, CaseRecord>, perturbations: string[]): string {
  const readers = ['original', ...perturbations];
  const rows: Array<Array<string | number | null>> = [];
  const featureCols: string[] = [];
  const seen = new Set<string>();
  const entries: Array<[string, string, Record<string, number>]> = [];
  for (const c of manifest) {
    for (const reader of readers) {
      const r = records.get(reader === 'original' ? c.caseId : `${c.caseId}@${reader}`);
      if (!r?.ok) continue;
      entries.push([c.caseId, reader, r.features ?? {}]);
      for (const k of Object.keys(r.features ?? {})) if (!seen.has(k)) { seen.add(k); featureCols.push(k); }
    }
  }
  for (const [id, reader, f] of entries) rows.push([id, reader, ...featureCols.map((k) => (k in f ? f[k]! : null))]);
  return toCsv(['subject', 'reader', ...featureCols], rows);
}
