/**
 * Transfer syntaxes (DICOM PS3.5 §10 and Annex A): how the data set is encoded and which
 * codec, if any, compressed the pixel data.
 */
export type Codec = 'native' | 'rle' | 'jpeg-baseline' | 'jpeg-extended' | 'jpeg-lossless' | 'jpeg-ls' | 'jpeg2000';

export interface TransferSyntax {
  uid: string;
  name: string;
  explicitVr: boolean;
  littleEndian: boolean;
  /** The data set after the file meta group is a raw deflate stream (PS3.5 A.5). */
  deflated: boolean;
  codec: Codec;
  /** The codec may discard information. */
  lossy: boolean;
}

const ts = (uid: string, name: string, codec: Codec, lossy = false, extra: Partial<TransferSyntax> = {}): TransferSyntax => ({
  uid, name, explicitVr: true, littleEndian: true, deflated: false, codec, lossy, ...extra,
});

const TABLE: TransferSyntax[] = [
  ts('1.2.840.10008.1.2', 'Implicit VR Little Endian', 'native', false, { explicitVr: false }),
  ts('1.2.840.10008.1.2.1', 'Explicit VR Little Endian', 'native'),
  ts('1.2.840.10008.1.2.1.99', 'Deflated Explicit VR Little Endian', 'native', false, { deflated: true }),
  ts('1.2.840.10008.1.2.2', 'Explicit VR Big Endian', 'native', false, { littleEndian: false }),
  ts('1.2.840.10008.1.2.5', 'RLE Lossless', 'rle'),
  ts('1.2.840.10008.1.2.4.50', 'JPEG Baseline (Process 1)', 'jpeg-baseline', true),
  ts('1.2.840.10008.1.2.4.51', 'JPEG Extended (Process 2 & 4)', 'jpeg-extended', true),
  ts('1.2.840.10008.1.2.4.57', 'JPEG Lossless (Process 14)', 'jpeg-lossless'),
  ts('1.2.840.10008.1.2.4.70', 'JPEG Lossless (Process 14, SV1)', 'jpeg-lossless'),
  ts('1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless', 'jpeg-ls'),
  ts('1.2.840.10008.1.2.4.81', 'JPEG-LS Near-Lossless', 'jpeg-ls', true),
  ts('1.2.840.10008.1.2.4.90', 'JPEG 2000 (Lossless Only)', 'jpeg2000'),
  ts('1.2.840.10008.1.2.4.91', 'JPEG 2000', 'jpeg2000', true),
  ts('1.2.840.10008.1.2.4.201', 'HTJ2K (Lossless Only)', 'jpeg2000'),
  ts('1.2.840.10008.1.2.4.202', 'HTJ2K (Lossless RPCL)', 'jpeg2000'),
  ts('1.2.840.10008.1.2.4.203', 'HTJ2K', 'jpeg2000', true),
];

const BY_UID = new Map(TABLE.map((t) => [t.uid, t]));

export function transferSyntax(uid: string): TransferSyntax | undefined {
  return BY_UID.get(uid);
}

export const IMPLICIT_LITTLE_ENDIAN = BY_UID.get('1.2.840.10008.1.2')!;
export const EXPLICIT_LITTLE_ENDIAN = BY_UID.get('1.2.840.10008.1.2.1')!;
