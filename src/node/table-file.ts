/**
 * A table file (CSV, or an Excel .xlsx workbook; "file.xlsx#Sheet name" picks a worksheet) read
 * as a table of strings: clinical tables, feature tables and cohort manifests all come this way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { SonomicsError } from '../core/errors.ts';
import { parseCsv, type Table } from '../study/table.ts';
import { parseXlsx } from '../study/xlsx.ts';

export function readTableFile(spec: string): Table {
  // "clinical.xlsx#Sheet 2" names a worksheet; without it the first sheet is read.
  const sheetMatch = /\.xlsx#(.+)$/i.exec(spec);
  const path = sheetMatch ? spec.slice(0, spec.length - sheetMatch[1]!.length - 1) : spec;
  if (!existsSync(path)) throw new SonomicsError('FILE_NOT_FOUND', `table ${path} does not exist; check the path (relative paths are relative to the config file).`, { subject: path });
  const ext = extname(path).toLowerCase();
  if (ext === '.xls') {
    throw new SonomicsError('UNSUPPORTED_FORMAT', `${path}: old binary Excel (.xls) is not read; save it as .xlsx or CSV (UTF-8).`, { subject: path });
  }
  if (ext === '.xlsx') return parseXlsx(new Uint8Array(readFileSync(path)), spec, sheetMatch?.[1]);
  return parseCsv(readFileSync(path, 'utf8'), path);
}
