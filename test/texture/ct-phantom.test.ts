/**
 * IBSI 1 CT phantom, configuration A (2D, no interpolation, re-segmentation [−500, 400] HU,
 * FBS 25 HU): every GLCM / GLRLM / GLSZM / GLDZM / NGTDM / NGLDM reference value (2D and
 * 2.5D aggregations) within its tolerance. Independent of the discretisation pipeline:
 * the levels are computed here (see reference.ts).
 */
import { describe, expect, it } from 'vitest';
import { TEXTURE_FAMILIES } from '../../src/features/texture/index.ts';
import type { DiscretisedRoi, TextureAggregation } from '../../src/features/types.ts';
import { HAS_SHARED } from '../helpers/shared.ts';
import { ctPhantomConfigA, matchesReference, textureReferenceRows } from './reference.ts';

describe.skipIf(!HAS_SHARED)('IBSI 1 CT phantom, configuration A, texture families', () => {
  let roi: DiscretisedRoi | null = null;
  const getRoi = () => (roi ??= ctPhantomConfigA());
  const rows = HAS_SHARED ? textureReferenceRows('config_A') : [];

  it('has the reference rows of all six families', () => {
    expect(rows.length).toBe(272);
  });

  for (const fam of TEXTURE_FAMILIES) {
    const aggregations = [...new Set(rows.filter((r) => r.family === fam.family).map((r) => r.aggregation))];
    for (const aggregation of aggregations) {
      it(`${fam.family} ${aggregation}`, () => {
        const values = fam.compute(getRoi(), aggregation as TextureAggregation, {});
        const mismatches: string[] = [];
        for (const row of rows.filter((r) => r.family === fam.family && r.aggregation === aggregation)) {
          const def = fam.features.find((f) => f.ibsiCode === row.code)!;
          const v = values[def.name]!;
          if (!matchesReference(v, row)) mismatches.push(`${def.name}: reference ${row.reference} ± ${row.tolerance}, got ${v}`);
        }
        expect(mismatches).toEqual([]);
      });
    }
  }

  it('GLDZM measures distances on the morphological mask (re-segmented voxels still count as inside)', () => {
    const gldzm = TEXTURE_FAMILIES.find((f) => f.family === 'gldzm')!;
    const withMorph = gldzm.compute(getRoi(), '2D', {});
    const { morphMask: _drop, ...intensityOnly } = getRoi();
    const withoutMorph = gldzm.compute(intensityOnly, '2D', {});
    expect(withMorph.zone_distance_entropy).not.toBeCloseTo(withoutMorph.zone_distance_entropy!, 2);
  });
});
