// Issue #14, physical units: a "5 mm ring" on an image without a pixel size fails with a named
// error; the pixel size comes from PNG pHYs, TIFF resolution or the manifest; units: pixel is explicit
// and the feature names say px.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePng } from '../../src/io/png-write.ts';
import { crc32 } from '../../src/io/crc32.ts';
import { readImage, readMask } from '../../src/io/read.ts';
import { extractCase } from '../../src/extract/case.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { runExtraction } from '../../src/node/extract-run.ts';
import { SonomicsError } from '../../src/core/errors.ts';

const W = 48;
const pixels = new Uint8Array(W * W).map((_, i) => 60 + ((i * 37) % 97));
const maskData = new Uint8Array(W * W).map((_, i) => (Math.hypot((i % W) - 24, Math.floor(i / W) - 24) < 9 ? 255 : 0));

/** A PNG with a pHYs chunk (pixels per metre, unit 1 = metre) inserted after IHDR. */
function withPhys(png: Uint8Array, perMetre: number, unit = 1): Uint8Array {
  const body = new Uint8Array(13);
  const dv = new DataView(body.buffer);
  body.set([0x70, 0x48, 0x59, 0x73]); // 'pHYs'
  dv.setUint32(4, perMetre); dv.setUint32(8, perMetre); body[12] = unit;
  const chunk = new Uint8Array(4 + 13 + 4);
  new DataView(chunk.buffer).setUint32(0, 9);
  chunk.set(body, 4);
  new DataView(chunk.buffer).setUint32(17, crc32(body));
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  return new Uint8Array([...png.subarray(0, ihdrEnd), ...chunk, ...png.subarray(ihdrEnd)]);
}

const plain = encodePng({ width: W, height: W, channels: 1, bitDepth: 8, data: pixels });
const plainMask = encodePng({ width: W, height: W, channels: 1, bitDepth: 8, data: maskData });
const ring = resolveExtractionSettings({ regions: { tumour: true, rings: [2], parenchyma: false }, features: { families: ['intensity_statistics'] } });

describe('physical units', () => {
  it('PNG pHYs in metres calibrates the image (0.2 mm pixels); a pHYs aspect ratio (unit 0) does not', () => {
    const img = readImage(withPhys(plain, 5000), { name: 'a.png' });
    expect(img.spacing.slice(0, 2)).toEqual([0.2, 0.2]);
    expect(img.spacingUnit).toBe('mm');
    expect(img.spacingSource).toBe('PNG pHYs');
    expect(readMask(withPhys(plainMask, 5000), { name: 'm.png' }).spacing.slice(0, 2)).toEqual([0.2, 0.2]);
    expect(readImage(withPhys(plain, 5000, 0), { name: 'b.png' }).spacingUnit).toBe('pixel');
  });

  it('a ring in mm on an image without calibration fails with UNCALIBRATED naming the case and the settings', () => {
    const image = readImage(plain, { name: 'a.png' });
    const tumour = readMask(plainMask, { name: 'm.png' });
    let err: unknown;
    try { extractCase({ image, tumour }, ring, { caseId: 'C7' }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(SonomicsError);
    expect((err as SonomicsError).code).toBe('UNCALIBRATED');
    expect((err as Error).message).toMatch(/^case C7: the image has no physical calibration .*regions\.rings \[2\].*units: pixel/);
    // LoG σ in mm too
    const log = resolveExtractionSettings({ regions: { tumour: true, rings: [], parenchyma: false }, images: [{ type: 'original' }, { type: 'log', sigmaMm: 2 }], features: { families: ['intensity_statistics'] } });
    expect(() => extractCase({ image, tumour }, log, { caseId: 'C7' })).toThrow(/images\[1\]\.sigmaMm/);
  });

  it('a local-intensity sphere radius written in mm is a length in mm too (the family computed); not when the family is left out', () => {
    const image = readImage(plain, { name: 'a.png' });
    const tumour = readMask(plainMask, { name: 'm.png' });
    const sphere = (families?: string[]) => resolveExtractionSettings({ regions: { tumour: true, rings: [], parenchyma: false }, features: { localIntensityRadiusMm: 6.2035, ...(families ? { families } : {}) } });
    expect(() => extractCase({ image, tumour }, sphere(['local_intensity']), { caseId: 'C8' })).toThrow(/^case C8: the image has no physical calibration .*features\.localIntensityRadiusMm \(the local-intensity sphere, 6\.2035 mm\)/);
    expect(() => extractCase({ image, tumour }, sphere(), { caseId: 'C8' })).toThrow(/features\.localIntensityRadiusMm/);
    expect(Object.keys(extractCase({ image, tumour }, sphere(['intensity_statistics']), { caseId: 'C8' }).features).length).toBeGreaterThan(10);
  });

  it('units: pixel measures in pixels and says so in the names; the calibrated image gives mm names', () => {
    const image = readImage(plain, { name: 'a.png' });
    const tumour = readMask(plainMask, { name: 'm.png' });
    const px = extractCase({ image, tumour }, { ...ring, units: 'pixel' }, { caseId: 'C7' }).features;
    expect(Object.keys(px).some((k) => k.startsWith('ring2px_original_'))).toBe(true);
    expect(Object.keys(px).some((k) => k.includes('mm'))).toBe(false);
    const mm = extractCase({ image: readImage(withPhys(plain, 5000), {}), tumour: readMask(withPhys(plainMask, 5000), {}) }, ring, { caseId: 'C7' }).features;
    expect(Object.keys(mm).some((k) => k.startsWith('ring2mm_original_'))).toBe(true);
    expect(resolveExtractionSettings({ units: 'pixel' }).units).toBe('pixel');
  });

  it('a manifest spacing_mm column calibrates PNGs that carry none; without it the extraction fails per case with UNCALIBRATED', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-units-'));
    writeFileSync(join(dir, 'i.png'), plain);
    writeFileSync(join(dir, 'm.png'), plainMask);
    writeFileSync(join(dir, 'with.csv'), 'case_id,image,tumour_mask,spacing_mm\nA,i.png,m.png,0.25\n');
    writeFileSync(join(dir, 'without.csv'), 'case_id,image,tumour_mask\nA,i.png,m.png\n');
    const settings = { regions: { tumour: true, rings: [2], parenchyma: false }, features: { families: ['intensity_statistics'] } } as never;
    const ok = await runExtraction({ manifest: join(dir, 'with.csv'), settings, outDir: join(dir, 'o1'), workers: 0, progress: false });
    expect(ok.failed).toEqual([]);
    const header = readFileSync(join(dir, 'o1', 'features.csv'), 'utf8').split('\n')[0]!;
    expect(header).toContain('ring2mm_original_');
    expect(header).not.toContain('spacing_mm'); // a used column, not passed through
    const bad = await runExtraction({ manifest: join(dir, 'without.csv'), settings, outDir: join(dir, 'o2'), workers: 0, progress: false });
    expect(bad.failed.map((f) => f.code)).toEqual(['UNCALIBRATED']);
  });
});
