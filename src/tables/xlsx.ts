/**
 * Minimal XLSX (Office Open XML spreadsheet, ECMA-376 Part 1 §18) reader for clinical tables:
 * the first worksheet (or a named one) → Table, first row = header. Shared strings, inline strings,
 * numbers and booleans are read; formulas give their cached value; dates stay Excel serial numbers
 * (format them as text in Excel, or save as CSV, if a date column matters).
 */
import { unzipSync, strFromU8 } from 'fflate';
import { SonomicsError } from '../core/errors.ts';
import type { Table } from './table.ts';

function xmlText(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name]!;
  });
}

/** Text of all <t> runs inside an element (rich text has several). */
function runsText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += xmlText(m[1]!);
  return out;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function parseXlsx(bytes: Uint8Array, source = 'workbook.xlsx', sheetName?: string): Table {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new SonomicsError('CORRUPT_FILE', `${source}: not a readable .xlsx (zip) file (${(e as Error).message}); save it again from Excel or as CSV.`, { subject: source });
  }
  const text = (p: string) => (files[p] ? strFromU8(files[p]!) : undefined);
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new SonomicsError('UNSUPPORTED_FORMAT', `${source}: no xl/workbook.xml; only .xlsx workbooks are read (not .xls); save as .xlsx or CSV.`, { subject: source });
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"/g)].map((m) => ({ name: xmlText(m[1]!), rid: m[2]! }));
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new SonomicsError('BAD_INPUT', `${source}: no sheet ${sheetName === undefined ? '' : `"${sheetName}" `}(sheets: ${sheets.map((s) => s.name).join(', ')}).`, { subject: source });
  const rels = text('xl/_rels/workbook.xml.rels') ?? '';
  const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${sheet.rid}"`))?.match(/Target="([^"]*)"/)?.[1];
  const path = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : 'xl/worksheets/sheet1.xml';
  const sheetXml = text(path);
  if (!sheetXml) throw new SonomicsError('CORRUPT_FILE', `${source}: sheet "${sheet.name}" (${path}) is missing from the workbook.`, { subject: source });
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1]!));

  const grid: string[][] = [];
  for (const row of sheetXml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: string[] = [];
    for (const c of row[1]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const body = c[2] ?? '';
      const ref = attrs.match(/\br="([A-Z]+\d+)"/)?.[1];
      const type = attrs.match(/\bt="([^"]*)"/)?.[1] ?? 'n';
      const v = body.match(/<v>([\s\S]*?)<\/v>/)?.[1];
      let value = '';
      if (type === 's') value = v === undefined ? '' : (shared[Number(v)] ?? '');
      else if (type === 'inlineStr') value = runsText(body);
      else if (type === 'b') value = v === '1' ? '1' : v === '0' ? '0' : '';
      else if (type === 'e') value = '';
      else value = v === undefined ? '' : xmlText(v);
      const j = ref ? columnIndex(ref) : cells.length;
      while (cells.length < j) cells.push('');
      cells[j] = value.trim();
    }
    grid.push(cells);
  }
  while (grid.length && grid[grid.length - 1]!.every((x) => x === '')) grid.pop();
  if (grid.length === 0) throw new SonomicsError('BAD_INPUT', `${source}: sheet "${sheet.name}" is empty.`, { subject: source });
  const header = grid[0]!;
  while (header.length && header[header.length - 1] === '') header.pop();
  header.forEach((h, j) => {
    if (h === '') throw new SonomicsError('BAD_INPUT', `${source}: header cell ${j + 1} of sheet "${sheet.name}" is empty; name every column.`, { subject: source });
  });
  if (new Set(header).size !== header.length) throw new SonomicsError('BAD_INPUT', `${source}: sheet "${sheet.name}" has duplicate column names; rename them.`, { subject: source });
  const rows = grid.slice(1).filter((r) => r.some((x) => x !== '')).map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
  return { source, columns: header, rows };
}
