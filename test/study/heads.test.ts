// The model-head contract (src/study/heads): every registered head fits, applies, describes and
// checks itself through the same interface, its fitted form is plain JSON (the bundle stores it
// as is), and unknown kinds fail loudly in the config path and in a loaded bundle.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { HEADS, headFor } from '../../src/study/heads/registry.ts';
import { binaryOutcome } from '../../src/study/heads/outcome.ts';
import { runStudy } from '../../src/study/run.ts';
import { buildBundle, loadModel, sealBundle } from '../../src/study/bundle.ts';
import { HAS_SHARED } from '../helpers/shared.ts';
import { pairCountAuc, synthConfig, synthTables } from './helpers.ts';

/** 120 cases, two informative inputs on different scales and one noise input; logistic truth. */
function cohort(seed: number): { X: number[][]; y: number[] } {
  const r = new Random(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 120; i++) {
    const x = [r.normal(), 10 * r.normal() + 50, r.normal()];
    const lp = 1.2 * x[0]! + 0.08 * (x[1]! - 50);
    X.push(x);
    y.push(r.next() < 1 / (1 + Math.exp(-lp)) ? 1 : 0);
  }
  return { X, y };
}

const config = parseStudyConfig({ data: { outcome: 'y', cohorts: [{ name: 'm', role: 'main', tables: ['t.csv'] }] }, clinical: { variables: ['a'], head: 'svm', kernel: 'linear' }, svm: { C: [0.1, 1], gamma: [0.1] }, innerFolds: 3 });

describe('model heads (registry and contract)', () => {
  // Binary heads here; the time-to-event heads (cox) have their own test below.
  for (const kind of Object.keys(HEADS).filter((k) => HEADS[k]!.outcomes.includes('binary'))) {
    it(`${kind}: fit → apply → describe → check, as plain JSON data`, () => {
      const h = headFor(kind, 'test');
      const { X, y } = cohort(11);
      const features = ['a', 'b', 'noise'];
      const notes: string[] = [];
      const fitted = h.fit(X, binaryOutcome(y), features, { settings: h.settings({ model: 'clinical', config }), seeds: { of: (p) => p.length }, where: 'the test cohort', model: 'clinical', notes });
      expect(fitted.kind).toBe(kind);
      expect(fitted.features).toEqual(features);
      expect(Number.isFinite(fitted.threshold)).toBe(true);
      const out = h.apply(fitted, X);
      expect(out.risk).toHaveLength(X.length);
      expect(out.probability.every((p) => p >= 0 && p <= 1)).toBe(true);
      // risk and probability rank the cases the same way, and the fit learned the signal
      expect(pairCountAuc(y, out.risk)).toBeCloseTo(pairCountAuc(y, out.probability), 12);
      expect(pairCountAuc(y, out.risk)).toBeGreaterThan(0.7);
      // the bundle stores the fitted head as JSON: the copy applies identically
      const copy = JSON.parse(JSON.stringify(fitted));
      expect(h.apply(copy, X)).toEqual(out);
      const d = h.describe(fitted);
      expect(d.kind).toBe(kind);
      expect(d.label.length).toBeGreaterThan(0);
      expect(Object.values(d.hyper).every(Number.isFinite)).toBe(true);
      expect(h.check(fitted)).toBeUndefined();
      expect(h.check({ kind, features, threshold: 0.5 })).toMatch(/lacks/);
    });
  }

  it('an unknown head kind is an error that names it and lists the known ones', () => {
    expect(() => headFor('forest', 'the clinical model')).toThrow(/the clinical model: unknown model head "forest"; use one of svm, logistic, cox/);
  });

  it('cox: fit → apply → describe → check on a time-to-event outcome, as plain JSON data', () => {
    // Weibull event times with the logistic cohort's linear predictor, exponential censoring.
    const { X } = cohort(11);
    const r = new Random(5);
    const time: number[] = [], event: number[] = [];
    for (const x of X) {
      const lp = 1.2 * x[0]! + 0.08 * (x[1]! - 50);
      const te = (-Math.log(1 - r.next()) / (0.02 * Math.exp(lp))) ** (1 / 1.3);
      const tc = -Math.log(1 - r.next()) / 0.02;
      time.push(Math.min(te, tc)); event.push(te <= tc ? 1 : 0);
    }
    const h = headFor('cox', 'test');
    const fitted = h.fit(X, { kind: 'time-to-event', time, event, horizon: 24 }, ['a', 'b', 'noise'], { settings: {}, seeds: { of: () => 1 }, where: 'the test cohort', model: 'clinical', notes: [] });
    expect(fitted.kind).toBe('cox');
    const out = h.apply(fitted, X);
    expect(out.probability.every((p) => p > 0 && p < 1)).toBe(true);
    // Half the training cases are above the threshold (the median split).
    expect(out.probability.filter((p) => p > fitted.threshold).length).toBe(X.length / 2);
    // risk and probability at 24 rank the cases the same way; the curves decrease from ≤ 1.
    expect(pairCountAuc(event, out.risk)).toBeCloseTo(pairCountAuc(event, out.probability), 12);
    for (const c of out.survival!.curves) for (let k = 1; k < c.length; k++) expect(c[k]!).toBeLessThanOrEqual(c[k - 1]!);
    const copy = JSON.parse(JSON.stringify(fitted));
    expect(h.apply(copy, X)).toEqual(out);
    expect(h.describe(fitted).text).toMatch(/Cox proportional-hazards/);
    expect(h.check(fitted)).toBeUndefined();
    expect(h.check({ kind: 'cox', features: ['a'], threshold: 0.5 } as never)).toMatch(/lacks/);
    expect(() => h.fit(X, binaryOutcome(event), ['a', 'b', 'c'], { settings: {}, seeds: { of: () => 1 }, where: 'x', model: 'clinical', notes: [] })).toThrow(/clinical model's cox head needs a time-to-event outcome/);
  });

  it('refuses a time-to-event outcome in a binary head, naming the model', () => {
    const { X } = cohort(3);
    const h = headFor('logistic', 'test');
    expect(() => h.fit(X, { kind: 'time-to-event', time: X.map(() => 1), event: X.map(() => 0) }, ['a', 'b', 'c'], { settings: {}, seeds: { of: () => 1 }, where: 'x', model: 'clinical', notes: [] })).toThrow(/clinical model's logistic head needs a binary outcome/);
  });
});

describe.skipIf(!HAS_SHARED)('model heads in the bundle', () => {
  it('the bundle stores each head with its kind; an unknown kind or a head without its parameters or without its kind is refused (bundle schema 2)', () => {
    const r = runStudy(synthConfig({ models: ['clinical'] }), synthTables());
    const bundle = JSON.parse(JSON.stringify(buildBundle(r)));
    expect(bundle.models.clinical.head.kind).toBe(r.final.clinical!.head.kind);
    // Bundle schema 2 (#15): an edited bundle is refused by its content hash, so each edit below is
    // resealed (a deliberate forgery) to reach the checks behind it; every head carries its kind.
    const unknown = structuredClone(bundle);
    unknown.models.clinical.head.kind = 'forest';
    expect(() => loadModel(sealBundle(unknown))).toThrow(/head\.kind: must be one of "svm", "logistic".*, found "forest"/);
    const broken = structuredClone(bundle);
    broken.models.clinical.head = { kind: 'svm', features: broken.models.clinical.head.features, threshold: broken.models.clinical.head.threshold };
    expect(() => loadModel(sealBundle(broken))).toThrow(/its svm head lacks its scaler, SVM or Platt parameters/);
    const old = structuredClone(bundle);
    delete old.models.clinical.head.kind;
    expect(() => loadModel(sealBundle(old))).toThrow(/head: "kind" is missing/);
  });
});

describe('model heads in the study config', () => {
  it('an unknown head kind stops the study before any fit, naming the config key', () => {
    const cfg = parseStudyConfig({ data: { outcome: 'y', cohorts: [{ name: 'm', role: 'main', tables: ['t.csv'] }] }, clinical: { variables: ['a'], head: 'forest' }, models: ['clinical'] });
    expect(() => runStudy(cfg, {})).toThrow(/study config clinical.head: unknown model head "forest"; use one of svm, logistic/);
  });
});
