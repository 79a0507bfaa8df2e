import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SonomicsError } from '../../src/core/errors.ts';
import { createImage, type Vec3 } from '../../src/image/image.ts';
import {
  applyFilter, boundaryIndex, convolveAxis, filterData, filterName, gaborThetas, lawsKernels,
  parseBoundary, rightAngleRotations, waveletFilters, WAVELET_FAMILIES, type FilterSpec,
} from '../../src/filters/index.ts';
import { intensityStatistics } from '../../src/features/ibsi/ibsi2.ts';

function volume(size: Vec3, f: (x: number, y: number, z: number) => number, spacing: Vec3 = [1, 1, 1]) {
  const d = new Float32Array(size[0] * size[1] * size[2]);
  for (let z = 0; z < size[2]; z++) for (let y = 0; y < size[1]; y++) for (let x = 0; x < size[0]; x++) d[x + size[0] * (y + size[1] * z)] = f(x, y, z);
  return createImage(size, spacing, d);
}

describe('boundary conditions', () => {
  it('maps outside positions as IBSI 2 defines them', () => {
    const n = 4;
    const row = (mode: Parameters<typeof boundaryIndex>[2]) => [-3, -2, -1, 4, 5, 6].map((i) => boundaryIndex(i, n, mode));
    expect(row('zero')).toEqual([-1, -1, -1, -1, -1, -1]);
    expect(row('nearest')).toEqual([0, 0, 0, 3, 3, 3]);
    expect(row('periodic')).toEqual([1, 2, 3, 0, 1, 2]);
    expect(row('mirror')).toEqual([2, 1, 0, 3, 2, 1]);
  });
  it('always lands inside the image', () => {
    fc.assert(fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 1, max: 40 }), (i, n) => {
      for (const m of ['nearest', 'periodic', 'mirror'] as const) {
        const j = boundaryIndex(i, n, m);
        if (j < 0 || j >= n) return false;
      }
      return true;
    }));
  });
  it('parses scipy/numpy names and rejects unknown ones', () => {
    expect(parseBoundary('reflect')).toBe('mirror');
    expect(parseBoundary('wrap')).toBe('periodic');
    expect(parseBoundary('constant')).toBe('zero');
    expect(() => parseBoundary('bogus')).toThrow(SonomicsError);
  });
});

describe('convolution', () => {
  it('is a true convolution centred on ⌊K/2⌋ (an impulse returns the kernel)', () => {
    const d = new Float64Array(7); d[3] = 1;
    const out = convolveAxis(d, [7, 1, 1], 0, Float64Array.from([1, 2, 3]), 'zero');
    expect(Array.from(out)).toEqual([0, 0, 1, 2, 3, 0, 0]);
  });
  it('mean filter keeps a constant image constant under every boundary except zero', () => {
    const img = volume([9, 8, 7], () => 5);
    for (const boundary of ['nearest', 'periodic', 'mirror'] as const) {
      const out = filterData(img, { type: 'mean', support: 5, boundary });
      for (const v of out) expect(v).toBeCloseTo(5, 12);
    }
  });
});

// The FFT's tests (direct DFT, inverses, blocks, 3D) live with it in test/math/fft.test.ts.

describe('rotations', () => {
  it('has 24 distinct proper rotations in 3D and 4 in 2D', () => {
    const key = (r: { source: number[]; flip: boolean[] }) => r.source.join('') + r.flip.map(Number).join('');
    expect(new Set(rightAngleRotations(3).map(key)).size).toBe(24);
    expect(new Set(rightAngleRotations(2).map(key)).size).toBe(4);
    expect(rightAngleRotations(3)[0]).toEqual({ source: [0, 1, 2], flip: [false, false, false] });
  });
});

describe('kernels', () => {
  it('Laws kernels are unit-norm and parsed x first', () => {
    const [x, y] = lawsKernels('L5E5');
    expect(Array.from(x!).reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 12);
    expect(x![2]).toBeCloseTo(6 / Math.sqrt(70), 12);
    expect(y![0]).toBeCloseTo(-1 / Math.sqrt(10), 12);
    expect(() => lawsKernels('L5X5')).toThrow(SonomicsError);
  });
  it.each(WAVELET_FAMILIES)('%s filters are orthonormal quadrature mirrors', (family) => {
    const { lo, hi } = waveletFilters(family);
    const L = lo.length;
    expect(lo.reduce((s, v) => s + v, 0)).toBeCloseTo(Math.SQRT2, 10);
    expect(hi.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 10);
    for (let m = 0; 2 * m < L; m++) {
      let s = 0;
      for (let k = 0; k + 2 * m < L; k++) s += lo[k]! * lo[k + 2 * m]!;
      expect(s).toBeCloseTo(m === 0 ? 1 : 0, 9);
    }
  });
  it('db2 matches PyWavelets dec_lo / dec_hi', () => {
    // Session 7: PyWavelets' own values (pywt ≥ 0.5, printed with repr from pywt 1.1.1; db2's are (1 ± √3)/4√2 and
    // (3 ± √3)/4√2 to double precision). The earlier expectation held the outdated wavelets.pybytes.com table
    // (0.48296291314469025, …; pywt issue #327), 1.6e-13 off, which moved a BUS-BRA wavelet voxel across a bin edge.
    const { lo, hi } = waveletFilters('db2');
    expect(Array.from(lo)).toEqual([-0.12940952255126037, 0.2241438680420134, 0.8365163037378079, 0.48296291314453416]);
    expect(Array.from(hi)).toEqual([-0.48296291314453416, 0.8365163037378079, -0.2241438680420134, -0.12940952255126037]);
    const r3 = Math.sqrt(3), d = 4 * Math.SQRT2;
    [(1 - r3) / d, (3 - r3) / d, (3 + r3) / d, (1 + r3) / d].forEach((v, k) => expect(Math.abs(lo[k]! - v)).toBeLessThan(3e-16));
  });
});

describe('filters on small images', () => {
  it('LoG of a quadratic x² is ≈ 2 inside the image (mirror-free interior)', () => {
    const img = volume([41, 41, 1], (x) => (x - 20) ** 2);
    const out = filterData(img, { type: 'log', sigmaMm: 1.5, dims: '2D', boundary: 'nearest' });
    // Not exactly 2: the kernel is sampled and truncated at 4σ, not renormalised (IBSI).
    expect(out[20 + 41 * 20]).toBeCloseTo(2, 1);
  });
  it('a 2D image is filtered in-plane, whatever dims says', () => {
    const img = volume([16, 12, 1], (x, y) => x * y);
    const a = filterData(img, { type: 'mean', support: 3, dims: '3D', boundary: 'zero' });
    const b = filterData(img, { type: 'mean', support: 3, dims: '2D', boundary: 'zero' });
    expect(Array.from(a)).toEqual(Array.from(b));
  });
  it('wavelet LH on a 2D image: L along x, H along y (a horizontal edge responds, a vertical one not)', () => {
    const horizontalEdge = volume([16, 16, 1], (_x, y) => (y < 8 ? 0 : 1));
    const verticalEdge = volume([16, 16, 1], (x) => (x < 8 ? 0 : 1));
    const spec: FilterSpec = { type: 'wavelet', family: 'haar', subband: 'LH' };
    const maxAbs = (d: Float64Array) => d.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(maxAbs(filterData(horizontalEdge, spec))).toBeGreaterThan(0.5);
    expect(maxAbs(filterData(verticalEdge, spec))).toBeLessThan(1e-12);
  });
  it('rotation-invariant responses do not change when the image is rotated by 90°', () => {
    const n = 12;
    const f = (x: number, y: number) => Math.sin(x * 0.9) + (y > 5 ? 2 : 0) + x * y * 0.01;
    const img = volume([n, n, 1], f);
    const rot = volume([n, n, 1], (x, y) => f(y, n - 1 - x));
    for (const spec of [
      { type: 'laws', kernels: 'L5E5', rotationInvariant: true, pooling: 'max', boundary: 'periodic' },
      { type: 'wavelet', family: 'haar', subband: 'HL', rotationInvariant: true, boundary: 'periodic' },
    ] as FilterSpec[]) {
      const a = filterData(img, spec), b = filterData(rot, spec);
      // b(x, y) = a(y, n−1−x) up to the even-kernel shift of the Haar filter; compare the means.
      const mean = (d: Float64Array) => d.reduce((s, v) => s + v, 0) / d.length;
      expect(mean(b)).toBeCloseTo(mean(a), 10);
    }
  });
  it('Gabor orientations: θ list from a step', () => {
    expect(gaborThetas(0, 45)).toEqual([0, 45, 90, 135, 180, 225, 270, 315]);
    expect(gaborThetas(60)).toEqual([60]);
  });
  it('applyFilter keeps the geometry', () => {
    const img = volume([10, 9, 3], (x, y, z) => x + y + z, [0.5, 0.5, 2]);
    const out = applyFilter(img, { type: 'gaussian', sigmaMm: 1 });
    expect(out.size).toEqual(img.size);
    expect(out.spacing).toEqual(img.spacing);
    expect(out.data).toBeInstanceOf(Float32Array);
  });
  it('rejects bad settings with BAD_SETTINGS', () => {
    const img = volume([8, 8, 1], () => 1);
    const bad: FilterSpec[] = [
      { type: 'mean', support: 4 },
      { type: 'log', sigmaMm: 0 },
      { type: 'laws', kernels: 'L5E5S5' },
      { type: 'wavelet', family: 'db9', subband: 'LH' },
      { type: 'wavelet', family: 'db2', subband: 'LLH' },
      { type: 'gabor', sigmaMm: 1, gamma: 1, lambdaMm: 0 },
    ];
    for (const spec of bad) {
      expect(() => filterData(img, spec)).toThrow(expect.objectContaining({ code: 'BAD_SETTINGS' }));
    }
  });
});

describe('simple transforms (PyRadiomics definitions)', () => {
  const img = volume([4, 1, 1], (x) => [-4, 0, 1, 16][x]!);
  it('square', () => expect(Array.from(filterData(img, { type: 'square' }))).toEqual([1, 0, 1 / 16, 16]));
  it('square root', () => expect(Array.from(filterData(img, { type: 'squareroot' }))).toEqual([-8, 0, 4, 16]));
  it('logarithm keeps the largest magnitude', () => {
    const out = filterData(img, { type: 'logarithm' });
    expect(out[3]).toBeCloseTo(16, 12);
    expect(out[0]).toBeCloseTo((-Math.log(5) * 16) / Math.log(17), 12);
  });
  it('exponential maps max |x| to max |x|', () => {
    const out = filterData(img, { type: 'exponential' });
    expect(out[3]).toBeCloseTo(16, 10);
    expect(out[1]).toBe(1);
  });
  it('gradient magnitude of a ramp is its slope per mm', () => {
    const ramp = volume([6, 5, 1], (x) => 3 * x, [0.5, 1, 1]);
    const g = filterData(ramp, { type: 'gradient' });
    expect(g[2 + 6 * 2]).toBeCloseTo(6, 12);
  });
  it('LBP: flat image is all-ones uniform pattern (P); a peak is 0', () => {
    const flat = filterData(volume([5, 5, 1], () => 3), { type: 'lbp2d' });
    expect(flat[12]).toBe(8);
    const peak = filterData(volume([5, 5, 1], (x, y) => (x === 2 && y === 2 ? 10 : 0)), { type: 'lbp2d' });
    expect(peak[12]).toBe(0);
  });
});

describe('filter names', () => {
  it('names images as feature names expect', () => {
    expect(filterName({ type: 'log', sigmaMm: 2 })).toBe('log-sigma-2mm');
    expect(filterName({ type: 'log', sigmaMm: 1.5, dims: '2D' })).toBe('log-sigma-1.5mm-2d');
    expect(filterName({ type: 'wavelet', family: 'coif1', subband: 'lh' })).toBe('wavelet-coif1-LH');
    expect(filterName({ type: 'wavelet', family: 'db3', subband: 'HH', level: 2, rotationInvariant: true })).toBe('wavelet-db3-HH-level2-ri');
    expect(filterName({ type: 'laws', kernels: 'L5E5', energyDelta: 7 })).toBe('laws-L5E5-energy');
    expect(filterName({ type: 'gabor', sigmaMm: 5, gamma: 1.5, lambdaMm: 2, thetaStepDeg: 22.5 })).toBe('gabor-s5-g1.5-l2-tstep22.5');
    expect(filterName({ type: 'square' })).toBe('square');
    expect(filterName({ type: 'original' })).toBe('original');
  });
});

describe('intensity statistics', () => {
  it('matches hand-computed values', () => {
    const s = intensityStatistics(Float64Array.from([1, 2, 3, 4, 10]));
    expect(s.stat_mean).toBe(4);
    expect(s.stat_var).toBe(10);
    expect(s.stat_median).toBe(3);
    expect(s.stat_p10).toBeCloseTo(1.4, 12);
    expect(s.stat_iqr).toBe(2);
    expect(s.stat_energy).toBe(130);
    expect(s.stat_medad).toBeCloseTo(2.2, 12); // |x − 3| = 2, 1, 0, 1, 7
  });
});

describe('validateFilterSpec and filterReachMm', () => {
  it('accepts every IBSI 2 configuration and rejects bad parameters', async () => {
    const { validateFilterSpec } = await import('../../src/filters/index.ts');
    const { IBSI2_PHASE1, IBSI2_PHASE2_2D, IBSI2_PHASE2_3D } = await import('../../src/filters/ibsi2-configs.ts');
    for (const c of [...IBSI2_PHASE1, ...IBSI2_PHASE2_2D, ...IBSI2_PHASE2_3D]) expect(() => validateFilterSpec(c.spec)).not.toThrow();
    for (const spec of [
      { type: 'mean', support: 4 }, { type: 'log', sigmaMm: -1 }, { type: 'laws', kernels: 'Q5' },
      { type: 'wavelet', family: 'db2', subband: 'LX' }, { type: 'gabor', sigmaMm: 1, gamma: 1, lambdaMm: 1, planes: 'sideways' },
      { type: 'mean', support: 3, boundary: 'reflective' }, { type: 'nonsense' },
    ]) expect(() => validateFilterSpec(spec as FilterSpec), JSON.stringify(spec)).toThrow(expect.objectContaining({ code: 'BAD_SETTINGS' }));
  });
  it('a crop with the reach as margin gives the same values inside', async () => {
    const { filterReachMm } = await import('../../src/filters/index.ts');
    const n = 40;
    const img = volume([n, n, 1], (x, y) => Math.sin(x * 0.7) * Math.cos(y * 0.3) * 100 + x * y);
    const spacing: Vec3 = [1, 1, 1];
    for (const spec of [
      { type: 'log', sigmaMm: 1.5, boundary: 'mirror' },
      { type: 'laws', kernels: 'L5E5', energyDelta: 3, rotationInvariant: true, boundary: 'mirror' },
      { type: 'wavelet', family: 'db3', subband: 'HH', level: 2, rotationInvariant: true, boundary: 'mirror' },
      { type: 'gabor', sigmaMm: 2, gamma: 1.5, lambdaMm: 3, thetaStepDeg: 45, boundary: 'mirror' },
    ] as FilterSpec[]) {
      const m = Math.ceil(filterReachMm(spec, spacing));
      const centre = n / 2, c0 = centre - m, cn = 2 * m + 1;
      expect(c0, JSON.stringify(spec)).toBeGreaterThanOrEqual(0);
      const full = filterData(img, spec);
      // A crop reaching exactly the filter's reach around the centre voxel.
      const crop = volume([cn, cn, 1], (x, y) => img.data[(x + c0) + n * (y + c0)]!);
      const part = filterData(crop, spec);
      const cx = m;
      expect(part[cx + cn * cx]).toBeCloseTo(full[(cx + c0) + n * (cx + c0)]!, 6);
    }
  });
});

describe('filter names are unique per setting', () => {
  it('every IBSI 2 configuration gets its own name', async () => {
    const { IBSI2_PHASE1, IBSI2_PHASE2_2D, IBSI2_PHASE2_3D } = await import('../../src/filters/ibsi2-configs.ts');
    const specs = [...IBSI2_PHASE1, ...IBSI2_PHASE2_2D, ...IBSI2_PHASE2_3D].map((c) => c.spec);
    const byName = new Map<string, string>();
    for (const s of specs) {
      const name = filterName(s);
      const key = JSON.stringify(s);
      if (byName.has(name)) expect(byName.get(name), name).toBe(key);
      byName.set(name, key);
    }
    expect(filterName({ type: 'log', sigmaMm: 2, boundary: 'zero' })).toBe('log-sigma-2mm-bzero');
    expect(filterName({ type: 'gabor', sigmaMm: 10, gamma: 0.5, lambdaMm: 4, thetaDeg: 60, boundary: 'zero' })).toBe('gabor-s10-g0.5-l4-t60-bzero');
  });
});
