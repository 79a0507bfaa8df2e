/**
 * The contract of an image format: what a format file exports so that the one format registry
 * (formats.ts) can list it. `readImage` / `readMask` sniff the bytes with each registered format
 * in registry order and read them with the first that matches, so a new format is one new file
 * plus one line there (docs/architecture.md, "How to add").
 *
 * Two kinds: 'raster' formats decode to samples (raster.ts turns them into an Image or a Mask,
 * with the channel and spacing options); 'volume' formats read an Image with its geometry.
 */
import type { Image, Mask } from '../image/image.ts';
import type { Channel, Raster } from './raster.ts';

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

interface FormatBase<F extends string> {
  /** The format's name ('png', 'dicom', …), as detectFormat returns it. */
  format: F;
  /** How error messages and docs name it ('PNG', 'NIfTI (.nii/.nii.gz)'). */
  title: string;
  /** True when the bytes carry this format's signature (magic bytes; never a file name). */
  sniff(bytes: Uint8Array): boolean;
  /**
   * A weaker signature, tried only after every format's `sniff` failed (DICOM: a bare data set
   * without preamble, whose first bytes could also start another format).
   */
  sniffWeak?(bytes: Uint8Array): boolean;
}

export interface RasterFormat<F extends string = string> extends FormatBase<F> {
  kind: 'raster';
  decode(bytes: Uint8Array, name: string): Raster;
}

export interface VolumeFormat<F extends string = string> extends FormatBase<F> {
  kind: 'volume';
  read(bytes: Uint8Array, opts: ReadOptions & { name: string }): Image;
  /** A mask the format stores as something other than an image (DICOM RTSTRUCT / SEG); null = read it as an image. */
  readMask?(bytes: Uint8Array, opts: MaskReadOptions & { name: string }): Mask | null;
}

export type ImageFormatReader<F extends string = string> = RasterFormat<F> | VolumeFormat<F>;

/** Declares a format, keeping its name as a literal type (the registry derives ImageFormat from it). */
export function defineImageFormat<const F extends ImageFormatReader>(format: F): F {
  return format;
}
