/**
 * PNG decoder (W3C PNG Specification, 2nd ed. / ISO/IEC 15948): all colour types (grey, RGB,
 * palette, grey+alpha, RGBA), bit depths 1/2/4/8/16, the five scanline filters (§9) and
 * Adam7 interlacing (§8). zlib inflation is fflate's; everything else is here.
 */
import { SonomicsError } from '../core/errors.ts';
import { inflateCapped } from './gzip.ts';
import { checkDeclaredSize, MAX_RASTER_PIXELS } from './limits.ts';
import { crc32 } from './crc32.ts';
import type { Raster } from './raster.ts';
import { defineImageFormat } from './format.ts';

/** Larger claimed sizes are refused before allocating (a damaged header must not exhaust memory). */
export const MAX_PIXELS = MAX_RASTER_PIXELS;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== SIGNATURE[i]) return false;
  return true;
}

interface Header {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
}

/** Samples per pixel as stored, by colour type (§6.1). */
const STORED_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ALLOWED_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const PHOTOMETRIC: Record<number, string> = { 0: 'grey', 2: 'RGB', 3: 'palette', 4: 'grey+alpha', 6: 'RGBA' };

/** Adam7 passes: [x0, y0, dx, dy] (§8.2). */
const ADAM7: Array<[number, number, number, number]> = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
];

export function decodePng(bytes: Uint8Array, name = 'PNG file'): Raster {
  const corrupt = (why: string) => new SonomicsError('CORRUPT_FILE', `${name}: ${why} (is the file a complete PNG?)`, { subject: name });
  if (!isPng(bytes)) throw corrupt('no PNG signature');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let header: Header | null = null;
  let palette: Uint8Array | null = null;
  let physical: [number, number] | undefined;
  const idat: Uint8Array[] = [];
  let idatLength = 0;
  let sawEnd = false;
  while (pos + 8 <= bytes.length) {
    const length = dv.getUint32(pos);
    const type = String.fromCharCode(bytes[pos + 4]!, bytes[pos + 5]!, bytes[pos + 6]!, bytes[pos + 7]!);
    const start = pos + 8;
    if (start + length + 4 > bytes.length) throw corrupt(`chunk ${type} runs past the end of the file`);
    const body = bytes.subarray(start, start + length);
    // Every chunk carries a CRC of its type and data (§5.3): damage shows up here, named.
    if (crc32(bytes.subarray(pos + 4, start + length)) !== dv.getUint32(start + length)) throw corrupt(`chunk ${type} fails its CRC check`);
    if (type === 'IHDR') {
      if (length < 13) throw corrupt('IHDR chunk too short');
      header = {
        width: dv.getUint32(start), height: dv.getUint32(start + 4),
        bitDepth: body[8]!, colourType: body[9]!, interlace: body[12]!,
      };
    } else if (type === 'PLTE') palette = body;
    // pHYs (PNG §11.3.5.3): pixels per unit in x and y; unit 1 = metre (0 = aspect ratio only).
    else if (type === 'pHYs' && length === 9 && body[8] === 1) {
      const px = dv.getUint32(start), py = dv.getUint32(start + 4);
      if (px > 0 && py > 0) physical = [1000 / px, 1000 / py];
    }
    else if (type === 'IDAT') { idat.push(body); idatLength += length; }
    else if (type === 'IEND') { sawEnd = true; break; }
    pos = start + length + 4;
  }
  if (!header) throw corrupt('no IHDR chunk');
  if (idat.length === 0) throw corrupt('no image data (IDAT)');
  const { width, height, bitDepth, colourType, interlace } = header;
  if (width === 0 || height === 0) throw corrupt(`image size ${width}×${height}`);
  checkDeclaredSize([width, height], MAX_PIXELS, name);
  if (!(colourType in STORED_CHANNELS) || !ALLOWED_DEPTHS[colourType]!.includes(bitDepth)) {
    throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: PNG colour type ${colourType} with bit depth ${bitDepth} is not valid PNG`, { subject: name });
  }
  if (colourType === 3 && !palette) throw corrupt('palette image without a PLTE chunk');
  void sawEnd; // a missing IEND alone is tolerated, as most decoders do, when the data is complete

  const joined = idat.length === 1 ? idat[0]! : concat(idat, idatLength);
  let raw: Uint8Array;
  try {
    // inflate no more than the filtered rows the header implies (a zlib bomb stops there)
    raw = inflateCapped(joined, 'zlib', rawSize(width, height, bitDepth, STORED_CHANNELS[colourType]!, interlace), name, 'truncate');
  } catch (err) {
    if (err instanceof SonomicsError && err.code === 'CORRUPT_FILE') throw new SonomicsError('CORRUPT_FILE', `${name}: compressed image data is damaged (${err.message.replace(`${name}: `, '')})`, { subject: name, cause: err });
    throw err;
  }

  const stored = STORED_CHANNELS[colourType]!;
  const outChannels = (colourType === 3 ? 3 : stored) as 1 | 2 | 3 | 4;
  const out = bitDepth === 16 ? new Uint16Array(width * height * outChannels) : new Uint8Array(width * height * outChannels);
  const indices = colourType === 3 ? new Uint8Array(width * height) : undefined;
  const passes: Array<[number, number, number, number]> = interlace === 1 ? ADAM7 : [[0, 0, 1, 1]];
  let offset = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const pw = Math.ceil((width - x0) / dx), ph = Math.ceil((height - y0) / dy);
    if (pw <= 0 || ph <= 0) continue; // an empty pass has no scanlines at all (§8.2)
    const stride = Math.ceil((pw * stored * bitDepth) / 8);
    const needed = ph * (stride + 1);
    if (offset + needed > raw.length) throw corrupt(`image data too short (${raw.length} bytes after inflation, needs at least ${offset + needed})`);
    unfilter(raw, offset, stride, ph, Math.max(1, (stored * bitDepth) >> 3), name);
    if (dx === 1 && dy === 1 && colourType !== 3 && bitDepth === 8) {
      // Common case (non-interlaced 8-bit): each unfiltered scanline is already the output row.
      for (let py = 0; py < ph; py++) {
        const line = offset + py * (stride + 1) + 1;
        out.set(raw.subarray(line, line + stride), py * stride);
      }
      offset += needed;
      continue;
    }
    if (dx === 1 && dy === 1 && colourType === 0 && bitDepth < 8) {
      unpackGreyRows(raw, offset, stride, width, height, bitDepth, out as Uint8Array);
      offset += needed;
      continue;
    }
    for (let py = 0; py < ph; py++) {
      const line = offset + py * (stride + 1) + 1;
      const y = y0 + py * dy;
      for (let px = 0; px < pw; px++) {
        const x = x0 + px * dx;
        const o = (y * width + x) * outChannels;
        if (colourType === 3) {
          const idx = sampleAt(raw, line, px, bitDepth);
          if (idx * 3 + 2 >= palette!.length) throw corrupt(`palette index ${idx} is outside the ${palette!.length / 3}-entry palette`);
          indices![y * width + x] = idx;
          out[o] = palette![idx * 3]!; out[o + 1] = palette![idx * 3 + 1]!; out[o + 2] = palette![idx * 3 + 2]!;
        } else {
          for (let k = 0; k < stored; k++) out[o + k] = sampleAt(raw, line, px * stored + k, bitDepth);
        }
      }
    }
    offset += needed;
  }
  const maxValue = colourType === 3 ? 255 : (1 << bitDepth) - 1;
  return { width, height, channels: outChannels, data: out, bitDepth, maxValue, photometric: PHOTOMETRIC[colourType]!, indices, ...(physical ? { fileSpacingMm: physical, fileSpacingSource: 'PNG pHYs' } : {}) };
}

/** The i-th sample of a scanline; sub-byte samples are packed most significant bits first (§7.2). */
function sampleAt(raw: Uint8Array, line: number, i: number, bitDepth: number): number {
  switch (bitDepth) {
    case 8: return raw[line + i]!;
    case 16: return (raw[line + 2 * i]! << 8) | raw[line + 2 * i + 1]!;
    default: {
      const bit = i * bitDepth;
      const byte = raw[line + (bit >> 3)]!;
      return (byte >> (8 - bitDepth - (bit & 7))) & ((1 << bitDepth) - 1);
    }
  }
}

/** Undo the per-scanline filters in place (§9.2: None, Sub, Up, Average, Paeth). */
function unfilter(raw: Uint8Array, start: number, stride: number, rows: number, bpp: number, name: string): void {
  for (let y = 0; y < rows; y++) {
    const f = start + y * (stride + 1);
    const cur = f + 1;
    const prev = y === 0 ? -1 : cur - (stride + 1);
    const type = raw[f]!;
    switch (type) {
      case 0: break;
      case 1:
        for (let i = bpp; i < stride; i++) raw[cur + i] = (raw[cur + i]! + raw[cur + i - bpp]!) & 255;
        break;
      case 2:
        if (prev >= 0) for (let i = 0; i < stride; i++) raw[cur + i] = (raw[cur + i]! + raw[prev + i]!) & 255;
        break;
      case 3:
        // Average; on the first row the prior row is zero. Split so the hot loop has no branches.
        for (let i = 0; i < Math.min(bpp, stride); i++) raw[cur + i] = (raw[cur + i]! + ((prev >= 0 ? raw[prev + i]! : 0) >> 1)) & 255;
        if (prev >= 0) for (let i = bpp; i < stride; i++) raw[cur + i] = (raw[cur + i]! + ((raw[cur + i - bpp]! + raw[prev + i]!) >> 1)) & 255;
        else for (let i = bpp; i < stride; i++) raw[cur + i] = (raw[cur + i]! + (raw[cur + i - bpp]! >> 1)) & 255;
        break;
      case 4:
        // Paeth; with no prior row it reduces to Sub, and for the first pixel to Up.
        if (prev < 0) {
          for (let i = bpp; i < stride; i++) raw[cur + i] = (raw[cur + i]! + raw[cur + i - bpp]!) & 255;
          break;
        }
        for (let i = 0; i < Math.min(bpp, stride); i++) raw[cur + i] = (raw[cur + i]! + raw[prev + i]!) & 255;
        if (bpp === 1) unpaethGrey(raw, cur, prev, stride);
        else unpaeth(raw, cur, prev, stride, bpp);
        break;
      default:
        throw new SonomicsError('CORRUPT_FILE', `${name}: unknown PNG filter type ${type} on scanline ${y}`, { subject: name });
    }
  }
}

/**
 * Paeth predictor (§9.4) from byte bpp on: a = left, b = above, c = upper left, p = a + b − c,
 * the predictor is whichever of a, b, c is nearest p (ties a, then b). |p − a| = |b − c|,
 * |p − b| = |a − c|, |p − c| = |a + b − 2c|: the same choice with fewer operations.
 */
function unpaeth(raw: Uint8Array, cur: number, prev: number, stride: number, bpp: number): void {
  for (let i = bpp; i < stride; i++) {
    const a = raw[cur + i - bpp]!, b = raw[prev + i]!, c = raw[prev + i - bpp]!;
    const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
    const pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    raw[cur + i] = (raw[cur + i]! + pred) & 255;
  }
}

/** unpaeth for one byte per pixel (8-bit grey, the usual ultrasound export): a and c carried along. */
function unpaethGrey(raw: Uint8Array, cur: number, prev: number, stride: number): void {
  let a = raw[cur]!, c = raw[prev]!;
  for (let i = 1; i < stride; i++) {
    const b = raw[prev + i]!;
    const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
    const pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    a = (raw[cur + i]! + pred) & 255;
    raw[cur + i] = a;
    c = b;
  }
}

/** Non-interlaced grey below 8 bits (masks are often 1-bit): unpack each row's bytes, MSB first (§7.2). */
function unpackGreyRows(raw: Uint8Array, offset: number, stride: number, width: number, height: number, bitDepth: number, out: Uint8Array): void {
  const perByte = 8 / bitDepth, mask = (1 << bitDepth) - 1;
  for (let y = 0; y < height; y++) {
    const line = offset + y * (stride + 1) + 1;
    let o = y * width;
    for (let byteIndex = 0; byteIndex < stride; byteIndex++) {
      const byte = raw[line + byteIndex]!;
      const n = Math.min(perByte, width - byteIndex * perByte);
      for (let k = 0; k < n; k++) out[o++] = (byte >> (8 - bitDepth * (k + 1))) & mask;
    }
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Bytes of the filtered scanlines (one filter byte per row) for the whole image, all Adam7 passes included. */
function rawSize(width: number, height: number, bitDepth: number, channels: number, interlace: number): number {
  const passes: Array<[number, number, number, number]> = interlace === 1 ? ADAM7 : [[0, 0, 1, 1]];
  let total = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const pw = Math.ceil((width - x0) / dx), ph = Math.ceil((height - y0) / dy);
    if (pw > 0 && ph > 0) total += ph * (1 + Math.ceil((pw * channels * bitDepth) / 8));
  }
  return total;
}

/** PNG in the image-format registry (src/io/formats.ts). */
export const PNG_FORMAT = defineImageFormat({ format: 'png', title: 'PNG', kind: 'raster', sniff: isPng, decode: decodePng });
