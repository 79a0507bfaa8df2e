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

/** Excel's limits (ECMA-376; Excel 2007+): columns A..XFD, 1,048,576 rows. */
const MAX_COLUMNS = 16384;
const MAX_ROWS = 1_048_576;
/** The most uncompressed bytes the parts we read may declare (zip-bomb guard; a 1 MB bomb took 1.1 GB). */
export const MAX_XLSX_PART_BYTES = 256 * 2 ** 20;

function columnIndex(ref: string, source: string): number {
  const letters = ref.replace(/\d+$/, '');
  let n = 0;
  for (const ch of letters) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
    // 'ZZZZZZZZ1' asked for a 2·10^11-cell row and aborted Node (issue #20)
    if (n > MAX_COLUMNS) throw new SonomicsError('CORRUPT_FILE', `${source}: cell reference '${ref}' is beyond Excel's last column XFD; the workbook is damaged.`, { subject: source });
  }
  return n - 1;
}

interface XmlElement { attrs: string; body: string }

/**
 * The <tag> elements of `xml` in order, by plain index scans (linear time). Regular expressions
 * with lazy bodies took quadratic time on 200,000 unclosed cells; an unclosed element is an error.
 */
function* elements(xml: string, tag: string, source: string): Generator<XmlElement> {
  const open = `<${tag}`, close = `</${tag}>`;
  let at = 0;
  for (;;) {
    const start = xml.indexOf(open, at);
    if (start < 0) return;
    const next = xml.charCodeAt(start + open.length);
    // '<c' must not match '<col' or '<cfRule': the name ends at '>', '/' or white space
    if (!(next === 0x3e || next === 0x2f || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d)) { at = start + open.length; continue; }
    const gt = xml.indexOf('>', start);
    if (gt < 0) throw new SonomicsError('CORRUPT_FILE', `${source}: an unterminated <${tag}> tag; the workbook is damaged.`, { subject: source });
    if (xml.charCodeAt(gt - 1) === 0x2f) {
      yield { attrs: xml.slice(start + open.length, gt - 1), body: '' };
      at = gt + 1;
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) throw new SonomicsError('CORRUPT_FILE', `${source}: a <${tag}> element is never closed; the workbook is damaged.`, { subject: source });
    yield { attrs: xml.slice(start + open.length, gt), body: xml.slice(gt + 1, end) };
    at = end + close.length;
  }
}

export function parseXlsx(bytes: Uint8Array, source = 'workbook.xlsx', sheetName?: string): Table {
  let files: Record<string, Uint8Array>;
  try {
    // Only the parts a table needs are inflated, each into a buffer of its declared size (fflate
    // never writes past it), and the declared sizes are capped first.
    let declared = 0;
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!/^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/.test(f.name)) return false;
        declared += f.originalSize;
        if (declared > MAX_XLSX_PART_BYTES) {
          throw new SonomicsError('TOO_LARGE', `${source}: the workbook's sheets declare more than ${MAX_XLSX_PART_BYTES / 2 ** 20} MB uncompressed; save the table as CSV or split it.`, { subject: source });
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof SonomicsError) throw e;
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
  const shared = Array.from(elements(text('xl/sharedStrings.xml') ?? '', 'si', source), (si) => runsText(si.body));

  const grid: string[][] = [];
  for (const row of elements(sheetXml, 'row', source)) {
    if (grid.length >= MAX_ROWS) throw new SonomicsError('CORRUPT_FILE', `${source}: more than Excel's ${MAX_ROWS} rows; the workbook is damaged.`, { subject: source });
    const cells: string[] = [];
    for (const { attrs, body } of elements(row.body, 'c', source)) {
      const ref = attrs.match(/\br="([A-Z]+\d+)"/)?.[1];
      const type = attrs.match(/\bt="([^"]*)"/)?.[1] ?? 'n';
      const v = body.match(/<v>([\s\S]*?)<\/v>/)?.[1];
      let value = '';
      if (type === 's') value = v === undefined ? '' : (shared[Number(v)] ?? '');
      else if (type === 'inlineStr') value = runsText(body);
      else if (type === 'b') value = v === '1' ? '1' : v === '0' ? '0' : '';
      else if (type === 'e') value = '';
      else value = v === undefined ? '' : xmlText(v);
      const j = ref ? columnIndex(ref, source) : cells.length;
      if (j >= MAX_COLUMNS) throw new SonomicsError('CORRUPT_FILE', `${source}: a row has more than ${MAX_COLUMNS} cells; the workbook is damaged.`, { subject: source });
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
