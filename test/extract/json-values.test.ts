// The table writer's fast path: cells read straight from a stored JSON line equal the cells the
// parse-and-format path writes (formatNumber of each value, empty for null), for any keys and numbers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { featureCellsFromJson } from '../../src/node/json-values.ts';
import { formatNumber } from '../../src/tables/csv.ts';

const viaParse = (line: string) => Object.values((JSON.parse(line) as { features: Record<string, number | null> }).features).map((v) => (v === null ? '' : formatNumber(v)));
const storeLine = (caseId: string, features: Record<string, number>) => JSON.stringify({ case_id: caseId, ok: true, features, warnings: ['w "features":{'], ms: 12.5 });

describe('featureCellsFromJson', () => {
  it('equals parsing on awkward keys, ids and numbers', () => {
    const features = { 'a"b': -0, 'c,d}': 1e21, 'e:f\\': 5e-324, g: -1.5e-7, h: NaN, i: Infinity, j: 123456789.125 };
    const line = storeLine('id "features":{x', features);
    expect(featureCellsFromJson(line)).toEqual(viaParse(line));
    expect(featureCellsFromJson(line)).toEqual(['0', '1e+21', '5e-324', '-1.5e-7', '', '', '123456789.125']);
    expect(featureCellsFromJson(storeLine('x', {}))).toEqual([]);
  });

  it('gives up (null) on values that are not numbers or null', () => {
    expect(featureCellsFromJson('{"case_id":"x","ok":true,"features":{"a":"text"}}')).toBeNull();
    expect(featureCellsFromJson('{"case_id":"x","ok":false}')).toBeNull();
  });

  it('equals parsing for random records', () => {
    fc.assert(fc.property(fc.string(), fc.dictionary(fc.string(), fc.double()), (id, features) => {
      const line = storeLine(id, features);
      expect(featureCellsFromJson(line)).toEqual(viaParse(line));
    }), { numRuns: 300 });
  });
});
