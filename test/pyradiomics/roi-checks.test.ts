/**
 * PyRadiomics' ROI checks (issue #16; imageoperations.checkMask): `minimumROIDimensions` (default
 * 2) and `minimumROISize` (`roiSize <= minSize` fails), on the mask and again on the re-segmented
 * mask; a single voxel is always refused. Before session 6 minimumROIDimensions was accepted
 * without effect and minimumROISize N let an ROI of exactly N voxels through.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCase } from '../../src/extract/case.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import type { Mask } from '../../src/image/image.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';

describe.skipIf(!HAS_SHARED)('minimumROIDimensions and minimumROISize (breast1)', () => {
  const DATA = sharedPath('refdata', 'pyradiomics', 'data');
  const image = readImageFile(join(DATA, 'breast1_image.nrrd'));
  const mask = readMaskFile(join(DATA, 'breast1_label.nrrd'), { label: 1 });
  const [X, Y] = mask.size;
  const run = (m: Mask, setting: Record<string, unknown>) =>
    extractCase({ image, tumour: m }, resolveExtractionSettings({ setting: { binWidth: 25, ...setting }, featureClass: { firstorder: [] } }, 'Params.yaml'), { caseId: 'breast1' }).features;
  /** The label kept only where keep(x, y, z). */
  const part = (keep: (x: number, y: number, z: number) => boolean): Mask =>
    ({ ...mask, data: Uint8Array.from(mask.data, (v, i) => (v && keep(i % X, Math.floor(i / X) % Y, Math.floor(i / (X * Y))) ? 1 : 0)) });
  const voxels = (m: Mask) => m.data.reduce((n, v) => n + v, 0);

  it('a one-slice ROI spans 2 axes: accepted by default (2), refused at 3, naming the case and the setting', () => {
    const zs = [...new Set([...mask.data].flatMap((v, i) => (v ? [Math.floor(i / (X * Y))] : [])))];
    const slice = part((_x, _y, z) => z === zs[Math.floor(zs.length / 2)]);
    expect(run(slice, {}).original_firstorder_Mean).toBeGreaterThan(0);
    expect(() => run(slice, { minimumROIDimensions: 3 })).toThrow(/tumour mask of case breast1 extends along 2 axes, fewer than minimumROIDimensions 3/);
    expect(Object.keys(run(mask, { minimumROIDimensions: 3 })).length).toBeGreaterThan(0);
    // a line of voxels: 1 axis, refused by default
    const first = mask.data.indexOf(1);
    const line = part((x, y, z) => y === Math.floor(first / X) % Y && z === Math.floor(first / (X * Y)));
    expect(() => run(line, {})).toThrow(/extends along 1 axis, fewer than minimumROIDimensions 2/);
    expect(run(line, { minimumROIDimensions: 1 }).original_firstorder_Mean).toBeGreaterThan(0);
    // one voxel: always refused
    const one = part((x, y, z) => x + X * (y + Y * z) === first);
    expect(() => run(one, { minimumROIDimensions: 1 })).toThrow(/single voxel/);
  });

  it('minimumROISize N refuses an ROI of N voxels and accepts N + 1 (PyRadiomics: roiSize <= minSize fails)', () => {
    const n = voxels(mask);
    expect(() => run(mask, { minimumROISize: n })).toThrow(new RegExp(`has ${n} voxels; PyRadiomics' minimumROISize ${n} asks for more`));
    expect(run(mask, { minimumROISize: n - 1 }).original_firstorder_Mean).toBeGreaterThan(0);
    expect(() => run(mask, { minimumROISize: 0 })).toThrow(/minimumROISize must be a whole number > 0/);
  });

  it('the checks run again on the re-segmented mask', () => {
    const values = [...image.data].filter((_, i) => mask.data[i]).sort((a, b) => a - b);
    const n = values.length;
    // a range that keeps the upper half of the ROI: fine at size n/4, refused at n
    const lo = values[Math.floor(n / 2)]!;
    const kept = values.filter((v) => v >= lo).length;
    expect(run(mask, { resegmentRange: [lo], minimumROISize: Math.floor(kept / 2) }).original_firstorder_Mean).toBeGreaterThan(0);
    expect(() => run(mask, { resegmentRange: [lo], minimumROISize: kept })).toThrow(new RegExp(`re-segmented tumour mask of case breast1 has ${kept} voxels`));
  });
});
