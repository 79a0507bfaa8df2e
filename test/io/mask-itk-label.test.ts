/**
 * Mask labels of 1-, 2- and 4-bit grey rasters as ITK / SimpleITK read them: libpng scales such
 * samples to 8 bits (×255, ×85, ×17), so a PyRadiomics parameter file for BUS-BRA's 1-bit masks says
 * `label: 255`. sonomics stores the samples as read (0/1) and takes such a label as the stored value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rasterToMask, type Raster } from '../../src/io/raster.ts';
import { readMaskFile } from '../../src/node/read.ts';
import { countInside } from '../../src/image/image.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';

const grey = (bitDepth: number, values: number[]): Raster => ({ width: values.length, height: 1, channels: 1, data: Uint8Array.from(values), bitDepth, maxValue: 2 ** bitDepth - 1, photometric: 'grey' });

describe('mask labels as ITK reads low-bit grey rasters', () => {
  it('2- and 4-bit: the scaled label (85·v, 17·v) selects stored value v; stored labels still work; other labels select nothing', () => {
    const two = grey(2, [0, 1, 2, 3, 1]);
    expect([...rasterToMask(two, { label: 85 }).data]).toEqual([0, 1, 0, 0, 1]);
    expect([...rasterToMask(two, { label: 170 }).data]).toEqual([0, 0, 1, 0, 0]);
    expect([...rasterToMask(two, { label: 1 }).data]).toEqual([0, 1, 0, 0, 1]);
    expect([...rasterToMask(two, { label: 100 }).data]).toEqual([0, 0, 0, 0, 0]);
    const four = grey(4, [0, 1, 15, 2]);
    expect([...rasterToMask(four, { label: 17 }).data]).toEqual([0, 1, 0, 0]);
    expect([...rasterToMask(four, { label: 255 }).data]).toEqual([0, 0, 1, 0]);
    expect([...rasterToMask(four, { label: 15 }).data]).toEqual([0, 0, 1, 0]);
    // 8-bit rasters are read as they are: 255 is 255
    expect([...rasterToMask(grey(8, [0, 1, 255]), { label: 255 }).data]).toEqual([0, 0, 1]);
  });

  it.skipIf(!HAS_SHARED)('BUS-BRA 1-bit mask PNGs: label 255 (as SimpleITK, hence PyRadiomics, reads them) gives the mask of label 1', () => {
    const root = sharedPath('data', 'us-breast-busbra');
    const rows = readFileSync(join(root, 'manifest.csv'), 'utf8').trim().split('\n').slice(1, 6);
    for (const row of rows) {
      const path = join(root, row.split(',')[1]!);
      const one = readMaskFile(path, { label: 1 }), scaled = readMaskFile(path, { label: 255 });
      expect(countInside(one.data)).toBeGreaterThan(0);
      expect(scaled.data).toEqual(one.data);
    }
  });
});
