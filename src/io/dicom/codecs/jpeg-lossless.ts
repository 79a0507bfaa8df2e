/**
 * JPEG lossless (ITU T.81 process 14, any predictor incl. selection value 1) via the
 * pure-JS `jpeg-lossless-decoder-js`. Lossless JPEG has no colour transform: the
 * photometric interpretation is kept.
 */
import { Decoder } from 'jpeg-lossless-decoder-js';
import { SonomicsError } from '../../../core/errors.ts';
import type { DecodedFrame, FrameInfo } from './types.ts';

export function decodeJpegLossless(data: Uint8Array, info: FrameInfo): DecodedFrame {
  const bytesPerSample = info.bitsAllocated <= 8 ? 1 : 2;
  const copy = data.slice(); // the decoder wants its own ArrayBuffer
  let out: ArrayBufferLike | Uint8Array | Uint16Array;
  try {
    out = new Decoder().decode(copy.buffer, 0, copy.byteLength, bytesPerSample) as ArrayBufferLike | Uint8Array | Uint16Array;
  } catch (err) {
    throw new SonomicsError('CORRUPT_FILE', `${info.name}: JPEG lossless frame cannot be decoded (${(err as Error).message})`, { cause: err });
  }
  const buffer = ArrayBuffer.isView(out) ? out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) : out;
  const n = info.rows * info.columns * info.samplesPerPixel;
  let samples: Uint8Array | Uint16Array | Int16Array;
  if (bytesPerSample === 1) samples = new Uint8Array(buffer as ArrayBuffer, 0, Math.min(n, buffer.byteLength));
  else samples = info.signed ? new Int16Array(buffer as ArrayBuffer, 0, n) : new Uint16Array(buffer as ArrayBuffer, 0, n);
  if (samples.length !== n) throw new SonomicsError('CORRUPT_FILE', `${info.name}: JPEG lossless frame decoded to ${samples.length} samples, expected ${n}`);
  return { samples, width: info.columns, height: info.rows, samplesPerPixel: info.samplesPerPixel, photometric: info.photometric };
}
