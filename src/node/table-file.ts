/**
 * A table file on disk (CSV, or an Excel .xlsx workbook; "file.xlsx#Sheet name" picks a worksheet)
 * read as a table of strings: clinical tables, feature tables and cohort manifests all come this
 * way. Only the file access lives here; the parsing is src/tables/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SonomicsError } from '../core/errors.ts';
import { parseTableBytes, splitTableSpec } from '../tables/read.ts';
import type { Table } from '../tables/table.ts';

export function readTableFile(spec: string): Table {
  const { path } = splitTableSpec(spec);
  if (!existsSync(path)) throw new SonomicsError('FILE_NOT_FOUND', `table ${path} does not exist; check the path (relative paths are relative to the config file).`, { subject: path });
  return parseTableBytes(new Uint8Array(readFileSync(path)), spec);
}
