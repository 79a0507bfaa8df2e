/**
 * Splitting pixel data into frames. Native data: fixed-size slices. Encapsulated data
 * (PS3.5 A.4): the Basic Offset Table when it lists every frame; else one fragment per frame
 * when the counts agree; else fragments are grouped by codestream start markers (JPEG SOI
 * FFD8, JPEG 2000 SOC FF4F) — the case of an empty offset table with fragmented frames.
 */
import { SonomicsError } from '../../core/errors.ts';
import type { DicomElement } from './dataset.ts';

export function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

const startsCodestream = (f: Uint8Array): boolean =>
  f.length >= 2 && f[0] === 0xff && (f[1] === 0xd8 || f[1] === 0x4f);

export function encapsulatedFrame(el: DicomElement, frame: number, frames: number, rle: boolean, name: string): Uint8Array {
  const fragments = el.fragments ?? [];
  const bot = el.offsetTable ?? new Uint32Array(0);
  if (fragments.length === 0) throw new SonomicsError('CORRUPT_FILE', `${name}: encapsulated pixel data has no fragments`);
  if (frames === 1) return concat(fragments);
  if (bot.length === frames) {
    // Offsets count from the first byte of the first fragment's item tag; each item header is 8 bytes.
    const parts: Uint8Array[] = [];
    let offset = 0;
    const start = bot[frame]!, end = frame + 1 < frames ? bot[frame + 1]! : Infinity;
    for (const f of fragments) {
      if (offset >= start && offset < end) parts.push(f);
      offset += 8 + f.length;
    }
    if (parts.length) return concat(parts);
  }
  if (fragments.length === frames) return fragments[frame]!;
  if (!rle) {
    const groups: Uint8Array[][] = [];
    for (const f of fragments) {
      if (startsCodestream(f) || groups.length === 0) groups.push([f]);
      else groups[groups.length - 1]!.push(f);
    }
    if (groups.length === frames) return concat(groups[frame]!);
  }
  throw new SonomicsError('CORRUPT_FILE', `${name}: cannot split ${fragments.length} fragments into ${frames} frames (offset table has ${bot.length} entries)`);
}
