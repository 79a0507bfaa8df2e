/**
 * The column roles of a feature table on disk: `extract` writes them into run.json (and `merge`
 * into merge.json) beside features.csv. A table without that record has no declared roles.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ColumnRoles, Table } from '../tables/table.ts';

export function featureTableRoles(tablePath: string): ColumnRoles | undefined {
  if (!/^features\.(csv|jsonl)$/.test(basename(tablePath))) return undefined;
  for (const record of ['run.json', 'merge.json']) {
    const p = join(dirname(tablePath), record);
    if (!existsSync(p)) continue;
    try {
      const columns = (JSON.parse(readFileSync(p, 'utf8')) as { columns?: ColumnRoles }).columns;
      if (columns && Array.isArray(columns.features) && Array.isArray(columns.passThrough)) return columns;
    } catch {
      // an unreadable record declares nothing; the study then falls back to the feature-name convention
    }
  }
  return undefined;
}

/** The table with its roles attached (when its run record declares them). */
export function withRoles(table: Table, tablePath: string): Table {
  const roles = featureTableRoles(tablePath);
  return roles ? { ...table, roles } : table;
}
