// The one feature-family registry (src/features/families.ts) drives the names in settings, the
// feature-name registry and the pipeline; a registered family that yields no values fails loudly.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { SonomicsError } from '../../src/core/errors.ts';
import { createImage, createMask } from '../../src/image/image.ts';
import { FAMILY_NAMES, FEATURE_FAMILIES, featureFamily } from '../../src/features/families.ts';
import { computeFamilies, extractFeatures } from '../../src/features/pipeline.ts';
import { FEATURE_REGISTRY } from '../../src/features/registry.ts';
import { ALL_FAMILIES, NON_TEXTURE_FAMILIES, TEXTURE_FAMILIES, resolveSettings } from '../../src/features/settings.ts';

/** A 24 × 24 speckle-like image with a disc ROI: every family has something to measure. */
function smallCase() {
  const rng = new Random(7);
  const n = 24;
  const data = new Float32Array(n * n);
  const mask = new Uint8Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      data[x + n * y] = Math.round(100 + 40 * rng.next());
      mask[x + n * y] = (x - 11.5) ** 2 + (y - 11.5) ** 2 <= 64 ? 1 : 0;
    }
  }
  return { image: createImage([n, n, 1], [0.5, 0.5, 1], data), mask: createMask([n, n, 1], [0.5, 0.5, 1], mask) };
}

afterEach(() => { vi.restoreAllMocks(); });

describe('feature-family registry', () => {
  it('names each family once, in the settings lists too', () => {
    expect(new Set(FAMILY_NAMES).size).toBe(FAMILY_NAMES.length);
    expect([...ALL_FAMILIES]).toEqual([...FAMILY_NAMES]);
    expect([...NON_TEXTURE_FAMILIES, ...TEXTURE_FAMILIES].sort()).toEqual([...FAMILY_NAMES].sort());
    for (const f of FEATURE_FAMILIES) expect(f.family).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('gives every family a feature list, and the feature-name registry lists all of them with their IBSI codes', () => {
    for (const f of FEATURE_FAMILIES) {
      expect(f.features.length, f.family).toBeGreaterThan(0);
      const ids = FEATURE_REGISTRY.filter((e) => e.family === f.family).map((e) => e.id);
      expect(ids.length, f.family).toBe(f.features.length + (f.features2D?.length ?? 0));
      for (const d of f.features) expect(FEATURE_REGISTRY.find((e) => e.id === `${f.family}_${d.name}`)?.ibsiCode).toBe(d.ibsiCode);
    }
  });

  it('settings accept every registered family and refuse an unknown one, naming it', () => {
    expect(resolveSettings({ families: [...FAMILY_NAMES] }).families).toEqual([...FAMILY_NAMES]);
    expect(() => resolveSettings({ families: ['glcm', 'glcmm' as 'glcm'] })).toThrow(/glcmm/);
  });

  it('the pipeline yields values from every registered family, under their declared names', () => {
    const { image, mask } = smallCase();
    const values = extractFeatures(image, mask, { dimension: '2D' });
    for (const f of FEATURE_FAMILIES) {
      const mine = Object.keys(values).filter((k) => k.startsWith(`${f.family}_`) && !FAMILY_NAMES.some((g) => g !== f.family && g.startsWith(f.family) && k.startsWith(`${g}_`)));
      expect(mine.length, f.family).toBeGreaterThan(0);
      const declared = new Set([...f.features, ...(f.features2D ?? [])].map((d) => `${f.family}_${d.name}`));
      expect(mine.filter((k) => !declared.has(k)), `${f.family}: undeclared names`).toEqual([]);
    }
  });

  it('a registered family that yields no values is an error naming the family', () => {
    const { image, mask } = smallCase();
    for (const name of ['glcm', 'intensity_statistics'] as const) {
      const family = featureFamily(name)!;
      const spy = vi.spyOn(family, 'compute').mockReturnValue({});
      let err: unknown;
      try { computeFamilies(image, mask, { dimension: '2D' }); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(SonomicsError);
      expect((err as SonomicsError).message).toMatch(new RegExp(`feature family "${name}".*yielded no values`));
      spy.mockRestore();
    }
  });

  it('asking for an unregistered family is an error naming it and the registered ones', () => {
    const { image, mask } = smallCase();
    expect(() => computeFamilies(image, mask, { dimension: '2D' }, { families: ['glcmm' as 'glcm'] })).toThrow(/feature family "glcmm" is not registered; use one of morphology, /);
  });
});
