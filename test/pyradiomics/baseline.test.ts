/**
 * Must-show of issue #16: PyRadiomics' own baselines (brain1, brain2, breast1; every feature class
 * and every configuration, the resampled ones included: SimpleITK's grid and B-spline as
 * resample-pyradiomics.ts does them) reproduced by our engine under PyRadiomics' conventions, each
 * value within relative 1e-6. lung1/lung2 are skipped: their images are not in the snapshot
 * (refdata README).
 * Zero-valued entropies: PyRadiomics computes −Σ p log2(p + eps), which is −3.2e-16 (not 0) for
 * a single-bin distribution; such round-off of zero is accepted at absolute 1e-12.
 */
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { CLASSES, baselineColumns, computeColumn, loadCase, relDiff } from './baseline.ts';

/**
 * The one known deviation, explained: brain1's mesh on the original grid (volume 0.012 %, surface
 * 0.079 % off, and the two features built on them). Our values are bit-identical to PyRadiomics'
 * own cshape.c (v3.1.0) on this mask; the CSV's values are what the same table gives with the
 * fifth triangle of marching-cubes case 62 missing, from a build of 2018-09-21 that was not the
 * committed code (test/pyradiomics/mesh-cshape.test.ts; docs/pyradiomics.md, "brain1 shape").
 * We keep PyRadiomics' actual behaviour; asserted here so that any change shows.
 */
const KNOWN_OFF: Record<string, { features: string[]; within: number }> = {
  'shape/brain1': { features: ['original_shape_MeshVolume', 'original_shape_SurfaceArea', 'original_shape_Sphericity', 'original_shape_SurfaceVolumeRatio'], within: 1e-3 },
};

function agrees(ours: number | undefined, expected: number): boolean {
  if (ours === undefined) return false;
  if (Math.abs(expected) < 1e-12) return Math.abs(ours - expected) <= 1e-12;
  return relDiff(ours, expected) <= 1e-6;
}

describe.skipIf(!HAS_SHARED)('PyRadiomics baseline (refdata/pyradiomics)', () => {
  const table: Record<string, string> = {};
  for (const cls of CLASSES) {
    it(`${cls}: every value of every configuration within 1e-6`, () => {
      let columns = 0;
      for (const col of baselineColumns(cls)) {
        if (!loadCase(col.testCase)) continue;
        const ours = computeColumn(col)!;
        const names = Object.keys(col.expected).filter((n) => !Number.isNaN(col.expected[n]!));
        const known = KNOWN_OFF[`${cls}/${col.column}`];
        const off = names.filter((n) => !agrees(ours[n], col.expected[n]!) && !known?.features.includes(n));
        for (const n of known?.features ?? []) {
          expect(relDiff(ours[n]!, col.expected[n]!), n).toBeGreaterThan(1e-6);
          expect(relDiff(ours[n]!, col.expected[n]!), n).toBeLessThan(known!.within);
        }
        table[`${cls}/${col.column}`] = `${names.length - off.length}/${names.length}`;
        expect(off.map((n) => `${col.column} ${n}: ${ours[n]} vs ${col.expected[n]}`)).toEqual([]);
        expect(names.length).toBeGreaterThanOrEqual(5);
        columns++;
      }
      // 3 cases × the class's configurations (shape: 2, shape2D: 1, firstorder: 4, glcm/glrlm: 8, others 7)
      const expectedColumns = { firstorder: 12, shape: 6, shape2D: 3, glcm: 24, glrlm: 24, glszm: 21, gldm: 21, ngtdm: 21 }[cls];
      expect(columns).toBe(expectedColumns);
    }, 120_000);
  }
});
