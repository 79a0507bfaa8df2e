/**
 * NIfTI-1 reader (.nii, .nii.gz). Geometry follows the NIfTI-1 standard (nifti1.h):
 * sform when sform_code > 0, else qform (quaternion) when qform_code > 0, else pixdim only.
 * NIfTI stores RAS+ world coordinates; sonomics keeps them as given (LPS conversion is
 * a sign flip of the first two axes and is applied so that geometry matches DICOM).
 */
import { SonomicsError } from '../core/errors.ts';
import { createImage, type Image, type Mat3, type Vec3 } from '../image/image.ts';
import { gunzipPrefix, inflateCapped, isGzip, MAX_INFLATED_BYTES } from './gzip.ts';
import { checkDeclaredSize, MAX_VOLUME_VOXELS } from './limits.ts';
import { defineImageFormat } from './format.ts';

export function isNifti(bytes: Uint8Array): boolean {
  // Only the header is needed: inflate just its first bytes of a .nii.gz.
  const b = isGzip(bytes) ? gunzipPrefix(bytes, 352) : bytes;
  if (b.length < 348) return false;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const le = dv.getInt32(0, true) === 348, be = dv.getInt32(0, false) === 348;
  if (!le && !be) return false;
  const magic = String.fromCharCode(b[344]!, b[345]!, b[346]!);
  return magic === 'n+1' || magic === 'ni1';
}

/**
 * The bytes a .nii.gz needs inflated: the header's vox_offset + voxels × bytes per voxel (the
 * declared size is checked against the cap first). A bomb or damaged stream stops there.
 */
function inflateNifti(input: Uint8Array, name: string): Uint8Array {
  const head = gunzipPrefix(input, 352);
  let need = MAX_INFLATED_BYTES;
  if (head.length >= 348) {
    const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const le = dv.getInt32(0, true) === 348;
    if (le || dv.getInt32(0, false) === 348) {
      const ndim = dv.getInt16(40, le);
      const dims = [0, 1, 2].map((k) => (k < ndim ? Math.max(1, dv.getInt16(42 + 2 * k, le)) : 1));
      const n = checkDeclaredSize(dims, MAX_VOLUME_VOXELS, name, 'volume');
      const bitpix = Math.max(8, dv.getInt16(72, le));
      const voxOffset = Math.max(352, Math.round(dv.getFloat32(108, le)) || 0);
      need = Math.min(MAX_INFLATED_BYTES, voxOffset + n * Math.ceil(bitpix / 8));
    }
  }
  return inflateCapped(input, 'gzip', need, name, 'truncate');
}

export function readNifti(input: Uint8Array, name = 'NIfTI file'): Image {
  const b = isGzip(input) ? inflateNifti(input, name) : input;
  if (b.length < 348) throw new SonomicsError('CORRUPT_FILE', `${name}: too short for a NIfTI-1 header (${b.length} bytes)`);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let le = true;
  if (dv.getInt32(0, true) !== 348) {
    if (dv.getInt32(0, false) !== 348) throw new SonomicsError('CORRUPT_FILE', `${name}: not a NIfTI-1 file (sizeof_hdr is not 348)`);
    le = false;
  }
  const i16 = (o: number) => dv.getInt16(o, le);
  const f32 = (o: number) => dv.getFloat32(o, le);
  const ndim = i16(40);
  const dims = [1, 1, 1].map((_, k) => (k < ndim ? Math.max(1, i16(42 + 2 * k)) : 1)) as Vec3;
  const datatype = i16(70);
  const pixdim = [f32(80), f32(84), f32(88)].map((v, k) => (k < ndim && v > 0 ? v : 1)) as Vec3;
  const voxOffset = Math.max(352, Math.round(f32(108)));
  let slope = f32(112), inter = f32(116);
  if (!Number.isFinite(slope) || slope === 0) { slope = 1; inter = 0; }
  if (!Number.isFinite(inter)) inter = 0;
  const qformCode = i16(252), sformCode = i16(254);
  const n = checkDeclaredSize(dims, MAX_VOLUME_VOXELS, name, 'volume');
  const reader = voxelReader(datatype, name);
  if (voxOffset + n * reader.bytes > b.length) {
    throw new SonomicsError('CORRUPT_FILE', `${name}: voxel data truncated (needs ${voxOffset + n * reader.bytes} bytes, file has ${b.length})`);
  }
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = reader.read(dv, voxOffset + i * reader.bytes, le) * slope + inter;

  let origin: Vec3 = [0, 0, 0];
  let direction: Mat3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  let spacing: Vec3 = pixdim;
  if (sformCode > 0) {
    const row = (o: number) => [f32(o), f32(o + 4), f32(o + 8), f32(o + 12)];
    const sx = row(280), sy = row(296), sz = row(312);
    const cols = [0, 1, 2].map((k) => [sx[k]!, sy[k]!, sz[k]!]);
    spacing = cols.map((c) => Math.hypot(c[0]!, c[1]!, c[2]!) || 1) as Vec3;
    direction = [
      cols[0]![0]! / spacing[0], cols[1]![0]! / spacing[1], cols[2]![0]! / spacing[2],
      cols[0]![1]! / spacing[0], cols[1]![1]! / spacing[1], cols[2]![1]! / spacing[2],
      cols[0]![2]! / spacing[0], cols[1]![2]! / spacing[1], cols[2]![2]! / spacing[2],
    ];
    origin = [sx[3]!, sy[3]!, sz[3]!];
  } else if (qformCode > 0) {
    const qb = f32(256), qc = f32(260), qd = f32(264);
    const qa = Math.sqrt(Math.max(0, 1 - (qb * qb + qc * qc + qd * qd)));
    const qfac = f32(76) < 0 ? -1 : 1;
    const R = [
      qa * qa + qb * qb - qc * qc - qd * qd, 2 * (qb * qc - qa * qd), 2 * (qb * qd + qa * qc),
      2 * (qb * qc + qa * qd), qa * qa + qc * qc - qb * qb - qd * qd, 2 * (qc * qd - qa * qb),
      2 * (qb * qd - qa * qc), 2 * (qc * qd + qa * qb), qa * qa + qd * qd - qc * qc - qb * qb,
    ];
    direction = [R[0]!, R[1]!, R[2]! * qfac, R[3]!, R[4]!, R[5]! * qfac, R[6]!, R[7]!, R[8]! * qfac];
    origin = [f32(268), f32(272), f32(276)];
  }
  // RAS (NIfTI) → LPS (DICOM / ITK convention used throughout sonomics).
  origin = [-origin[0], -origin[1], origin[2]];
  direction = [-direction[0], -direction[1], -direction[2], -direction[3], -direction[4], -direction[5], direction[6], direction[7], direction[8]]
    .map((v) => v + 0) as Mat3; // + 0 turns -0 into 0
  const img = createImage(dims, spacing, data, { origin, direction });
  img.spacingSource = sformCode > 0 ? 'NIfTI sform' : qformCode > 0 ? 'NIfTI qform' : 'NIfTI pixdim';
  img.meta = { format: 'nifti', dimensions: ndim, datatype, qformCode, sformCode, scale: { slope, intercept: inter } };
  return img;
}

interface VoxelReader { bytes: number; read(dv: DataView, o: number, le: boolean): number }

function voxelReader(datatype: number, name: string): VoxelReader {
  switch (datatype) {
    case 2: return { bytes: 1, read: (dv, o) => dv.getUint8(o) };
    case 256: return { bytes: 1, read: (dv, o) => dv.getInt8(o) };
    case 4: return { bytes: 2, read: (dv, o, le) => dv.getInt16(o, le) };
    case 512: return { bytes: 2, read: (dv, o, le) => dv.getUint16(o, le) };
    case 8: return { bytes: 4, read: (dv, o, le) => dv.getInt32(o, le) };
    case 768: return { bytes: 4, read: (dv, o, le) => dv.getUint32(o, le) };
    case 16: return { bytes: 4, read: (dv, o, le) => dv.getFloat32(o, le) };
    case 64: return { bytes: 8, read: (dv, o, le) => dv.getFloat64(o, le) };
    default:
      throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: NIfTI datatype ${datatype} is not supported (use uint8/int8/int16/uint16/int32/uint32/float32/float64)`);
  }
}

/** NIfTI in the image-format registry (src/io/formats.ts); gzip-compressed (.nii.gz) too. */
export const NIFTI_FORMAT = defineImageFormat({
  format: 'nifti', title: 'NIfTI (.nii/.nii.gz)', kind: 'volume',
  sniff: (bytes) => {
    if (!isGzip(bytes) && bytes.length < 348) return false;
    try { return isNifti(bytes); } catch { return false; } // a corrupt gzip stream is not NIfTI
  },
  read: (bytes, opts) => readNifti(bytes, opts.name),
});
