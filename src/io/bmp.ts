/**
 * BMP (Windows bitmap) decoder: BITMAPCOREHEADER and BITMAPINFOHEADER..V5, uncompressed
 * 1/4/8-bit palette, 16-bit (5-5-5 or bit fields), 24-bit BGR and 32-bit BGRX / bit fields;
 * bottom-up (positive height) and top-down (negative height) row order. Rows are padded
 * to 4 bytes; RLE8 / RLE4 palette compression (BI_RLE8 = 1, BI_RLE4 = 2).
 */
import { SonomicsError } from '../core/errors.ts';
import { checkDeclaredSize, MAX_RASTER_PIXELS } from './limits.ts';
import type { Raster } from './raster.ts';
import { defineImageFormat } from './format.ts';

export function isBmp(bytes: Uint8Array): boolean {
  return bytes.length >= 26 && bytes[0] === 0x42 && bytes[1] === 0x4d;
}

export function decodeBmp(bytes: Uint8Array, name = 'BMP file'): Raster {
  const corrupt = (why: string) => new SonomicsError('CORRUPT_FILE', `${name}: ${why} (is the file a complete BMP?)`, { subject: name });
  if (!isBmp(bytes)) throw corrupt('no BM signature');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataOffset = dv.getUint32(10, true);
  const dibSize = dv.getUint32(14, true);
  let width: number, height: number, bpp: number, compression = 0, coloursUsed = 0;
  if (dibSize === 12) {
    width = dv.getUint16(18, true); height = dv.getInt16(20, true); bpp = dv.getUint16(24, true);
  } else if (dibSize >= 40 && bytes.length >= 54) {
    width = dv.getInt32(18, true); height = dv.getInt32(22, true); bpp = dv.getUint16(28, true);
    compression = dv.getUint32(30, true); coloursUsed = dv.getUint32(46, true);
  } else throw corrupt(`unknown header size ${dibSize}`);
  const topDown = height < 0;
  height = Math.abs(height);
  checkDeclaredSize([width, height], MAX_RASTER_PIXELS, name);
  // Bit-field masks follow a 40-byte header (BI_BITFIELDS = 3, BI_ALPHABITFIELDS = 6) or sit inside V4/V5 headers.
  let masks: [number, number, number] | null = null;
  if (compression === 3 || compression === 6) {
    if (bytes.length < 14 + 40 + 12) throw corrupt('bit-field masks missing');
    masks = [dv.getUint32(54, true), dv.getUint32(58, true), dv.getUint32(62, true)];
  } else if (compression !== 0 && !((compression === 1 && bpp === 8) || (compression === 2 && bpp === 4))) {
    throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: BMP compression ${compression} (RLE/JPEG/PNG inside BMP) is not supported; save it as an uncompressed BMP or PNG`, { subject: name });
  }
  if (![1, 4, 8, 16, 24, 32].includes(bpp)) throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: ${bpp} bits per pixel is not supported`, { subject: name });
  const stride = Math.ceil((width * bpp) / 32) * 4;
  const rle = compression === 1 || compression === 2;
  if (!rle && dataOffset + stride * height > bytes.length) throw corrupt(`pixel data truncated (needs ${dataOffset + stride * height} bytes, file has ${bytes.length})`);

  let palette: Uint8Array | null = null;
  if (bpp <= 8) {
    const entrySize = dibSize === 12 ? 3 : 4;
    const count = coloursUsed || 1 << bpp;
    const start = 14 + dibSize + (compression === 3 ? 12 : compression === 6 ? 16 : 0);
    if (start + count * entrySize > bytes.length) throw corrupt('palette truncated');
    palette = new Uint8Array(count * 3);
    for (let i = 0; i < count; i++) {
      const o = start + i * entrySize; // entries are B, G, R(, reserved)
      palette[3 * i] = bytes[o + 2]!; palette[3 * i + 1] = bytes[o + 1]!; palette[3 * i + 2] = bytes[o]!;
    }
  }
  const out = new Uint8Array(width * height * 3);
  if (rle) {
    const indices = decodeRle(bytes.subarray(dataOffset), width, height, compression === 2, name);
    for (let row = 0; row < height; row++) {
      const y = topDown ? row : height - 1 - row;
      for (let x = 0; x < width; x++) {
        const idx = indices[row * width + x]!, o = (y * width + x) * 3;
        if (3 * idx + 2 >= palette!.length) throw corrupt(`palette index ${idx} is outside the palette`);
        out[o] = palette![3 * idx]!; out[o + 1] = palette![3 * idx + 1]!; out[o + 2] = palette![3 * idx + 2]!;
      }
    }
    return { width, height, channels: 3, data: out, bitDepth: bpp, maxValue: 255, photometric: 'palette' };
  }
  const field = masks?.map(maskShift) ?? null;
  for (let row = 0; row < height; row++) {
    const y = topDown ? row : height - 1 - row;
    const line = dataOffset + row * stride;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      if (bpp <= 8) {
        const bit = x * bpp;
        const idx = (bytes[line + (bit >> 3)]! >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        if (3 * idx + 2 >= palette!.length) throw corrupt(`palette index ${idx} is outside the palette`);
        out[o] = palette![3 * idx]!; out[o + 1] = palette![3 * idx + 1]!; out[o + 2] = palette![3 * idx + 2]!;
      } else if (bpp === 24) {
        const p = line + 3 * x;
        out[o] = bytes[p + 2]!; out[o + 1] = bytes[p + 1]!; out[o + 2] = bytes[p]!;
      } else {
        const v = bpp === 16 ? dv.getUint16(line + 2 * x, true) : dv.getUint32(line + 4 * x, true);
        if (field) {
          for (let k = 0; k < 3; k++) out[o + k] = field[k]!(v);
        } else if (bpp === 16) { // default 5-5-5
          out[o] = scale5((v >> 10) & 31); out[o + 1] = scale5((v >> 5) & 31); out[o + 2] = scale5(v & 31);
        } else {
          out[o] = (v >>> 16) & 255; out[o + 1] = (v >>> 8) & 255; out[o + 2] = v & 255;
        }
      }
    }
  }
  return { width, height, channels: 3, data: out, bitDepth: bpp, maxValue: 255, photometric: bpp <= 8 ? 'palette' : 'RGB' };
}

/** 5-bit channel to 8 bits by bit replication (v << 3 | v >> 2), as ImageMagick and browsers do. */
function scale5(v: number): number {
  return (v << 3) | (v >> 2);
}

/** An n-bit value widened (bit replication) or narrowed (top bits) to 8 bits. */
function to8Bits(v: number, bits: number): number {
  if (bits >= 8) return v >>> (bits - 8);
  let out = 0, filled = 0;
  while (filled < 8) { out = (out << bits) | v; filled += bits; }
  return out >>> (filled - 8);
}

/** A function that extracts one bit-field channel and scales it to 0..255. */
function maskShift(mask: number): (v: number) => number {
  if (mask === 0) return () => 0;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  let bits = 0;
  while ((mask >>> (shift + bits)) & 1) bits++;
  return (v) => to8Bits(((v & mask) >>> shift) & ((2 ** bits) - 1), bits);
}

/**
 * BI_RLE8 / BI_RLE4 (Microsoft BMP format): (count, value) runs; count 0 escapes to
 * end-of-line (0), end-of-bitmap (1), delta (2, dx, dy) or an absolute run padded to 16 bits.
 * Rows come in file order (bottom-up unless the height was negative).
 */
function decodeRle(src: Uint8Array, width: number, height: number, four: boolean, name: string): Uint8Array {
  const out = new Uint8Array(width * height);
  let x = 0, y = 0, i = 0;
  const put = (v: number) => { if (x < width && y < height) out[y * width + x] = v; x++; };
  while (i + 1 < src.length && y < height) {
    const count = src[i++]!, value = src[i++]!;
    if (count > 0) {
      for (let k = 0; k < count; k++) put(four ? (k & 1 ? value & 15 : value >> 4) : value);
    } else if (value === 0) { x = 0; y++; }
    else if (value === 1) break;
    else if (value === 2) { x += src[i++] ?? 0; y += src[i++] ?? 0; }
    else {
      const n = value;
      const bytes = four ? Math.ceil(n / 2) : n;
      if (i + bytes > src.length) throw new SonomicsError('CORRUPT_FILE', `${name}: RLE data truncated`, { subject: name });
      for (let k = 0; k < n; k++) put(four ? (k & 1 ? src[i + (k >> 1)]! & 15 : src[i + (k >> 1)]! >> 4) : src[i + k]!);
      i += bytes + (bytes & 1);
    }
  }
  return out;
}

/** BMP in the image-format registry (src/io/formats.ts). */
export const BMP_FORMAT = defineImageFormat({ format: 'bmp', title: 'BMP', kind: 'raster', sniff: isBmp, decode: decodeBmp });
