// Connected components and the mask checks built on them, against a plain flood fill on random
// masks (2D and 3D, face and full connectivity): same sizes, same largest-first labels, same
// 'largest' selection and border flag.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectedComponents } from '../../src/image/components.ts';
import { createImage, createMask, type Mask, type Vec3 } from '../../src/image/image.ts';
import { neighbourOffsets, type Connectivity } from '../../src/image/morphology.ts';
import { checkMask } from '../../src/roi/checks.ts';

/** Recursive-free flood fill, one component at a time, numbered largest first (ties: scan order). */
function reference(mask: Mask, connectivity: Connectivity): { labels: number[]; sizes: number[] } {
  const [X, Y, Z] = mask.size;
  const raw = new Array<number>(X * Y * Z).fill(0);
  const sizes: number[] = [];
  for (let s = 0; s < raw.length; s++) {
    if (!mask.data[s] || raw[s]) continue;
    const stack = [s];
    raw[s] = sizes.length + 1;
    let count = 0;
    while (stack.length) {
      const i = stack.pop()!;
      count++;
      const x = i % X, y = Math.floor(i / X) % Y, z = Math.floor(i / (X * Y));
      for (const [dx, dy, dz] of neighbourOffsets(Z > 1, connectivity)) {
        const a = x + dx, b = y + dy, c = z + dz;
        if (a < 0 || b < 0 || c < 0 || a >= X || b >= Y || c >= Z) continue;
        const j = a + X * (b + Y * c);
        if (mask.data[j] && !raw[j]) { raw[j] = sizes.length + 1; stack.push(j); }
      }
    }
    sizes.push(count);
  }
  const order = sizes.map((_, k) => k).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const rank = [0, ...order.map(() => 0)];
  order.forEach((k, r) => { rank[k + 1] = r + 1; });
  return { labels: raw.map((l) => rank[l]!), sizes: order.map((k) => sizes[k]!) };
}

const maskArb = fc.record({
  size: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 3 })),
  bits: fc.array(fc.boolean(), { minLength: 243, maxLength: 243 }),
  connectivity: fc.constantFrom<Connectivity>('face', 'full'),
});

describe('connected components', () => {
  it('match a plain flood fill (labels largest first, sizes)', () => {
    fc.assert(fc.property(maskArb, ({ size, bits, connectivity }) => {
      const m = createMask(size as Vec3, [1, 1, 1], Uint8Array.from(bits.slice(0, size[0] * size[1] * size[2]), Number));
      const got = connectedComponents(m, connectivity);
      const want = reference(m, connectivity);
      expect(got.sizes).toEqual(want.sizes);
      expect(Array.from(got.labels)).toEqual(want.labels);
    }), { numRuns: 300 });
  });

  it("checkMask keeps the same largest component and border flag", () => {
    fc.assert(fc.property(maskArb, ({ size, bits, connectivity }) => {
      const m = createMask(size as Vec3, [1, 1, 1], Uint8Array.from(bits.slice(0, size[0] * size[1] * size[2]), Number));
      const want = reference(m, connectivity);
      if (want.sizes.length === 0) return;
      const r = checkMask(createImage(m.size, [1, 1, 1]), m, { caseId: 'c', components: 'largest', connectivity });
      expect(r.componentSizes).toEqual(want.sizes);
      expect(Array.from(r.mask.data)).toEqual(want.labels.map((l) => (l === 1 ? 1 : 0)));
      const [X, Y, Z] = m.size;
      let border = false;
      for (let i = 0; i < r.mask.data.length; i++) {
        const x = i % X, y = Math.floor(i / X) % Y, z = Math.floor(i / (X * Y));
        if (r.mask.data[i] && (x === 0 || y === 0 || x === X - 1 || y === Y - 1 || (Z > 1 && (z === 0 || z === Z - 1)))) border = true;
      }
      expect(r.touchesBorder).toBe(border);
    }), { numRuns: 300 });
  });
});
