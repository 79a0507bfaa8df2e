/**
 * PNG writer for synthetic images and masks: 8- or 16-bit grey, 8- or 16-bit RGB,
 * non-interlaced, every scanline with the Up filter (§9.2), zlib via fflate.
 */
import { zlibSync } from 'fflate';
import { SonomicsError } from '../core/errors.ts';
import type { Image, Mask } from '../image/image.ts';
import { crc32 } from './crc32.ts';

export interface PngPixels {
  width: number;
  height: number;
  /** 1 = grey, 3 = RGB (interleaved). */
  channels: 1 | 3;
  bitDepth: 8 | 16;
  /** width·height·channels samples, top row first; values are rounded and clamped to the bit depth. */
  data: ArrayLike<number>;
  /** zlib level 0–9 (default 6); 1 is several times faster for bulk synthetic output. */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

export function encodePng(p: PngPixels): Uint8Array {
  const { width, height, channels, bitDepth } = p;
  if (!(width > 0 && height > 0 && Number.isInteger(width) && Number.isInteger(height))) {
    throw new SonomicsError('BAD_INPUT', `PNG size must be positive integers, got ${width}×${height}`);
  }
  if (channels !== 1 && channels !== 3) throw new SonomicsError('BAD_INPUT', `PNG writer supports 1 (grey) or 3 (RGB) channels, got ${channels}`);
  if (bitDepth !== 8 && bitDepth !== 16) throw new SonomicsError('BAD_INPUT', `PNG writer supports bit depth 8 or 16, got ${bitDepth}`);
  const n = width * height * channels;
  if (p.data.length !== n) throw new SonomicsError('BAD_INPUT', `PNG data has ${p.data.length} samples, ${width}×${height}×${channels} needs ${n}`);
  const bytesPerSample = bitDepth / 8;
  const stride = width * channels * bytesPerSample;
  const max = bitDepth === 16 ? 65535 : 255;
  // Serialise the samples, then filter each scanline with Up (raw[x] - prior[x]).
  const lines = new Uint8Array(height * stride);
  for (let i = 0; i < n; i++) {
    const v = Math.min(max, Math.max(0, Math.round(p.data[i]! || 0)));
    if (bitDepth === 8) lines[i] = v;
    else { lines[2 * i] = v >> 8; lines[2 * i + 1] = v & 255; }
  }
  const filtered = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1), s = y * stride;
    filtered[o] = y === 0 ? 0 : 2;
    for (let i = 0; i < stride; i++) filtered[o + 1 + i] = y === 0 ? lines[s + i]! : (lines[s + i]! - lines[s - stride + i]!) & 255;
  }
  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, width); hv.setUint32(4, height);
  ihdr[8] = bitDepth; ihdr[9] = channels === 1 ? 0 : 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const chunks = [pngChunk('IHDR', ihdr), pngChunk('IDAT', zlibSync(filtered, { level: p.level ?? 6 })), pngChunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(8 + chunks.reduce((a, c) => a + c.length, 0));
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let o = 8;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

/** A 2D image as grey PNG; values are rounded and clamped (no rescaling: choose the bit depth that fits). */
export function imageToPng(image: Image, bitDepth: 8 | 16 = 8): Uint8Array {
  if (image.size[2] !== 1) throw new SonomicsError('BAD_INPUT', `PNG holds 2D images; this image has ${image.size[2]} slices`);
  return encodePng({ width: image.size[0], height: image.size[1], channels: 1, bitDepth, data: image.data });
}

/** A 2D mask as 8-bit grey PNG with 0 outside and 255 inside (opens visibly in any viewer; readMask maps non-zero to 1). */
export function maskToPng(mask: Mask): Uint8Array {
  if (mask.size[2] !== 1) throw new SonomicsError('BAD_INPUT', `PNG holds 2D masks; this mask has ${mask.size[2]} slices`);
  const data = new Uint8Array(mask.data.length);
  for (let i = 0; i < data.length; i++) data[i] = mask.data[i] ? 255 : 0;
  return encodePng({ width: mask.size[0], height: mask.size[1], channels: 1, bitDepth: 8, data });
}

/** One PNG chunk: length, type, body, CRC-32 of type and body (PNG specification §5.3). */
export function pngChunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  dv.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}
