// The minimal XLSX reader: shared/inline/rich strings, numbers, booleans, gaps, entities, sheet choice.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { parseXlsx } from '../../src/tables/xlsx.ts';

function workbook(): Uint8Array {
  const sheet1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>ca199</t></is></c><c r="D1" t="s"><v>2</v></c></row>
<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="b"><v>1</v></c><c r="C2"><v>250.5</v></c><c r="D2" t="s"><v>3</v></c></row>
<row r="3"><c r="A3"><v>2</v></c><c r="C3" t="str"><f>1+1</f><v>12</v></c><c r="D3" t="inlineStr"><is><t>A &amp; B</t></is></c></row>
<row r="4"/>
</sheetData></worksheet>`;
  const sheet2 = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A2"><v>7</v></c></row></sheetData></worksheet>`;
  return zipSync({
    'xl/workbook.xml': strToU8(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="clinical" sheetId="1" r:id="rId1"/><sheet name="other" sheetId="2" r:id="rId2"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="worksheet" Target="worksheets/sheet2.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(sheet1),
    'xl/worksheets/sheet2.xml': strToU8(sheet2),
    'xl/sharedStrings.xml': strToU8(`<sst><si><t>id</t></si><si><t>node_positive</t></si><si><r><t>cen</t></r><r><t xml:space="preserve">tre</t></r></si><si><t>A</t></si></sst>`),
  });
}

describe('XLSX tables', () => {
  it('reads the first sheet into a table', () => {
    const t = parseXlsx(workbook(), 'clin.xlsx');
    expect(t.columns).toEqual(['id', 'node_positive', 'ca199', 'centre']);
    expect(t.rows).toEqual([
      { id: '1', node_positive: '1', ca199: '250.5', centre: 'A' },
      { id: '2', node_positive: '', ca199: '12', centre: 'A & B' },
    ]);
  });
  it('reads a named sheet and says which sheets exist otherwise', () => {
    expect(parseXlsx(workbook(), 'clin.xlsx', 'other').rows).toEqual([{ x: '7' }]);
    expect(() => parseXlsx(workbook(), 'clin.xlsx', 'nope')).toThrow(/no sheet "nope" \(sheets: clinical, other\)/);
    expect(() => parseXlsx(strToU8('not a zip'), 'bad.xlsx')).toThrow(/bad\.xlsx: not a readable \.xlsx/);
  });
});

describe('XLSX through the file layer', () => {
  it('reads file.xlsx#sheet', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { readTableFile } = await import('../../src/node/study-files.ts');
    const file = join(mkdtempSync(join(tmpdir(), 'sonomics-xlsx-')), 'clin.xlsx');
    writeFileSync(file, workbook());
    expect(readTableFile(file).columns).toEqual(['id', 'node_positive', 'ca199', 'centre']);
    expect(readTableFile(`${file}#other`).rows).toEqual([{ x: '7' }]);
  });
});
