// The row-by-row in-plane filters (src/filters/in-plane.ts) must give the values of the plain
// separable convolutions they replace bit for bit, inside any requested region, and 0 outside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { applyFilter, applyFilters } from '../../src/filters/apply.ts';
import { convolveSeparable, oddKernel } from '../../src/filters/convolve.ts';
import type { FilterSpec } from '../../src/filters/spec.ts';
import { waveletFilters } from '../../src/filters/wavelet-coefficients.ts';
import { simdKernels, useSimd } from '../../src/filters/simd.ts';
import { waveletSubbands } from '../../src/filters/wavelet.ts';
import { createImage } from '../../src/image/image.ts';
import { gaussianKernels, logFilter } from '../../src/filters/log.ts';
import type { BoundaryMode } from '../../src/filters/boundary.ts';
import type { Box } from '../../src/image/crop.ts';
import type { Vec3 } from '../../src/image/image.ts';

function noise(size: Vec3, seed: number): Float64Array {
  const r = new Random(seed);
  return Float64Array.from({ length: size[0] * size[1] * size[2] }, () => r.next() * 200 - 50);
}

/** The 2D LoG as two separable convolutions summed (IBSI 2 §2.2), as logFilter computed it before. */
function referenceLog2d(data: Float64Array, size: Vec3, spacing: Vec3, sigmaMm: number, mode: BoundaryMode): Float64Array {
  const kx = gaussianKernels(sigmaMm / spacing[0], 4), ky = gaussianKernels(sigmaMm / spacing[1], 4);
  const out = new Float64Array(data.length);
  for (const axes of [[kx.d2, ky.g, null], [kx.g, ky.d2, null]] as const) {
    const part = convolveSeparable(data, size, [axes[0], axes[1], null], mode);
    for (let v = 0; v < out.length; v++) out[v]! += part[v]!;
  }
  return out;
}

function inBox(size: Vec3, box: Box, v: number): boolean {
  const x = v % size[0], y = Math.floor(v / size[0]) % size[1], z = Math.floor(v / (size[0] * size[1]));
  return x >= box.lo[0] && x < box.hi[0] && y >= box.lo[1] && y < box.hi[1] && z >= box.lo[2] && z < box.hi[2];
}

// Every case runs with the WebAssembly SIMD loops (where available) and with the JavaScript ones.
describe.each([['WebAssembly SIMD', true], ['JavaScript', false]])('%s loops', (_label, simd) => {
beforeAll(() => useSimd(simd));
afterAll(() => useSimd(true));

it('SIMD kernels are available in Node (the fast path is really exercised)', () => {
  if (simd) expect(simdKernels()).not.toBeNull();
  else expect(simdKernels()).toBeNull();
});

describe('2D LoG row by row', () => {
  // σ in voxels 1, 2 and 3 give kernels g'' with exact zero taps (x = ±σ): the tap-by-tap sum.
  const cases: Array<[string, Vec3, Vec3, number, BoundaryMode]> = [
    ['σ = 1 voxel, mirror', [37, 29, 1], [1, 1, 1], 1, 'mirror'],
    ['σ = 3 voxels, mirror', [41, 33, 1], [1, 1, 1], 3, 'mirror'],
    ['anisotropic spacing, nearest', [30, 26, 1], [0.7, 1.3, 1], 2, 'nearest'],
    ['periodic, 3 slices', [25, 19, 3], [0.5, 0.5, 2], 1.7, 'periodic'],
    ['kernel longer than the image', [7, 5, 1], [1, 1, 1], 2.5, 'mirror'],
  ];
  it.each(cases)('equals the separable sum bit for bit: %s', (_name, size, spacing, sigma, mode) => {
    const data = noise(size, 7);
    const got = logFilter(data, size, spacing, sigma, 4, 2, mode);
    expect(Array.from(got)).toEqual(Array.from(referenceLog2d(data, size, spacing, sigma, mode)));
  });

  it('computes only the region, with the whole-image values there', () => {
    const size: Vec3 = [40, 35, 2], spacing: Vec3 = [1, 1, 1];
    const data = noise(size, 11);
    const ref = referenceLog2d(data, size, spacing, 2, 'mirror');
    for (const box of [
      { lo: [5, 7, 0], hi: [30, 20, 2] },
      { lo: [0, 0, 1], hi: [3, 35, 2] },
      { lo: [38, 30, 0], hi: [40, 35, 1] },
    ] as Box[]) {
      const got = logFilter(data, size, spacing, 2, 4, 2, 'mirror', box);
      for (let v = 0; v < got.length; v++) expect(got[v]).toBe(inBox(size, box, v) ? ref[v] : 0);
    }
  });
});

describe('2D wavelet sub-bands with shared y passes', () => {
  const dilate = (w: Float64Array) => Float64Array.from({ length: 2 * w.length - 1 }, (_, i) => (i % 2 ? 0 : w[i / 2]!));
  /** One sub-band as separable convolutions (IBSI 2 §2.6): level-1 low-pass first at level 2. */
  function reference(data: Float64Array, size: Vec3, band: string, level: 1 | 2, mode: BoundaryMode): Float64Array {
    const f = waveletFilters('coif1');
    let lo = oddKernel(f.lo), hi = oddKernel(f.hi);
    let v = data;
    if (level === 2) { v = convolveSeparable(v, size, [lo, lo, null], mode); lo = dilate(lo); hi = dilate(hi); }
    const k = (l: string) => (l === 'L' ? lo : hi);
    return convolveSeparable(v, size, [k(band[0]!), k(band[1]!), null], mode);
  }
  it.each([[1, 'mirror'], [2, 'mirror'], [1, 'periodic'], [2, 'nearest']] as const)('equal each sub-band alone, bit for bit (level %i, %s)', (level, mode) => {
    const size: Vec3 = [33, 27, 2];
    const data = noise(size, 5);
    const bands = ['LL', 'LH', 'HL', 'HH'];
    const got = waveletSubbands(data, size, { family: 'coif1', level, rotationInvariant: false, pooling: 'mean', mode }, bands);
    bands.forEach((b, i) => expect(Array.from(got[i]!)).toEqual(Array.from(reference(data, size, b, level, mode))));
  });
});

});

describe('applyFilters', () => {
  it('gives what applyFilter gives for each image of a plan, and the same values inside a region', () => {
    const size: Vec3 = [36, 30, 1];
    const image = createImage(size, [0.8, 0.8, 1], Float32Array.from(noise(size, 3)));
    const specs: FilterSpec[] = [
      { type: 'original' }, { type: 'log', sigmaMm: 1.6, dims: '2D' }, { type: 'mean', support: 3 }, { type: 'square' },
      ...['HH', 'LH', 'LL', 'HL'].map((subband) => ({ type: 'wavelet', family: 'coif1', subband }) as FilterSpec),
      { type: 'wavelet', family: 'coif1', subband: 'HH', level: 2 },
      { type: 'wavelet', family: 'db2', subband: 'HL', rotationInvariant: true },
      { type: 'wavelet', family: 'haar', subband: 'LH', boundary: 'zero' },
    ];
    const all = applyFilters(image, specs);
    specs.forEach((s, i) => expect(Array.from(all[i]!.data)).toEqual(Array.from(applyFilter(image, s).data)));
    const box: Box = { lo: [6, 4, 0], hi: [25, 22, 1] };
    const some = applyFilters(image, specs, box);
    specs.forEach((_, i) => {
      for (let v = 0; v < size[0] * size[1]; v++) if (inBox(size, box, v)) expect(some[i]!.data[v]).toBe(all[i]!.data[v]);
    });
  });
});
