// readImage / readMask sniffing, the PNG writer (round trip through our decoder and through
// ImageMagick-made fixtures), BMP row order, and clear errors for damaged or unknown bytes.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeRaster, detectFormat, readImage, readMask } from '../../src/io/read.ts';
import { encodePng, imageToPng, maskToPng } from '../../src/io/png-write.ts';
import { createImage, createMask, maskCount } from '../../src/image/image.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { SonomicsError } from '../../src/core/errors.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';

const FIX = join(import.meta.dirname, 'fixtures');
const fixture = (f: string) => new Uint8Array(readFileSync(join(FIX, f)));

function codeOf(fn: () => unknown): string | undefined {
  try { fn(); } catch (err) { return err instanceof SonomicsError ? err.code : 'not a SonomicsError'; }
  return undefined;
}

describe('format sniffing', () => {
  it('recognises each format from its bytes, not its name', () => {
    expect(detectFormat(fixture('grey8.png'))).toBe('png');
    expect(detectFormat(fixture('jpeg-rgb.jpg'))).toBe('jpeg');
    expect(detectFormat(fixture('bmp24.bmp'))).toBe('bmp');
    expect(detectFormat(fixture('tiff-lzw.tif'))).toBe('tiff');
    const dicm = new Uint8Array(200); dicm.set([0x44, 0x49, 0x43, 0x4d], 128);
    expect(detectFormat(dicm)).toBe('dicom');
    expect(detectFormat(new TextEncoder().encode('hello world'))).toBeNull();
    // A bare implicit-VR data set: (0008,0016) with a 4-byte length, no preamble, no VR letters.
    const bare = new Uint8Array(40); bare.set([0x08, 0x00, 0x16, 0x00, 0x04, 0x00, 0x00, 0x00]);
    expect(detectFormat(bare)).toBe('dicom');
  });

  it('unknown bytes give UNSUPPORTED_FORMAT naming the file', () => {
    expect(() => readImage(new TextEncoder().encode('id,label\n1,0\n'), { name: 'P017.csv' })).toThrow(/P017\.csv: not a recognised image/);
    expect(codeOf(() => readMask(new Uint8Array(3)))).toBe('UNSUPPORTED_FORMAT');
  });
});

describe('PNG writer', () => {
  it('8-bit grey, 16-bit grey and RGB round-trip exactly', () => {
    const W = 7, H = 5;
    const grey = Array.from({ length: W * H }, (_, i) => (i * 37) % 256);
    const g16 = Array.from({ length: W * H }, (_, i) => (i * 4099) % 65536);
    const rgb = Array.from({ length: W * H * 3 }, (_, i) => (i * 53) % 256);
    const r8 = decodeRaster(encodePng({ width: W, height: H, channels: 1, bitDepth: 8, data: grey }), 'png', 'g8');
    expect(Array.from(r8.data)).toEqual(grey);
    const r16 = decodeRaster(encodePng({ width: W, height: H, channels: 1, bitDepth: 16, data: g16 }), 'png', 'g16');
    expect(Array.from(r16.data)).toEqual(g16);
    const r3 = decodeRaster(encodePng({ width: W, height: H, channels: 3, bitDepth: 8, data: rgb }), 'png', 'rgb');
    expect(r3.channels).toBe(3);
    expect(Array.from(r3.data)).toEqual(rgb);
  });

  it('re-encodes an ImageMagick 16-bit RGB fixture bit-exactly', () => {
    const r = decodeRaster(fixture('rgb16.png'), 'png', 'rgb16.png');
    const again = decodeRaster(encodePng({ width: r.width, height: r.height, channels: 3, bitDepth: 16, data: r.data }), 'png', 'again');
    expect(Array.from(again.data)).toEqual(Array.from(r.data));
  });

  it('writes images and masks that read back', () => {
    const img = createImage([4, 3, 1], [1, 1, 1], Float32Array.from({ length: 12 }, (_, i) => i * 20.4));
    expect(Array.from(readImage(imageToPng(img)).data)).toEqual(Array.from(img.data, Math.round));
    const m = createMask([4, 3, 1], [1, 1, 1], Uint8Array.from([0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1]));
    expect(Array.from(readMask(maskToPng(m)).data)).toEqual(Array.from(m.data));
    expect(() => encodePng({ width: 2, height: 2, channels: 1, bitDepth: 8, data: [1, 2, 3] })).toThrow(/3 samples/);
  });
});

describe('masks from rasters', () => {
  it('non-zero or one label; colour masks count any non-zero colour', () => {
    const labels = encodePng({ width: 4, height: 1, channels: 1, bitDepth: 8, data: [0, 1, 2, 255] });
    expect(Array.from(readMask(labels).data)).toEqual([0, 1, 1, 1]);
    expect(Array.from(readMask(labels, { label: 2 }).data)).toEqual([0, 0, 1, 0]);
    const red = encodePng({ width: 2, height: 1, channels: 3, bitDepth: 8, data: [0, 0, 0, 255, 0, 0] });
    expect(Array.from(readMask(red).data)).toEqual([0, 1]);
  });
});

describe('indexed (palette) PNG label maps', () => {
  it('the palette index is the label', () => {
    // ImageMagick fixture with a 40-colour palette: indices, not colours, decide labels.
    const bytes = fixture('palette8.png');
    const r = decodeRaster(bytes, 'png', 'palette8.png');
    expect(r.indices).toBeDefined();
    const k = r.indices![17]!;
    const m = readMask(bytes, { label: k });
    expect(maskCount(m)).toBe(r.indices!.filter((v) => v === k).length);
    expect(maskCount(readMask(bytes))).toBe(r.indices!.filter((v) => v !== 0).length);
  });
});

describe('BMP row order', () => {
  // A 2×2 24-bit BMP written by hand: rows are stored bottom-up for a positive height and
  // top-down for a negative one; each row is padded to 4 bytes.
  function bmp(heightSign: 1 | -1): Uint8Array {
    const b = new Uint8Array(54 + 16);
    const dv = new DataView(b.buffer);
    b[0] = 0x42; b[1] = 0x4d; dv.setUint32(2, b.length, true); dv.setUint32(10, 54, true);
    dv.setUint32(14, 40, true); dv.setInt32(18, 2, true); dv.setInt32(22, 2 * heightSign, true);
    dv.setUint16(26, 1, true); dv.setUint16(28, 24, true);
    b.set([10, 10, 10, 20, 20, 20, 0, 0], 54); // first stored row (B, G, R per pixel)
    b.set([30, 30, 30, 40, 40, 40, 0, 0], 62); // second stored row
    return b;
  }
  it('bottom-up and top-down', () => {
    expect(Array.from(readImage(bmp(1)).data)).toEqual([30, 40, 10, 20]);
    expect(Array.from(readImage(bmp(-1)).data)).toEqual([10, 20, 30, 40]);
  });
});

describe('TIFF byte order', () => {
  // A 3×1 8-bit grey big-endian ('MM') TIFF written by hand: header, 6-entry IFD, pixel strip.
  it('reads Motorola (big-endian) files', () => {
    const b = new Uint8Array(8 + 2 + 6 * 12 + 4 + 3);
    const dv = new DataView(b.buffer);
    b.set([0x4d, 0x4d, 0, 42]); dv.setUint32(4, 8);
    dv.setUint16(8, 6);
    const strip = 8 + 2 + 6 * 12 + 4;
    [[256, 3, 3], [257, 3, 1], [258, 3, 8], [262, 3, 1], [273, 4, strip], [279, 4, 3]].forEach(([tag, type, value], i) => {
      const e = 10 + 12 * i;
      dv.setUint16(e, tag!); dv.setUint16(e + 2, type!); dv.setUint32(e + 4, 1);
      if (type === 3) dv.setUint16(e + 8, value!); else dv.setUint32(e + 8, value!);
    });
    b.set([7, 130, 255], strip);
    expect(Array.from(readImage(b).data)).toEqual([7, 130, 255]);
  });
});

describe('damaged files', () => {
  it('truncated or corrupted PNG/TIFF/JPEG/BMP give CORRUPT_FILE naming the file', () => {
    const png = fixture('rgb8.png');
    expect(() => readImage(png.subarray(0, 60), { name: 'cut.png' })).toThrow(/cut\.png: /);
    expect(codeOf(() => readImage(png.subarray(0, 60)))).toBe('CORRUPT_FILE');
    const flipped = png.slice(); flipped[45] ^= 0xff; flipped[50] ^= 0xff;
    expect(codeOf(() => readImage(flipped))).toBe('CORRUPT_FILE');
    expect(codeOf(() => readImage(fixture('tiff-lzw.tif').subarray(0, 100)))).toBe('CORRUPT_FILE');
    expect(codeOf(() => readImage(fixture('jpeg-rgb.jpg').subarray(0, 200)))).toBe('CORRUPT_FILE');
    expect(codeOf(() => readImage(fixture('bmp24.bmp').subarray(0, 100)))).toBe('CORRUPT_FILE');
  });

  it('a damaged PNG chunk is caught by its CRC and named', () => {
    const png = fixture('grey8.png').slice();
    png[png.length - 20] ^= 0x01; // inside the last IDAT
    expect(() => readImage(png, { name: 'P017.png' })).toThrow(/P017\.png: chunk IDAT fails its CRC check/);
  });

  it('Node wrappers: FILE_NOT_FOUND and CORRUPT_FILE name the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-io-'));
    const missing = join(dir, 'nope.png');
    expect(() => readImageFile(missing)).toThrow(expect.objectContaining({ code: 'FILE_NOT_FOUND', message: expect.stringContaining(missing) }));
    const bad = join(dir, 'bad.png');
    writeFileSync(bad, fixture('grey8.png').subarray(0, 50));
    expect(() => readMaskFile(bad)).toThrow(expect.objectContaining({ code: 'CORRUPT_FILE', message: expect.stringContaining(bad) }));
    const good = join(dir, 'mask.png');
    writeFileSync(good, maskToPng(createMask([3, 3, 1], [1, 1, 1], Uint8Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0]))));
    expect(maskCount(readMaskFile(good))).toBe(1);
  });
});

describe.skipIf(!HAS_SHARED)('DICOM through readImage (sniffed, handed to readDicom)', () => {
  it('OBXXXX1A: spacing from the ultrasound region, 0.26229 mm', () => {
    const img = readImageFile(sharedPath('data', 'dicom-us-samples', 'pydicom-data', 'OBXXXX1A.dcm'));
    expect(img.size).toEqual([800, 600, 1]);
    expect(img.spacing[0]).toBeCloseTo(0.26229, 4);
    expect(img.spacingSource).toBe('SequenceOfUltrasoundRegions');
    const m = readMaskFile(sharedPath('data', 'dicom-us-samples', 'pydicom-data', 'OBXXXX1A.dcm'));
    expect(m.size).toEqual(img.size);
  });
});
