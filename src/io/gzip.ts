/** gzip detection and inflation (browser-safe, via fflate). */
import { Gunzip, Unzlib } from 'fflate';
import { SonomicsError } from '../core/errors.ts';

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The most bytes any reader inflates (1 GiB). Readers pass a tighter cap when the header says how
 * much data to expect; this one bounds the rest (issue #20: a 1 MB gzip bomb took 1.8 GB).
 */
export const MAX_INFLATED_BYTES = 2 ** 30;

export function maybeGunzip(bytes: Uint8Array, name = 'gzip file', maxBytes = MAX_INFLATED_BYTES): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  return inflateCapped(bytes, 'gzip', maxBytes, name);
}

const STOP = Symbol('inflate cap reached');

/**
 * Inflate a gzip or zlib stream, stopping as soon as the output passes `maxBytes`: with
 * `onOver: 'error'` (default) that is a TOO_LARGE error, with 'truncate' the first `maxBytes`
 * bytes are returned (a PNG needs exactly the bytes its header implies; trailing data is ignored
 * as decoders do). The input is pushed in 16 KB pieces so that no single step can inflate more
 * than ~16 MB (DEFLATE's ratio is at most 1032:1) before the cap is checked.
 */
export function inflateCapped(bytes: Uint8Array, format: 'gzip' | 'zlib', maxBytes: number, name: string, onOver: 'error' | 'truncate' = 'error'): Uint8Array {
  const parts: Uint8Array[] = [];
  let have = 0;
  let over = false;
  const onData = (chunk: Uint8Array): void => {
    const room = maxBytes - have;
    if (chunk.length > room) {
      if (room > 0) parts.push(chunk.subarray(0, room));
      have = maxBytes;
      over = true;
      throw STOP;
    }
    parts.push(chunk);
    have += chunk.length;
  };
  const stream = format === 'gzip' ? new Gunzip(onData) : new Unzlib(onData);
  try {
    const step = 16384;
    if (bytes.length === 0) stream.push(bytes, true);
    for (let at = 0; at < bytes.length; at += step) {
      const end = Math.min(bytes.length, at + step);
      stream.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (err) {
    if (err !== STOP) {
      throw new SonomicsError('CORRUPT_FILE', `${name}: ${format === 'gzip' ? 'gzip' : 'compressed'} data is damaged or truncated (${(err as Error).message})`, { subject: name, cause: err });
    }
    if (onOver === 'error') {
      throw new SonomicsError('TOO_LARGE', `${name}: compressed data inflates to more than ${maxBytes} bytes, more than its header declares or the reader's cap allows (a damaged file or a decompression bomb)`, { subject: name });
    }
  }
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(have);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/**
 * The first `n` inflated bytes of a gzip stream (or fewer if it is shorter or damaged), without
 * inflating the rest: enough to sniff a header (e.g. NIfTI's 348 bytes) inside a large .nii.gz.
 */
export function gunzipPrefix(bytes: Uint8Array, n: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let have = 0;
  const g = new Gunzip((chunk) => { parts.push(chunk); have += chunk.length; });
  try {
    for (let at = 0; at < bytes.length && have < n; at += 16384) {
      const end = Math.min(bytes.length, at + 16384);
      g.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    // A damaged stream: sniff whatever came out before the damage.
  }
  const out = new Uint8Array(Math.min(n, have));
  let o = 0;
  for (const p of parts) { if (o >= out.length) break; out.set(p.subarray(0, out.length - o), o); o += Math.min(p.length, out.length - o); }
  return out;
}
