/**
 * The one place where the generic reader meets the DICOM reader (src/io/dicom/, owned
 * separately). Until `readDicom(bytes, opts?: { frame?: number }): Image` exists in
 * src/io/dicom/index.ts, DICOM input fails with a clear UNSUPPORTED_FORMAT error.
 */
import { SonomicsError } from '../core/errors.ts';
import type { Image } from '../image/image.ts';

export function readDicomIfAvailable(_bytes: Uint8Array, opts: { frame?: number; name?: string }): Image {
  const name = opts.name ?? 'DICOM file';
  throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: DICOM reading is not available in this build yet; convert the file to NIfTI/NRRD/PNG`, { subject: name });
}
