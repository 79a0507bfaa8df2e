/**
 * JPEG 2000 (ISO 15444-1, lossless and lossy; also HTJ2K) via OpenJPEG (WASM), which returns
 * interleaved samples. When the codestream uses a multiple-component transform (DICOM
 * YBR_RCT for reversible, YBR_ICT for irreversible; PS3.5 §8.2.4) OpenJPEG inverts it, so
 * those frames come out RGB.
 */
import { SonomicsError } from '../../../core/errors.ts';
import type { DecodedFrame, FrameInfo } from './types.ts';
import { runWasmDecoder } from './wasm-loader.ts';
import { typedSamples } from './samples.ts';

export function decodeJpeg2000(data: Uint8Array, info: FrameInfo): DecodedFrame {
  const { frameInfo, bytes } = runWasmDecoder('jpeg2000', data, info.name);
  const spp = frameInfo.componentCount;
  if (frameInfo.width !== info.columns || frameInfo.height !== info.rows || spp !== info.samplesPerPixel) {
    throw new SonomicsError('CORRUPT_FILE', `${info.name}: JPEG 2000 frame is ${frameInfo.width}×${frameInfo.height}×${spp}, the header says ${info.columns}×${info.rows}×${info.samplesPerPixel}`);
  }
  const samples = typedSamples(bytes, frameInfo.bitsPerSample > 8 ? 16 : 8, frameInfo.isSigned ?? info.signed);
  const mct = info.photometric === 'YBR_RCT' || info.photometric === 'YBR_ICT';
  return { samples, width: frameInfo.width, height: frameInfo.height, samplesPerPixel: spp, photometric: mct ? 'RGB' : info.photometric };
}
