/**
 * JPEG decoder: baseline and progressive JFIF/EXIF via jpeg-js (pure JS, browser-safe when
 * called with useTArray). The component count is read from the frame header (SOFn, ITU-T T.81
 * §B.2.2) so that a grey JPEG stays one channel.
 */
import jpeg from 'jpeg-js';
import { SonomicsError } from '../core/errors.ts';
import { MAX_RASTER_PIXELS } from './limits.ts';
import type { Raster } from './raster.ts';
import { defineImageFormat } from './format.ts';

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Number of components in the first SOFn frame header, or 0 when none was found. */
function frameComponents(bytes: Uint8Array): number {
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) { pos++; continue; }
    const marker = bytes[pos + 1]!;
    if (marker === 0xff) { pos++; continue; }
    const length = (bytes[pos + 2]! << 8) | bytes[pos + 3]!;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return bytes[pos + 9] ?? 0;
    if (marker === 0xda) return 0;
    pos += 2 + length;
  }
  return 0;
}

export function decodeJpeg(bytes: Uint8Array, name = 'JPEG file'): Raster {
  if (!isJpeg(bytes)) throw new SonomicsError('CORRUPT_FILE', `${name}: no JPEG start-of-image marker`, { subject: name });
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 1024, maxResolutionInMP: MAX_RASTER_PIXELS / 1e6 });
  } catch (err) {
    throw new SonomicsError('CORRUPT_FILE', `${name}: JPEG data could not be decoded (${(err as Error).message})`, { subject: name, cause: err });
  }
  const { width, height, data } = decoded;
  const components = frameComponents(bytes);
  if (components === 1) {
    const grey = new Uint8Array(width * height);
    for (let i = 0; i < grey.length; i++) grey[i] = data[3 * i]!;
    return { width, height, channels: 1, data: grey, bitDepth: 8, maxValue: 255, photometric: 'grey' };
  }
  return { width, height, channels: 3, data, bitDepth: 8, maxValue: 255, photometric: components === 4 ? 'CMYK' : 'YCbCr' };
}

/** JPEG in the image-format registry (src/io/formats.ts). */
export const JPEG_FORMAT = defineImageFormat({ format: 'jpeg', title: 'JPEG', kind: 'raster', sniff: isJpeg, decode: decodeJpeg });
