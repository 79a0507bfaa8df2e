/**
 * Hostile workbooks (issue #20): each ends in a named SonomicsError within a second, where the
 * earlier reader aborted Node (ZZZZZZZZ1), hung (unclosed cells) or took 1.1 GB (zip bomb).
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SonomicsError } from '../../src/core/errors.ts';
import { parseXlsx } from '../../src/tables/xlsx.ts';

function workbook(sheetData: string): Uint8Array {
  return zipSync({
    'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`),
  });
}

const GOOD = '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>age</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="B2"><v>61</v></c></row>';

function codeOf(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof SonomicsError ? e.code : `not a SonomicsError: ${String(e)}`; }
  return undefined;
}

describe('XLSX reader on hostile workbooks', () => {
  it('reads a well-formed workbook', () => {
    expect(parseXlsx(workbook(GOOD)).rows).toEqual([{ id: 'P1', age: '61' }]);
  });

  it("a cell reference 'ZZZZZZZZ1' is CORRUPT_FILE (it aborted Node with a V8 fatal error)", () => {
    expect(codeOf(() => parseXlsx(workbook('<row r="1"><c r="ZZZZZZZZ1"><v>1</v></c></row>')))).toBe('CORRUPT_FILE');
  });

  it('200,000 unclosed cells are CORRUPT_FILE at once (they hung)', () => {
    const cells = '<c r="A1"><v>1</v>'.repeat(200_000);
    expect(codeOf(() => parseXlsx(workbook(`<row r="1">${cells}</row>`)))).toBe('CORRUPT_FILE');
  });

  it('200,000 unclosed rows are CORRUPT_FILE at once', () => {
    expect(codeOf(() => parseXlsx(workbook('<row r="1"><c r="A1"><v>1</v></c>'.repeat(200_000))))).toBe('CORRUPT_FILE');
  });

  it('a part declaring 300 MB uncompressed (zip bomb) is TOO_LARGE before inflating', () => {
    const zip = workbook(GOOD);
    // patch the central-directory uncompressed size (offset 24) of the sheet's entry
    const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let patched = 0;
    for (let i = 0; i + 46 < zip.length; i++) {
      if (dv.getUint32(i, true) !== 0x02014b50) continue;
      const nameLen = dv.getUint16(i + 28, true);
      const name = new TextDecoder().decode(zip.subarray(i + 46, i + 46 + nameLen));
      if (name === 'xl/worksheets/sheet1.xml') { dv.setUint32(i + 24, 300 * 2 ** 20, true); patched++; }
    }
    expect(patched).toBe(1);
    expect(codeOf(() => parseXlsx(zip))).toBe('TOO_LARGE');
  });
});
