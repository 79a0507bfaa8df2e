/** gzip detection and inflation (browser-safe, via fflate). */
import { Gunzip, gunzipSync } from 'fflate';
import { SonomicsError } from '../core/errors.ts';

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function maybeGunzip(bytes: Uint8Array, name = 'gzip file'): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (err) {
    throw new SonomicsError('CORRUPT_FILE', `${name}: gzip data is damaged or truncated (${(err as Error).message})`, { subject: name, cause: err });
  }
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
