/**
 * Seeded mutations of a seed input (the classic byte-level operators of mutation fuzzers): flip
 * bits, set bytes to boundary values, write large 16/32-bit integers (sizes, offsets, counts),
 * truncate, cut or duplicate a block. The i-th input of a run depends only on (seed, i).
 */
import { Random } from '../../src/core/random.ts';

const BOUNDARY = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff];
const BIG = [0xffffffff, 0x7fffffff, 0x80000000, 0x10000, 0xffff, 1e9 >>> 0, 0];

export function mutate(seedInput: Uint8Array, seed: number, index: number): Uint8Array {
  const rng = new Random((seed * 1_000_003 + index) >>> 0);
  let b: Uint8Array = seedInput.slice();
  const steps = 1 + rng.int(4);
  for (let s = 0; s < steps && b.length > 0; s++) {
    const at = rng.int(b.length);
    switch (rng.int(6)) {
      case 0: b[at] ^= 1 << rng.int(8); break;
      case 1: b[at] = BOUNDARY[rng.int(BOUNDARY.length)]!; break;
      case 2: {
        const v = BIG[rng.int(BIG.length)]!;
        const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
        if (at + 4 <= b.length) dv.setUint32(at, v, rng.int(2) === 0);
        else if (at + 2 <= b.length) dv.setUint16(at, v & 0xffff, rng.int(2) === 0);
        break;
      }
      case 3: b = b.slice(0, Math.max(1, at)); break;
      case 4: { const len = 1 + rng.int(Math.min(64, b.length - at)); b = concat(b.subarray(0, at), b.subarray(at + len)); break; }
      default: { const len = 1 + rng.int(Math.min(256, b.length - at)); b = concat(b.subarray(0, at + len), b.subarray(at)); break; }
    }
  }
  return b;
}

function concat(a: Uint8Array, c: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + c.length);
  out.set(a); out.set(c, a.length);
  return out;
}
