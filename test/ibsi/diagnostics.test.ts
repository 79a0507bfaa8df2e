// IBSI 1 diagnostic values (ibsi1_diagnostic_reference_values.csv): grid size after
// interpolation and the ROI after interpolation and after re-segmentation (voxel counts,
// bounding boxes, mean/min/max intensity), configurations A–E. These pin down the
// interpolation and re-segmentation steps independently of any feature.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { referenceRecords, ibsiSettings, type IbsiConfig } from '../../src/features/ibsi/reference.ts';
import { prepareRoi, type PreparedRoi } from '../../src/features/preprocess/prepare.ts';
import { maskBox, boxSize } from '../../src/features/preprocess/grid.ts';
import { loadPhantom, type Phantom } from '../../src/node/ibsi.ts';

function roiStats(roi: PreparedRoi, mask: Uint8Array, stage: string, kind: 'int' | 'morph'): Record<string, number> {
  let n = 0, s = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    n++; s += roi.image[i]!;
    lo = Math.min(lo, roi.image[i]!); hi = Math.max(hi, roi.image[i]!);
  }
  const bb = boxSize(maskBox(roi.size, mask)!);
  const out: Record<string, number> = {
    [`${kind}_mask_vox_count_${stage}_roi`]: n,
    [`${kind}_mask_bb_dim_x_${stage}_roi`]: bb[0], [`${kind}_mask_bb_dim_y_${stage}_roi`]: bb[1], [`${kind}_mask_bb_dim_z_${stage}_roi`]: bb[2],
  };
  if (kind === 'int') Object.assign(out, { [`int_mask_mean_int_${stage}_roi`]: s / n, [`int_mask_min_int_${stage}_roi`]: lo, [`int_mask_max_int_${stage}_roi`]: hi });
  return out;
}

describe.skipIf(!HAS_SHARED)('IBSI 1 diagnostic values (CT phantom)', () => {
  let ct: Phantom;
  const dir = sharedPath('refdata', 'ibsi', 'ibsi1');
  const table = HAS_SHARED ? referenceRecords(readFileSync(sharedPath('refdata', 'ibsi', 'ibsi1', 'reference_values', 'ibsi1_diagnostic_reference_values.csv'), 'utf8')).slice(1) : [];
  beforeAll(() => {
    ct = loadPhantom('ct', dir);
  });
  for (const config of ['config_A', 'config_B', 'config_C', 'config_D', 'config_E'] as IbsiConfig[]) {
    it(`${config}: interpolated grid and ROI within the diagnostic tolerances`, () => {
      const roi = prepareRoi(ct.image, ct.mask, ibsiSettings(config));
      const ours: Record<string, number> = {
        img_dim_x_interp_img: roi.fullSize[0], img_dim_y_interp_img: roi.fullSize[1], img_dim_z_interp_img: roi.fullSize[2],
        vox_dim_x_interp_img: roi.spacing[0], vox_dim_y_interp_img: roi.spacing[1], vox_dim_z_interp_img: roi.spacing[2],
        ...roiStats(roi, roi.morphMask, 'interp', 'int'), ...roiStats(roi, roi.morphMask, 'interp', 'morph'),
        ...roiStats(roi, roi.intensityMask, 'reseg', 'int'), ...roiStats(roi, roi.morphMask, 'reseg', 'morph'),
      };
      const misses: string[] = [];
      let checked = 0;
      for (const [cfg, , tag, ref, tol] of table) {
        if (cfg !== config || !(tag! in ours)) continue;
        checked++;
        // vox_dim rows are given to 3 digits (0.977), so compare those at that precision
        const t = Number(tol) + (tag!.startsWith('vox_dim') ? 5e-4 : 1e-9);
        if (Math.abs(ours[tag!]! - Number(ref)) > t) misses.push(`${tag}: ref ${ref}±${tol} ours ${ours[tag!]}`);
      }
      expect(checked).toBeGreaterThan(20);
      expect(misses).toEqual([]);
    });
  }
});
