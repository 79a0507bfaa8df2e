/**
 * JPEG baseline / extended 8-bit (ITU T.81 processes 1 and 2) via the pure-JS `jpeg-js`.
 * The codec converts YCbCr to RGB, so DICOM YBR_FULL / YBR_FULL_422 frames come out as RGB
 * (PS3.5 §8.2.1: the photometric interpretation describes the compressed stream). Frames
 * declared RGB are decoded without a colour transform.
 */
import jpeg from 'jpeg-js';
import { SonomicsError } from '../../../core/errors.ts';
import type { DecodedFrame, FrameInfo } from './types.ts';

export function decodeJpegBaseline(data: Uint8Array, info: FrameInfo): DecodedFrame {
  if (info.bitsAllocated > 8 && info.bitsStored > 8) {
    throw new SonomicsError('UNSUPPORTED_FORMAT', `${info.name}: 12-bit JPEG (process 4) is not supported; transcode with dcmtk "dcmdjpeg" first`);
  }
  const spp = info.samplesPerPixel;
  const ybr = info.photometric.startsWith('YBR');
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
