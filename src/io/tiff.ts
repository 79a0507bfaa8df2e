/**
 * TIFF decoder for screenshots and simple exports (TIFF 6.0 specification): first image
 * (IFD 0), strips or tiles, chunky or planar samples, 1/8/16-bit unsigned or 32-bit float,
 * compression none / LZW (§13) / Deflate (Adobe, 8 and 32946) / PackBits (§9), horizontal
 * predictor (§14), photometric WhiteIsZero / BlackIsZero / RGB / Palette.
 */
import { unzlibSync } from 'fflate';
import { SonomicsError } from '../core/errors.ts';
import { checkDeclaredSize, MAX_RASTER_PIXELS } from './limits.ts';
import type { Raster } from './raster.ts';
import { defineImageFormat } from './format.ts';

export function isTiff(bytes: Uint8Array): boolean {
  return bytes.length >= 8 &&
    ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 42 && bytes[3] === 0) ||
     (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 42));
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 16: 8 };

export function decodeTiff(bytes: Uint8Array, name = 'TIFF file'): Raster {
  const corrupt = (why: string) => new SonomicsError('CORRUPT_FILE', `${name}: ${why} (is the file a complete TIFF?)`, { subject: name });
  const unsupported = (why: string) => new SonomicsError('UNSUPPORTED_FORMAT', `${name}: ${why}; save the image as PNG or uncompressed TIFF`, { subject: name });
  if (!isTiff(bytes)) throw corrupt('no TIFF byte-order header');
  const le = bytes[0] === 0x49;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ifd = dv.getUint32(4, le);
  if (ifd + 2 > bytes.length) throw corrupt('first IFD offset is outside the file');
  const count = dv.getUint16(ifd, le);
  if (ifd + 2 + count * 12 > bytes.length) throw corrupt('IFD runs past the end of the file');
  const tags = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    const tag = dv.getUint16(e, le), type = dv.getUint16(e + 2, le), n = dv.getUint32(e + 4, le);
    const size = TYPE_SIZE[type];
    if (!size) continue;
    const at = size * n <= 4 ? e + 8 : dv.getUint32(e + 8, le);
    if (at + size * n > bytes.length) throw corrupt(`tag ${tag} points outside the file`);
    const values: number[] = [];
    for (let k = 0; k < n; k++) {
      const o = at + k * size;
      switch (type) {
        case 3: values.push(dv.getUint16(o, le)); break;
        case 4: values.push(dv.getUint32(o, le)); break;
        case 8: values.push(dv.getInt16(o, le)); break;
        case 9: values.push(dv.getInt32(o, le)); break;
        case 16: values.push(Number(dv.getBigUint64(o, le))); break;
        case 5: values.push(dv.getUint32(o, le) / (dv.getUint32(o + 4, le) || 1)); break;
        default: values.push(bytes[o]!);
      }
    }
    tags.set(tag, values);
  }
  const one = (t: number, d?: number) => tags.get(t)?.[0] ?? d;
  // XResolution / YResolution (282/283, pixels per ResolutionUnit 296: 2 = inch (default), 3 = cm;
  // 1 = no absolute unit, so no calibration), TIFF 6.0 §8.
  const xr = one(282), yr = one(283), unit = one(296, 2);
  const perMm = unit === 2 ? 1 / 25.4 : unit === 3 ? 1 / 10 : 0;
  const spacing = perMm && xr && yr && xr > 0 && yr > 0 ? { fileSpacingMm: [1 / (xr * perMm), 1 / (yr * perMm)] as [number, number], fileSpacingSource: 'TIFF XResolution/YResolution' } : {};
  const width = one(256), height = one(257);
  if (!width || !height) throw corrupt('image width or length tag missing');
  checkDeclaredSize([width, height], MAX_RASTER_PIXELS, name);
  const spp = one(277, 1)!;
  const bps = tags.get(258) ?? [1];
  const bits = bps[0]!;
  if (bps.some((b) => b !== bits)) throw unsupported(`mixed bits per sample ${bps.join('/')}`);
  const compression = one(259, 1)!;
  const photometric = one(262, spp >= 3 ? 2 : 1)!;
  const planar = one(284, 1)!;
  const predictor = one(317, 1)!;
  const sampleFormat = one(339, 1)!;
  if (![1, 2, 3, 4].includes(spp)) throw unsupported(`${spp} samples per pixel`);
  if (![1, 2, 4, 8, 16, 32].includes(bits)) throw unsupported(`${bits} bits per sample`);
  if (bits === 32 && sampleFormat !== 3) throw unsupported('32-bit integer samples');
  if (![0, 1, 2, 3].includes(photometric)) throw unsupported(`photometric interpretation ${photometric} (CMYK/YCbCr/CIELab)`);
  if (![1, 5, 8, 32946, 32773].includes(compression)) throw unsupported(`compression ${compression} (JPEG-in-TIFF, CCITT, ...)`);

  // Chunks: strips (full width) or tiles.
  const tiled = tags.has(322);
  const cw = tiled ? one(322)! : width;
  const ch = tiled ? one(323)! : Math.min(one(278, height)!, height);
  const offsets = tags.get(tiled ? 324 : 273), counts = tags.get(tiled ? 325 : 279);
  if (!offsets || !counts || offsets.length !== counts.length) throw corrupt('strip/tile offsets or byte counts missing');
  const across = Math.ceil(width / cw), down = Math.ceil(height / ch);
  const planes = planar === 2 ? spp : 1;
  const sppChunk = planar === 2 ? 1 : spp;
  if (offsets.length < across * down * planes) throw corrupt(`${offsets.length} strips/tiles, expected ${across * down * planes}`);
  const rowBytes = Math.ceil((cw * sppChunk * bits) / 8);

  const out = bits === 32 ? new Float32Array(width * height * spp) : bits === 16 ? new Uint16Array(width * height * spp) : new Uint8Array(width * height * spp);
  for (let p = 0; p < planes; p++) {
    for (let cy = 0; cy < down; cy++) {
      for (let cx = 0; cx < across; cx++) {
        const idx = p * across * down + cy * across + cx;
        const start = offsets[idx]!, len = counts[idx]!;
        if (start + len > bytes.length) throw corrupt(`strip/tile ${idx} runs past the end of the file`);
        // The last strip may hold fewer rows; tiles are always full size.
        const rows = tiled ? ch : Math.min(ch, height - cy * ch);
        let chunk = decompress(bytes.subarray(start, start + len), compression, rowBytes * rows, name);
        if (chunk.length < rowBytes * rows) throw corrupt(`strip/tile ${idx} holds ${chunk.length} bytes, needs ${rowBytes * rows}`);
        if (predictor === 2) chunk = undoPredictor(chunk, cw, rows, sppChunk, bits, le);
        const cdv = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        for (let r = 0; r < rows; r++) {
          const y = cy * ch + r;
          if (y >= height) break;
          for (let c = 0; c < cw; c++) {
            const x = cx * cw + c;
            if (x >= width) break;
            for (let s = 0; s < sppChunk; s++) {
              const i = c * sppChunk + s;
              let v: number;
              if (bits === 8) v = chunk[r * rowBytes + i]!;
              else if (bits === 16) v = cdv.getUint16(r * rowBytes + 2 * i, le);
              else if (bits === 32) v = cdv.getFloat32(r * rowBytes + 4 * i, le);
              else {
                const bit = i * bits;
                v = (chunk[r * rowBytes + (bit >> 3)]! >> (8 - bits - (bit & 7))) & ((1 << bits) - 1);
              }
              out[(y * width + x) * spp + (planar === 2 ? p : s)] = v;
            }
          }
        }
      }
    }
  }
  const maxValue = bits === 32 ? 1 : (1 << bits) - 1;
  if (photometric === 0) for (let i = 0; i < out.length; i++) out[i] = maxValue - out[i]!; // WhiteIsZero
  if (photometric === 3) {
    const map = tags.get(320);
    if (!map || map.length < 3 * (1 << bits)) throw corrupt('palette image without a complete ColorMap');
    const entries = 1 << bits;
    const rgb = new Uint16Array(width * height * 3);
    for (let i = 0; i < width * height; i++) {
      const k = out[i * spp]!;
      // ColorMap holds 16-bit values R..., G..., B...; kept at full precision.
      rgb[3 * i] = map[k]!; rgb[3 * i + 1] = map[entries + k]!; rgb[3 * i + 2] = map[2 * entries + k]!;
    }
    return { width, height, channels: 3, data: rgb, bitDepth: bits, maxValue: 65535, photometric: 'palette', ...spacing };
  }
  const channels = (spp === 2 && photometric === 2 ? 2 : spp) as 1 | 2 | 3 | 4;
  const names = ['WhiteIsZero', 'BlackIsZero', 'RGB'];
  return { width, height, channels, data: out, bitDepth: bits, maxValue, photometric: names[photometric]! + (spp === 4 || spp === 2 ? '+alpha' : ''), ...spacing };
}

function decompress(data: Uint8Array, compression: number, expected: number, name: string): Uint8Array {
  try {
    switch (compression) {
      case 1: return data;
      case 5: return lzwDecode(data, expected);
      case 8: case 32946: return unzlibSync(data);
      case 32773: return packBitsDecode(data, expected);
    }
  } catch (err) {
    if (err instanceof SonomicsError) throw err;
    throw new SonomicsError('CORRUPT_FILE', `${name}: compressed TIFF data is damaged (${(err as Error).message})`, { subject: name, cause: err });
  }
  throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: TIFF compression ${compression}`, { subject: name });
}

/** TIFF LZW (TIFF 6.0 §13): MSB-first codes of 9..12 bits, Clear = 256, EOI = 257, early change. */
export function lzwDecode(input: Uint8Array, expected: number): Uint8Array {
  let out = new Uint8Array(Math.max(expected, 16));
  let outLen = 0;
  const prefix = new Int32Array(4096), suffix = new Uint8Array(4096), first = new Uint8Array(4096), len = new Int32Array(4096);
  for (let i = 0; i < 256; i++) { prefix[i] = -1; suffix[i] = i; first[i] = i; len[i] = 1; }
  let next = 258, width = 9, prev = -1;
  let bitPos = 0;
  const totalBits = input.length * 8;
  const push = (code: number) => {
    const l = len[code]!;
    if (outLen + l > out.length) { const bigger = new Uint8Array(Math.max(out.length * 2, outLen + l)); bigger.set(out); out = bigger; }
    let c = code;
    for (let k = l - 1; k >= 0; k--) { out[outLen + k] = suffix[c]!; c = prefix[c]!; }
    outLen += l;
  };
  while (bitPos + width <= totalBits) {
    let code = 0;
    for (let k = 0; k < width; k++) {
      const b = bitPos + k;
      code = (code << 1) | ((input[b >> 3]! >> (7 - (b & 7))) & 1);
    }
    bitPos += width;
    if (code === 257) break;
    if (code === 256) { next = 258; width = 9; prev = -1; continue; }
    if (prev === -1) {
      if (code > 255) throw new Error(`LZW code ${code} right after a clear`);
      push(code); prev = code; continue;
    }
    if (code < next) {
      push(code);
      if (next < 4096) { prefix[next] = prev; suffix[next] = first[code]!; first[next] = first[prev]!; len[next] = len[prev]! + 1; next++; }
    } else if (code === next) {
      if (next < 4096) { prefix[next] = prev; suffix[next] = first[prev]!; first[next] = first[prev]!; len[next] = len[prev]! + 1; next++; }
      push(code);
    } else throw new Error(`LZW code ${code} is beyond the table (${next})`);
    prev = code;
    if (next + 1 >= 1 << width && width < 12) width++; // "early change": widen one code early
  }
  return out.subarray(0, outLen);
}

/** PackBits run-length decoding (TIFF 6.0 §9). */
function packBitsDecode(input: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let i = 0, o = 0;
  while (i < input.length && o < expected) {
    const n = (input[i++]! << 24) >> 24;
    if (n >= 0) { for (let k = 0; k <= n && o < expected; k++) out[o++] = input[i++]!; }
    else if (n !== -128) { const v = input[i++]!; for (let k = 0; k < 1 - n && o < expected; k++) out[o++] = v; }
  }
  return out;
}

/** Horizontal differencing predictor (TIFF 6.0 §14), for 8- and 16-bit samples. */
function undoPredictor(chunk: Uint8Array, width: number, rows: number, spp: number, bits: number, le: boolean): Uint8Array {
  const data = chunk.slice();
  if (bits === 8) {
    const row = width * spp;
    for (let r = 0; r < rows; r++) for (let i = spp; i < row; i++) data[r * row + i] = (data[r * row + i]! + data[r * row + i - spp]!) & 255;
  } else if (bits === 16) {
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const row = width * spp;
    for (let r = 0; r < rows; r++) for (let i = spp; i < row; i++) {
      const o = 2 * (r * row + i);
      dv.setUint16(o, (dv.getUint16(o, le) + dv.getUint16(o - 2 * spp, le)) & 0xffff, le);
    }
  }
  return data;
}

/** TIFF in the image-format registry (src/io/formats.ts). */
export const TIFF_FORMAT = defineImageFormat({ format: 'tiff', title: 'TIFF', kind: 'raster', sniff: isTiff, decode: decodeTiff });
