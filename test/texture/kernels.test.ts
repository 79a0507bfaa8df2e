// The WebAssembly texture kernels (assembly/texture.ts) against their JavaScript twins: the same
// matrices and the same feature values, bit for bit (Object.is), on seeded random inputs, including
// non-integer (direction-weighted) counts, counts beyond the log2 memo and wide matrices; and the
// JavaScript path still works with the kernels switched off.
import { afterAll, describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { DIRECTIONS_2D, DIRECTIONS_3D } from '../../src/features/texture/directions.ts';
import { glcmFeatures, glcmMatrices, glcmMatrix } from '../../src/features/texture/glcm.ts';
import { ngldmMatrix } from '../../src/features/texture/ngldm.ts';
import { ngtdmFeatures, ngtdmFeaturesJs, ngtdmMatrix } from '../../src/features/texture/ngtdm.ts';
import { sameLevelBits } from '../../src/features/texture/same-level.ts';
import { labelZones } from '../../src/features/texture/zones.ts';
import { glrlmMatrix } from '../../src/features/texture/glrlm.ts';
import { zoneMatrix } from '../../src/features/texture/glszm.ts';
import { moduleBytes, textureArena, useTextureWasm } from '../../src/features/texture/kernels.ts';
import type { CountMatrix } from '../../src/features/texture/matrix.ts';
import { sizeMatrixFeatures, sizeMatrixFeaturesJs } from '../../src/features/texture/size-features.ts';
import { textureVolume, type TextureVolume } from '../../src/features/texture/volume.ts';

afterAll(() => useTextureWasm(true));

/** Everything the matrix kernels make of one volume, as plain arrays (per slice and for the whole volume). */
function matrices(v: TextureVolume, volumetric: boolean): unknown {
  const zs = [-1, ...Array.from({ length: v.Z }, (_, k) => k)];
  const plain = (m: { counts: Float64Array } | null) => (m === null ? null : { ...m, counts: [...m.counts] });
  const dirs = volumetric ? DIRECTIONS_3D : DIRECTIONS_2D;
  const zones = labelZones(v, volumetric);
  return {
    bits: [...sameLevelBits(v, volumetric).bits],
    zones: { count: zones.count, level: [...zones.level], size: [...zones.size], slice: [...zones.slice], label: [...zones.label] },
    zoneMatrices: zs.map((z) => plain(zoneMatrix(zones, v.nLevels, z, zones.size, 17))),
    ngtdm: zs.flatMap((z) => [1, 2].flatMap((d) => [false, true].map((iso) => {
      const m = ngtdmMatrix(v, d, volumetric, z, iso);
      return m && { s: [...m.s], n: [...m.n] };
    }))),
    ngldm: zs.flatMap((z) => [[1, 0], [2, 0], [1, 1]].map(([d, a]) => plain(ngldmMatrix(v, d!, a!, volumetric, z)))),
    glcm: zs.flatMap((z) => [1, 2].flatMap((d) => [true, false].flatMap((sym) => glcmMatrices(v, dirs, d, z, sym).map(plain)))),
  };
}

function randomVolume(seed: number, size: [number, number, number], nLevels: number, pad: [number, number]): TextureVolume {
  const r = new Random(seed);
  const n = size[0] * size[1] * size[2];
  // clustered levels (a random walk) so that runs and zones are longer than one voxel
  let level = 1;
  const levels = Int32Array.from({ length: n }, () => {
    if (r.next() < 0.3) level = 1 + Math.floor(r.next() * nLevels);
    return r.next() < 0.9 ? level : 0;
  });
  return textureVolume({ size, spacing: [1, 1, 1], levels, nLevels }, pad[0], pad[1]);
}

function randomMatrix(r: Random, rows: number, cols: number, density: number, scale: number): CountMatrix {
  const counts = new Float64Array(rows * cols);
  for (let k = 0; k < counts.length; k++) if (r.next() < density) counts[k] = (1 + Math.floor(r.next() * 40) * (r.next() < 0.05 ? 100 : 1)) * scale;
  counts[Math.floor(r.next() * counts.length)] ||= scale; // never empty
  return { counts, rows, cols, nVoxels: Math.ceil(r.next() * 1e5) };
}

function sameBits(a: Record<string, number>, b: Record<string, number>): void {
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const key of Object.keys(a)) expect([key, a[key]], key).toEqual([key, b[key]]);
  for (const key of Object.keys(a)) expect(Object.is(a[key], b[key]), key).toBe(true);
}

describe('WebAssembly texture kernels', () => {
  it('are available in Node, and off after useTextureWasm(false)', () => {
    expect(textureArena()).not.toBeNull();
    useTextureWasm(false);
    expect(textureArena()).toBeNull();
    useTextureWasm(true);
    expect(textureArena()).not.toBeNull();
  });

  it("decodes the module alike with Node's Buffer and with the browsers' atob", () => {
    const node = moduleBytes(), portable = moduleBytes(true);
    expect(WebAssembly.validate(node)).toBe(true);
    expect([...node]).toEqual([...portable]);
  });

  it('NGTDM features equal the JavaScript twin bit for bit', () => {
    const r = new Random(10);
    for (let t = 0; t < 40; t++) {
      const ng = 1 + Math.floor(r.next() * 40);
      const n = Float64Array.from({ length: ng }, () => (r.next() < 0.3 ? 0 : Math.floor(r.next() * 500)));
      const s = Float64Array.from(n, (c) => (c > 0 ? r.next() * c * 3 : 0));
      if (t % 5 === 0) s.fill(0); // homogeneous: the sentinel coarseness
      if (n.every((c) => c === 0)) n[0] = 1;
      sameBits(ngtdmFeatures({ s, n }), ngtdmFeaturesJs({ s, n }));
    }
  });

  it('texture volumes (crop, padding, ROI list, slice starts, morphological mask) equal the JavaScript loops', () => {
    const r = new Random(12);
    for (const [size, pad] of [[[30, 20, 1], [1, 0]], [[9, 8, 7], [2, 2]], [[1, 1, 1], [1, 1]], [[15, 1, 4], [1, 0]]] as Array<[[number, number, number], [number, number]]>) {
      for (let t = 0; t < 4; t++) {
        const n = size[0] * size[1] * size[2];
        const levels = Int32Array.from({ length: n }, () => (r.next() < 0.5 ? 1 + Math.floor(r.next() * 7) : 0));
        if (levels.every((l) => l === 0)) levels[0] = 3;
        const morphMask = t % 2 ? Uint8Array.from(levels, (l) => (l > 0 || r.next() < 0.2 ? 1 : 0)) : undefined;
        const roi = { size, spacing: [1, 1, 1] as [number, number, number], levels, nLevels: 7, morphMask };
        const plain = (v: TextureVolume) => ({ ...v, levels: [...v.levels], morph: [...v.morph], roiIndex: [...v.roiIndex], sliceStart: [...v.sliceStart] });
        const wasm = plain(textureVolume(roi, pad[0], pad[1]));
        useTextureWasm(false);
        const js = plain(textureVolume(roi, pad[0], pad[1]));
        useTextureWasm(true);
        expect(wasm).toEqual(js);
      }
    }
    // the same refusals on both paths
    for (const on of [true, false]) {
      useTextureWasm(on);
      expect(() => textureVolume({ size: [3, 3, 1], spacing: [1, 1, 1], levels: new Int32Array(9), nLevels: 4 }, 1, 0)).toThrow(/EMPTY_MASK|no voxel/);
      expect(() => textureVolume({ size: [3, 3, 1], spacing: [1, 1, 1], levels: Int32Array.from({ length: 9 }, (_, k) => k), nLevels: 4 }, 1, 0)).toThrow(/grey level 8 exceeds nLevels 4/);
    }
    useTextureWasm(true);
  });

  it('size-matrix features equal the JavaScript twin bit for bit', () => {
    const r = new Random(16);
    // shapes: GLRLM-like, wide GLSZM-like (> 1024 columns), one cell, NGLDM-like; weights: counts, ×0.37 (weightingNorm), ×1e-3
    const shapes: Array<[number, number]> = [[32, 40], [32, 1500], [1, 1], [16, 9], [64, 3]];
    let compared = 0;
    for (const [rows, cols] of shapes) {
      for (const scale of [1, 0.37, 1e-3]) {
        for (const density of [0.05, 0.5, 1]) {
          const m = randomMatrix(r, rows, cols, density, scale);
          sameBits({ ...sizeMatrixFeatures(m) }, { ...sizeMatrixFeaturesJs(m) });
          compared++;
        }
      }
    }
    expect(compared).toBe(45);
  });

  it('GLCM features (MCC included) equal the JavaScript path bit for bit', () => {
    let compared = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      // 2, 5 and 32 levels; the 32-level volume leaves some levels out (rows/columns of zeros)
      const nLevels = [2, 5, 32][seed % 3]!;
      const v = randomVolume(seed, [37, 23, 1], nLevels, [1, 0]);
      for (const d of DIRECTIONS_2D) {
        for (const symmetric of [true, false]) {
          const m = glcmMatrix(v, d, 1, -1, symmetric)!;
          for (const weighted of [m, { ...m, counts: m.counts.map((c) => c * 0.61) }]) {
            const wasm = glcmFeatures(weighted, { mcc: true });
            useTextureWasm(false);
            const js = glcmFeatures(weighted, { mcc: true });
            useTextureWasm(true);
            sameBits(wasm, js);
            expect(Number.isFinite(wasm.maximal_correlation_coefficient)).toBe(true);
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(6 * 4 * 2 * 2);
  });

  for (const [size, volumetric] of [[[41, 29, 1], false], [[13, 11, 6], true], [[3, 2, 1], false], [[1, 1, 1], true]] as Array<[[number, number, number], boolean]>) {
    it(`same-level bits, zones, zone matrices, NGTDM, NGLDM and GLCM matrices equal the JavaScript loops (${size.join('×')})`, () => {
      for (const seed of [1, 2, 3]) {
        // two fresh volumes of one ROI: the bits and zones are cached per volume
        const wasm = matrices(randomVolume(seed, size, 6, [2, volumetric ? 2 : 0]), volumetric);
        useTextureWasm(false);
        const js = matrices(randomVolume(seed, size, 6, [2, volumetric ? 2 : 0]), volumetric);
        useTextureWasm(true);
        expect(wasm).toEqual(js);
      }
    });
  }

  for (const [size, volumetric] of [[[41, 29, 1], false], [[13, 11, 6], true]] as Array<[[number, number, number], boolean]>) {
    it(`GLRLM run counts equal the JavaScript loop (${size.join('×')}, per slice and whole volume)`, () => {
      for (const seed of [1, 2, 3]) {
        const v = randomVolume(seed * 7 + size[2], size, 5, [1, volumetric ? 1 : 0]);
        for (const z of [-1, ...Array.from({ length: v.Z }, (_, k) => k)]) {
          for (const d of volumetric ? DIRECTIONS_3D : DIRECTIONS_2D) {
            const wasm = glrlmMatrix(v, d, z);
            useTextureWasm(false);
            const js = glrlmMatrix(v, d, z);
            useTextureWasm(true);
            expect(wasm === null ? null : { ...wasm, counts: [...wasm.counts] }).toEqual(js === null ? null : { ...js, counts: [...js.counts] });
          }
        }
      }
    });
  }
});
