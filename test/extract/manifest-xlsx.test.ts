// Manifests from Excel: an .xlsx written by openpyxl (an independent writer) reads exactly as the
// same content saved as CSV (fixtures/make-manifest-xlsx.py writes both).
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readManifest } from '../../src/node/manifest.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('XLSX manifests', () => {
  it('read the same cases as the CSV with the same content', () => {
    const fromXlsx = readManifest(fixture('manifest.xlsx'));
    expect(fromXlsx).toEqual(readManifest(fixture('manifest-same.csv')));
    expect(fromXlsx.map((c) => c.caseId)).toEqual(['P001', '1002', 'P003']);
    expect(fromXlsx[0]!.extra).toEqual({ age: '63', note: 'left lobe, "segment 4"' });
    expect(fromXlsx[1]!.extra.age).toBe('58.5');
    expect(fromXlsx[2]!.cohort).toBe('B');
    expect(fromXlsx[0]!.image).toBe(fixture('img/P001.png'));
  });

  it('a named sheet is read with "#sheet"; a missing workbook names the file', () => {
    expect(() => readManifest(`${fixture('manifest.xlsx')}#other`)).toThrow(/case_id/);
    expect(() => readManifest(fixture('absent.xlsx'))).toThrow(/absent\.xlsx not found/);
  });
});
