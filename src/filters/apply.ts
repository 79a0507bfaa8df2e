/**
 * `applyFilter(image, spec)`: one entry point for every filter and transform. The output has
 * the input's geometry (response maps are not resampled or cropped).
 */
import { SonomicsError } from '../core/errors.ts';
import type { Box } from '../image/crop.ts';
import type { Image } from '../image/image.ts';
import type { BoundaryMode } from './boundary.ts';
import { gaborFilter } from './gabor.ts';
import { gradientMagnitude } from './gradient.ts';
import { lawsFilter } from './laws.ts';
import { lbp2d } from './lbp.ts';
import { gaussianFilter, logFilter } from './log.ts';
import { meanFilter } from './mean.ts';
import { simoncelliFilter } from './simoncelli.ts';
import type { FilterSpec } from './spec.ts';
import { exponentialTransform, logarithmTransform, squareRootTransform, squareTransform } from './transforms.ts';
import { effectiveDims, toFloat64, withData } from './volume.ts';
import { sharesPasses, waveletFilter, waveletSubbands, type WaveletOptions } from './wavelet.ts';

const DEFAULT_BOUNDARY: BoundaryMode = 'mirror';

/** Orientation list θ0, θ0+step, … below θ0+360 (or just θ0). */
export function gaborThetas(thetaDeg = 0, stepDeg?: number): number[] {
  if (!stepDeg) return [thetaDeg];
  if (!(stepDeg > 0)) throw new SonomicsError('BAD_SETTINGS', `Gabor thetaStepDeg must be > 0 (got ${stepDeg})`);
  const out: number[] = [];
  for (let t = 0; t < 360 - 1e-9; t += stepDeg) out.push(thetaDeg + t);
  return out;
}

/**
 * The filtered values as Float64 (for callers that keep working in double precision).
 * `region`: the caller needs only these voxels; the LoG and separable wavelets then leave the
 * others 0 (values inside equal the whole computation's), other filters compute everything.
 */
export function filterData(image: Image, spec: FilterSpec, region?: Box): Float64Array {
  return filterFloat64(toFloat64(image), image, spec, region);
}

function filterFloat64(d: Float64Array, image: Image, spec: FilterSpec, region?: Box): Float64Array {
  const { size, spacing } = image;
  switch (spec.type) {
    case 'original': return d;
    case 'mean': return meanFilter(d, size, spec.support, effectiveDims(size, spec.dims), spec.boundary ?? DEFAULT_BOUNDARY);
    case 'gaussian': return gaussianFilter(d, size, spacing, spec.sigmaMm, spec.truncate ?? 4, effectiveDims(size, spec.dims), spec.boundary ?? DEFAULT_BOUNDARY);
    case 'log': return logFilter(d, size, spacing, spec.sigmaMm, spec.truncate ?? 4, effectiveDims(size, spec.dims), spec.boundary ?? DEFAULT_BOUNDARY, region);
    case 'laws':
      return lawsFilter(d, size, {
        kernels: spec.kernels,
        rotationInvariant: spec.rotationInvariant ?? false,
        pooling: spec.pooling ?? 'max',
        energyDelta: spec.energyDelta ?? null,
        mode: spec.boundary ?? DEFAULT_BOUNDARY,
      });
    case 'gabor':
      return gaborFilter(d, size, spacing, {
        sigmaMm: spec.sigmaMm,
        gamma: spec.gamma,
        lambdaMm: spec.lambdaMm,
        thetasDeg: gaborThetas(spec.thetaDeg, spec.thetaStepDeg),
        planes: spec.planes ?? 'axial',
        response: spec.response ?? 'modulus',
        pooling: spec.pooling ?? 'mean',
        mode: spec.boundary ?? DEFAULT_BOUNDARY,
        truncate: spec.truncate ?? 4,
      });
    case 'wavelet': return waveletFilter(d, size, waveletOptions(spec), region);
    case 'simoncelli': return simoncelliFilter(d, size, spec.level ?? 1, effectiveDims(size, spec.dims));
    case 'square': return squareTransform(d);
    case 'squareroot': return squareRootTransform(d);
    case 'logarithm': return logarithmTransform(d);
    case 'exponential': return exponentialTransform(d);
    case 'gradient': return gradientMagnitude(d, size, spacing, effectiveDims(size, spec.dims));
    case 'lbp2d': return lbp2d(d, size, spec.radius ?? 1, spec.samples ?? 8);
    default:
      throw new SonomicsError('BAD_SETTINGS', `unknown filter type "${(spec as { type: string }).type}"`);
  }
}

function waveletOptions(spec: Extract<FilterSpec, { type: 'wavelet' }>): WaveletOptions {
  return {
    family: spec.family,
    subband: spec.subband,
    level: spec.level ?? 1,
    rotationInvariant: spec.rotationInvariant ?? false,
    pooling: spec.pooling ?? 'mean',
    mode: spec.boundary ?? DEFAULT_BOUNDARY,
  };
}

export function applyFilter(image: Image, spec: FilterSpec, region?: Box): Image {
  return withData(image, filterData(image, spec, region));
}

/**
 * Every image of an extraction plan from one input, in plan order ('original' is the input
 * itself). Work shared between images is done once: the Float64 copy of the input, and the
 * y passes of 2D wavelet sub-bands of the same family, level and boundary (waveletSubbands).
 * `region` as in filterData.
 */
export function applyFilters(image: Image, specs: FilterSpec[], region?: Box): Image[] {
  const out: Array<Image | undefined> = specs.map((s) => (s.type === 'original' ? image : undefined));
  if (out.every((o) => o)) return out as Image[];
  const d = toFloat64(image);
  const banks = new Map<string, number[]>(); // shared-pass wavelets by family/level/boundary
  specs.forEach((spec, i) => {
    if (spec.type !== 'wavelet' || !sharesPasses(waveletOptions(spec))) return;
    const o = waveletOptions(spec);
    const key = JSON.stringify([o.family.toLowerCase(), o.level, o.mode]);
    banks.set(key, [...(banks.get(key) ?? []), i]);
  });
  for (const members of banks.values()) {
    const o = waveletOptions(specs[members[0]!] as Extract<FilterSpec, { type: 'wavelet' }>);
    const bands = members.map((i) => (specs[i] as Extract<FilterSpec, { type: 'wavelet' }>).subband);
    waveletSubbands(d, image.size, o, bands, region).forEach((data, k) => { out[members[k]!] = withData(image, data); });
  }
  specs.forEach((spec, i) => { if (!out[i]) out[i] = withData(image, filterFloat64(d, image, spec, region)); });
  return out as Image[];
}
