/**
 * PyRadiomics-convention LoG and wavelet computed on a box only (what extraction asks for: the
 * voxels features read) equal the whole-image computation bit for bit, whatever the box: the
 * restriction skips work, never changes an operation (log-itk.ts, wavelet-pyradiomics.ts).
 *
 * References: ITK's LaplacianRecursiveGaussianImageFilter transcribed line by line over the whole
 * image (helpers/itk-log-transcription.ts) and session 5's whole-image _swt3
 * (helpers/pywt-swt-whole-image.ts), both verified against ITK and PyWavelets themselves
 * (itk-oracle.test.ts, pyradiomics-wavelet.test.ts). Seeded random cases: sizes odd and even,
 * boxes touching each border (and the whole image), 2D and 3D, σ 1–5, levels 1–2, four wavelets.
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import type { Box } from '../../src/image/crop.ts';
import type { Vec3 } from '../../src/image/image.ts';
import { logLikePyradiomics } from '../../src/filters/log-itk.ts';
import { recursiveKernel, useRecursiveSimd } from '../../src/filters/simd-recursive.ts';
import { pyradiomicsWaveletBands } from '../../src/filters/wavelet-pyradiomics.ts';
import { axpyKernel, useAxpySimd } from '../../src/filters/simd-axpy.ts';
import { applyFilters } from '../../src/filters/apply.ts';
import { createImage } from '../../src/image/image.ts';
import { itkTranscription } from '../helpers/itk-log-transcription.ts';
import { wholeImageSwt } from '../helpers/pywt-swt-whole-image.ts';

const int = (rng: Random, lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));

/** A random box; `edge` pins it to one border (0…5 = x lo, x hi, y lo, y hi, z lo, z hi), 6 = whole, 7 = one voxel. */
function randomBox(rng: Random, size: Vec3, edge: number): Box {
  const lo = [0, 0, 0] as Vec3, hi = [...size] as Vec3;
  if (edge === 6) return { lo, hi };
  for (let a = 0; a < 3; a++) {
    if (edge === 7) { lo[a] = int(rng, 0, size[a] - 1); hi[a] = lo[a] + 1; continue; }
    const len = int(rng, 1, size[a]);
    lo[a] = int(rng, 0, size[a] - len); hi[a] = lo[a] + len;
  }
  const a = edge >> 1;
  if (edge < 6 && a < 3) {
    const len = hi[a] - lo[a];
    if (edge % 2 === 0) { lo[a] = 0; hi[a] = len; } else { hi[a] = size[a]; lo[a] = size[a] - len; }
  }
  return { lo, hi };
}

function inBox(size: Vec3, box: Box, i: number): boolean {
  const x = i % size[0], y = Math.floor(i / size[0]) % size[1], z = Math.floor(i / (size[0] * size[1]));
  return x >= box.lo[0] && x < box.hi[0] && y >= box.lo[1] && y < box.hi[1] && z >= box.lo[2] && z < box.hi[2];
}

/** Inside the box: the same bits as the reference (Object.is, so −0 and NaN count); outside: 0. */
function expectBoxEqual(got: Float64Array, want: Float64Array, size: Vec3, box: Box, what: string): void {
  expect(got.length, what).toBe(want.length);
  let bad = 0, first = '';
  for (let i = 0; i < want.length; i++) {
    const ok = inBox(size, box, i) ? Object.is(got[i], want[i]) : got[i] === 0;
    if (!ok && bad++ === 0) first = `voxel ${i}: ${got[i]} vs ${want[i]}`;
  }
  expect(bad, `${what}: ${bad} voxels differ (first ${first})`).toBe(0);
}

function randomImage(rng: Random, size: Vec3): Float64Array {
  // integer intensities like PNG/CT data, with a few fractional ones and a spike
  const d = Float64Array.from({ length: size[0] * size[1] * size[2] }, () => (rng.next() < 0.9 ? Math.round(rng.next() * 255) : rng.next() * 1000 - 300));
  d[int(rng, 0, d.length - 1)] = 4000;
  return d;
}

describe('PyRadiomics LoG on a box equals the whole-image LoG bit for bit', () => {
  // The recurrences run in WebAssembly SIMD where available (simd-recursive.ts), else in
  // JavaScript: both paths are checked against the transcription.
  it.each([['WebAssembly SIMD', true], ['JavaScript', false]])('2D and 3D, odd and even sizes, σ 1–5 mm, anisotropic spacing, boxes on every border (%s)', (_, simd) => {
    useRecursiveSimd(simd);
    if (simd) expect(recursiveKernel(), 'Node 20 has WebAssembly SIMD').not.toBeNull();
    const rng = new Random(616);
    let cases = 0;
    for (let t = 0; t < 48; t++) {
      const twoD = t % 2 === 0;
      const size: Vec3 = twoD ? [int(rng, 4, 41), int(rng, 4, 37), 1] : [int(rng, 4, 17), int(rng, 4, 15), int(rng, 4, 11)];
      const spacing: Vec3 = [0.5 + rng.next(), 0.5 + rng.next(), twoD ? 1 : 0.8 + 2 * rng.next()];
      const dims = twoD ? 2 : 3;
      // the largest σ PyRadiomics accepts for this size (each axis needs ⌈σ/spacing⌉ + 1 voxels), capped at 5
      const sigmaMax = Math.min(5, ...size.slice(0, dims).map((n, a) => (n - 1) * spacing[a]!));
      const sigma = Math.max(0.5, +(1 + rng.next() * (sigmaMax - 1)).toFixed(2));
      const data = randomImage(rng, size);
      const want = itkTranscription(data, size, spacing, sigma);
      expectBoxEqual(logLikePyradiomics(data, size, spacing, sigma), want, size, { lo: [0, 0, 0], hi: size }, `whole ${size} σ ${sigma}`);
      for (const edge of [t % 8, (t + 3) % 8]) {
        const box = randomBox(rng, size, edge);
        expectBoxEqual(logLikePyradiomics(data, size, spacing, sigma, box), want, size, box, `${size} σ ${sigma} box ${JSON.stringify(box)}`);
        cases++;
      }
    }
    useRecursiveSimd(true);
    expect(cases).toBe(96);
  });
});

describe('PyRadiomics wavelet on a box equals the whole-image decomposition bit for bit', () => {
  // The taps run in WebAssembly SIMD where available (simd-axpy.ts), else in JavaScript: both are checked.
  it.each([['WebAssembly SIMD', true], ['JavaScript', false]])('2D and 3D, odd and even sizes (wrap padding), levels 1–2, haar/db2/coif1/coif2, every sub-band, boxes on every border (%s)', (_, simd) => {
    useAxpySimd(simd);
    if (simd) expect(axpyKernel(), 'Node 20 has WebAssembly SIMD').not.toBeNull();
    const rng = new Random(617);
    const families = ['haar', 'db2', 'coif1', 'coif2'];
    let cases = 0;
    for (let t = 0; t < 40; t++) {
      const twoD = t % 2 === 0;
      // 2D bands on a 3D image too (force2D on a volume: z is not decomposed)
      const bandAxes = twoD || t % 4 === 1 ? 2 : 3;
      const size: Vec3 = twoD ? [int(rng, 2, 33), int(rng, 2, 29), 1] : [int(rng, 2, 13), int(rng, 2, 11), int(rng, 2, 9)];
      const family = families[t % 4]!, level = 1 + (Math.floor(t / 4) % 2);
      const bands = bandAxes === 2 ? ['LL', 'LH', 'HL', 'HH'] : ['LLL', 'LLH', 'LHL', 'LHH', 'HLL', 'HLH', 'HHL', 'HHH'];
      const data = randomImage(rng, size);
      const want = bands.map((b) => wholeImageSwt(data, size, family, level, b));
      for (const edge of [t % 8, (t + 5) % 8]) {
        const box = randomBox(rng, size, edge);
        const got = pyradiomicsWaveletBands(data, size, family, level, bands, box);
        bands.forEach((b, i) => expectBoxEqual(got[i]!, want[i]!, size, box, `${family} level ${level} ${b} ${size} box ${JSON.stringify(box)}`));
        cases++;
      }
      const whole = pyradiomicsWaveletBands(data, size, family, level, bands);
      bands.forEach((b, i) => expectBoxEqual(whole[i]!, want[i]!, size, { lo: [0, 0, 0], hi: size }, `${family} level ${level} ${b} ${size} whole`));
    }
    useAxpySimd(true);
    expect(cases).toBe(80);
  });
});

describe('through applyFilters, as extraction calls them', () => {
  it('the region given to applyFilters gives the whole image\'s values inside it, for LoG and wavelet specs together', () => {
    const rng = new Random(618);
    const size: Vec3 = [37, 29, 1];
    const img = createImage(size, [0.7, 0.9, 1], Float32Array.from(randomImage(rng, size)));
    const specs = [
      { type: 'original' as const },
      { type: 'log' as const, sigmaMm: 2, convention: 'pyradiomics' as const },
      ...['LH', 'HL', 'HH', 'LL'].map((subband) => ({ type: 'wavelet' as const, family: 'coif1', subband, level: 2, convention: 'pyradiomics' as const })),
    ];
    const box: Box = { lo: [5, 0, 0], hi: [37, 11, 1] };
    const whole = applyFilters(img, specs);
    const part = applyFilters(img, specs, box);
    specs.forEach((s, i) => expectBoxEqual(Float64Array.from(part[i]!.data), Float64Array.from(whole[i]!.data), size, s.type === 'original' ? { lo: [0, 0, 0], hi: size } : box, JSON.stringify(s)));
  });
});

describe('PyRadiomics transforms and gradient on a box', () => {
  it('square, square root, exponential, logarithm and gradient magnitude: the whole image\'s values inside the region (M over the whole image), 2D and 3D', () => {
    const rng = new Random(619);
    for (const size of [[37, 29, 1], [13, 11, 7]] as Vec3[]) {
      // negative intensities too (CT-like), where square root and logarithm take their odd branches
      const img = createImage(size, [0.7, 0.9, 2.5], Float32Array.from(randomImage(rng, size).map((v) => v - 120)));
      const specs = [{ type: 'square' as const }, { type: 'squareroot' as const }, { type: 'exponential' as const }, { type: 'logarithm' as const }, { type: 'gradient' as const }];
      const whole = applyFilters(img, specs);
      for (let t = 0; t < 8; t++) {
        const box = randomBox(rng, size, t);
        const part = applyFilters(img, specs, box);
        specs.forEach((s, i) => {
          const got = Float64Array.from(part[i]!.data), want = Float64Array.from(whole[i]!.data);
          // the logarithm maps every voxel (its scale is the largest transformed value): equal everywhere
          expectBoxEqual(got, want, size, s.type === 'logarithm' ? { lo: [0, 0, 0], hi: size } : box, `${s.type} ${size} ${JSON.stringify(box)}`);
        });
      }
    }
  });
});
