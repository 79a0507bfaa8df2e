/**
 * Reader behaviour on small DICOM files built in memory (test/dicom/write-dicom.ts), where the
 * expected pixel values follow from the DICOM standard by hand: byte orders, bare data sets,
 * deflate, MONOCHROME1, rescale, BitsStored masking and sign extension, planar configuration,
 * YBR_FULL / YBR_FULL_422, palettes (8-bit packed, segmented with linear and indirect
 * segments), geometry tags, and clear errors for broken input.
 */
import { describe, expect, it } from 'vitest';
import { SonomicsError } from '../../src/core/errors.ts';
import { isDicom, parseDicom, readDicom } from '../../src/io/dicom/index.ts';
import { expandSegmented } from '../../src/io/dicom/palette.ts';
import { el, imageElements, SYNTAX, writeDicom, type Element } from './write-dicom.ts';

const words = (a: number[]) => new Uint8Array(new Uint16Array(a).buffer);
const code = (fn: () => unknown): string | undefined => {
  try { fn(); } catch (e) { return e instanceof SonomicsError ? e.code : `not a SonomicsError: ${(e as Error).message}`; }
  return undefined;
};

describe('DICOM encodings', () => {
  const pixels = [0, 1, 2, 250, 251, 252];
  const base = (): Element[] => [...imageElements({ rows: 2, cols: 3 }), el(0x7fe0, 0x0010, 'OB', new Uint8Array(pixels))];

  for (const [name, syntax] of Object.entries(SYNTAX)) {
    it(`reads ${name}`, () => {
      const img = readDicom(writeDicom(base(), syntax));
      expect(Array.from(img.data)).toEqual(pixels);
      expect(img.size).toEqual([3, 2, 1]);
    });
  }

  it('reads a bare implicit-LE data set without preamble', () => {
    const bytes = writeDicom([el(0x0008, 0x0060, 'CS', 'US'), ...base()], SYNTAX.implicit, { preamble: false });
    expect(isDicom(bytes)).toBe(true);
    expect(Array.from(readDicom(bytes).data)).toEqual(pixels);
  });

  it('swaps 8-bit samples stored as big-endian OW words back', () => {
    // OW holds 16-bit words; two 8-bit pixels p0, p1 form the word p0 | p1 << 8 (PS3.5 §8.1.1).
    const els = [...imageElements({ rows: 2, cols: 2 }), el(0x7fe0, 0x0010, 'OW', [0x0201, 0x0403])];
    expect(Array.from(readDicom(writeDicom(els, SYNTAX.bigEndian)).data)).toEqual([1, 2, 3, 4]);
  });

  it('reads 16-bit big endian', () => {
    const els = [...imageElements({ rows: 1, cols: 2, bits: 16 }), el(0x7fe0, 0x0010, 'OW', [1000, 65535])];
    expect(Array.from(readDicom(writeDicom(els, SYNTAX.bigEndian)).data)).toEqual([1000, 65535]);
  });
});

describe('DICOM quirks', () => {
  it('reads a data set whose VR encoding contradicts its transfer syntax, with a warning', () => {
    const els = [...imageElements({ rows: 1, cols: 2 }), el(0x7fe0, 0x0010, 'OB', new Uint8Array([7, 9]))];
    const bytes = writeDicom(els, { uid: SYNTAX.explicit.uid, explicit: false, le: true });
    const img = readDicom(bytes, { name: 'odd.dcm' });
    expect(Array.from(img.data)).toEqual([7, 9]);
    expect(img.warnings?.some((w) => w.includes('implicit VR although'))).toBe(true);
  });

  it('reads UN elements through the dictionary, and UN sequences of undefined length as implicit VR', () => {
    const le16 = (...v: number[]) => new Uint8Array(new Uint16Array(v).buffer);
    const le32 = (v: number) => new Uint8Array(new Uint32Array([v]).buffer);
    const implicitEl = (g: number, e: number, value: Uint8Array) => [le16(g, e), le32(value.length), value];
    const fd = (v: number) => new Uint8Array(new Float64Array([v]).buffer);
    const region = [
      ...implicitEl(0x0018, 0x6018, le32(0)), ...implicitEl(0x0018, 0x601a, le32(0)), ...implicitEl(0x0018, 0x601c, le32(9)), ...implicitEl(0x0018, 0x601e, le32(9)),
      ...implicitEl(0x0018, 0x6024, le16(3)), ...implicitEl(0x0018, 0x6026, le16(3)), ...implicitEl(0x0018, 0x602c, fd(0.03)), ...implicitEl(0x0018, 0x602e, fd(0.03)),
    ];
    const parts = [le16(0x0018, 0x6011), new TextEncoder().encode('UN'), new Uint8Array(2), le32(0xffffffff),
      le16(0xfffe, 0xe000), le32(0xffffffff), ...region, le16(0xfffe, 0xe00d), le32(0), le16(0xfffe, 0xe0dd), le32(0)];
    const raw = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) { raw.set(p, o); o += p.length; }
    const els = [...imageElements({ rows: 10, cols: 10 }), el(0x7fe0, 0x0010, 'OB', new Uint8Array(100))];
    const img = readDicom(writeDicom(els, SYNTAX.explicit, { appendRaw: raw }));
    expect(img.spacing[0]).toBeCloseTo(0.3, 10);
    expect(img.spacingSource).toBe('SequenceOfUltrasoundRegions');
    const ps = readDicom(writeDicom([...els, el(0x0028, 0x0030, 'UN', new TextEncoder().encode('0.5\\0.25'))]));
    expect(ps.spacing.slice(0, 2)).toEqual([0.25, 0.5]);
  });
});

describe('DICOM grey values', () => {
  it('masks bits above BitsStored and applies RescaleSlope/Intercept', () => {
    const els = [...imageElements({ rows: 1, cols: 3, bits: 16, stored: 12 }), el(0x0028, 0x1052, 'DS', '-1024'), el(0x0028, 0x1053, 'DS', '2'),
      el(0x7fe0, 0x0010, 'OW', [0xf000 | 100, 0, 4095])];
    expect(Array.from(readDicom(writeDicom(els)).data)).toEqual([100 * 2 - 1024, -1024, 4095 * 2 - 1024]);
  });

  it('sign-extends signed samples from BitsStored', () => {
    const els = [...imageElements({ rows: 1, cols: 3, bits: 16, stored: 12, signed: true }), el(0x7fe0, 0x0010, 'OW', [0x0fff, 0x0800, 0x07ff])];
    expect(Array.from(readDicom(writeDicom(els)).data)).toEqual([-1, -2048, 2047]);
  });

  it('inverts MONOCHROME1 so that larger is brighter', () => {
    const els = [...imageElements({ rows: 1, cols: 2, photometric: 'MONOCHROME1' }), el(0x7fe0, 0x0010, 'OB', new Uint8Array([0, 55]))];
    expect(Array.from(readDicom(writeDicom(els)).data)).toEqual([255, 200]);
  });
});

describe('DICOM colour', () => {
  const rgb = [10, 20, 30, 200, 100, 50];
  const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

  it('reads RGB with planar configuration 0 and 1 alike', () => {
    const interleaved = writeDicom([...imageElements({ rows: 1, cols: 2, spp: 3, photometric: 'RGB', planar: 0 }), el(0x7fe0, 0x0010, 'OB', new Uint8Array(rgb))]);
    const planar = writeDicom([...imageElements({ rows: 1, cols: 2, spp: 3, photometric: 'RGB', planar: 1 }), el(0x7fe0, 0x0010, 'OB', new Uint8Array([10, 200, 20, 100, 30, 50]))]);
    const a = readDicom(interleaved), b = readDicom(planar, { channel: 'r' });
    expect(a.data[0]).toBeCloseTo(luma(10, 20, 30), 4);
    expect(a.data[1]).toBeCloseTo(luma(200, 100, 50), 4);
    expect(Array.from(b.data)).toEqual([10, 200]);
    expect(Array.from(readDicom(planar).data)).toEqual(Array.from(a.data));
  });

  it('converts YBR_FULL (grey pixels stay grey; luma equals Y)', () => {
    const bytes = writeDicom([...imageElements({ rows: 1, cols: 2, spp: 3, photometric: 'YBR_FULL' }), el(0x7fe0, 0x0010, 'OB', new Uint8Array([77, 128, 128, 120, 90, 160]))]);
    const r = readDicom(bytes, { channel: 'r' }).data, y = readDicom(bytes).data;
    expect(r[0]).toBeCloseTo(77, 4);
    expect(y[1]).toBeCloseTo(120, 2); // BT.601 luma of the BT.601 inverse is Y itself
    expect(r[1]).toBeCloseTo(120 + 1.402 * 32, 3);
  });

  it('expands native YBR_FULL_422 (Y1 Y2 Cb Cr per pixel pair)', () => {
    const bytes = writeDicom([...imageElements({ rows: 1, cols: 2, spp: 3, photometric: 'YBR_FULL_422' }), el(0x7fe0, 0x0010, 'OB', new Uint8Array([50, 150, 128, 128]))]);
    expect(Array.from(readDicom(bytes).data).map((v) => Math.round(v * 1000) / 1000)).toEqual([50, 150]);
  });

  it('maps 8-bit palettes stored as packed bytes, clamping indices outside the table', () => {
    const lut = (k: number) => new Uint8Array(Array.from({ length: 4 }, (_, i) => i * k));
    const els = [...imageElements({ rows: 1, cols: 3, photometric: 'PALETTE COLOR' }),
      el(0x0028, 0x1101, 'US', [4, 1, 8]), el(0x0028, 0x1102, 'US', [4, 1, 8]), el(0x0028, 0x1103, 'US', [4, 1, 8]),
      el(0x0028, 0x1201, 'OW', lut(10)), el(0x0028, 0x1202, 'OW', lut(20)), el(0x0028, 0x1203, 'OW', lut(30)),
      el(0x7fe0, 0x0010, 'OB', new Uint8Array([0, 2, 9]))];
    const bytes = writeDicom(els);
    expect(Array.from(readDicom(bytes, { channel: 'g' }).data)).toEqual([0, 20, 60]);
  });

  it('maps 16-bit palettes to 0–255 (entry >> 8)', () => {
    const els = [...imageElements({ rows: 1, cols: 2, photometric: 'PALETTE COLOR' }),
      el(0x0028, 0x1101, 'US', [2, 0, 16]), el(0x0028, 0x1102, 'US', [2, 0, 16]), el(0x0028, 0x1103, 'US', [2, 0, 16]),
      el(0x0028, 0x1201, 'OW', [0x0000, 0xffff]), el(0x0028, 0x1202, 'OW', [0x1000, 0x8080]), el(0x0028, 0x1203, 'OW', [0, 0]),
      el(0x7fe0, 0x0010, 'OB', new Uint8Array([0, 1]))];
    const bytes = writeDicom(els);
    expect(Array.from(readDicom(bytes, { channel: 'r' }).data)).toEqual([0, 255]);
    expect(Array.from(readDicom(bytes, { channel: 'g' }).data)).toEqual([16, 128]);
  });

  it('expands segmented palettes: discrete, linear and indirect segments (PS3.3 C.7.9.2)', () => {
    // discrete [0, 10], linear to 40 over 3 → 20, 30, 40; indirect: copy 2 segments from word 0 → 0, 10, 20, 30, 40
    const seg = new Uint16Array([0, 2, 0, 10, 1, 3, 40, 2, 2, 0, 0]);
    expect(Array.from(expandSegmented(seg, 10, 'test'))).toEqual([0, 10, 20, 30, 40, 0, 10, 20, 30, 40]);
    expect(code(() => expandSegmented(new Uint16Array([7, 1, 0]), 1, 'test'))).toBe('CORRUPT_FILE');
  });
});

describe('DICOM geometry', () => {
  it('takes PixelSpacing [row, column], position and orientation', () => {
    const els = [...imageElements({ rows: 2, cols: 2 }), el(0x0028, 0x0030, 'DS', '0.5\\0.25'), el(0x0020, 0x0032, 'DS', '-10\\20\\30'),
      el(0x0020, 0x0037, 'DS', '0\\1\\0\\0\\0\\-1'), el(0x0018, 0x0050, 'DS', '2.5'), el(0x7fe0, 0x0010, 'OB', new Uint8Array(4))];
    const img = readDicom(writeDicom(els));
    expect(img.spacing).toEqual([0.25, 0.5, 2.5]);
    expect(img.origin).toEqual([-10, 20, 30]);
    expect(img.direction).toEqual([0, 0, -1, 1, 0, 0, 0, -1, 0]);
    expect(img.spacingSource).toBe('PixelSpacing');
  });

  it('falls back to ImagerPixelSpacing', () => {
    const els = [...imageElements({ rows: 1, cols: 1 }), el(0x0018, 0x1164, 'DS', '0.1\\0.2'), el(0x7fe0, 0x0010, 'OB', new Uint8Array(2))];
    const img = readDicom(writeDicom(els));
    expect(img.spacing.slice(0, 2)).toEqual([0.2, 0.1]);
    expect(img.spacingSource).toBe('ImagerPixelSpacing');
  });

  it('reads ultrasound regions from an implicit-VR file with defined-length sequences', () => {
    const region = (x0: number, x1: number, d: number): Element[] => [
      el(0x0018, 0x6018, 'UL', [x0]), el(0x0018, 0x601a, 'UL', [0]), el(0x0018, 0x601c, 'UL', [x1]), el(0x0018, 0x601e, 'UL', [9]),
      el(0x0018, 0x6024, 'US', [3]), el(0x0018, 0x6026, 'US', [3]), el(0x0018, 0x602c, 'FD', [d]), el(0x0018, 0x602e, 'FD', [Math.abs(d)]),
    ];
    const els = [...imageElements({ rows: 10, cols: 10 }), el(0x0018, 0x6011, 'SQ', [region(0, 4, -0.01), region(5, 9, 0.02)]), el(0x7fe0, 0x0010, 'OB', new Uint8Array(100))];
    const bytes = writeDicom(els, SYNTAX.implicit);
    expect(readDicom(bytes, { roi: { x: 2, y: 2 } }).spacing.slice(0, 2)).toEqual([0.1, 0.1]);
    expect(readDicom(bytes, { roi: { x: 7, y: 2 } }).spacing.slice(0, 2)).toEqual([0.2, 0.2]);
  });
});

describe('DICOM errors', () => {
  const good = writeDicom([...imageElements({ rows: 4, cols: 4 }), el(0x7fe0, 0x0010, 'OB', new Uint8Array(16))]);

  it('rejects non-DICOM bytes', () => {
    expect(isDicom(new Uint8Array(300))).toBe(false);
    expect(code(() => readDicom(new Uint8Array(300)))).toBe('UNSUPPORTED_FORMAT');
  });

  it('reports truncated files as CORRUPT_FILE, naming the file', () => {
    for (const cut of [good.length - 4, good.length - 20, 150]) {
      expect(code(() => readDicom(good.subarray(0, cut), { name: 'case-7.dcm' }))).toBe('CORRUPT_FILE');
    }
    expect(() => readDicom(good.subarray(0, good.length - 4), { name: 'case-7.dcm' })).toThrow(/case-7\.dcm/);
  });

  it('rejects unsupported transfer syntaxes with advice', () => {
    const els = [...imageElements({ rows: 1, cols: 1 }), el(0x7fe0, 0x0010, 'OB', new Uint8Array(2))];
    const bytes = writeDicom(els, { uid: '1.2.840.10008.1.2.4.100', explicit: true, le: true });
    expect(code(() => readDicom(bytes))).toBe('UNSUPPORTED_FORMAT');
    expect(() => readDicom(bytes)).toThrow(/1\.2\.840\.10008\.1\.2\.4\.100 is not supported/);
  });

  it('reports corrupt compressed frames as CORRUPT_FILE', () => {
    const els = imageElements({ rows: 8, cols: 8 });
    const jpeg = writeDicom(els, { uid: '1.2.840.10008.1.2.4.50', explicit: true, le: true }, { encapsulatedPixels: [new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 1, 2, 3])] });
    expect(code(() => readDicom(jpeg))).toBe('CORRUPT_FILE');
    const rle = writeDicom(els, { uid: '1.2.840.10008.1.2.5', explicit: true, le: true }, { encapsulatedPixels: [new Uint8Array(64)] });
    expect(code(() => readDicom(rle))).toBe('CORRUPT_FILE');
  });

  it('says when a file holds no image', () => {
    const bytes = writeDicom([el(0x0008, 0x0060, 'CS', 'SR')]);
    expect(parseDicom(bytes).dataset.string(0x00080060)).toBe('SR');
    expect(code(() => readDicom(bytes))).toBe('BAD_INPUT');
  });
});

describe('DICOM enhanced multi-frame volume', () => {
  // 3 frames of 2×2, stored out of order (z = 10, 4, 7); shared orientation, spacing and rescale.
  const frameZ = [10, 4, 7];
  const els = (withPositions: boolean): Element[] => [
    ...imageElements({ rows: 2, cols: 2, bits: 16, frames: 3 }),
    el(0x5200, 0x9229, 'SQ', [[
      el(0x0020, 0x9116, 'SQ', [[el(0x0020, 0x0037, 'DS', '1\\0\\0\\0\\1\\0')]]),
      el(0x0028, 0x9110, 'SQ', [[el(0x0028, 0x0030, 'DS', '0.4\\0.5'), el(0x0018, 0x0050, 'DS', '3')]]),
      el(0x0028, 0x9145, 'SQ', [[el(0x0028, 0x1052, 'DS', '-5'), el(0x0028, 0x1053, 'DS', '2')]]),
    ]]),
    el(0x5200, 0x9230, 'SQ', frameZ.map((z) => (withPositions ? [el(0x0020, 0x9113, 'SQ', [[el(0x0020, 0x0032, 'DS', `1\\2\\${z}`)]])] : [el(0x0020, 0x9111, 'SQ', [[]])]))),
    el(0x7fe0, 0x0010, 'OW', [10, 10, 10, 10, 4, 4, 4, 4, 7, 7, 7, 7]),
  ];

  it('stacks frames by plane position with functional-group spacing and rescale', async () => {
    const { readDicomVolume } = await import('../../src/io/dicom/index.ts');
    const v = readDicomVolume(writeDicom(els(true)));
    expect(v.size).toEqual([2, 2, 3]);
    expect(v.spacing).toEqual([0.5, 0.4, 3]);
    expect(v.origin).toEqual([1, 2, 4]);
    expect(Array.from(v.data)).toEqual([4, 4, 4, 4, 7, 7, 7, 7, 10, 10, 10, 10].map((x) => 2 * x - 5));
  });

  it('refuses a cine loop (frames without positions)', async () => {
    const { readDicomVolume } = await import('../../src/io/dicom/index.ts');
    expect(code(() => readDicomVolume(writeDicom(els(false))))).toBe('BAD_INPUT');
    expect(readDicom(writeDicom(els(false)), { frame: 2 }).data[0]).toBe(2 * 7 - 5);
  });
});
