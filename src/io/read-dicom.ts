/**
 * The one place where the generic reader meets the DICOM reader (src/io/dicom/, owned
 * separately): `readDicom(bytes, { frame, channel, roi, name }) : Image`. The WebAssembly
 * codecs (JPEG-LS, JPEG 2000) need `readDicomAsync` (see readImageAsync).
 */
import { SonomicsError } from '../core/errors.ts';
import type { Image, Mask } from '../image/image.ts';
import { DicomTags, isDicom, parseDicom, readDicom, readDicomAsync, rtstructToMask, segToMask } from './dicom/index.ts';
import type { Channel } from './raster.ts';
import { defineImageFormat } from './format.ts';

export interface DicomBridgeOptions {
  frame?: number;
  channel?: Channel;
  roi?: { x: number; y: number };
  name?: string;
}

export function readDicomImage(bytes: Uint8Array, opts: DicomBridgeOptions): Image {
  return readDicom(bytes, { frame: opts.frame, channel: opts.channel, roi: opts.roi, name: opts.name });
}

export function readDicomImageAsync(bytes: Uint8Array, opts: DicomBridgeOptions): Promise<Image> {
  return readDicomAsync(bytes, { frame: opts.frame, channel: opts.channel, roi: opts.roi, name: opts.name });
}

const RTSTRUCT_SOP = '1.2.840.10008.5.1.4.1.1.481.3';
const SEG_SOP = '1.2.840.10008.5.1.4.1.1.66.4';

/**
 * A mask from a DICOM RT Structure Set (polygons → voxels) or Segmentation object, on the grid
 * of `reference`; null when the file is neither (then it is an ordinary image to threshold).
 */
export function readDicomMask(bytes: Uint8Array, opts: { reference?: Image; structure?: string | number; name?: string }): Mask | null {
  const name = opts.name ?? 'DICOM file';
  const sop = parseDicom(bytes, name).dataset.string(DicomTags.SOPClassUID)?.trim();
  if (sop !== RTSTRUCT_SOP && sop !== SEG_SOP) return null;
  const kind = sop === RTSTRUCT_SOP ? 'RTSTRUCT' : 'DICOM SEG';
  if (!opts.reference) {
    throw new SonomicsError('BAD_INPUT', `${name}: a ${kind} has no pixel grid of its own; pass the image it belongs to as 'reference'`, { subject: name });
  }
  if (sop === RTSTRUCT_SOP) {
    if (typeof opts.structure === 'number') throw new SonomicsError('BAD_INPUT', `${name}: choose an RTSTRUCT ROI by its name, not a number`, { subject: name });
    return rtstructToMask(bytes, opts.reference, opts.structure, name);
  }
  return segToMask(bytes, opts.reference, opts.structure, name);
}

/** DICOM Part 10 ('DICM' after a 128-byte preamble) or a bare data set starting with group 0002/0008. */
function looksLikeDicom(b: Uint8Array): boolean {
  if (b.length >= 132 && b[128] === 0x44 && b[129] === 0x49 && b[130] === 0x43 && b[131] === 0x4d) return true;
  return b.length >= 8 && (b[0] === 0x02 || b[0] === 0x08) && b[1] === 0x00 && b[3] === 0x00 && b[2]! <= 0x20 &&
    /^[A-Z]{2}$/.test(String.fromCharCode(b[4]!, b[5]!)) === true;
}

/**
 * DICOM in the image-format registry (src/io/formats.ts). Listed before TIFF: a DICOM preamble
 * may itself hold a TIFF header (dual-format files, PS3.10 §7.1). A bare implicit-VR data set
 * (no preamble, no VR letters) is the weakest signature of all, tried last.
 */
export const DICOM_FORMAT = defineImageFormat({
  format: 'dicom', title: 'DICOM', kind: 'volume', sniff: looksLikeDicom, sniffWeak: isDicom,
  read: (bytes, opts) => readDicomImage(bytes, { frame: opts.frame, channel: opts.channel, roi: opts.roi, name: opts.name }),
  readMask: (bytes, opts) => readDicomMask(bytes, { reference: opts.reference, structure: opts.structure, name: opts.name }),
});
