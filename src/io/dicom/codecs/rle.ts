/**
 * DICOM RLE Lossless (PS3.5 Annex G). A frame is a 64-byte header (segment count + 15
 * offsets, little endian) and up to 15 PackBits segments. Segment order: for each sample
 * (colour component), one segment per byte of the sample, most significant byte first.
 * Each segment decodes to rows × columns bytes.
 */
import { SonomicsError } from '../../../core/errors.ts';
import type { DecodedFrame, FrameInfo } from './types.ts';

/** PackBits (G.3.1): n in 0..127 copies n+1 literal bytes; n in -127..-1 repeats the next byte 1-n times; -128 is a no-op. */
function unpackBits(src: Uint8Array, out: Uint8Array, name: string): void {
  let i = 0, o = 0;
  const n = out.length, m = src.length;
  while (o < n && i < m) {
    const h = src[i++]!;
    if (h < 128) {
      let count = h + 1;
      if (i + count > m) throw new SonomicsError('CORRUPT_FILE', `${name}: RLE literal run past the end of a segment`);
      if (o + count > n) count = n - o;
      for (let k = 0; k < count; k++) out[o + k] = src[i + k]!;
      i += h + 1; o += count;
    } else if (h > 128) {
      const v = src[i++]!;
      const end = Math.min(n, o + 257 - h);
      while (o < end) out[o++] = v;
    }
  }
  if (o < n) throw new SonomicsError('CORRUPT_FILE', `${name}: RLE segment decodes to ${o} bytes, expected ${n} (truncated frame)`);
}

export function decodeRle(data: Uint8Array, info: FrameInfo): DecodedFrame {
  const { rows, columns, samplesPerPixel: spp, bitsAllocated, name } = info;
  if (data.length < 64) throw new SonomicsError('CORRUPT_FILE', `${name}: RLE frame shorter than its 64-byte header`);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const nSeg = dv.getUint32(0, true);
  const bytesPerSample = bitsAllocated >> 3;
  if (bitsAllocated % 8 !== 0 || nSeg !== spp * bytesPerSample) {
    throw new SonomicsError('CORRUPT_FILE', `${name}: RLE frame has ${nSeg} segments; ${spp} samples of ${bitsAllocated} bits need ${spp * bytesPerSample}`);
  }
  const plane = rows * columns;
  if (nSeg === 1) {
    // One 8-bit sample per pixel: the segment is the frame.
    const out = new Uint8Array(plane);
    const start = dv.getUint32(4, true);
    if (start < 64 || start > data.length) throw new SonomicsError('CORRUPT_FILE', `${name}: RLE segment 1 has a bad offset`);
    unpackBits(data.subarray(start), out, name);
    return { samples: out, width: columns, height: rows, samplesPerPixel: 1, photometric: info.photometric };
  }
  const segment = new Uint8Array(plane);
  const count = plane * spp;
  const out = bytesPerSample === 1 ? new Uint8Array(count) : bytesPerSample === 2 ? new Uint16Array(count) : new Uint32Array(count);
  for (let s = 0; s < nSeg; s++) {
    const start = dv.getUint32(4 + 4 * s, true);
    const end = s + 1 < nSeg ? dv.getUint32(8 + 4 * s, true) : data.length;
    if (start < 64 || start > end || end > data.length) throw new SonomicsError('CORRUPT_FILE', `${name}: RLE segment ${s + 1} has a bad offset`);
    unpackBits(data.subarray(start, end), segment, name);
    const sample = Math.floor(s / bytesPerSample);
    const shift = 8 * (bytesPerSample - 1 - (s % bytesPerSample));
    for (let p = 0, o = sample; p < plane; p++, o += spp) out[o]! |= segment[p]! << shift;
  }
  if (bytesPerSample === 4) for (let i = 0; i < count; i++) out[i] = out[i]! >>> 0;
  return { samples: out, width: columns, height: rows, samplesPerPixel: spp, photometric: info.photometric };
}
