// Label-free centre harmonisation (radiomics.harmonise): realigns a shifted centre, never reads an
// outcome, leaves the training centre (and so the CV estimates) untouched, travels in the bundle.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { fitCentreReference, harmoniseCentre, harmoniseCohort } from '../../src/study/harmonise.ts';
import { runStudy } from '../../src/study/run.ts';
import { buildBundle, loadModel } from '../../src/study/bundle.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { methodsText } from '../../src/report/methods.ts';
import type { Table } from '../../src/tables/table.ts';
import { HAS_SHARED } from '../helpers/shared.ts';
import { EXTERNAL, synthConfig, synthTables } from './helpers.ts';

function centre(n: number, seed: number, shift: (x: number, j: number) => number): Array<Record<string, number>> {
  const rng = new Random(seed);
  return Array.from({ length: n }, () => ({ a: shift(10 + 2 * rng.normal(), 0), b: shift(Math.exp(rng.normal()), 1), keep: rng.next() }));
}

describe('centre harmonisation (units)', () => {
  for (const method of ['centre-standardise', 'centre-robust'] as const) {
    it(`${method}: a scanner's affine shift of the same cases is undone exactly`, () => {
      const ref = centre(60, 1, (x) => x);
      const shifted = centre(60, 1, (x, j) => (j === 0 ? 3 * x - 7 : 0.5 * x + 100));
      const h = harmoniseCentre(fitCentreReference(ref, ['a', 'b'], method), shifted);
      h.forEach((r, i) => {
        expect(r.a).toBeCloseTo(ref[i]!.a!, 9);
        expect(r.b).toBeCloseTo(ref[i]!.b!, 9);
        expect(r.keep).toBe(shifted[i]!.keep); // columns outside the reference are copied unchanged
      });
    });
  }

  it('a shifted centre of different patients lands on the reference location/scale (robust: median, IQR)', () => {
    const ref = centre(200, 2, (x) => x);
    const other = centre(200, 3, (x, j) => (j === 0 ? 2 * x + 50 : 4 * x - 1));
    const r = fitCentreReference(ref, ['a', 'b'], 'centre-robust');
    const h = harmoniseCentre(r, other);
    const again = fitCentreReference(h, ['a', 'b'], 'centre-robust');
    again.location.forEach((v, j) => expect(v).toBeCloseTo(r.location[j]!, 9));
    again.scale.forEach((v, j) => expect(v).toBeCloseTo(r.scale[j]!, 9));
  });

  it('centre-quantile: a monotone (non-affine) distortion is undone to within the quantile grid, order kept', () => {
    const ref = Array.from({ length: 101 }, (_, i) => ({ a: i }));
    const bent = ref.map((r) => ({ a: Math.exp(r.a / 30) }));
    const r = fitCentreReference(ref, ['a'], 'centre-quantile');
    expect(r.quantiles![0]).toHaveLength(101);
    const h = harmoniseCentre(r, bent);
    h.forEach((x, i) => {
      expect(Math.abs(x.a! - i)).toBeLessThanOrEqual(1);
      if (i > 0) expect(x.a!).toBeGreaterThan(h[i - 1]!.a!);
    });
    // Ties share one value.
    const tied = harmoniseCentre(r, [{ a: 1 }, { a: 1 }, { a: 2 }, { a: 3 }]);
    expect(tied[0]!.a).toBe(tied[1]!.a);
  });

  it('per batch within a cohort; constant features only shift; too few cases is an error naming the centre', () => {
    const ref = fitCentreReference([{ a: 0 }, { a: 2 }, { a: 4 }], ['a'], 'centre-standardise');
    const h = harmoniseCohort(ref, [{ a: 10 }, { a: 11 }, { a: 12 }, { a: 5 }, { a: 5 }, { a: 5 }], ['x', 'x', 'x', 'y', 'y', 'y'], 'ext');
    expect(h.map((r) => r.a)).toEqual([0, 2, 4, 2, 2, 2]);
    expect(() => harmoniseCentre(ref, [{ a: 1 }], 'centre B')).toThrow(/centre B.*at least 3/);
  });

  it('config: method names are checked; ComBat and centre harmonisation are not combined', () => {
    const base = { data: { outcome: 'y', batch: 'b', cohorts: [{ name: 'm', role: 'main', tables: ['t.csv'] }] }, models: ['radiomics'] };
    expect(parseStudyConfig({ ...base, radiomics: { harmonise: 'centre-robust' } }).radiomics.harmonise).toBe('centre-robust');
    expect(parseStudyConfig(base).radiomics.harmonise).toBe('none');
    expect(() => parseStudyConfig({ ...base, radiomics: { harmonise: 'zscore' } })).toThrow(/radiomics.harmonise: must be one of/);
    expect(() => parseStudyConfig({ ...base, radiomics: { harmonise: 'centre-standardise', combat: true } })).toThrow(/choose one harmonisation/);
  });
});

describe.skipIf(!HAS_SHARED)('centre harmonisation in a study', () => {
  // One grid point and no clinical-only model: the suite stays fast.
  const fast = { svm: { C: [1], gamma: [0.05] }, models: ['radiomics', 'combined'] };
  const cfg = synthConfig({ ...fast, radiomics: { include: ['f??'], harmonise: 'centre-robust' } });
  const tables = synthTables();
  const result = runStudy(cfg, tables);
  const plainCfg = synthConfig(fast);
  const plain = runStudy(plainCfg, tables);
  const external = (r: typeof result) => new Map(r.predictions.filter((p) => p.set === 'external').map((p) => [p.id, p.probability]));
  const withTable = (t: Table) => ({ ...tables, [EXTERNAL]: t });
  const ext = tables[EXTERNAL]!;

  it('uses no outcome: shuffling the external outcomes leaves every external prediction identical', () => {
    const rng = new Random(11);
    const ys = ext.rows.map((r) => r.y!);
    for (let i = ys.length - 1; i > 0; i--) { const j = rng.int(i + 1); [ys[i], ys[j]] = [ys[j]!, ys[i]!]; }
    const shuffled = runStudy(cfg, withTable({ ...ext, rows: ext.rows.map((r, i) => ({ ...r, y: ys[i]! })) }));
    expect(ys.join()).not.toBe(ext.rows.map((r) => r.y).join());
    expect(external(shuffled)).toEqual(external(result));
  });

  it('a scanner shift of the external centre (every feature scaled and offset) no longer changes its predictions', () => {
    const shift = (t: Table): Table => ({ ...t, rows: t.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, /^f\d\d$/.test(k) ? String(1.8 * Number(v) + 40) : v]))) });
    const shifted = runStudy(cfg, withTable(shift(ext)));
    const a = external(result), b = external(shifted);
    for (const [id, p] of a) for (const m of ['radiomics', 'combined'] as const) expect(b.get(id)![m]).toBeCloseTo(p[m]!, 9);
    // Without harmonisation the same shift moves the predictions.
    const pa = external(plain), pb = external(runStudy(plainCfg, withTable(shift(ext))));
    expect([...pa].some(([id, p]) => Math.abs(pb.get(id)!.radiomics! - p.radiomics!) > 1e-3)).toBe(true);
  });

  it('the training centre is never transformed: CV and fitted predictions equal those without harmonisation; the reference is the training data', () => {
    const inMain = (r: typeof result) => r.predictions.filter((p) => p.set !== 'external').map((p) => p.probability);
    expect(inMain(result)).toEqual(inMain(plain));
    const ref = result.final.radiomics!.harmonise!;
    expect(ref.features).toEqual(result.final.radiomics!.inputs);
    expect(ref).toEqual(fitCentreReference(tables[Object.keys(tables)[0]!]!.rows.map((r) => Object.fromEntries(ref.features.map((f) => [f, Number(r[f])]))), ref.features, 'centre-robust'));
    const bundle = loadModel(JSON.stringify(buildBundle(result)));
    expect(bundle.models.radiomics!.harmonise).toEqual(ref);
    expect(bundle.preprocessing.steps.join(' ')).toMatch(/centre harmonisation/);
    expect(methodsText(result)).toMatch(/transductive/);
    expect(result.notes.join(' ')).toMatch(/harmonised to the training centre/);
  });
});
