// Pipeline pieces: discretisation conventions, resampling grid, settings validation, and
// extractFeatures on a synthetic 2D lesion.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { SonomicsError } from '../../src/core/errors.ts';
import { createImage, createMask } from '../../src/image/image.ts';
import { discretise } from '../../src/features/discretise.ts';
import { axisMaps, sourcePos } from '../../src/features/preprocess/resample.ts';
import { extractFeatures } from '../../src/features/pipeline.ts';
import { resolveSettings } from '../../src/features/settings.ts';
import { FEATURE_REGISTRY, featureInfo, pyradiomicsName } from '../../src/features/registry.ts';

describe('discretisation (IBSI §2.7)', () => {
  const values = [-500, -476, -475, 0, 399.9, 400];
  const mask = new Uint8Array(values.length).fill(1);
  it('FBS bins from the re-segmentation lower bound', () => {
    const d = discretise(values, mask, { method: 'FBS', value: 25 }, -500);
    expect([...d.levels]).toEqual([1, 1, 2, 21, 36, 37]);
    expect(d.nLevels).toBe(37);
  });
  it('FBN puts the maximum in the top bin', () => {
    const d = discretise(values, mask, { method: 'FBN', value: 9 });
    expect(d.levels[0]).toBe(1);
    expect(d.levels[5]).toBe(9);
    expect(d.nLevels).toBe(9);
  });
});

describe('resampling grid (IBSI §2.4, grid centres aligned)', () => {
  it('CT phantom to 2 mm: 100 × 99 × 90 voxels, centre kept', () => {
    const maps = axisMaps([204, 201, 60], [0.977, 0.977, 3], [2, 2, 2], [true, true, true]);
    expect(maps.map((m) => m.n)).toEqual([100, 99, 90]);
    for (const [a, m] of maps.entries()) {
      const n = [204, 201, 60][a]!;
      expect((sourcePos(m, 0) + sourcePos(m, m.n - 1)) / 2).toBeCloseTo((n - 1) / 2, 9);
    }
  });
});

describe('settings', () => {
  it('rejects bad values with BAD_SETTINGS', () => {
    expect(() => resolveSettings({ discretisation: { method: 'FBN', value: 0 } })).toThrow(SonomicsError);
    expect(() => resolveSettings({ families: ['nope' as never] })).toThrow(/unknown family/);
    expect(resolveSettings(undefined).discretisation).toEqual({ method: 'FBN', value: 32 });
  });
});

describe('extractFeatures on a 2D lesion', () => {
  const r = new Random(5);
  const X = 64, Y = 48;
  const img = createImage([X, Y, 1], [0.1, 0.1, 1], Float32Array.from({ length: X * Y }, (_, i) => 100 + 30 * Math.sin(i / 5) + 10 * r.normal()));
  const mask = createMask([X, Y, 1], [0.1, 0.1, 1], Uint8Array.from({ length: X * Y }, (_, i) => (((i % X) - 30) / 20) ** 2 + ((Math.floor(i / X) - 24) / 14) ** 2 <= 1 ? 1 : 0));
  const values = extractFeatures(img, mask, { dimension: '2D', discretisation: { method: 'FBN', value: 32 } });
  it('names are registered `{family}_{feature}` and finite', () => {
    const names = Object.keys(values);
    expect(names.length).toBeGreaterThan(100);
    for (const n of names) {
      expect(featureInfo(n), n).toBeDefined();
      expect(Number.isFinite(values[n]), n).toBe(true);
    }
    expect(values.morphology_area).toBeGreaterThan(Math.PI * 2 * 1.4 * 0.97);
    expect(values.morphology_area).toBeLessThan(Math.PI * 2 * 1.4 * 1.03);
  });
  it('an empty mask is EMPTY_MASK', () => {
    expect(() => extractFeatures(img, createMask([X, Y, 1]), {})).toThrow(expect.objectContaining({ code: 'EMPTY_MASK' }));
  });
  it('settings resolved once per content: changed in place, they are resolved again; bad ones always refused', () => {
    // computeFamilies keeps resolved settings by their content (pipeline.ts resolvedSettings)
    const settings = { dimension: '2D' as const, discretisation: { method: 'FBN' as const, value: 32 }, families: ['intensity_histogram' as const] };
    const a = extractFeatures(img, mask, settings);
    settings.discretisation.value = 8;
    const b = extractFeatures(img, mask, settings);
    expect(b).toEqual(extractFeatures(img, mask, { dimension: '2D', discretisation: { method: 'FBN', value: 8 }, families: ['intensity_histogram'] }));
    expect(b.intensity_histogram_entropy).not.toBe(a.intensity_histogram_entropy);
    for (let k = 0; k < 2; k++) {
      expect(() => extractFeatures(img, mask, { ...settings, discretisation: { method: 'FBN', value: 0 } })).toThrow(expect.objectContaining({ code: 'BAD_SETTINGS' }));
      expect(() => extractFeatures(img, mask, { ...settings, discretisation: { method: 'FBN', value: NaN } })).toThrow(expect.objectContaining({ code: 'BAD_SETTINGS' }));
    }
  });
  it('the registry has unique ids and PyRadiomics names where equivalent', () => {
    const ids = FEATURE_REGISTRY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pyradiomicsName('intensity_statistics_mean')).toBe('original_firstorder_Mean');
  });
});
