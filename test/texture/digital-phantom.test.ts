/**
 * IBSI 1 digital phantom: every texture reference value, for every aggregation, must match
 * (3 significant digits, IBSI README rule).
 */
import { describe, expect, it } from 'vitest';
import { TEXTURE_FAMILIES } from '../../src/features/texture/index.ts';
import type { FamilyValues, TextureAggregation } from '../../src/features/types.ts';
import { HAS_SHARED } from '../helpers/shared.ts';
import { digitalPhantomRoi, matchesReference, textureReferenceRows } from './reference.ts';

describe.skipIf(!HAS_SHARED)('IBSI 1 digital phantom, texture families', () => {
  const roi = HAS_SHARED ? digitalPhantomRoi() : null;
  const rows = HAS_SHARED ? textureReferenceRows('digital_phantom') : [];

  it('has the reference rows of all six families', () => {
    expect(rows.length).toBe(408);
  });

  for (const fam of TEXTURE_FAMILIES) {
    const aggregations = [...new Set(rows.filter((r) => r.family === fam.family).map((r) => r.aggregation))];
    for (const aggregation of aggregations) {
      it(`${fam.family} ${aggregation}`, () => {
        const values: FamilyValues = fam.compute(roi!, aggregation as TextureAggregation, {});
        const mismatches: string[] = [];
        for (const row of rows.filter((r) => r.family === fam.family && r.aggregation === aggregation)) {
          const def = fam.features.find((f) => f.ibsiCode === row.code);
          if (!def) { mismatches.push(`${row.feature} (${row.code}): no feature with this IBSI code`); continue; }
          const v = values[def.name]!;
          if (!matchesReference(v, row)) mismatches.push(`${def.name}: reference ${row.reference}, got ${v}`);
        }
        expect(mismatches).toEqual([]);
      });
    }
  }
});
