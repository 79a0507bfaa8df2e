// cropMask and uncropMask are inverses on the box; extractCase relies on it to build rings over
// the tumour's neighbourhood only (same ring as over the whole crop, see crop-equivalence).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundingBox, cropMask, growBox, uncropMask } from '../../src/image/crop.ts';
import { createMask, type Vec3 } from '../../src/image/image.ts';
import { peritumoralRing } from '../../src/roi/ring.ts';

describe('uncropMask', () => {
  it('puts a crop back in place, zeros around it, with the grid geometry', () => {
    const grid = createMask([9, 7, 3], [0.5, 0.7, 2], undefined, { origin: [1, 2, 3] });
    grid.data.forEach((_, i) => { grid.data[i] = (i * 7) % 3 === 0 ? 1 : 0; });
    const box = { lo: [2, 1, 1], hi: [7, 6, 3] } as const;
    const back = uncropMask(cropMask(grid, { lo: [...box.lo], hi: [...box.hi] }), { lo: [...box.lo], hi: [...box.hi] }, grid);
    expect(back.origin).toEqual(grid.origin);
    grid.data.forEach((v, i) => {
      const x = i % 9, y = Math.floor(i / 9) % 7, z = Math.floor(i / 63);
      const inside = x >= 2 && x < 7 && y >= 1 && y < 6 && z >= 1;
      expect(back.data[i]).toBe(inside ? v : 0);
    });
  });

  it('a ring computed on the tumour box grown by its width equals the ring on the whole grid', () => {
    const t = createMask([60, 50, 1], [0.3, 0.4, 1]);
    for (let y = 18; y < 31; y++) for (let x = 22; x < 41; x++) if ((x - 31) ** 2 / 81 + (y - 24) ** 2 / 36 <= 1) t.data[x + 60 * y] = 1;
    const box = growBox(boundingBox([t])!, t, 3 + 0.4);
    const ring = uncropMask(peritumoralRing(cropMask(t, box), 3), box, t);
    expect(Array.from(ring.data)).toEqual(Array.from(peritumoralRing(t, 3).data));
  });
});

describe('boundingBox', () => {
  /** Every voxel tested: the reference for the word-skipping scan. */
  function naive(masks: ReturnType<typeof createMask>[]) {
    const [X, Y, Z] = masks[0]!.size;
    const lo = [X, Y, Z], hi = [-1, -1, -1];
    for (const m of masks) for (let i = 0; i < m.data.length; i++) if (m.data[i]) {
      const c = [i % X, Math.floor(i / X) % Y, Math.floor(i / (X * Y))];
      for (let a = 0; a < 3; a++) { lo[a] = Math.min(lo[a]!, c[a]!); hi[a] = Math.max(hi[a]!, c[a]! + 1); }
    }
    return hi[0]! < 0 ? null : { lo, hi };
  }
  it('equals a voxel-by-voxel scan, also for masks at unaligned offsets of a larger buffer', () => {
    fc.assert(fc.property(
      fc.tuple(fc.integer({ min: 1, max: 23 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 3 })),
      fc.integer({ min: 0, max: 7 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(),
      (size, offset, setAt, two) => {
        const n = size[0] * size[1] * size[2];
        const make = (shift: number) => {
          const data = new Uint8Array(n + 16).subarray(offset, offset + n);
          for (const s of setAt) data[(s + shift) % n] = 1;
          return createMask(size as Vec3, [1, 1, 1], data);
        };
        const masks = two ? [make(0), make(5)] : [make(0)];
        expect(boundingBox(masks)).toEqual(naive(masks));
      }), { numRuns: 500 });
  });
});
