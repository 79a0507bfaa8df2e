/**
 * The readers' size caps (docs/io.md, "Limits"). Every reader checks the size its header
 * declares against these before allocating, so a damaged or hostile header cannot ask for
 * gigabytes (issue #20: a 250 KB PNG declaring 16000×16000 took 1.8 GB).
 */
import { SonomicsError } from '../core/errors.ts';

/** 2D raster formats (PNG, JPEG, BMP, TIFF): 2^26 pixels, e.g. 8192 × 8192; ultrasound frames are < 2000². */
export const MAX_RASTER_PIXELS = 2 ** 26;
/** Volumes (NIfTI, NRRD, DICOM series): 2^28 voxels (1 GiB as Float32), e.g. 512 × 512 × 1024. */
export const MAX_VOLUME_VOXELS = 2 ** 28;

/** Throws TOO_LARGE when the declared dimensions exceed `cap`, or BAD_INPUT when they are not whole positive numbers. */
export function checkDeclaredSize(dims: readonly number[], cap: number, name: string, what = 'image'): number {
  if (dims.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new SonomicsError('CORRUPT_FILE', `${name}: ${what} size ${dims.join('×')} is not a whole positive number per axis`, { subject: name });
  }
  const n = dims.reduce((a, b) => a * b, 1);
  if (n > cap) {
    throw new SonomicsError('TOO_LARGE', `${name}: ${what} size ${dims.join('×')} (${n} voxels) exceeds the reader's cap of ${cap} voxels; a damaged header or a file too large for this tool`, { subject: name });
  }
  return n;
}
