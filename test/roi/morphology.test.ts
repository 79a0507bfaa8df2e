// Distance transform against brute force (random masks, anisotropic 2D and 3D), and the
// dilation / erosion / component helpers that robustness perturbations reuse.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMask, maskCount, type Vec3 } from '../../src/image/image.ts';
import { nearestSeed, squaredDistanceToSeeds } from '../../src/image/distance.ts';
import { dilateMm, dilateVoxels, erodeMm, erodeVoxels } from '../../src/image/morphology.ts';
import { connectedComponents, largestComponent } from '../../src/image/components.ts';

function bruteForce(seeds: Uint8Array, size: Vec3, sp: Vec3): number[] {
  const [X, Y, Z] = size;
  const out: number[] = [];
  for (let k = 0; k < Z; k++) for (let j = 0; j < Y; j++) for (let i = 0; i < X; i++) {
    let best = Infinity;
    for (let c = 0; c < Z; c++) for (let b = 0; b < Y; b++) for (let a = 0; a < X; a++) {
      if (seeds[a + X * (b + Y * c)]) best = Math.min(best, ((a - i) * sp[0]) ** 2 + ((b - j) * sp[1]) ** 2 + ((c - k) * sp[2]) ** 2);
    }
    out.push(best);
  }
  return out;
}

describe('exact Euclidean distance transform', () => {
  it('equals brute force on random anisotropic grids (2D and 3D)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }),
      fc.constantFrom<Vec3>([1, 1, 1], [0.1, 0.25, 1], [0.5, 0.3, 2.5]),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      (X, Y, Z, sp, seed) => {
        const seeds = new Uint8Array(X * Y * Z);
        let s = seed;
        for (let i = 0; i < seeds.length; i++) { s = (s * 1103515245 + 12345) % 2 ** 31; seeds[i] = s % 7 === 0 ? 1 : 0; }
        const got = squaredDistanceToSeeds(seeds, [X, Y, Z], sp);
        const want = bruteForce(seeds, [X, Y, Z], sp);
        want.forEach((w, i) => { if (w === Infinity) expect(got[i]).toBe(Infinity); else expect(got[i]).toBeCloseTo(w, 9); });
        const { nearest, d2 } = nearestSeed(seeds, [X, Y, Z], sp);
        nearest.forEach((q, i) => {
          if (q < 0) return expect(d2[i]).toBe(Infinity);
          expect(seeds[q]).toBe(1);
          const dx = (i % X) - (q % X), dy = Math.floor(i / X) % Y - Math.floor(q / X) % Y, dz = Math.floor(i / (X * Y)) - Math.floor(q / (X * Y));
          expect((dx * sp[0]) ** 2 + (dy * sp[1]) ** 2 + (dz * sp[2]) ** 2).toBeCloseTo(d2[i]!, 9);
        });
      }), { numRuns: 150, seed: 20260 });
  });
});

describe('dilation and erosion', () => {
  const m = createMask([9, 9, 1], [1, 1, 1]);
  m.data[4 + 9 * 4] = 1;

  it('1-voxel steps with face and full connectivity', () => {
    expect(maskCount(dilateVoxels(m))).toBe(5);
    expect(maskCount(dilateVoxels(m, 1, 'full'))).toBe(9);
    expect(maskCount(dilateVoxels(m, 2))).toBe(13);
    expect(maskCount(erodeVoxels(dilateVoxels(m, 1, 'full')))).toBe(1);
    expect(maskCount(erodeVoxels(dilateVoxels(m, 1, 'full'), 1, 'full'))).toBe(1);
  });

  it('ball in mm respects anisotropic spacing', () => {
    const a = createMask([21, 21, 1], [0.5, 1, 1]);
    a.data[10 + 21 * 10] = 1;
    const d = dilateMm(a, 2);
    // x: ±4 voxels (2 mm / 0.5), y: ±2 voxels.
    expect(d.data[14 + 21 * 10]).toBe(1);
    expect(d.data[15 + 21 * 10]).toBe(0);
    expect(d.data[10 + 21 * 12]).toBe(1);
    expect(d.data[10 + 21 * 13]).toBe(0);
    // erode(dilate(point)) by the same ball gives the point back.
    expect(maskCount(erodeMm(d, 2))).toBe(1);
    expect(d.spacing).toEqual([0.5, 1, 1]);
    expect(() => dilateMm(a, -1)).toThrow(RangeError);
  });

  it('erosion does not eat from the image border', () => {
    const full = createMask([4, 4, 1], [1, 1, 1], new Uint8Array(16).fill(1));
    expect(maskCount(erodeMm(full, 1))).toBe(16);
    expect(maskCount(erodeVoxels(full))).toBe(16);
  });
});

describe('connected components', () => {
  it('labels largest first and keeps the largest', () => {
    const m = createMask([6, 3, 2], [1, 1, 1]);
    for (const i of [0, 1, 6, 7, 4, 22, 23]) m.data[i] = 1; // a 2×2 block at z=0, one voxel at x=4, two at z=1 (x=4,5 y=0)
    const { sizes, labels } = connectedComponents(m);
    expect(sizes).toEqual([4, 3]);
    expect(labels[0]).toBe(1);
    expect(labels[4]).toBe(2);
    expect(maskCount(largestComponent(m))).toBe(4);
  });
});
