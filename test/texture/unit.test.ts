/** Texture families: invariants, edge cases and brute-force cross-checks on synthetic ROIs. */
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { SonomicsError } from '../../src/core/errors.ts';
import {
  DIRECTIONS_3D, TEXTURE_FAMILIES, borderDistanceMap, computeGlcm, computeGlrlm, computeGlszm, computeNgtdm, glcmMatrices,
  mergeMatrices, textureVolume,
} from '../../src/features/texture/index.ts';
import type { DiscretisedRoi, TextureAggregation } from '../../src/features/types.ts';

function randomRoi(rng: Random, size: [number, number, number], nLevels: number, fill = 0.7): DiscretisedRoi {
  const n = size[0] * size[1] * size[2];
  const levels = new Int32Array(n);
  for (let i = 0; i < n; i++) if (rng.next() < fill) levels[i] = 1 + rng.int(nLevels);
  levels[Math.floor(n / 2)] = 1; // never empty
  return { size, spacing: [1, 1, 1], levels, nLevels };
}

const aggregationsOf = (directional: boolean): TextureAggregation[] =>
  directional ? ['2D, averaged', '2D, slice-merged', '2.5D, direction-merged', '2.5D, merged', '3D, averaged', '3D, merged'] : ['2D', '2.5D', '3D'];

function expectSameValues(a: Record<string, number>, b: Record<string, number>) {
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const k of Object.keys(a)) {
    if (Number.isNaN(a[k]!)) expect(b[k]).toBeNaN();
    else expect(b[k]!).toBeCloseTo(a[k]!, 9);
  }
}

describe('texture families', () => {
  it('every family returns exactly its FEATURES names for every aggregation, on 2D and 3D ROIs', () => {
    const rng = new Random(1);
    for (const roi of [randomRoi(rng, [12, 9, 1], 5), randomRoi(rng, [7, 6, 5], 4)]) {
      for (const fam of TEXTURE_FAMILIES) {
        for (const agg of aggregationsOf(fam.directional)) {
          // PyRadiomics-only features (GLCM MCC) come only with their option (issue #16)
          const values = fam.compute(roi, agg, {});
          expect(Object.keys(values).sort()).toEqual(fam.features.filter((f) => !f.pyradiomicsOnly).map((f) => f.name).sort());
          const all = fam.compute(roi, agg, { mcc: true });
          expect(Object.keys(all).sort()).toEqual(fam.features.map((f) => f.name).sort());
        }
      }
    }
  });

  it('IBSI codes are unique and every feature has a snake_case name', () => {
    const codes = TEXTURE_FAMILIES.flatMap((f) => f.features.map((d) => d.ibsiCode));
    expect(new Set(codes).size).toBe(codes.length);
    for (const f of TEXTURE_FAMILIES) for (const d of f.features) expect(d.name).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
  });

  it('features do not depend on where the ROI sits in the grid (crop + padding)', () => {
    const rng = new Random(2);
    const small = randomRoi(rng, [6, 5, 3], 4, 0.8);
    const big: DiscretisedRoi = { size: [11, 9, 6], spacing: [1, 1, 1], levels: new Int32Array(11 * 9 * 6), nLevels: 4 };
    for (let z = 0; z < 3; z++) for (let y = 0; y < 5; y++) for (let x = 0; x < 6; x++) {
      big.levels[x + 3 + 11 * (y + 2 + 9 * (z + 1))] = small.levels[x + 6 * (y + 5 * z)]!;
    }
    for (const fam of TEXTURE_FAMILIES) {
      for (const agg of aggregationsOf(fam.directional)) expectSameValues(fam.compute(small, agg, {}), fam.compute(big, agg, {}));
    }
  });

  it('2D features are invariant under transposing x and y (the 4 in-plane directions map onto themselves)', () => {
    const rng = new Random(3);
    const roi = randomRoi(rng, [9, 7, 1], 6);
    const t: DiscretisedRoi = { ...roi, size: [7, 9, 1], levels: new Int32Array(roi.levels.length) };
    for (let y = 0; y < 7; y++) for (let x = 0; x < 9; x++) t.levels[y + 7 * x] = roi.levels[x + 9 * y]!;
    for (const fam of TEXTURE_FAMILIES) {
      const agg = fam.directional ? '2D, averaged' : '2D';
      expectSameValues(fam.compute(roi, agg, {}), fam.compute(t, agg, {}));
    }
  });

  it('GLCM counts at distance 2 match a brute-force count on the uncropped grid', () => {
    const rng = new Random(4);
    const roi = randomRoi(rng, [8, 7, 5], 5);
    const [X, Y, Z] = roi.size;
    const ng = roi.nLevels;
    const naive = new Float64Array(ng * ng);
    const at = (x: number, y: number, z: number) => (x < 0 || y < 0 || z < 0 || x >= X || y >= Y || z >= Z ? 0 : roi.levels[x + X * (y + Y * z)]!);
    for (const [dx, dy, dz] of DIRECTIONS_3D) {
      for (let z = 0; z < Z; z++) for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++) {
        const a = at(x, y, z), b = at(x + 2 * dx, y + 2 * dy, z + 2 * dz);
        if (a && b) { naive[(a - 1) * ng + b - 1]++; naive[(b - 1) * ng + a - 1]++; }
      }
    }
    const v = textureVolume(roi, 2, 2);
    const merged = mergeMatrices(glcmMatrices(v, DIRECTIONS_3D, 2, -1).filter((m) => m !== null));
    expect(Array.from(merged.counts)).toEqual(Array.from(naive));
  });

  it('border distance map equals a breadth-first search from outside the mask (2D and 3D)', () => {
    const rng = new Random(5);
    for (const volumetric of [false, true]) {
      const roi = randomRoi(rng, [10, 9, 4], 3, 0.85);
      const v = textureVolume(roi, 1, volumetric ? 1 : 0);
      const fast = borderDistanceMap(v, volumetric);
      const { X, Y, morph } = v;
      const offs = volumetric ? [1, -1, X, -X, X * Y, -X * Y] : [1, -1, X, -X];
      const bfs = new Int32Array(morph.length);
      let frontier: number[] = [];
      for (let i = 0; i < morph.length; i++) if (morph[i] && offs.some((o) => !morph[i + o])) { bfs[i] = 1; frontier.push(i); }
      while (frontier.length) {
        const next: number[] = [];
        for (const i of frontier) for (const o of offs) if (morph[i + o] && bfs[i + o] === 0) { bfs[i + o] = bfs[i]! + 1; next.push(i + o); }
        frontier = next;
      }
      expect(Array.from(fast)).toEqual(Array.from(bfs));
    }
  });

  it('on a single-slice image, GLCM 3D merged equals 2.5D merged (out-of-plane directions count nothing)', () => {
    const roi = randomRoi(new Random(6), [15, 11, 1], 8);
    expectSameValues(computeGlcm(roi, '2.5D, merged'), computeGlcm(roi, '3D, merged'));
  });

  it('a homogeneous ROI gives the degenerate values, not errors', () => {
    const roi: DiscretisedRoi = { size: [5, 5, 1], spacing: [1, 1, 1], levels: new Int32Array(25).fill(3), nLevels: 4 };
    const glcm = computeGlcm(roi, '2D, averaged');
    expect(glcm.joint_entropy).toBe(0);
    expect(glcm.contrast).toBe(0);
    expect(glcm.correlation).toBeNaN();
    expect(glcm.joint_maximum).toBe(1);
    expect(computeGlszm(roi, '2D').large_zone_emphasis).toBe(625);
    expect(computeNgtdm(roi, '2D').coarseness).toBe(1e6);
    expect(computeGlrlm(roi, '2D, averaged').run_percentage).toBeGreaterThan(0);
  });

  it('rejects direction-less aggregations for GLCM/GLRLM, empty ROIs and out-of-range levels with clear codes', () => {
    const roi = randomRoi(new Random(7), [4, 4, 1], 3);
    const code = (fn: () => unknown) => { try { fn(); } catch (e) { return (e as SonomicsError).code; } return 'none'; };
    expect(code(() => computeGlcm(roi, '2D'))).toBe('BAD_SETTINGS');
    expect(code(() => computeGlcm(roi, '2D, averaged', { distance: 0 }))).toBe('BAD_SETTINGS');
    expect(code(() => computeGlszm({ ...roi, levels: new Int32Array(16) }, '2D'))).toBe('EMPTY_MASK');
    expect(code(() => computeGlszm({ ...roi, levels: roi.levels.map((l) => l * 5) }, '2D'))).toBe('BAD_INPUT');
    // Families without directions read '2D, …' as per-slice and '2.5D, …' as slice-merged.
    expectSameValues(computeGlszm(roi, '2D'), computeGlszm(roi, '2D, slice-merged'));
  });
});
