/**
 * Bytes of a table file → Table, chosen by the file name: CSV (UTF-8; comma, semicolon or tab),
 * or an Excel .xlsx workbook, where "file.xlsx#Sheet name" picks a worksheet (the first otherwise).
 * Browser-safe: src/node/table-file.ts only reads the bytes from disk.
 */
import { SonomicsError } from '../core/errors.ts';
import { parseCsv } from './csv.ts';
import type { Table } from './table.ts';
import { parseXlsx } from './xlsx.ts';

export interface TableSpec {
  /** The file name or path, without a "#Sheet" suffix. */
  path: string;
  /** The worksheet an .xlsx spec names after "#", if any. */
  sheet?: string;
}

/** "clinical.xlsx#Sheet 2" → { path: "clinical.xlsx", sheet: "Sheet 2" }; anything else is a plain path. */
export function splitTableSpec(spec: string): TableSpec {
  const sheetMatch = /\.xlsx#(.+)$/i.exec(spec);
  if (!sheetMatch) return { path: spec };
  return { path: spec.slice(0, spec.length - sheetMatch[1]!.length - 1), sheet: sheetMatch[1]! };
}

/**
 * Parse a table file's bytes. `spec` is the name the user gave (with an optional "#Sheet"), used to
 * pick the format by its extension and in error messages.
 */
export function parseTableBytes(bytes: Uint8Array, spec: string): Table {
  const { path, sheet } = splitTableSpec(spec);
  const ext = /\.[^./\\]*$/.exec(path)?.[0].toLowerCase() ?? '';
  if (ext === '.xls') {
    throw new SonomicsError('UNSUPPORTED_FORMAT', `${path}: old binary Excel (.xls) is not read; save it as .xlsx or CSV (UTF-8).`, { subject: path });
  }
  if (ext === '.xlsx') return parseXlsx(bytes, spec, sheet);
  // TextDecoder drops a leading UTF-8 byte-order mark; parseCsv would drop it too.
  return parseCsv(new TextDecoder().decode(bytes), path);
}
