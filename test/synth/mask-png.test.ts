// The run-length mask PNG encoder: files any PNG reader decodes back to the same mask.
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { encodeMaskPng } from '../../src/synth/mask-png.ts';
import { readMask } from '../../src/io/read.ts';
import { Random } from '../../src/core/random.ts';

function roundTrip(mask: Uint8Array, w: number, h: number): Uint8Array {
  const back = readMask(encodeMaskPng(mask, w, h));
  expect(back.size).toEqual([w, h, 1]);
  return back.data;
}

describe('encodeMaskPng', () => {
  it('round-trips discs, empty, full and random masks (runs longer than 258, odd sizes)', () => {
    const w = 801, h = 61;
    const disc = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) disc[x + w * y] = (x - 400) ** 2 + (y - 30) ** 2 < 900 ? 1 : 0;
    const rng = new Random(3);
    const noise = new Uint8Array(37 * 23).map(() => (rng.next() < 0.5 ? 1 : 0));
    expect(Array.from(roundTrip(disc, w, h))).toEqual(Array.from(disc));
    expect(Array.from(roundTrip(new Uint8Array(w * h), w, h)).every((v) => v === 0)).toBe(true);
    expect(Array.from(roundTrip(new Uint8Array(w * 3).fill(7), w, 3)).every((v) => v === 1)).toBe(true);
    expect(Array.from(roundTrip(noise, 37, 23))).toEqual(Array.from(noise));
  });

  it('writes a valid zlib stream (zlib checks the Adler-32)', () => {
    const mask = new Uint8Array(300 * 200);
    for (let i = 5000; i < 20000; i += 3) mask[i] = 1;
    const png = encodeMaskPng(mask, 300, 200);
    const idatLength = new DataView(png.buffer).getUint32(33); // after signature (8) and IHDR (25)
    expect(inflateSync(png.subarray(41, 41 + idatLength)).length).toBe((300 + 1) * 200);
  });
});
