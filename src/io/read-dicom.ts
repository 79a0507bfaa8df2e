/**
 * The one place where the generic reader meets the DICOM reader (src/io/dicom/, owned
 * separately): `readDicom(bytes, { frame, channel, roi, name }) : Image`. The WebAssembly
 * codecs (JPEG-LS, JPEG 2000) need `readDicomAsync` (see readImageAsync).
 */
import type { Image } from '../image/image.ts';
import { readDicom, readDicomAsync } from './dicom/index.ts';
import type { Channel } from './raster.ts';

export interface DicomBridgeOptions {
  frame?: number;
  channel?: Channel;
  roi?: { x: number; y: number };
  name?: string;
}

export function readDicomIfAvailable(bytes: Uint8Array, opts: DicomBridgeOptions): Image {
  return readDicom(bytes, { frame: opts.frame, channel: opts.channel, roi: opts.roi, name: opts.name });
}

export function readDicomAsyncBridge(bytes: Uint8Array, opts: DicomBridgeOptions): Promise<Image> {
  return readDicomAsync(bytes, { frame: opts.frame, channel: opts.channel, roi: opts.roi, name: opts.name });
}
