/**
 * The common in-between form of every 2D raster reader (PNG, JPEG, BMP, TIFF): interleaved
 * samples plus how many channels there are, and the one place that turns colour into grey.
 *
 * Colour → grey (documented in docs/io.md):
 *   'luma' (default): ITU-R BT.601 luma, Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601-7, §2.5.1)
 *   'r' | 'g' | 'b':  that channel only
 *   'mean':           (R + G + B) / 3
 * Alpha is never mixed in: an ultrasound screenshot's alpha is opacity, not signal.
 */
import { SonomicsError } from '../core/errors.ts';
import { createImage, createMask, type Image, type Mask, type Vec3 } from '../image/image.ts';

export type Channel = 'luma' | 'r' | 'g' | 'b' | 'mean';
export const CHANNELS: readonly Channel[] = ['luma', 'r', 'g', 'b', 'mean'];

/** 1 = grey, 2 = grey + alpha, 3 = RGB, 4 = RGBA. Samples are interleaved, row by row, top row first. */
export interface Raster {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  data: Uint8Array | Uint16Array | Float32Array;
  /** Bits per sample (or palette index) as stored in the file (1, 2, 4, 8, 16, 24, 32). */
  bitDepth: number;
  /** The largest value a sample in `data` can take (255 for palette and 8-bit, 65535 for 16-bit, 1 for float). */
  maxValue: number;
  /** What the file said about its colours, e.g. 'grey', 'RGB', 'palette', 'RGBA'. */
  photometric: string;
  /** Palette images (PNG): the palette index of every pixel, which is the label in indexed label maps. */
  indices?: Uint8Array;
  /** Pixel size in mm [x, y] stated by the file (PNG pHYs in pixels per metre, TIFF resolution tags). */
  fileSpacingMm?: [number, number];
  /** Which part of the file stated it, e.g. 'PNG pHYs', 'TIFF XResolution/YResolution'. */
  fileSpacingSource?: string;
}

export interface RasterReadOptions {
  /** How colour becomes grey (default 'luma'). Ignored for grey rasters. */
  channel?: Channel;
  /**
   * Physical pixel spacing in mm [x, y] when the caller knows it (raster formats carry no
   * trustworthy anatomical calibration: a screenshot's DPI is the screen's, not the probe's).
   */
  spacing?: [number, number];
  /** Name used in error messages (file name or case id). */
  name?: string;
}

function checkChannel(ch: Channel, name: string): void {
  if (!CHANNELS.includes(ch)) {
    throw new SonomicsError('BAD_INPUT', `${name}: channel '${String(ch)}' is not one of ${CHANNELS.join(', ')}`);
  }
}

/** One grey value per pixel, as Float32 (no rescaling: a 16-bit PNG keeps 0..65535). */
export function rasterToGrey(r: Raster, channel: Channel = 'luma', name = 'image'): Float32Array {
  checkChannel(channel, name);
  const n = r.width * r.height;
  const out = new Float32Array(n);
  const d = r.data;
  const c = r.channels;
  if (c === 1) { out.set(d); return out; }
  if (c === 2) {
    for (let i = 0; i < n; i++) out[i] = d[i * c]!;
    return out;
  }
  switch (channel) {
    case 'r': for (let i = 0; i < n; i++) out[i] = d[i * c]!; break;
    case 'g': for (let i = 0; i < n; i++) out[i] = d[i * c + 1]!; break;
    case 'b': for (let i = 0; i < n; i++) out[i] = d[i * c + 2]!; break;
    case 'mean': for (let i = 0; i < n; i++) out[i] = (d[i * c]! + d[i * c + 1]! + d[i * c + 2]!) / 3; break;
    default:
      for (let i = 0; i < n; i++) {
        const R = d[i * c]!, G = d[i * c + 1]!, B = d[i * c + 2]!;
        // Grey pixels (R = G = B) stay exactly themselves rather than picking up rounding noise.
        out[i] = R === G && G === B ? R : 0.299 * R + 0.587 * G + 0.114 * B;
      }
  }
  return out;
}

/** A 2D Image from a raster; spacing from opts.spacing, else pixel units with a warning. */
export function rasterToImage(r: Raster, format: string, opts: RasterReadOptions = {}): Image {
  const name = opts.name ?? `${format} image`;
  const data = rasterToGrey(r, opts.channel ?? 'luma', name);
  const size: Vec3 = [r.width, r.height, 1];
  const meta = {
    format: format.toLowerCase(), photometric: r.photometric, bitDepth: r.bitDepth, channels: r.channels, frames: 1,
    channel: r.channels >= 3 ? (opts.channel ?? 'luma') : undefined,
  };
  if (opts.spacing) {
    const [sx, sy] = opts.spacing;
    if (!(sx > 0 && sy > 0)) throw new SonomicsError('BAD_INPUT', `${name}: spacing must be two positive numbers in mm, got ${opts.spacing.join(', ')}`);
    const img = createImage(size, [sx, sy, 1], data);
    img.spacingSource = 'user';
    img.meta = meta;
    return img;
  }
  if (r.fileSpacingMm) {
    // The file's own statement (PNG pHYs, TIFF resolution): taken as the physical pixel size and
    // recorded as such, so that a screen DPI mistaken for calibration is visible in run.json.
    const img = createImage(size, [r.fileSpacingMm[0], r.fileSpacingMm[1], 1], data);
    img.spacingSource = r.fileSpacingSource ?? format;
    img.meta = meta;
    return img;
  }
  const img = createImage(size, [1, 1, 1], data, { spacingUnit: 'pixel' });
  img.spacingSource = 'none';
  img.warnings = [`${name}: ${format} carries no physical calibration; spacing is 1 pixel (pass a spacing in mm to calibrate)`];
  img.meta = meta;
  return img;
}

export interface MaskOptions {
  /** Keep only pixels equal to this label (grey value; on a 1/2/4-bit grey raster also as ITK reads it, scaled to 8 bits: 255 on a 1-bit mask); default: every non-zero pixel. */
  label?: number;
  channel?: Channel;
  name?: string;
  spacing?: [number, number];
}

/**
 * A Mask from a raster: non-zero (in any colour channel; alpha ignored) → 1, or grey == label → 1.
 * Palette (indexed) PNGs are label maps: their palette index is the value (index 0 = outside).
 */
/**
 * A label as ITK / SimpleITK see a 1-, 2- or 4-bit grey raster, mapped to the stored value: libpng
 * (png_set_expand_gray_1_2_4_to_8, used by ITK's PNGImageIO) scales such samples to 8 bits (×255,
 * ×85, ×17), so a PyRadiomics parameter file for a 1-bit mask says `label: 255` where sonomics reads
 * the pixel as 1. The scaled values exceed every stored value but 0, so the two never collide: a
 * label above the depth's range that is a multiple of the factor means that stored value; any
 * other label is kept as given.
 */
function asStoredGrey(r: Raster, label: number): number {
  if (r.indices || r.channels > 2 || r.bitDepth >= 8) return label;
  const top = 2 ** r.bitDepth - 1, factor = 255 / top;
  return label > top && label <= 255 && Number.isInteger(label / factor) ? label / factor : label;
}

export function rasterToMask(r: Raster, opts: MaskOptions = {}): Mask {
  const n = r.width * r.height;
  const out = new Uint8Array(n);
  const c = r.channels;
  const colourChannels = c >= 3 ? 3 : 1;
  if (r.indices) {
    const idx = r.indices, label = opts.label;
    for (let i = 0; i < n; i++) out[i] = label === undefined ? (idx[i] !== 0 ? 1 : 0) : idx[i] === label ? 1 : 0;
  } else if (opts.label === undefined) {
    const d = r.data;
    for (let i = 0; i < n; i++) {
      let on = 0;
      for (let k = 0; k < colourChannels; k++) if (d[i * c + k] !== 0) on = 1;
      out[i] = on;
    }
  } else {
    const grey = rasterToGrey(r, opts.channel ?? 'luma', opts.name ?? 'mask');
    const label = asStoredGrey(r, opts.label);
    for (let i = 0; i < n; i++) out[i] = Math.round(grey[i]!) === label ? 1 : 0;
  }
  const known = opts.spacing ?? r.fileSpacingMm;
  const spacing: Vec3 = known ? [known[0], known[1], 1] : [1, 1, 1];
  return createMask([r.width, r.height, 1], spacing, out, { spacingUnit: known ? 'mm' : 'pixel' });
}
