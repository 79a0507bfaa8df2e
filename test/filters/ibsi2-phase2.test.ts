// IBSI 2 phase 2, configurations A (2D slice-wise, no interpolation): 18 intensity statistics of
// the filtered CT phantom in the GTV re-segmented to [−1000, 400] HU on the unfiltered image.
// Requirement: ≥ 95 % of the reference values within tolerance; all of them are (162/162 in 2D),
// so each configuration and the total are asserted at 100 %.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IBSI2_PHASE2_2D } from '../../src/filters/ibsi2-configs.ts';
import { loadCtPhantom1mm, loadCtPhantomSlices, runPhase2Config, type CtPhantom, type Phase2Row } from '../../src/node/ibsi2.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';

describe.skipIf(!HAS_SHARED)('IBSI 2 phase 2 (2D configurations A)', () => {
  let ct: CtPhantom;
  let refs: { config: string; tag: string; value: number; tolerance: number }[];
  const rows: Phase2Row[] = [];
  beforeAll(() => {
    ct = loadCtPhantomSlices(sharedPath());
    refs = readFileSync(sharedPath('refdata/ibsi/ibsi2/reference_values/ibsi2_phase2_reference_values.csv'), 'utf8')
      .trim().split(/\r?\n/).slice(1)
      .map((l) => { const [config, , tag, value, tolerance] = l.split(';'); return { config: config!, tag: tag!, value: Number(value), tolerance: Number(tolerance) }; });
  });

  for (const c of IBSI2_PHASE2_2D) {
    it(`${c.config} ${c.spec.type}`, () => {
      const r = runPhase2Config(ct, c.config, refs);
      rows.push(...r);
      expect(r).toHaveLength(18);
      const failed = r.filter((x) => !x.pass).map((x) => `${x.feature}=${x.value} (ref ${x.reference} ± ${x.tolerance})`);
      expect(failed, `${c.config} out of tolerance`).toEqual([]);
    });
  }

  it('all configuration-A reference values within tolerance (100 %; the requirement is ≥ 95 %)', () => {
    expect(rows.length).toBe(18 * IBSI2_PHASE2_2D.length);
    expect(rows.filter((r) => !r.pass).map((r) => `${r.feature}=${r.value} (ref ${r.reference} ± ${r.tolerance})`)).toEqual([]);
  });
});

// Configurations B (3D after 1 mm tricubic-spline resampling). The cheap ones run in CI; all nine
// are in `sonomics ibsi-filters --with-3d` (docs/filters.md lists the full result).
describe.skipIf(!HAS_SHARED)('IBSI 2 phase 2 (3D configurations 1.B–3.B)', () => {
  let ct: CtPhantom;
  let refs: { config: string; tag: string; value: number; tolerance: number }[];
  beforeAll(() => {
    ct = loadCtPhantom1mm(sharedPath(), 8);
    refs = readFileSync(sharedPath('refdata/ibsi/ibsi2/reference_values/ibsi2_phase2_reference_values.csv'), 'utf8')
      .trim().split(/\r?\n/).slice(1)
      .map((l) => { const [config, , tag, value, tolerance] = l.split(';'); return { config: config!, tag: tag!, value: Number(value), tolerance: Number(tolerance) }; });
  });
  for (const config of ['1.B', '2.B', '3.B']) {
    it(config, () => {
      const r = runPhase2Config(ct, config, refs);
      expect(r).toHaveLength(18);
      expect(r.filter((x) => !x.pass).map((x) => `${x.feature}=${x.value} (ref ${x.reference} ± ${x.tolerance})`)).toEqual([]);
    });
  }
});
