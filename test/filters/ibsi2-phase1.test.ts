// IBSI 2 phase 1: every standardised filter test (1.x–8.x) against the consensus response maps
// (../shared/refdata/ibsi/ibsi2). Criterion: every voxel within 1 % of the reference map's range.
import { describe, expect, it } from 'vitest';
import { IBSI2_PHASE1 } from '../../src/filters/ibsi2-configs.ts';
import { runPhase1Test } from '../../src/node/ibsi2.ts';
import { HAS_SHARED, SHARED } from '../helpers/shared.ts';

describe.skipIf(!HAS_SHARED)('IBSI 2 phase 1 response maps', () => {
  for (const c of IBSI2_PHASE1) {
    it(`${c.test} ${c.spec.type} on ${c.phantom}`, () => {
      const r = runPhase1Test(SHARED, c);
      expect(r.range).toBeGreaterThan(0);
      expect(r.max_abs_diff, `${c.test}: max |Δ| ${r.max_abs_diff} vs 1% of range ${0.01 * r.range}`).toBeLessThanOrEqual(0.01 * r.range);
      expect(r.pass).toBe(true);
    });
  }
});
