/**
 * PyRadiomics `distances` as Chebyshev shells (TextureOptions.distanceShells, directions.ts
 * shellOffsets): the offset sets, the neighbourhoods they give the GLCM / NGLDM / NGTDM, and the
 * refusals. Agreement with PyRadiomics itself: test/pyradiomics/distances.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { DIRECTIONS_2D, DIRECTIONS_3D, flatOffsets, shellOffsets, type Direction } from '../../src/features/texture/directions.ts';
import { computeGlcm, computeGlrlm, computeGlszm, computeNgldm, computeNgtdm, glcmMatrices } from '../../src/features/texture/index.ts';
import { ngldmMatrix } from '../../src/features/texture/ngldm.ts';
import { ngtdmMatrix } from '../../src/features/texture/ngtdm.ts';
import { roiBox, textureVolume } from '../../src/features/texture/volume.ts';
import type { DiscretisedRoi, TextureOptions } from '../../src/features/types.ts';

function randomRoi(rng: Random, size: [number, number, number], nLevels: number, fill = 0.75): DiscretisedRoi {
  const n = size[0] * size[1] * size[2];
  const levels = new Int32Array(n);
  for (let i = 0; i < n; i++) if (rng.next() < fill) levels[i] = 1 + rng.int(nLevels);
  levels[0] = 1; // the box is the whole grid
  levels[n - 1] = nLevels;
  return { size, spacing: [1, 1, 1], levels, nLevels };
}

const key = (d: Direction): string => d.join(',');
const chebyshev = (d: Direction): number => Math.max(Math.abs(d[0]), Math.abs(d[1]), Math.abs(d[2]));
/** PyRadiomics keeps the offset whose first non-zero component in (z, y, x) order is positive. */
const leadingPositive = (d: Direction): boolean => (d[2] !== 0 ? d[2] > 0 : d[1] !== 0 ? d[1] > 0 : d[0] > 0);

describe('distance shells: offsets (cmatrices.c build_angles)', () => {
  it('shell 1 is IBSI\'s 13 volumetric / 4 in-plane directions, with the same signs', () => {
    expect(shellOffsets([1], [9, 9, 9], true, true).map(key).sort()).toEqual(DIRECTIONS_3D.map(key).sort());
    expect(shellOffsets([1], [9, 9, 9], false, true).map(key).sort()).toEqual(DIRECTIONS_2D.map(key).sort());
  });

  it('shell d holds every offset of Chebyshev norm d: (2d+1)^n − (2d−1)^n, half of them one-sided, closed under negation', () => {
    for (const d of [1, 2, 3, 4]) {
      for (const [volumetric, n] of [[true, 3], [false, 2]] as const) {
        const both = shellOffsets([d], [20, 20, 20], volumetric, false);
        const one = shellOffsets([d], [20, 20, 20], volumetric, true);
        expect(both.length).toBe((2 * d + 1) ** n - (2 * d - 1) ** n);
        expect(one.length).toBe(both.length / 2);
        expect(new Set(both.map(key)).size).toBe(both.length);
        expect(both.every((o) => chebyshev(o) === d && (volumetric || o[2] === 0))).toBe(true);
        expect(one.every(leadingPositive)).toBe(true);
        const mirrored = new Set([...one, ...one.map((o) => o.map((c) => -c + 0) as unknown as Direction)].map(key));
        expect([...mirrored].sort()).toEqual(both.map(key).sort());
      }
    }
  });

  it('several shells are their union ([1, 3] skips the ring at 2), and offsets reaching the box size on an axis are dropped', () => {
    const union = shellOffsets([1, 3], [20, 20, 20], true, false);
    expect(union.map(key).sort()).toEqual([...shellOffsets([1], [20, 20, 20], true, false), ...shellOffsets([3], [20, 20, 20], true, false)].map(key).sort());
    expect(union.some((o) => chebyshev(o) === 2)).toBe(false);
    const box = [4, 2, 1];
    const inBox = shellOffsets([1, 2, 3], box, true, false);
    expect(inBox.every((o) => o.every((c, a) => Math.abs(c) < box[a]!))).toBe(true);
    // x reaches 3 (< 4), y only 1 (< 2), z none: in-plane offsets with |y| ≤ 1
    expect(inBox.length).toBe(7 * 3 - 1);
    expect(shellOffsets([5], [3, 3, 3], true, true)).toEqual([]);
  });

  it('a repeated distance counts twice, as PyRadiomics\' angle count does: the GLCM gets both signs, the neighbourhoods every offset twice', () => {
    const one = shellOffsets([1, 1], [9, 9, 9], true, true);
    expect(one.length).toBe(26);
    expect(new Set(one.map(key)).size).toBe(26);
    const both = shellOffsets([1, 1], [9, 9, 9], true, false);
    expect(both.length).toBe(52);
    expect(both.slice(26).map(key)).toEqual(both.slice(0, 26).map(key));
  });
});

/** The neighbours of voxel (x, y, z) at the given offsets that lie in the ROI, by coordinates. */
function neighbourLevels(roi: DiscretisedRoi, x: number, y: number, z: number, offsets: readonly Direction[]): number[] {
  const [X, Y, Z] = roi.size;
  const out: number[] = [];
  for (const [dx, dy, dz] of offsets) {
    const u = x + dx, v = y + dy, w = z + dz;
    if (u < 0 || v < 0 || w < 0 || u >= X || v >= Y || w >= Z) continue;
    const b = roi.levels[u + X * (v + Y * w)]!;
    if (b > 0) out.push(b);
  }
  return out;
}

describe('distance shells: matrices against coordinate-by-coordinate counting', () => {
  const cases: Array<{ size: [number, number, number]; shells: number[]; volumetric: boolean }> = [
    { size: [11, 9, 1], shells: [2], volumetric: false },
    { size: [11, 9, 1], shells: [1, 3], volumetric: false },
    { size: [7, 6, 5], shells: [1, 2], volumetric: true },
    { size: [7, 6, 5], shells: [2], volumetric: true },
    { size: [7, 6, 3], shells: [3, 1, 3], volumetric: true },
  ];
  it('GLCM per offset, NGLDM dependence counts (a = 0 and 1) and NGTDM s_i, n_i', () => {
    const rng = new Random(7);
    for (const c of cases) {
      const roi = randomRoi(rng, c.size, 5);
      const reach = Math.max(...c.shells);
      const v = textureVolume(roi, reach, c.volumetric ? reach : 0);
      const [X, Y, Z] = roi.size;
      const one = shellOffsets(c.shells, roiBox(v), c.volumetric, true);
      const both = shellOffsets(c.shells, roiBox(v), c.volumetric, false);
      const ms = glcmMatrices(v, one, 1, -1, false);
      const ng = roi.nLevels;
      const glcm = one.map(() => new Array<number>(ng * ng).fill(0));
      const dep = [0, 1].map(() => new Map<string, number>());
      const s = new Array<number>(ng).fill(0), n = new Array<number>(ng).fill(0);
      for (let z = 0; z < Z; z++) {
        for (let y = 0; y < Y; y++) {
          for (let x = 0; x < X; x++) {
            const a = roi.levels[x + X * (y + Y * z)]!;
            if (a === 0) continue;
            one.forEach((o, k) => {
              const b = neighbourLevels(roi, x, y, z, [o]);
              if (b.length) glcm[k]![(a - 1) * ng + b[0]! - 1]!++;
            });
            const nb = neighbourLevels(roi, x, y, z, both);
            for (const alpha of [0, 1]) {
              const j = 1 + nb.filter((b) => Math.abs(a - b) <= alpha).length;
              const m = dep[alpha]!;
              m.set(`${a},${j}`, (m.get(`${a},${j}`) ?? 0) + 1);
            }
            // PyRadiomics' NGTDM: a voxel without neighbours counts with s = 0
            n[a - 1]!++;
            if (nb.length) s[a - 1]! += Math.abs(a - nb.reduce((p, q) => p + q, 0) / nb.length);
          }
        }
      }
      ms.forEach((m, k) => expect(m ? Array.from(m.counts) : new Array<number>(ng * ng).fill(0), `${JSON.stringify(c)} GLCM ${key(one[k]!)}`).toEqual(glcm[k]));
      for (const alpha of [0, 1]) {
        const m = ngldmMatrix(v, 1, alpha, c.volumetric, -1, flatOffsets(both, v.X, v.Y))!;
        const got = new Map<string, number>();
        for (let r = 0; r < m.rows; r++) for (let k = 0; k < m.cols; k++) if (m.counts[r * m.cols + k]! > 0) got.set(`${r + 1},${k + 1}`, m.counts[r * m.cols + k]!);
        expect([...got.entries()].sort(), `${JSON.stringify(c)} NGLDM a = ${alpha}`).toEqual([...dep[alpha]!.entries()].sort());
      }
      const t = ngtdmMatrix(v, 1, c.volumetric, -1, true, flatOffsets(both, v.X, v.Y))!;
      expect(Array.from(t.n), `${JSON.stringify(c)} NGTDM n`).toEqual(n);
      t.s.forEach((si, k) => expect(si).toBeCloseTo(s[k]!, 12));
    }
  });

  it('shell [2] on a row of levels 1..5: NGTDM neighbours two voxels away only', () => {
    const roi: DiscretisedRoi = { size: [5, 1, 1], spacing: [1, 1, 1], levels: Int32Array.from([1, 2, 3, 4, 5]), nLevels: 5 };
    const v = textureVolume(roi, 2, 0);
    const t = ngtdmMatrix(v, 1, false, -1, true, flatOffsets(shellOffsets([2], roiBox(v), false, false), v.X, v.Y))!;
    // 1 ↔ 3, 2 ↔ 4, 3 ↔ mean(1, 5) = 3, 4 ↔ 2, 5 ↔ 3
    expect(Array.from(t.s)).toEqual([2, 2, 0, 2, 2]);
    expect(Array.from(t.n)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('distance shells through the families', () => {
  it('shells [1] equal the default δ = 1: NGLDM and NGTDM bit for bit, GLCM to round-off (its directions are averaged in another order)', () => {
    const rng = new Random(11);
    for (const [size, agg, pagg] of [[[13, 10, 1], '2.5D, direction-merged', '2.5D'], [[8, 7, 6], '3D, averaged', '3D']] as const) {
      const roi = randomRoi(rng, [...size], 6);
      const shells: TextureOptions = { distanceShells: [1], dropFlatDirections: true, mcc: true, flatCorrelation: 'one' };
      const base: TextureOptions = { dropFlatDirections: true, mcc: true, flatCorrelation: 'one' };
      expect(computeNgldm(roi, pagg, shells)).toEqual(computeNgldm(roi, pagg, base));
      expect(computeNgtdm(roi, pagg, { ...shells, ngtdmIsolated: 'count' })).toEqual(computeNgtdm(roi, pagg, { ...base, ngtdmIsolated: 'count' }));
      const a = computeGlcm(roi, agg, shells), b = computeGlcm(roi, agg, base);
      for (const k of Object.keys(b)) expect(Math.abs(a[k]! - b[k]!), k).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b[k]!)));
    }
  });

  it('PyRadiomics MCC: 0 for a direction whose pairs start from one level in a ROI of several levels, 1 only for a flat ROI (glcm.getMCCFeatureValue)', () => {
    const row = (levels: number[]): DiscretisedRoi => ({ size: [levels.length, 1, 1], spacing: [1, 1, 1], levels: Int32Array.from(levels), nLevels: 2 });
    const options: TextureOptions = { distanceShells: [2], dropFlatDirections: true, mcc: true, flatCorrelation: 'one' };
    // offset x = 2 pairs only (1, 1): Q has one non-zero entry, λ₂ = 0
    expect(computeGlcm(row([1, 2, 1]), '2.5D, direction-merged', options).maximal_correlation_coefficient).toBe(0);
    expect(computeGlcm(row([1, 1, 1]), '2.5D, direction-merged', options).maximal_correlation_coefficient).toBe(1);
    // pairs (1, 1) and (2, 2): Q = I, λ₂ = 1
    expect(computeGlcm(row([1, 2, 1, 2]), '2.5D, direction-merged', options).maximal_correlation_coefficient).toBeCloseTo(1, 12);
  });

  it('GLRLM and GLSZM ignore the shells (PyRadiomics computes them at distance 1 whatever distances says)', () => {
    const roi = randomRoi(new Random(3), [9, 8, 4], 4);
    expect(computeGlrlm(roi, '3D, averaged', { distanceShells: [2, 3] })).toEqual(computeGlrlm(roi, '3D, averaged', {}));
    expect(computeGlszm(roi, '3D', { distanceShells: [2, 3] })).toEqual(computeGlszm(roi, '3D', {}));
  });

  it('refuses malformed shells, shells beside δ ≠ 1, and shells that fit nowhere in the ROI, by name', () => {
    const roi = randomRoi(new Random(5), [4, 3, 1], 3);
    expect(() => computeGlcm(roi, '2.5D, direction-merged', { distanceShells: [0] })).toThrow(/GLCM: texture distance shells must be a non-empty list of positive integers.*\[0\]/);
    expect(() => computeNgtdm(roi, '2.5D', { distanceShells: [1.5] })).toThrow(/NGTDM: texture distance shells must be .*\[1\.5\]/);
    expect(() => computeNgldm(roi, '2.5D', { distanceShells: [] })).toThrow(/NGLDM: texture distance shells/);
    expect(() => computeGlcm(roi, '2.5D, direction-merged', { distance: 2, distanceShells: [2] })).toThrow(/GLCM: texture distance 2 and distance shells \[2\] are both set/);
    expect(() => computeNgtdm(roi, '2.5D', { distanceShells: [4] })).toThrow(/NGTDM: no neighbour at Chebyshev distance 4 fits in the ROI's 4×3 voxel box \(in-plane\).*Error getting angle count/);
    expect(() => computeGlcm(roi, '2.5D, direction-merged', { distanceShells: [4, 5] })).toThrow(/GLCM: no neighbour at Chebyshev distance 4, 5 fits/);
    // one shell that fits is enough
    expect(() => computeGlcm(roi, '2.5D, direction-merged', { distanceShells: [3, 4] })).not.toThrow();
  });
});
