/**
 * JPEG-LS (ISO 14495-1) via CharLS (WASM). JPEG-LS has no colour transform in DICOM
 * (PS3.5 §8.2.3), so the photometric interpretation is kept. CharLS returns samples in the
 * stream's interleave mode: mode 0 (none) is planar and is interleaved here.
 */
import { SonomicsError } from '../../../core/errors.ts';
import type { DecodedFrame, FrameInfo } from './types.ts';
import { runWasmDecoder } from './wasm-loader.ts';
import { typedSamples, interleavePlanes } from './samples.ts';

export function decodeJpegLs(data: Uint8Array, info: FrameInfo): DecodedFrame {
  const { frameInfo, interleaveMode, bytes } = runWasmDecoder('jpeg-ls', data, info.name);
  const spp = frameInfo.componentCount;
  if (frameInfo.width !== info.columns || frameInfo.height !== info.rows || spp !== info.samplesPerPixel) {
    throw new SonomicsError('CORRUPT_FILE', `${info.name}: JPEG-LS frame is ${frameInfo.width}×${frameInfo.height}×${spp}, the header says ${info.columns}×${info.rows}×${info.samplesPerPixel}`);
  }
  let samples = typedSamples(bytes, frameInfo.bitsPerSample > 8 ? 16 : 8, info.signed);
  if (spp > 1 && interleaveMode === 0) samples = interleavePlanes(samples, spp);
  return { samples, width: frameInfo.width, height: frameInfo.height, samplesPerPixel: spp, photometric: info.photometric };
}
