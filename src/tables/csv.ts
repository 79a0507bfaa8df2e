/**
 * CSV text ⇄ tables: the one CSV reader and writer of the project (clinical tables, feature
 * tables, cohort manifests, the IBSI reference tables). RFC 4180 quoting (double quotes, ""
 * escapes, quoted newlines); the first row is the header. Values stay strings here; the study
 * decides which columns are numbers and which codes mean "missing".
 */
import { SonomicsError } from '../core/errors.ts';
import type { Table } from './table.ts';

/** Parse CSV (comma, semicolon or tab separated; detected from the header line). */
export function parseCsv(text: string, source = 'table'): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const sep = detectSeparator(firstLine);
  const records = parseCsvRecords(body, sep);
  while (records.length && records[records.length - 1]!.every((c) => c.trim() === '')) records.pop();
  if (records.length === 0) throw new SonomicsError('BAD_INPUT', `${source}: the table is empty; it needs a header row and at least one data row.`, { subject: source });
  const columns = records[0]!.map((c) => c.trim());
  const seen = new Set<string>();
  for (const c of columns) {
    if (c === '') throw new SonomicsError('BAD_INPUT', `${source}: the header has an empty column name; name every column.`, { subject: source });
    if (seen.has(c)) throw new SonomicsError('BAD_INPUT', `${source}: the column "${c}" appears twice in the header; rename one of them.`, { subject: source });
    seen.add(c);
  }
  const rows: Array<Record<string, string>> = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    if (rec.length === 1 && rec[0]!.trim() === '') continue; // blank line
    if (rec.length !== columns.length) {
      throw new SonomicsError('BAD_INPUT', `${source}: line ${r + 1} has ${rec.length} cells but the header has ${columns.length}; check for a stray separator or quote.`, { subject: source });
    }
    const row: Record<string, string> = {};
    columns.forEach((c, j) => { row[c] = rec[j]!.trim(); });
    rows.push(row);
  }
  return { source, columns, rows };
}

function detectSeparator(header: string): string {
  const counts = [',', ';', '\t'].map((s) => [s, header.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/**
 * CSV text → records of raw cells (RFC 4180: a cell that starts with a double quote runs to the
 * closing quote, "" inside it is one quote, separators and newlines inside it are text). Cells are
 * not trimmed and blank lines come back as [''], so callers decide what a blank line means.
 */
export function parseCsvRecords(text: string, sep = ','): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === sep) {
      row.push(cell); cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); cell = '';
      out.push(row); row = [];
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); out.push(row); }
  return out;
}

/** Write rows as CSV (quotes only where needed), "\n" line ends. */
export function toCsv(columns: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return [csvLine(columns), ...rows.map(csvLine)].join('\n') + '\n';
}

/** One CSV line (no newline): missing values empty, text quoted when it needs to be. */
export function csvLine(values: Array<string | number | null | undefined>): string {
  return values.map(csvCell).join(',');
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? formatNumber(v) : defuseFormula(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Text starting with = + - @ (or a tab / carriage return) is run as a formula when the CSV is
 * opened in a spreadsheet ("CSV injection", OWASP): such a cell from a case id, file name or
 * pass-through column is written with a leading apostrophe, which spreadsheets show as text.
 * Numbers written as text ("-1.5", "+3") are left as they are.
 */
export function defuseFormula(s: string): string {
  if (!/^[=+\-@\t\r]/.test(s)) return s;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) || /^[+-]?(Infinity|NaN)$/.test(s)) return s;
  return `'${s}`;
}

/** Shortest round-tripping text of a double ("NaN" for missing). */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  return String(v);
}
