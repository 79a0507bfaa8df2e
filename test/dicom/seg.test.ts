/**
 * DICOM SEG → mask. No public SEG sample is in ../shared, so SEG files are written here
 * (test/dicom/write-dicom.ts) from known masks following PS3.3 C.8.20 (bit-packed BINARY
 * frames, LSB first, frames not byte-aligned; per-frame segment and plane position), and must
 * read back to the same mask on the reference grid.
 */
import { describe, expect, it } from 'vitest';
import { createImage, type Image } from '../../src/image/image.ts';
import { segSegments, segToMask } from '../../src/io/dicom/index.ts';
import { SonomicsError } from '../../src/core/errors.ts';
import { el, imageElements, writeDicom, type Element } from './write-dicom.ts';

const NX = 5, NY = 3, NZ = 4;
const reference: Image = createImage([NX, NY, NZ], [0.5, 0.7, 2], undefined, { origin: [10, -20, 5] });

/** Frames: [segment number, slice k, mask of NX×NY]. Packs bits across frame boundaries (NX·NY = 15 bits). */
function writeSeg(frames: Array<[number, number, number[]]>, opts: { fractional?: boolean; shiftX?: number } = {}): Uint8Array {
  const n = NX * NY;
  let pixel: Uint8Array;
  if (opts.fractional) {
    pixel = new Uint8Array(frames.length * n);
    frames.forEach(([, , m], f) => m.forEach((v, i) => { pixel[f * n + i] = v ? 200 : 40; }));
  } else {
    pixel = new Uint8Array(Math.ceil((frames.length * n) / 8));
    frames.forEach(([, , m], f) => m.forEach((v, i) => { const b = f * n + i; if (v) pixel[b >> 3]! |= 1 << (b & 7); }));
  }
  const perFrame: Element[][] = frames.map(([seg, k]) => [
    el(0x0062, 0x000a, 'SQ', [[el(0x0062, 0x000b, 'US', [seg])]]),
    el(0x0020, 0x9113, 'SQ', [[el(0x0020, 0x0032, 'DS', `${10 + (opts.shiftX ?? 0)}\\-20\\${5 + 2 * k}`)]]),
  ]);
  const els: Element[] = [
    el(0x0008, 0x0060, 'CS', 'SEG'),
    ...imageElements({ rows: NY, cols: NX, bits: opts.fractional ? 8 : 1, frames: frames.length }),
    el(0x0062, 0x0001, 'CS', opts.fractional ? 'FRACTIONAL' : 'BINARY'),
    el(0x0062, 0x000e, 'US', [255]),
    el(0x0062, 0x0002, 'SQ', [[el(0x0062, 0x0004, 'US', [1]), el(0x0062, 0x0005, 'LO', 'tumour')], [el(0x0062, 0x0004, 'US', [2]), el(0x0062, 0x0005, 'LO', 'liver')]]),
    el(0x5200, 0x9229, 'SQ', [[el(0x0020, 0x9116, 'SQ', [[el(0x0020, 0x0037, 'DS', '1\\0\\0\\0\\1\\0')]]), el(0x0028, 0x9110, 'SQ', [[el(0x0028, 0x0030, 'DS', '0.7\\0.5')]])]]),
    el(0x5200, 0x9230, 'SQ', perFrame),
    el(0x7fe0, 0x0010, 'OB', pixel),
  ];
  return writeDicom(els);
}

const sliceMask = (seed: number) => Array.from({ length: NX * NY }, (_, i) => ((i * 7 + seed) % 3 === 0 ? 1 : 0));

describe('DICOM SEG', () => {
  const frames: Array<[number, number, number[]]> = [[1, 1, sliceMask(1)], [2, 1, sliceMask(2)], [1, 2, sliceMask(3)], [2, 3, sliceMask(4)]];

  it('lists segments', () => {
    expect(segSegments(writeSeg(frames))).toEqual([{ number: 1, label: 'tumour' }, { number: 2, label: 'liver' }]);
  });

  it('reads each segment of a BINARY SEG onto its slices (bit-packed frames)', () => {
    const bytes = writeSeg(frames);
    for (const seg of [1, 2]) {
      const mask = segToMask(bytes, reference, seg);
      const expected = new Uint8Array(NX * NY * NZ);
      for (const [s, k, m] of frames) if (s === seg) m.forEach((v, i) => { expected[k * NX * NY + i] = v; });
      expect(Array.from(mask.data)).toEqual(Array.from(expected));
      expect(mask.size).toEqual(reference.size);
    }
    expect(Array.from(segToMask(bytes, reference, 'Liver').data)).toEqual(Array.from(segToMask(bytes, reference, 2).data));
  });

  it('thresholds FRACTIONAL frames at half the maximum', () => {
    const mask = segToMask(writeSeg(frames, { fractional: true }), reference, 1);
    expect(Array.from(mask.data.subarray(NX * NY, 2 * NX * NY))).toEqual(sliceMask(1));
  });

  it('refuses frames off the reference grid and unknown segments', () => {
    const err = (fn: () => unknown) => { try { fn(); } catch (e) { return (e as SonomicsError).code; } return undefined; };
    expect(err(() => segToMask(writeSeg(frames, { shiftX: 0.25 }), reference, 1))).toBe('MASK_MISMATCH');
    expect(err(() => segToMask(writeSeg(frames), reference, 7))).toBe('BAD_INPUT');
    expect(err(() => segToMask(writeSeg(frames), reference))).toBe('BAD_INPUT');
    expect(err(() => segToMask(writeSeg(frames), createImage([4, 3, 4]), 1))).toBe('MASK_MISMATCH');
  });
});
