// The one image-format registry (src/io/formats.ts): detectFormat, readImage and readMask go
// through it, so every registered format is recognised by its own signature and named in the
// "not a recognised image" error.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMAGE_FORMATS } from '../../src/io/formats.ts';
import { detectFormat, RASTER_FORMATS, readImage } from '../../src/io/read.ts';
import { REPO_ROOT } from '../helpers/shared.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(REPO_ROOT, 'test', 'io', 'fixtures', name)));

describe('image-format registry', () => {
  it('names each format once; the raster list comes from it', () => {
    const names = IMAGE_FORMATS.map((f) => f.format);
    expect(new Set(names).size).toBe(names.length);
    expect([...RASTER_FORMATS]).toEqual(IMAGE_FORMATS.filter((f) => f.kind === 'raster').map((f) => f.format));
  });

  it('each raster format recognises its own file and no other format claims it first', () => {
    for (const [file, format] of [['grey8.png', 'png'], ['jpeg-rgb.jpg', 'jpeg'], ['bmp24.bmp', 'bmp'], ['tiff-grey-lzw.tif', 'tiff']] as const) {
      const bytes = fixture(file);
      expect(detectFormat(bytes), file).toBe(format);
      expect(IMAGE_FORMATS.find((f) => f.sniff(bytes))?.format, file).toBe(format);
    }
  });

  it('DICOM is sniffed before TIFF (a DICOM preamble may hold a TIFF header)', () => {
    const names = IMAGE_FORMATS.map((f) => f.format);
    expect(names.indexOf('dicom')).toBeLessThan(names.indexOf('tiff'));
    const dual = new Uint8Array(200);
    dual.set([0x49, 0x49, 0x2a, 0x00], 0); // TIFF little-endian header in the preamble
    dual.set([0x44, 0x49, 0x43, 0x4d], 128); // 'DICM'
    expect(detectFormat(dual)).toBe('dicom');
  });

  it('unknown bytes: the error names the input and every registered format', () => {
    const err = (() => { try { readImage(new TextEncoder().encode('hello world'), { name: 'notes.txt' }); } catch (e) { return e as Error; } return null; })();
    expect(err?.message).toMatch(/^notes\.txt: not a recognised image/);
    for (const f of IMAGE_FORMATS) expect(err!.message).toContain(f.title);
  });
});
