/**
 * Uncompressed ("native") pixel data (PS3.5 §8.1.1 and §8.2): samples of BitsAllocated bits
 * in the transfer syntax's byte order; planar configuration 1 stores colour planes one after
 * another. Big-endian OW data of 8-bit samples is byte-swapped in 16-bit words (PS3.5 §8.1.1:
 * OW is a stream of 16-bit words), so pairs are swapped back here. YBR_FULL_422 stores
 * Y1 Y2 Cb Cr per pair of pixels (PS3.3 C.7.6.3.1.2) and is expanded to full resolution.
 */
import { SonomicsError } from '../../../core/errors.ts';
import type { DecodedFrame, FrameInfo, SampleArray } from './types.ts';
import { interleavePlanes } from './samples.ts';

/** Bytes one native frame occupies. */
export function nativeFrameBytes(info: FrameInfo): number {
  const pixels = info.rows * info.columns;
  if (info.photometric === 'YBR_FULL_422' || info.photometric === 'YBR_PARTIAL_422') return pixels * 2 * (info.bitsAllocated >> 3);
  return Math.ceil((pixels * info.samplesPerPixel * info.bitsAllocated) / 8);
}

export function decodeNative(data: Uint8Array, info: FrameInfo, littleEndian: boolean, swapWordBytes: boolean): DecodedFrame {
  const { rows, columns, samplesPerPixel: spp, bitsAllocated, signed, name } = info;
  const pixels = rows * columns;
  const expected = nativeFrameBytes(info);
  if (data.length < expected) throw new SonomicsError('CORRUPT_FILE', `${name}: pixel data truncated (frame needs ${expected} bytes, has ${data.length})`);
  let samples: SampleArray;
  if (bitsAllocated === 1) {
    // Bit-packed (e.g. DICOM SEG binary), least significant bit first (PS3.5 §8.1.1).
    samples = new Uint8Array(pixels * spp);
    for (let i = 0; i < samples.length; i++) samples[i] = (data[i >> 3]! >> (i & 7)) & 1;
  } else if (bitsAllocated === 8) {
    if (swapWordBytes) {
      samples = new Uint8Array(expected);
      for (let i = 0; i + 1 < expected; i += 2) { samples[i] = data[i + 1]!; samples[i + 1] = data[i]!; }
      if (expected % 2) samples[expected - 1] = data[expected]!;
    } else samples = data.slice(0, expected);
    if (signed) samples = new Int8Array(samples.buffer, samples.byteOffset, samples.length);
  } else if (bitsAllocated === 16 || bitsAllocated === 32) {
    const size = bitsAllocated >> 3;
    const n = expected / size;
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (size === 2) {
      const out = signed ? new Int16Array(n) : new Uint16Array(n);
      for (let i = 0; i < n; i++) out[i] = signed ? dv.getInt16(2 * i, littleEndian) : dv.getUint16(2 * i, littleEndian);
      samples = out;
    } else {
      const out = signed ? new Int32Array(n) : new Uint32Array(n);
      for (let i = 0; i < n; i++) out[i] = signed ? dv.getInt32(4 * i, littleEndian) : dv.getUint32(4 * i, littleEndian);
      samples = out;
    }
  } else {
    throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: BitsAllocated ${bitsAllocated} is not supported (1, 8, 16 or 32)`);
  }
  if (info.photometric === 'YBR_FULL_422' || info.photometric === 'YBR_PARTIAL_422') {
    return { samples: expand422(samples, pixels), width: columns, height: rows, samplesPerPixel: 3, photometric: info.photometric.replace('_422', '') };
  }
  if (spp > 1 && info.planarConfiguration === 1) samples = interleavePlanes(samples, spp);
  return { samples, width: columns, height: rows, samplesPerPixel: spp, photometric: info.photometric };
}

/** Y1 Y2 Cb Cr → Y1 Cb Cr Y2 Cb Cr (chroma shared by each horizontal pair). */
function expand422(s: SampleArray, pixels: number): SampleArray {
  const out = new (s.constructor as new (n: number) => SampleArray)(pixels * 3);
  for (let p = 0, i = 0; p < pixels; p += 2, i += 4) {
    const cb = s[i + 2]!, cr = s[i + 3]!;
    out[3 * p] = s[i]!; out[3 * p + 1] = cb; out[3 * p + 2] = cr;
    if (p + 1 < pixels) { out[3 * p + 3] = s[i + 1]!; out[3 * p + 4] = cb; out[3 * p + 5] = cr; }
  }
  return out;
}
