/**
 * `readImage` / `readMask`: bytes in, Image / Mask out, the format sniffed from the content
 * (magic bytes), never from a file name. Browser-safe; src/node/read.ts adds paths.
 */
import { SonomicsError } from '../core/errors.ts';
import { createMask, type Image, type Mask } from '../image/image.ts';
import { decodeBmp, isBmp } from './bmp.ts';
import { isDicom } from './dicom/index.ts';
import { readDicomImageAsync, readDicomImage, readDicomMask } from './read-dicom.ts';
import { isGzip } from './gzip.ts';
import { decodeJpeg, isJpeg } from './jpeg.ts';
import { isNifti, readNifti } from './nifti.ts';
import { isNrrd, readNrrd } from './nrrd.ts';
import { decodePng, isPng } from './png.ts';
import { rasterToImage, rasterToMask, type Channel, type Raster } from './raster.ts';
import { decodeTiff, isTiff } from './tiff.ts';

export type ImageFormat = 'png' | 'jpeg' | 'bmp' | 'tiff' | 'nrrd' | 'nifti' | 'dicom';
export const RASTER_FORMATS: readonly ImageFormat[] = ['png', 'jpeg', 'bmp', 'tiff'];

export interface ReadOptions {
  /** Colour → grey for raster formats (default 'luma' = ITU-R BT.601). */
  channel?: Channel;
  /** Known pixel spacing in mm [x, y] for raster formats, which carry no anatomical calibration. */
  spacing?: [number, number];
  /** DICOM multi-frame: which frame (0-based). */
  frame?: number;
  /** DICOM ultrasound: a pixel inside the lesion, to pick the calibrated region that contains it. */
  roi?: { x: number; y: number };
  /** NRRD detached header: returns the bytes of the data file it names. */
  resolveDataFile?: (fileName: string) => Uint8Array;
  /** File name or case id for error messages. */
  name?: string;
}

export interface MaskReadOptions extends ReadOptions {
  /** Keep only this label value; default: every non-zero pixel is inside. */
  label?: number;
  /** DICOM RTSTRUCT / SEG: the image whose grid the mask is drawn on. */
  reference?: Image;
  /** DICOM RTSTRUCT: the ROI name; DICOM SEG: the segment number or label (default: the first). */
  structure?: string | number;
}

/** DICOM Part 10 ('DICM' after a 128-byte preamble) or a bare data set starting with group 0002/0008. */
function looksLikeDicom(b: Uint8Array): boolean {
  if (b.length >= 132 && b[128] === 0x44 && b[129] === 0x49 && b[130] === 0x43 && b[131] === 0x4d) return true;
  return b.length >= 8 && (b[0] === 0x02 || b[0] === 0x08) && b[1] === 0x00 && b[3] === 0x00 && b[2] <= 0x20 &&
    /^[A-Z]{2}$/.test(String.fromCharCode(b[4]!, b[5]!)) === true;
}

/** The format of the bytes (after gunzip for .nii.gz), or null when none matches. */
export function detectFormat(bytes: Uint8Array): ImageFormat | null {
  if (isPng(bytes)) return 'png';
  if (isJpeg(bytes)) return 'jpeg';
  if (isNrrd(bytes)) return 'nrrd';
  // DICOM before TIFF: a DICOM preamble may itself hold a TIFF header (dual-format files, PS3.10 §7.1).
  if (looksLikeDicom(bytes)) return 'dicom';
  if (isTiff(bytes)) return 'tiff';
  if (isBmp(bytes)) return 'bmp';
  if (isGzip(bytes) || bytes.length >= 348) {
    try { if (isNifti(bytes)) return 'nifti'; } catch { /* not NIfTI */ }
  }
  // Last: a bare implicit-VR data set (no preamble, no VR letters) is the weakest signature.
  if (isDicom(bytes)) return 'dicom';
  return null;
}

function unknownFormat(bytes: Uint8Array, name: string): SonomicsError {
  if (isGzip(bytes)) {
    // gzip whose start does not inflate to any image header: a damaged .nii.gz, not an unknown format
    return new SonomicsError('CORRUPT_FILE', `${name}: gzip-compressed data that does not inflate to a NIfTI header (a damaged or truncated .nii.gz?); export the file again`, { subject: name });
  }
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return new SonomicsError('UNSUPPORTED_FORMAT',
    `${name}: not a recognised image (first bytes ${head || 'none'}); supported: PNG, JPEG, BMP, TIFF, NRRD, NIfTI (.nii/.nii.gz), DICOM`,
    { subject: name });
}

/** Decode a raster format to its samples (for callers that need the colour channels). */
export function decodeRaster(bytes: Uint8Array, format: ImageFormat, name: string): Raster {
  switch (format) {
    case 'png': return decodePng(bytes, name);
    case 'jpeg': return decodeJpeg(bytes, name);
    case 'bmp': return decodeBmp(bytes, name);
    case 'tiff': return decodeTiff(bytes, name);
    default: throw new SonomicsError('INTERNAL', `${name}: ${format} is not a raster format`);
  }
}

export function readImage(bytes: Uint8Array, opts: ReadOptions = {}): Image {
  const name = opts.name ?? 'image';
  const format = detectFormat(bytes);
  if (!format) throw unknownFormat(bytes, name);
  if (RASTER_FORMATS.includes(format)) {
    return rasterToImage(decodeRaster(bytes, format, name), format.toUpperCase(), { channel: opts.channel, spacing: opts.spacing, name });
  }
  switch (format) {
    case 'nrrd': return readNrrd(bytes, { name, resolveDataFile: opts.resolveDataFile });
    case 'nifti': return readNifti(bytes, name);
    case 'dicom': return readDicomImage(bytes, { frame: opts.frame, channel: opts.channel, roi: opts.roi, name });
  }
  throw unknownFormat(bytes, name);
}

/**
 * Like readImage, but DICOM files are read after loading the WebAssembly codecs, so JPEG-LS
 * and JPEG 2000 transfer syntaxes decode too.
 */
export async function readImageAsync(bytes: Uint8Array, opts: ReadOptions = {}): Promise<Image> {
  if (detectFormat(bytes) === 'dicom') {
    return readDicomImageAsync(bytes, { frame: opts.frame, channel: opts.channel, roi: opts.roi, name: opts.name ?? 'image' });
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
  if (!format) throw unknownFormat(bytes, name);
  if (RASTER_FORMATS.includes(format)) {
    return rasterToMask(decodeRaster(bytes, format, name), { label: opts.label, channel: opts.channel, name, spacing: opts.spacing });
  }
  if (format === 'dicom') {
    const m = readDicomMask(bytes, { reference: opts.reference, structure: opts.structure, name });
    if (m) return m;
  }
  return imageToMask(readImage(bytes, opts), opts.label);
}
