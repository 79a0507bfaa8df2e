import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/tables/csv.ts';
import { buildVariableSpecs, encodeVariable, parseDerive } from '../../src/study/variables.ts';
import { canonicalJson, settingsHash, sha256Hex } from '../../src/core/hash.ts';
import { redundancyFilter } from '../../src/study/spearman.ts';
import { midranks } from '../../src/math/ranks.ts';
import { pointsTable } from '../../src/study/points.ts';
import { fitImputer } from '../../src/study/impute.ts';
import { globToRegExp, selectFeatureColumns } from '../../src/study/feature-groups.ts';
import { lineChart } from '../../src/report/svg.ts';

describe('CSV tables', () => {
  it('parses quotes, separators and CRLF, and round-trips', () => {
    const t = parseCsv('\ufeffid;name;x\r\n1;"a;b";2.5\r\n2;"say ""hi""";\r\n', 'demo.csv');
    expect(t.columns).toEqual(['id', 'name', 'x']);
    expect(t.rows).toEqual([{ id: '1', name: 'a;b', x: '2.5' }, { id: '2', name: 'say "hi"', x: '' }]);
    const back = parseCsv(toCsv(t.columns, t.rows.map((r) => t.columns.map((c) => r[c]!))));
    expect(back.rows).toEqual(t.rows);
  });
  it('reports ragged lines and duplicate columns with the file and line', () => {
    expect(() => parseCsv('a,b\n1,2,3\n', 'x.csv')).toThrow(/x\.csv: line 2 has 3 cells but the header has 2/);
    expect(() => parseCsv('a,a\n1,2\n', 'x.csv')).toThrow(/column "a" appears twice/);
  });
});

describe('clinical variables', () => {
  const miss = ['-999'];
  it('derives thresholds such as ca199 > 200, keeping missing as missing', () => {
    const [spec] = buildVariableSpecs([{ name: 'ca_high', type: 'binary', derive: 'ca199 > 200' }], () => [], miss);
    const where = () => 'test';
    expect(spec!.column).toBe('ca199');
    expect(encodeVariable(spec!, '250', miss, where)).toEqual([1]);
    expect(encodeVariable(spec!, '200', miss, where)).toEqual([0]);
    expect(encodeVariable(spec!, '-999', miss, where)[0]).toBeNaN();
    expect(() => parseDerive('ca199 >> 2', 'v')).toThrow(/cannot read derive/);
  });
  it('dummy-codes categorical variables against the first (or chosen) level', () => {
    const [spec] = buildVariableSpecs([{ name: 'stage', type: 'categorical' }], () => ['3', '1', '2', '10', ''], []);
    expect(spec!.levels).toEqual(['1', '2', '3', '10']);
    expect(spec!.design).toEqual(['stage=2', 'stage=3', 'stage=10']);
    expect(encodeVariable(spec!, '3', [], () => '')).toEqual([0, 1, 0]);
    expect(encodeVariable(spec!, 1, [], () => '')).toEqual([0, 0, 0]);
    expect(() => encodeVariable(spec!, '4', [], () => 'case P1')).toThrow(/case P1: level "4" of stage was not seen/);
  });
  it('rejects a non-0/1 binary value with a hint', () => {
    const [spec] = buildVariableSpecs([{ name: 'sex', type: 'binary' }], () => [], []);
    expect(() => encodeVariable(spec!, '2', [], () => 'case 7')).toThrow(/must be 0 or 1.*categorical/);
  });
  it('imputes medians and modes', () => {
    const specs = buildVariableSpecs([{ name: 'a', type: 'continuous' }, { name: 'b', type: 'binary' }, { name: 'c', type: 'categorical' }], (col) => (col === 'c' ? ['x', 'y', 'z'] : []), []);
    const recs = [
      { a: 1, b: 1, 'c=y': 0, 'c=z': 1, f: 5 },
      { a: 3, b: 1, 'c=y': 0, 'c=z': 1, f: NaN },
      { a: NaN, b: 0, 'c=y': 1, 'c=z': 0, f: 7 },
    ];
    expect(fitImputer(recs, specs, ['f'])).toEqual({ a: 2, b: 1, 'c=y': 0, 'c=z': 1, f: 6 });
  });
});

describe('hash', () => {
  it('is SHA-256 (FIPS 180-4 test vectors)', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(sha256Hex(enc('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(enc(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(enc('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe('{"a":{"c":null,"d":[1,2]},"b":1}');
    expect(settingsHash({ x: 1, y: 2 })).toBe(settingsHash({ y: 2, x: 1 }));
  });
});

describe('redundancy filter', () => {
  it('mid-ranks ties like R rank()', () => {
    expect([...midranks([10, 20, 10, 30])]).toEqual([1.5, 3, 1.5, 4]);
  });
  it('drops the less outcome-related of a correlated pair and keeps independent features', () => {
    const y = [0, 0, 0, 0, 1, 1, 1, 1];
    const strong = [1, 2, 3, 4, 5, 6, 7, 8]; // AUC 1
    const copy = [1, 2, 3, 5, 4, 6, 7, 8]; // ρ = 0.976 with strong, AUC < 1
    const other = [4, 1, 3, 2, 2, 4, 1, 3]; // unrelated
    const r = redundancyFilter(['copy', 'strong', 'other'], [copy, strong, other], y, 0.9);
    expect(r.kept).toEqual(['strong', 'other']);
    expect(r.dropped).toHaveLength(1);
    expect(r.dropped[0]).toMatchObject({ feature: 'copy', keptFor: 'strong' });
    expect(r.dropped[0]!.rho).toBeCloseTo(0.9761904761904762, 12);
  });
});

describe('points table', () => {
  it('gives 100 points to the widest effect and maps points back to risk', () => {
    const recs = [{ a: 0, b: 10 }, { a: 1, b: 20 }];
    const t = pointsTable({ coef: [-1, 2, -0.1] }, recs, ['a', 'b']);
    expect(t.terms[0]).toMatchObject({ name: 'a', pointsAtLow: 0, pointsAtHigh: 100 });
    expect(t.terms[1]!.pointsAtHigh).toBeCloseTo(0, 12);
    expect(t.terms[1]!.pointsAtLow).toBeCloseTo(50, 12);
    // 0 points = lowest risk: a = 0, b = 20 → lp = -1 - 2 = -3
    expect(t.risk[0]!.probability).toBeCloseTo(1 / (1 + Math.exp(3)), 12);
  });
});

describe('feature groups', () => {
  it('selects by glob and by region/image/family', () => {
    expect(globToRegExp('f?1*').test('f01x')).toBe(true);
    const names = ['tumour_original_glcm_joint_entropy', 'ring5mm_log-sigma-2mm_firstorder_mean', 'tumour_original_shape_volume', 'age'];
    const base = { include: [], exclude: [], regions: [], images: [], families: [] } as never;
    expect(selectFeatureColumns(names, { ...(base as object), regions: ['tumour'] } as never)).toEqual([names[0], names[2]]);
    expect(selectFeatureColumns(names, { ...(base as object), include: ['*_*'], exclude: ['*shape*'] } as never)).toEqual([names[0], names[1]]);
  });
});

describe('svg charts', () => {
  it('draws a self-contained SVG with escaped labels', () => {
    const svg = lineChart([{ name: 'a<b', points: [[0, 0], [0.5, 0.7], [1, 1]] }], { title: 'ROC & co', xLabel: 'x', yLabel: 'y', diagonal: true });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('ROC &amp; co');
    expect(svg).toContain('a&lt;b');
    expect(svg).toContain('<polyline');
    expect(svg).not.toMatch(/NaN|undefined/);
  });
});
