// Raster decoders (PNG, BMP, TIFF, JPEG) against an independent decoder. The fixtures and
// expected.json were made by test/io/fixtures/make-fixtures.py: ImageMagick 6 wrote each file
// from one 13×11 RGBA pattern and then read it back as 16-bit RGBA (`convert F -depth 16 rgba:-`);
// those read-back values are the reference. Our raw samples are scaled to 16 bits to compare.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRaster, detectFormat, readImage } from '../../src/io/read.ts';
import { rasterToGrey } from '../../src/io/raster.ts';

const DIR = join(import.meta.dirname, 'fixtures');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, {
  rgba16: number[]; bitDepth?: number; colourType?: number; interlace?: number;
}>;

function compare(file: string, tolerance16: number): number {
  const bytes = new Uint8Array(readFileSync(join(DIR, file)));
  const format = detectFormat(bytes);
  expect(format).not.toBeNull();
  const r = decodeRaster(bytes, format!, file);
  expect([r.width, r.height]).toEqual([13, 11]);
  const ref = expected[file]!.rgba16;
  const scale = 65535 / r.maxValue;
  let worst = 0;
  for (let i = 0; i < 13 * 11; i++) {
    const ours = Array.from({ length: r.channels }, (_, k) => r.data[i * r.channels + k]! * scale);
    const theirs = r.channels <= 2 ? [ref[4 * i]!, ref[4 * i + 3]!] : [ref[4 * i]!, ref[4 * i + 1]!, ref[4 * i + 2]!, ref[4 * i + 3]!];
    for (let k = 0; k < r.channels; k++) worst = Math.max(worst, Math.abs(ours[k]! - theirs[k]!));
  }
  expect(worst, `${file}: largest difference (16-bit units)`).toBeLessThanOrEqual(tolerance16);
  return worst;
}

const PNGS = Object.keys(expected).filter((f) => f.endsWith('.png'));

describe('PNG decoder matches ImageMagick exactly', () => {
  it.each(PNGS)('%s', (file) => {
    compare(file, 0);
    const e = expected[file]!;
    const r = decodeRaster(new Uint8Array(readFileSync(join(DIR, file))), 'png', file);
    expect(r.bitDepth).toBe(e.bitDepth);
  });

  it('covers every colour type, bit depth 1/2/4/8/16 and Adam7', () => {
    const types = new Set(PNGS.map((f) => expected[f]!.colourType));
    const depths = new Set(PNGS.map((f) => expected[f]!.bitDepth));
    expect([...types].sort()).toEqual([0, 2, 3, 4, 6]);
    expect([...depths].sort((a, b) => a! - b!)).toEqual([1, 2, 4, 8, 16]);
    expect(PNGS.filter((f) => expected[f]!.interlace === 1).length).toBeGreaterThanOrEqual(3);
  });
});

describe('BMP and TIFF decoders match ImageMagick exactly', () => {
  it.each(Object.keys(expected).filter((f) => /\.(bmp|tif)$/.test(f)))('%s', (file) => {
    compare(file, 0);
  });
});

describe('JPEG decoder (jpeg-js) agrees with ImageMagick (libjpeg) within IDCT rounding', () => {
  // Two conforming decoders may differ by a few grey levels (ITU-T T.83 allows ±1 per IDCT
  // output plus colour-conversion rounding); 3/255 is the tolerance we accept.
  it.each(['jpeg-grey.jpg', 'jpeg-rgb.jpg'])('%s', (file) => {
    compare(file, 3 * 257);
  });

  it('keeps a grey JPEG one channel', () => {
    const r = decodeRaster(new Uint8Array(readFileSync(join(DIR, 'jpeg-grey.jpg'))), 'jpeg', 'g');
    expect(r.channels).toBe(1);
  });
});

describe('colour to grey', () => {
  const bytes = new Uint8Array(readFileSync(join(DIR, 'rgb8.png')));
  const r = decodeRaster(bytes, 'png', 'rgb8.png');

  it('defaults to ITU-R BT.601 luma', () => {
    const img = readImage(bytes);
    for (const i of [0, 17, 100, 142]) {
      const R = r.data[3 * i]!, G = r.data[3 * i + 1]!, B = r.data[3 * i + 2]!;
      expect(img.data[i]).toBeCloseTo(0.299 * R + 0.587 * G + 0.114 * B, 4);
    }
  });

  it('can take one channel or the mean', () => {
    for (const [ch, k] of [['r', 0], ['g', 1], ['b', 2]] as const) {
      const g = rasterToGrey(r, ch);
      expect(g[5]).toBe(r.data[3 * 5 + k]);
    }
    const mean = readImage(bytes, { channel: 'mean' });
    expect(mean.data[7]).toBeCloseTo((r.data[21]! + r.data[22]! + r.data[23]!) / 3, 4);
    expect(() => readImage(bytes, { channel: 'x' as never })).toThrow(/channel 'x'/);
  });

  it('marks raster images as uncalibrated unless a spacing is given', () => {
    const img = readImage(bytes, { name: 'rgb8.png' });
    expect(img.spacingUnit).toBe('pixel');
    expect(img.warnings?.[0]).toMatch(/rgb8\.png.*no physical calibration/);
    const cal = readImage(bytes, { spacing: [0.1, 0.2] });
    expect(cal.spacing).toEqual([0.1, 0.2, 1]);
    expect(cal.spacingUnit).toBe('mm');
    expect(cal.spacingSource).toBe('user');
  });
});
