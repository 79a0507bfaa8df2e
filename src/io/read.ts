/**
 * `readImage` / `readMask`: bytes in, Image / Mask out, the format sniffed from the content
 * (magic bytes), never from a file name. Browser-safe; src/node/read.ts adds paths.
 */
import { SonomicsError } from '../core/errors.ts';
import { createMask, type Image, type Mask } from '../image/image.ts';
import type { MaskReadOptions, ReadOptions } from './format.ts';
import { IMAGE_FORMATS, imageFormat, type ImageFormat } from './formats.ts';
import { isGzip } from './gzip.ts';
import { readDicomImageAsync } from './read-dicom.ts';
import { rasterToImage, rasterToMask, type Raster } from './raster.ts';

export type { ImageFormat } from './formats.ts';
export type { ReadOptions, MaskReadOptions } from './format.ts';
/** The registered raster formats (decoded to samples, then to an Image or a Mask). */
export const RASTER_FORMATS: readonly ImageFormat[] = IMAGE_FORMATS.filter((f) => f.kind === 'raster').map((f) => f.format);

/** The format of the bytes (after gunzip for .nii.gz), or null when no registered format matches. */
export function detectFormat(bytes: Uint8Array): ImageFormat | null {
  for (const f of IMAGE_FORMATS) if (f.sniff(bytes)) return f.format;
  for (const f of IMAGE_FORMATS) if (f.sniffWeak?.(bytes)) return f.format;
  return null;
}

function unknownFormat(bytes: Uint8Array, name: string): SonomicsError {
  if (isGzip(bytes)) {
    // gzip whose start does not inflate to any image header: a damaged .nii.gz, not an unknown format
    return new SonomicsError('CORRUPT_FILE', `${name}: gzip-compressed data that does not inflate to a NIfTI header (a damaged or truncated .nii.gz?); export the file again`, { subject: name });
  }
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return new SonomicsError('UNSUPPORTED_FORMAT',
    `${name}: not a recognised image (first bytes ${head || 'none'}); supported: ${IMAGE_FORMATS.map((f) => f.title).join(', ')}`,
    { subject: name });
}

/** Decode a raster format to its samples (for callers that need the colour channels). */
export function decodeRaster(bytes: Uint8Array, format: ImageFormat, name: string): Raster {
  const f = imageFormat(format);
  if (f?.kind !== 'raster') throw new SonomicsError('INTERNAL', `${name}: ${format} is not a raster format`);
  return f.decode(bytes, name);
}

export function readImage(bytes: Uint8Array, opts: ReadOptions = {}): Image {
  const name = opts.name ?? 'image';
  const format = detectFormat(bytes);
  const f = format ? imageFormat(format) : undefined;
  if (!f) throw unknownFormat(bytes, name);
  return coded(name, () => {
    if (f.kind === 'raster') return rasterToImage(f.decode(bytes, name), f.title, { channel: opts.channel, spacing: opts.spacing, name });
    return f.read(bytes, { ...opts, name });
  });
}

/**
 * Every failure of a reader reaches library callers as a SonomicsError (issue #20): a decoder
 * that trips over damaged bytes in a way no check foresaw (a DataView read past the end, a
 * WebAssembly trap, a typed-array size mismatch) still means the file is damaged.
 */
function coded<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof SonomicsError) throw err;
    throw new SonomicsError('CORRUPT_FILE', `${name}: the file could not be decoded (${(err as Error)?.message ?? String(err)}); it is damaged or not what its header says`, { subject: name, cause: err });
  }
}

/**
 * Like readImage, but DICOM files are read after loading the WebAssembly codecs, so JPEG-LS
 * and JPEG 2000 transfer syntaxes decode too.
 */
export async function readImageAsync(bytes: Uint8Array, opts: ReadOptions = {}): Promise<Image> {
  if (detectFormat(bytes) === 'dicom') {
    const name = opts.name ?? 'image';
    try {
      return await readDicomImageAsync(bytes, { frame: opts.frame, channel: opts.channel, roi: opts.roi, name });
    } catch (err) {
      return coded(name, () => { throw err; });
    }
  }
  return readImage(bytes, opts);
}

/** An Image's voxels as a mask: non-zero → 1, or value == label → 1. */
export function imageToMask(image: Image, label?: number): Mask {
  const m = createMask(image.size, image.spacing, undefined, image);
  const d = image.data, out = m.data;
  if (label === undefined) for (let i = 0; i < d.length; i++) out[i] = d[i] !== 0 ? 1 : 0;
  else for (let i = 0; i < d.length; i++) out[i] = Math.round(d[i]!) === label ? 1 : 0;
  return m;
}

export function readMask(bytes: Uint8Array, opts: MaskReadOptions = {}): Mask {
  const name = opts.name ?? 'mask';
  if (opts.label !== undefined && !Number.isFinite(opts.label)) throw new SonomicsError('BAD_INPUT', `${name}: label must be a number, got ${opts.label}`);
  const format = detectFormat(bytes);
  const f = format ? imageFormat(format) : undefined;
  if (!f) throw unknownFormat(bytes, name);
  if (f.kind === 'raster') {
    return coded(name, () => rasterToMask(f.decode(bytes, name), { label: opts.label, channel: opts.channel, name, spacing: opts.spacing }));
  }
  const m = coded(name, () => f.readMask?.(bytes, { ...opts, name }));
  if (m) return m;
  return imageToMask(readImage(bytes, opts), opts.label);
}
