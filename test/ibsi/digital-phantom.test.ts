// IBSI 1 digital phantom: every registered feature family is present in the compliance output,
// and every reference value of every family and aggregation matches (3 significant digits, or
// within tolerance where the table gives one). A family whose compute goes missing fails here
// (it is looked up in the registry, not in the output, so it cannot drop out silently).
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { runIbsi } from '../../src/node/ibsi.ts';
import { FAMILY_NAMES } from '../../src/features/families.ts';

describe.skipIf(!HAS_SHARED)('IBSI 1 digital phantom', () => {
  const rows = HAS_SHARED ? runIbsi(['digital_phantom'], sharedPath('refdata', 'ibsi', 'ibsi1')) : [];
  it('the reference table covers every registered family, and every family it lists is registered', () => {
    expect(FAMILY_NAMES.filter((f) => !rows.some((r) => r.family === f))).toEqual([]);
    expect([...new Set(rows.map((r) => r.family))].filter((f) => !(FAMILY_NAMES as readonly string[]).includes(f))).toEqual([]);
  });
  for (const family of FAMILY_NAMES) {
    it(`${family}: present, and every reference value matches`, () => {
      const mine = rows.filter((r) => r.family === family);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.filter((r) => r.value === null).map((r) => `${r.aggregation} ${r.feature}`), 'rows without a value').toEqual([]);
      const misses = mine.filter((r) => !r.pass).map((r) => `${r.aggregation} ${r.feature}: ref ${r.reference} tol ${r.tolerance ?? '3 s.d.'} ours ${r.value}`);
      expect(misses).toEqual([]);
    });
  }
});
