// The one table reader: format chosen by the file name, "#Sheet" picks a worksheet, .xls refused loudly.
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { parseCsvRecords } from '../../src/tables/csv.ts';
import { parseTableBytes, splitTableSpec } from '../../src/tables/read.ts';

describe('parseTableBytes', () => {
  it('reads CSV bytes (UTF-8, byte-order mark dropped) as a table', () => {
    const t = parseTableBytes(strToU8('\ufeffcase_id,ca199\nP1,"1,5"\n'), 'dir/clinical.csv');
    expect(t.source).toBe('dir/clinical.csv');
    expect(t.columns).toEqual(['case_id', 'ca199']);
    expect(t.rows).toEqual([{ case_id: 'P1', ca199: '1,5' }]);
  });

  it('splits "file.xlsx#Sheet" and leaves other names whole', () => {
    expect(splitTableSpec('a/b.xlsx#Sheet 2')).toEqual({ path: 'a/b.xlsx', sheet: 'Sheet 2' });
    expect(splitTableSpec('a/b.csv')).toEqual({ path: 'a/b.csv' });
    expect(splitTableSpec('a/b#c.csv')).toEqual({ path: 'a/b#c.csv' });
  });

  it('refuses old binary Excel, naming the file and what to do', () => {
    expect(() => parseTableBytes(new Uint8Array(8), 'old.xls')).toThrow(/old\.xls: old binary Excel \(\.xls\) is not read; save it as \.xlsx or CSV/);
  });
});

describe('parseCsvRecords', () => {
  it('keeps quoted separators, doubled quotes and quoted newlines; blank lines come back as one empty cell', () => {
    expect(parseCsvRecords('a;"b;""c""\nd"\r\n\ne;f', ';')).toEqual([['a', 'b;"c"\nd'], [''], ['e', 'f']]);
  });
});
