/**
 * The one registry of image formats: each format file exports its entry (format.ts is the
 * contract) and `detectFormat`, `readImage` and `readMask` (read.ts) go through this list.
 * Order is sniffing order: the first format whose signature matches reads the bytes (DICOM
 * before TIFF, see read-dicom.ts; weak signatures only after every strong one failed).
 * Adding a format = its file + one line below (docs/architecture.md).
 */
import { BMP_FORMAT } from './bmp.ts';
import type { ImageFormatReader } from './format.ts';
import { JPEG_FORMAT } from './jpeg.ts';
import { NIFTI_FORMAT } from './nifti.ts';
import { NRRD_FORMAT } from './nrrd.ts';
import { PNG_FORMAT } from './png.ts';
import { DICOM_FORMAT } from './read-dicom.ts';
import { TIFF_FORMAT } from './tiff.ts';

const REGISTERED = [
  PNG_FORMAT,
  JPEG_FORMAT,
  NRRD_FORMAT,
  DICOM_FORMAT,
  TIFF_FORMAT,
  BMP_FORMAT,
  NIFTI_FORMAT,
] as const satisfies readonly ImageFormatReader[];

/** A registered format's name ('png', 'dicom', …). */
export type ImageFormat = (typeof REGISTERED)[number]['format'];

/** The registered formats, in sniffing order. */
export const IMAGE_FORMATS: readonly ImageFormatReader<ImageFormat>[] = REGISTERED;

/** The registered format of that name, or undefined. */
export function imageFormat(format: string): ImageFormatReader<ImageFormat> | undefined {
  return IMAGE_FORMATS.find((f) => f.format === format);
}
