/** gzip detection and inflation (browser-safe, via fflate). */
import { gunzipSync } from 'fflate';

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function maybeGunzip(bytes: Uint8Array): Uint8Array {
  return isGzip(bytes) ? gunzipSync(bytes) : bytes;
}
