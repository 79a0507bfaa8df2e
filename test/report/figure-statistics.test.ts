// The statistics behind the report's figures: the flexible calibration curve (its linear case is R's
// glm(y ~ logit(p)) from the oracle), the ROC band, the risk groups, and the PNG's 300-dpi chunk.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { flexibleCalibration, rcsBasis } from '../../src/study/flexible-calibration.ts';
import { rocBand, roc } from '../../src/stats/index.ts';
import { Random } from '../../src/core/random.ts';
import { riskGroups } from '../../src/report/figures/calibration-plot.ts';
import { spreadLabels } from '../../src/report/figures/path-plot.ts';
import { withDpi } from '../../src/node/figure-png.ts';
import { encodePng } from '../../src/io/png-write.ts';

const expit = (x: number) => 1 / (1 + Math.exp(-x));

describe('figure statistics', () => {
  it.skipIf(!HAS_SHARED)('with knots = 2 the flexible curve is the logistic recalibration glm(y ~ logit p) of R', () => {
    const rows = readFileSync(sharedPath('oracles', 'expected', 'predictions', 'synth_true5_test.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const y = rows.map((r) => Number(r[1])), p = rows.map((r) => Number(r[2]));
    const oracle = JSON.parse(readFileSync(sharedPath('oracles', 'expected', 'calibration_synth_true5_test.json'), 'utf8'));
    const c = flexibleCalibration(y, p, { knots: 2 });
    expect(c.knots).toEqual([]);
    c.predicted.forEach((g, i) => {
      const want = expit(oracle.slope.intercept + oracle.slope.slope * Math.log(g / (1 - g)));
      expect(c.observed[i]).toBeCloseTo(want, 7);
      expect(c.lower[i]!).toBeLessThan(c.observed[i]!);
      expect(c.upper[i]!).toBeGreaterThan(c.observed[i]!);
    });
    // 4 knots on the same data: a real spline, its band around its curve
    const s = flexibleCalibration(y, p);
    expect(s.knots).toHaveLength(4);
    s.predicted.forEach((_, i) => expect(s.lower[i]! <= s.observed[i]! && s.observed[i]! <= s.upper[i]!).toBe(true));
  });

  it('the restricted cubic spline is linear beyond the outer knots (Harrell)', () => {
    const t = [-2, -0.5, 0.5, 2];
    for (const side of [[3, 4, 5], [-5, -4, -3]]) {
      const b = side.map((x) => rcsBasis(x, t));
      for (let j = 0; j < b[0]!.length; j++) expect(b[2]![j]! - 2 * b[1]![j]! + b[0]![j]!).toBeCloseTo(0, 10);
    }
  });

  it('perfectly calibrated risks: the 95% band holds the diagonal over the central risks', () => {
    const rng = new Random(7);
    const p = Array.from({ length: 600 }, () => 0.05 + 0.9 * rng.next());
    const y = p.map((v) => (rng.next() < v ? 1 : 0));
    const c = flexibleCalibration(y, p);
    const central = c.predicted.map((g, i) => [g, i] as const).filter(([g]) => g > 0.2 && g < 0.8);
    const inside = central.filter(([g, i]) => c.lower[i]! <= g && g <= c.upper[i]!).length;
    expect(inside / central.length).toBeGreaterThanOrEqual(0.9);
  });

  it('ROC band: lower ≤ upper, same seed same band, and it holds the empirical ROC curve', () => {
    const rng = new Random(3);
    const y = Array.from({ length: 200 }, (_, i) => (i % 2));
    const s = y.map((v) => v + rng.normal());
    const a = rocBand(y, s, { seed: 5, replicates: 300 });
    expect(rocBand(y, s, { seed: 5, replicates: 300 })).toEqual(a);
    a.lower.forEach((lo, i) => expect(lo).toBeLessThanOrEqual(a.upper[i]!));
    // the observed curve's best sensitivity at each specificity lies inside its own band
    const r = roc(y, s, { direction: '<' });
    const inside = a.specificity.filter((sp, i) => {
      const best = Math.max(...r.sensitivities.filter((_, k) => r.specificities[k]! >= sp - 1e-12));
      return best >= a.lower[i]! - 1e-12 && best <= a.upper[i]! + 1e-12;
    }).length;
    expect(inside / a.specificity.length).toBeGreaterThanOrEqual(0.9);
  });

  it('risk groups never split tied risks and hold every case', () => {
    const p = Array.from({ length: 95 }, (_, i) => Math.floor(i / 7) / 14);
    const y = p.map((_, i) => i % 3 === 0 ? 1 : 0);
    const g = riskGroups(y, p);
    expect(g.reduce((a, x) => a + x.n, 0)).toBe(95);
    expect(g.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < g.length; i++) expect(g[i]!.meanPredicted).toBeGreaterThan(g[i - 1]!.meanPredicted);
    g.forEach((x) => expect(x.lower <= x.observed && x.observed <= x.upper).toBe(true));
  });

  it('margin labels are spread at least the gap apart, within the plot', () => {
    const y = spreadLabels([100, 101, 102, 300, 299, 500], 11, 50, 505);
    const s = [...y].sort((a, b) => a - b);
    for (let i = 1; i < s.length; i++) expect(s[i]! - s[i - 1]!).toBeGreaterThanOrEqual(11 - 1e-9);
    expect(Math.min(...y)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...y)).toBeLessThanOrEqual(505);
  });

  it('PNG files say 300 dpi (pHYs 11811 px/m) and stay valid', () => {
    const png = encodePng({ width: 2, height: 2, channels: 1, bitDepth: 8, data: new Uint8Array(4) });
    const out = withDpi(png, 300);
    const text = Buffer.from(out).toString('latin1');
    const at = text.indexOf('pHYs');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(text.indexOf('IDAT'));
    const dv = new DataView(out.buffer, out.byteOffset + at + 4);
    expect(dv.getUint32(0)).toBe(11811);
    expect(dv.getUint32(4)).toBe(11811);
    expect(withDpi(out, 300)).toEqual(out); // idempotent: one pHYs chunk
  });
});
