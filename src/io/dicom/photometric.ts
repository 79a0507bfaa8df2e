/**
 * Photometric interpretation → grey values (PS3.3 C.7.6.3.1.2).
 * - MONOCHROME2: the sample. MONOCHROME1 (0 = white) is inverted within the stored range so
 *   that larger always means brighter.
 * - RGB: as stored. YBR_FULL: ITU-R BT.601 full-range YCbCr → RGB (C.7.6.3.1.2).
 *   YBR_PARTIAL: BT.601 studio range. YBR_RCT / YBR_ICT are inverted by the JPEG 2000 codec;
 *   if they reach us still encoded we apply the ISO 15444-1 Annex G inverse.
 * - PALETTE COLOR: the index through the red/green/blue tables.
 * Colour → grey: ITU-R BT.601 luma Y = 0.299 R + 0.587 G + 0.114 B by default, or one channel,
 * or the plain mean.
 */
import { SonomicsError } from '../../core/errors.ts';
import type { DecodedFrame } from './codecs/types.ts';
import { applyPalette, type Palette } from './palette.ts';

export type Channel = 'luma' | 'r' | 'g' | 'b' | 'mean';

/** Interleaved RGB floats of a colour frame. */
export function toRgb(frame: DecodedFrame, palette: Palette | undefined, bitsStored: number, name: string): Float32Array {
  const n = frame.width * frame.height;
  const s = frame.samples;
  const out = new Float32Array(3 * n);
  const pi = frame.photometric;
  const half = 2 ** (Math.min(bitsStored, 16) - 1);
  const max = 2 * half - 1;
  const clamp = (v: number) => (v < 0 ? 0 : v > max ? max : v);
  if (pi === 'PALETTE COLOR') {
    if (!palette) throw new SonomicsError('CORRUPT_FILE', `${name}: PALETTE COLOR without a palette`);
    for (let p = 0; p < n; p++) applyPalette(s[p]!, palette, out, 3 * p);
    return out;
  }
  if (frame.samplesPerPixel !== 3) throw new SonomicsError('CORRUPT_FILE', `${name}: ${pi} needs 3 samples per pixel, found ${frame.samplesPerPixel}`);
  for (let p = 0, i = 0; p < n; p++, i += 3) {
    const a = s[i]!, b = s[i + 1]!, c = s[i + 2]!;
    switch (pi) {
      case 'RGB':
        out[i] = a; out[i + 1] = b; out[i + 2] = c;
        break;
      case 'YBR_FULL': case 'YBR_ICT': {
        const cb = b - half, cr = c - half;
        out[i] = clamp(a + 1.402 * cr);
        out[i + 1] = clamp(a - 0.344136 * cb - 0.714136 * cr);
        out[i + 2] = clamp(a + 1.772 * cb);
        break;
      }
      case 'YBR_PARTIAL': {
        const y = 1.1644 * (a - 16), cb = b - half, cr = c - half;
        out[i] = clamp(y + 1.596 * cr);
        out[i + 1] = clamp(y - 0.3918 * cb - 0.813 * cr);
        out[i + 2] = clamp(y + 2.0172 * cb);
        break;
      }
      case 'YBR_RCT': {
        const cb = b - half, cr = c - half;
        const g = a - Math.floor((cb + cr) / 4);
        out[i] = cr + g; out[i + 1] = g; out[i + 2] = cb + g;
        break;
      }
      default:
        throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: photometric interpretation ${pi} is not supported`);
    }
  }
  return out;
}

/** BT.601 luma weights (ITU-R BT.601-7, §2.5.1). */
const LUMA = [0.299, 0.587, 0.114] as const;

export function rgbToGrey(rgb: Float32Array, channel: Channel): Float32Array {
  const n = rgb.length / 3;
  const out = new Float32Array(n);
  const k = channel === 'r' ? 0 : channel === 'g' ? 1 : channel === 'b' ? 2 : -1;
  for (let p = 0, i = 0; p < n; p++, i += 3) {
    if (k >= 0) out[p] = rgb[i + k]!;
    else if (channel === 'mean') out[p] = (rgb[i]! + rgb[i + 1]! + rgb[i + 2]!) / 3;
    else out[p] = LUMA[0] * rgb[i]! + LUMA[1] * rgb[i + 1]! + LUMA[2] * rgb[i + 2]!;
  }
  return out;
}

export function isColour(photometric: string): boolean {
  return !photometric.startsWith('MONOCHROME');
}

/**
 * Colour frame → grey in one pass. Palette images go through a grey lookup table (the
 * palette's entries converted once), RGB is weighted directly; other interpretations are
 * converted to RGB first. Same values as rgbToGrey(toRgb(...)).
 */
export function colourToGrey(frame: DecodedFrame, palette: Palette | undefined, bitsStored: number, channel: Channel, name: string): Float32Array {
  const n = frame.width * frame.height;
  const s = frame.samples;
  if (frame.photometric === 'PALETTE COLOR' && palette) {
    const m = palette.red.length;
    const entries = new Float32Array(3 * m);
    for (let i = 0; i < m; i++) { entries[3 * i] = palette.red[i]!; entries[3 * i + 1] = palette.green[i]!; entries[3 * i + 2] = palette.blue[i]!; }
    const lut = rgbToGrey(entries, channel);
    const out = new Float32Array(n);
    const first = palette.firstMapped;
    for (let p = 0; p < n; p++) {
      let i = s[p]! - first;
      if (i < 0) i = 0; else if (i >= m) i = m - 1;
      out[p] = lut[i]!;
    }
    return out;
  }
  if (frame.photometric === 'RGB' && frame.samplesPerPixel === 3 && channel === 'luma') {
    const out = new Float32Array(n);
    for (let p = 0, i = 0; p < n; p++, i += 3) out[p] = LUMA[0] * s[i]! + LUMA[1] * s[i + 1]! + LUMA[2] * s[i + 2]!;
    return out;
  }
  return rgbToGrey(toRgb(frame, palette, bitsStored, name), channel);
}
