// IBSI 1 CT phantom, configurations A–E (ibsi1_ct_phantom_configurations.csv): the share
// of reference values within tolerance, per family we own and over all families present.
// Thresholds: A, B (2D) ≥ 98 %; C, D, E ≥ 95 % (issue 3). Remaining mismatches: docs/ibsi.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { checkConfig, type ComplianceRow } from '../../src/features/ibsi/compliance.ts';
import type { IbsiConfig } from '../../src/features/ibsi/reference.ts';
import { loadPhantom, loadReferenceRows, type Phantom } from '../../src/node/ibsi.ts';
import { TEXTURE } from '../../src/features/texture-families.ts';

const OWN = ['morphology', 'local_intensity', 'intensity_statistics', 'intensity_histogram', 'intensity_volume_histogram'];
const CONFIGS: Array<[IbsiConfig, number]> = [['config_A', 0.98], ['config_B', 0.98], ['config_C', 0.95], ['config_D', 0.95], ['config_E', 0.95]];

describe.skipIf(!HAS_SHARED)('IBSI 1 CT phantom', () => {
  let ct: Phantom;
  const dir = sharedPath('refdata', 'ibsi', 'ibsi1');
  const refs = HAS_SHARED ? loadReferenceRows(dir) : [];
  beforeAll(() => {
    ct = loadPhantom('ct', dir);
  });
  for (const [config, threshold] of CONFIGS) {
    it(`${config}: ≥ ${threshold * 100} % per family and overall`, () => {
      const rows: ComplianceRow[] = checkConfig(config, ct.image, ct.mask, refs);
      const present = new Set<string>([...OWN, ...TEXTURE.map((t) => t.family)]);
      const counted = rows.filter((r) => present.has(r.family));
      const report = (list: ComplianceRow[]): string => list.filter((r) => !r.pass).map((r) => `${r.family} ${r.aggregation} ${r.feature}: ref ${r.reference}±${r.tolerance} ours ${r.value}`).join('\n');
      for (const family of OWN) {
        const fam = rows.filter((r) => r.family === family);
        expect(fam.length, family).toBeGreaterThan(0);
        const share = fam.filter((r) => r.pass).length / fam.length;
        // every reference value of the families we own matches (docs/ibsi.md); a regression shows here first
        expect(share, `${family}\n${report(fam)}`).toBe(1);
      }
      const share = counted.filter((r) => r.pass).length / counted.length;
      expect(share, report(counted)).toBeGreaterThanOrEqual(threshold);
    }, 60_000);
  }
});
