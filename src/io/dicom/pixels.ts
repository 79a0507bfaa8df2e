/**
 * One frame of pixel data, decoded by the transfer syntax's codec, as interleaved samples
 * with BitsStored honoured (unused high bits masked, signed values sign-extended; PS3.5 §8.1.1).
 */
import { SonomicsError } from '../../core/errors.ts';
import type { DecodedFrame, FrameInfo, SampleArray } from './codecs/types.ts';
import { decodeNative, nativeFrameBytes } from './codecs/native.ts';
import { decodeRle } from './codecs/rle.ts';
import { decodeJpegBaseline } from './codecs/jpeg-baseline.ts';
import { decodeJpegLossless } from './codecs/jpeg-lossless.ts';
import { decodeJpegLs } from './codecs/jpeg-ls.ts';
import { decodeJpeg2000 } from './codecs/jpeg2000.ts';
import { encapsulatedFrame } from './frames.ts';
import type { DicomFile } from './parser.ts';
import { T } from './tags.ts';

export function frameInfo(file: DicomFile): FrameInfo {
  const ds = file.dataset;
  const rows = ds.number(T.Rows), columns = ds.number(T.Columns);
  if ((!rows || !columns) && file.truncated) throw new SonomicsError('CORRUPT_FILE', `${file.name}: the file ends before its image attributes; it is truncated (copy it again from the source)`);
  if (!rows || !columns) throw new SonomicsError('BAD_INPUT', `${file.name}: Rows/Columns missing; the file holds no image (is it a structured report, RTSTRUCT or DICOMDIR?)`);
  const bitsAllocated = ds.number(T.BitsAllocated) ?? 8;
  return {
    rows, columns, bitsAllocated,
    samplesPerPixel: ds.number(T.SamplesPerPixel) ?? 1,
    bitsStored: ds.number(T.BitsStored) ?? bitsAllocated,
    signed: ds.number(T.PixelRepresentation) === 1,
    planarConfiguration: ds.number(T.PlanarConfiguration) ?? 0,
    photometric: (ds.string(T.PhotometricInterpretation) ?? 'MONOCHROME2').toUpperCase(),
    name: file.name,
  };
}

export function frameCount(file: DicomFile): number {
  return Math.max(1, Math.round(file.dataset.number(T.NumberOfFrames) ?? 1));
}

export function decodeFrame(file: DicomFile, frame = 0): DecodedFrame {
  const info = frameInfo(file);
  const frames = frameCount(file);
  if (!Number.isInteger(frame) || frame < 0 || frame >= frames) {
    throw new SonomicsError('BAD_SETTINGS', `${file.name}: frame ${frame} does not exist (the file has ${frames} frame${frames > 1 ? 's' : ''}, numbered from 0)`);
  }
  const el = file.dataset.element(T.PixelData);
  if (!el || (el.value.length === 0 && !el.fragments?.length)) throw new SonomicsError('CORRUPT_FILE', `${file.name}: no pixel data (7FE0,0010)`);
  const codec = file.syntax.codec;
  let decoded: DecodedFrame;
  if (codec === 'native') {
    if (el.fragments) throw new SonomicsError('CORRUPT_FILE', `${file.name}: encapsulated pixel data in an uncompressed transfer syntax`);
    const size = nativeFrameBytes(info);
    const start = info.bitsAllocated === 1 ? 0 : frame * size;
    const bitsNeeded = (frame + 1) * info.rows * info.columns * info.samplesPerPixel;
    if (info.bitsAllocated === 1 && bitsNeeded > el.value.length * 8) {
      throw new SonomicsError('CORRUPT_FILE', `${file.name}: bit-packed pixel data truncated (frame ${frame} needs ${Math.ceil(bitsNeeded / 8)} bytes, element has ${el.value.length})`);
    }
    if (start + size > el.value.length) throw new SonomicsError('CORRUPT_FILE', `${file.name}: pixel data truncated (frame ${frame} needs bytes ${start}–${start + size}, element has ${el.value.length})`);
    let data = el.value.subarray(start, start + size);
    if (info.bitsAllocated === 1 && frame > 0) data = shiftBits(el.value, frame * info.rows * info.columns * info.samplesPerPixel, size);
    const swap = !file.syntax.littleEndian && el.vr === 'OW' && info.bitsAllocated === 8;
    decoded = decodeNative(data, info, file.syntax.littleEndian, swap);
  } else {
    if (!el.fragments) throw new SonomicsError('CORRUPT_FILE', `${file.name}: ${file.syntax.name} needs encapsulated pixel data`);
    const data = encapsulatedFrame(el, frame, frames, codec === 'rle', file.name);
    switch (codec) {
      case 'rle': decoded = decodeRle(data, info); break;
      case 'jpeg-baseline': case 'jpeg-extended': decoded = decodeJpegBaseline(data, info); break;
      case 'jpeg-lossless': decoded = decodeJpegLossless(data, info); break;
      case 'jpeg-ls': decoded = decodeJpegLs(data, info); break;
      case 'jpeg2000': decoded = decodeJpeg2000(data, info); break;
    }
  }
  applyBitsStored(decoded.samples, info);
  return decoded;
}

/** Bit-packed frames (BitsAllocated 1) need not start on a byte boundary. */
function shiftBits(all: Uint8Array, bitOffset: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size * 8; i++) {
    const b = bitOffset + i;
    if ((all[b >> 3]! >> (b & 7)) & 1) out[i >> 3]! |= 1 << (i & 7);
  }
  return out;
}

function applyBitsStored(s: SampleArray, info: FrameInfo): void {
  const { bitsStored: bs, bitsAllocated: ba } = info;
  if (bs >= ba || bs <= 0 || ba === 1 || s instanceof Float32Array) return;
  const mask = bs >= 32 ? 0xffffffff : 2 ** bs - 1;
  if (!info.signed) {
    for (let i = 0; i < s.length; i++) s[i] = (s[i]! & mask) >>> 0;
  } else {
    const shift = 32 - bs;
    for (let i = 0; i < s.length; i++) s[i] = (s[i]! << shift) >> shift;
  }
}
