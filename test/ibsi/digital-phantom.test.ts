// IBSI 1 digital phantom: every reference value of every family and aggregation must match
// (3 significant digits, or within tolerance where the table gives one).
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { runIbsi } from '../../src/node/ibsi.ts';
import { TEXTURE } from '../../src/features/texture-families.ts';

const OWN = ['morphology', 'local_intensity', 'intensity_statistics', 'intensity_histogram', 'intensity_volume_histogram'];

describe.skipIf(!HAS_SHARED)('IBSI 1 digital phantom', () => {
  const rows = HAS_SHARED ? runIbsi(['digital_phantom'], sharedPath('refdata', 'ibsi', 'ibsi1')) : [];
  for (const family of OWN) {
    it(`${family}: every reference value matches`, () => {
      const mine = rows.filter((r) => r.family === family);
      expect(mine.length).toBeGreaterThan(0);
      const misses = mine.filter((r) => !r.pass).map((r) => `${r.feature}: ref ${r.reference} tol ${r.tolerance ?? '3 s.d.'} ours ${r.value}`);
      expect(misses).toEqual([]);
    });
  }
  it('texture families (those present in this build): every reference value matches', () => {
    const present = new Set<string>(TEXTURE.map((t) => t.family));
    const tex = rows.filter((r) => present.has(r.family));
    const misses = tex.filter((r) => !r.pass).map((r) => `${r.family} ${r.aggregation} ${r.feature}: ref ${r.reference} ours ${r.value}`);
    expect(misses).toEqual([]);
  });
});
