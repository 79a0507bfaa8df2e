/**
 * JPEG baseline / extended 8-bit (ITU T.81 processes 1 and 2) via the pure-JS `jpeg-js`.
 * The codec converts YCbCr to RGB, so DICOM YBR_FULL / YBR_FULL_422 frames come out as RGB
 * (PS3.5 §8.2.1: the photometric interpretation describes the compressed stream).
 * Whether to apply that transform follows the stream first, like libjpeg's
 * default_decompress_parms (jdapimin.c): an Adobe APP14 marker's transform flag; component
 * ids 'R','G','B' → no transform; a JFIF APP0 marker → YCbCr; otherwise the DICOM
 * photometric interpretation decides (YBR_* → transform, RGB → none). This rescues files
 * declared RGB that hold JFIF (YCbCr) streams, a common writer bug.
 */
import jpeg from 'jpeg-js';
import { SonomicsError } from '../../../core/errors.ts';
import type { DecodedFrame, FrameInfo } from './types.ts';

export function decodeJpegBaseline(data: Uint8Array, info: FrameInfo): DecodedFrame {
  if (info.bitsAllocated > 8 && info.bitsStored > 8) {
    throw new SonomicsError('UNSUPPORTED_FORMAT', `${info.name}: 12-bit JPEG (process 4) is not supported; transcode with dcmtk "dcmdjpeg" first`);
  }
  const spp = info.samplesPerPixel;
  const markers = scanMarkers(data);
  let ybr = info.photometric.startsWith('YBR');
  if (markers.adobeTransform !== undefined) ybr = markers.adobeTransform !== 0;
  else if (markers.componentIds === 'RGB') ybr = false;
  else if (markers.jfif) ybr = true;
  let img: { width: number; height: number; data: Uint8Array };
  try {
    img = jpeg.decode(data, { useTArray: true, formatAsRGBA: false, colorTransform: spp === 3 ? ybr : undefined, tolerantDecoding: true, maxMemoryUsageInMB: 2048 });

  } catch (err) {
    throw new SonomicsError('CORRUPT_FILE', `${info.name}: JPEG baseline frame cannot be decoded (${(err as Error).message})`, { cause: err });
  }
  let samples = img.data;
  if (spp === 1) {
    // jpeg-js returns 3 channels (grey replicated) when formatAsRGBA is false; keep one.
    const n = img.width * img.height;
    if (samples.length === 3 * n) {
      const grey = new Uint8Array(n);
      for (let i = 0; i < n; i++) grey[i] = samples[3 * i]!;
      samples = grey;
    }
  }
  return { samples, width: img.width, height: img.height, samplesPerPixel: spp, photometric: spp === 3 ? 'RGB' : info.photometric };
}

/** The header facts that decide the colour transform (T.81 markers up to the first scan). */
function scanMarkers(d: Uint8Array): { jfif: boolean; adobeTransform?: number; componentIds?: string } {
  const out: { jfif: boolean; adobeTransform?: number; componentIds?: string } = { jfif: false };
  let p = 2;
  while (p + 4 <= d.length && d[p] === 0xff) {
    const m = d[p + 1]!;
    if (m === 0xd8 || (m >= 0xd0 && m <= 0xd7) || m === 0x01 || m === 0xff) { p += m === 0xff ? 1 : 2; continue; }
    const len = (d[p + 2]! << 8) | d[p + 3]!;
    const body = p + 4;
    if (m === 0xe0 && d[body] === 0x4a && d[body + 1] === 0x46 && d[body + 2] === 0x49 && d[body + 3] === 0x46) out.jfif = true;
    if (m === 0xee && d[body] === 0x41 && d[body + 1] === 0x64 && d[body + 2] === 0x6f && d[body + 3] === 0x62 && d[body + 4] === 0x65) out.adobeTransform = d[body + 11];
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) {
      const n = d[body + 5]!;
      let ids = '';
      for (let c = 0; c < n; c++) ids += String.fromCharCode(d[body + 6 + 3 * c]!);
      out.componentIds = ids;
    }
    if (m === 0xda) break;
    p += 2 + len;
  }
  return out;
}
