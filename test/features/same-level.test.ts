// Texture matrices built from the same-level neighbour bits (texture/same-level.ts) must equal
// plain neighbour-by-neighbour counting: GLRLM runs, NGLDM dependence counts, GLSZM zones.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { DIRECTIONS_2D, DIRECTIONS_3D, flatOffset, neighbourhoodOffsets } from '../../src/features/texture/directions.ts';
import { glrlmMatrix } from '../../src/features/texture/glrlm.ts';
import { ngldmMatrix } from '../../src/features/texture/ngldm.ts';
import { popcount } from '../../src/features/texture/same-level.ts';
import { textureVolume, type TextureVolume } from '../../src/features/texture/volume.ts';
import { labelZones } from '../../src/features/texture/zones.ts';

function randomVolume(seed: number, size: [number, number, number], nLevels: number, pad: [number, number]): TextureVolume {
  const r = new Random(seed);
  const n = size[0] * size[1] * size[2];
  const levels = Int32Array.from({ length: n }, () => (r.next() < 0.85 ? 1 + Math.floor(r.next() * nLevels) : 0));
  return textureVolume({ size, spacing: [1, 1, 1], levels, nLevels }, pad[0], pad[1]);
}

/** Dense counts (level × second index) of a matrix, as a plain array for toEqual. */
function dense(m: { counts: Float64Array; rows: number; cols: number } | null, cols: number): number[] {
  const out = new Array<number>(m ? m.rows * cols : 0).fill(0);
  if (m) for (let r = 0; r < m.rows; r++) for (let k = 0; k < m.cols; k++) out[r * cols + k] = m.counts[r * m.cols + k]!;
  return out;
}

function naiveRuns(v: TextureVolume, off: number, cols: number): number[] {
  const out = new Array<number>(v.nLevels * cols).fill(0);
  for (const i of v.roiIndex) {
    const a = v.levels[i]!;
    if (v.levels[i - off] === a) continue;
    let len = 1;
    while (v.levels[i + len * off] === a) len++;
    out[(a - 1) * cols + len - 1]!++;
  }
  return out;
}

describe('same-level neighbour bits', () => {
  it('popcount', () => {
    for (const m of [0, 1, 0xff, 0x3ffffff, 0b1011001]) expect(popcount(m)).toBe(m.toString(2).split('').filter((c) => c === '1').length);
  });

  for (const [size, volumetric] of [[[23, 17, 1], false], [[11, 9, 5], true]] as Array<[[number, number, number], boolean]>) {
    const v = randomVolume(size[0], size, 3, [1, volumetric ? 1 : 0]);
    const cols = Math.max(v.X, v.Y, v.Z);
    it(`GLRLM runs equal walking the runs (${size.join('×')})`, () => {
      for (const d of volumetric ? DIRECTIONS_3D : DIRECTIONS_2D) {
        expect(dense(glrlmMatrix(v, d, -1), cols)).toEqual(naiveRuns(v, flatOffset(d, 1, v.X, v.Y), cols));
      }
    });

    it(`NGLDM dependence counts equal counting neighbours (${size.join('×')})`, () => {
      const offs = neighbourhoodOffsets(1, volumetric, v.X, v.Y);
      const want = new Array<number>(v.nLevels * (offs.length + 1)).fill(0);
      for (const i of v.roiIndex) {
        let k = 1;
        for (const o of offs) if (v.levels[i + o] === v.levels[i]) k++;
        want[(v.levels[i]! - 1) * (offs.length + 1) + k - 1]!++;
      }
      expect(dense(ngldmMatrix(v, 1, 0, volumetric, -1), offs.length + 1)).toEqual(want);
    });

    it(`zones are the connected same-level components (${size.join('×')})`, () => {
      const zones = labelZones(v, volumetric);
      const offs = neighbourhoodOffsets(1, volumetric, v.X, v.Y);
      let members = 0;
      for (const i of v.roiIndex) {
        members++;
        // neighbours share the zone exactly when they share the level
        for (const o of offs) if (v.levels[i + o]! > 0) expect(zones.label[i + o] === zones.label[i]).toBe(v.levels[i + o] === v.levels[i]);
      }
      expect(zones.size.reduce((a, b) => a + b, 0)).toBe(members);
    });
  }
});
