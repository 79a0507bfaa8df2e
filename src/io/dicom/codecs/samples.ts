/** Small helpers shared by the codecs: typed views of little-endian sample bytes, plane interleaving. */
import type { SampleArray } from './types.ts';

/** View little-endian bytes (as WASM codecs emit them) as samples of the given width. */
export function typedSamples(bytes: Uint8Array, bits: 8 | 16 | 32, signed: boolean): SampleArray {
  const buf = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const b = buf.buffer as ArrayBuffer, o = buf.byteOffset;
  if (bits === 8) return signed ? new Int8Array(b, o, buf.length) : buf;
  if (bits === 16) return signed ? new Int16Array(b, o, buf.length >> 1) : new Uint16Array(b, o, buf.length >> 1);
  return signed ? new Int32Array(b, o, buf.length >> 2) : new Uint32Array(b, o, buf.length >> 2);
}

/** Planar (RRR…GGG…BBB…) to interleaved (RGBRGB…). */
export function interleavePlanes<T extends SampleArray>(planar: T, spp: number): T {
  const out = new (planar.constructor as new (n: number) => T)(planar.length);
  const plane = planar.length / spp;
  for (let s = 0; s < spp; s++) {
    const base = s * plane;
    for (let p = 0; p < plane; p++) out[p * spp + s] = planar[base + p]!;
  }
  return out;
}
