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
