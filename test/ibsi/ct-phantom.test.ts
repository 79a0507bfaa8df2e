// IBSI 1 CT phantom, configurations A–E (ibsi1_ct_phantom_configurations.csv): the share
// of reference values within tolerance, per family we own and over all families present.
// Every reference value matches in every configuration (`sonomics ibsi`: all 1 803 values), so
// the threshold is 100 %, per family and overall; issue 3 first accepted 98 % (A, B) and 95 % (C–E)
// while mismatches remained, and a regression now fails here with the rows that no longer match.
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { checkConfig, type ComplianceRow } from '../../src/features/ibsi/compliance.ts';
import type { IbsiConfig } from '../../src/features/ibsi/reference.ts';
import { loadPhantom, loadReferenceRows, type Phantom } from '../../src/node/ibsi.ts';
import { FAMILY_NAMES } from '../../src/features/families.ts';

const OWN = ['morphology', 'local_intensity', 'intensity_statistics', 'intensity_histogram', 'intensity_volume_histogram'];
const CONFIGS: IbsiConfig[] = ['config_A', 'config_B', 'config_C', 'config_D', 'config_E'];

describe.skipIf(!HAS_SHARED)('IBSI 1 CT phantom', () => {
  let ct: Phantom;
  const dir = sharedPath('refdata', 'ibsi', 'ibsi1');
  const refs = HAS_SHARED ? loadReferenceRows(dir) : [];
  beforeAll(() => {
    ct = loadPhantom('ct', dir);
  });
  for (const config of CONFIGS) {
    it(`${config}: 100 % per family and overall`, () => {
      const rows: ComplianceRow[] = checkConfig(config, ct.image, ct.mask, refs);
      // every registered family is in the output with a value for every reference row: a family
      // whose compute went missing fails here instead of dropping out of the share
      for (const family of FAMILY_NAMES) {
        const fam = rows.filter((r) => r.family === family);
        expect(fam.length, `${family} has no reference rows in ${config}`).toBeGreaterThan(0);
        expect(fam.filter((r) => r.value === null).map((r) => `${r.aggregation} ${r.feature}`), `${family}: rows without a value`).toEqual([]);
      }
      const counted = rows;
      const report = (list: ComplianceRow[]): string => list.filter((r) => !r.pass).map((r) => `${r.family} ${r.aggregation} ${r.feature}: ref ${r.reference}±${r.tolerance} ours ${r.value}`).join('\n');
      for (const family of OWN) {
        const fam = rows.filter((r) => r.family === family);
        expect(fam.length, family).toBeGreaterThan(0);
        const share = fam.filter((r) => r.pass).length / fam.length;
        // every reference value of the families we own matches (docs/ibsi.md); a regression shows here first
        expect(share, `${family}\n${report(fam)}`).toBe(1);
      }
      expect(counted.length).toBeGreaterThan(0);
      expect(report(counted)).toBe('');
    });
  }
});
