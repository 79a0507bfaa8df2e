/**
 * `applyFilter(image, spec)`: one entry point for every filter and transform. The output has
 * the input's geometry (response maps are not resampled or cropped).
 */
import { SonomicsError } from '../core/errors.ts';
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
import { waveletFilter } from './wavelet.ts';

const DEFAULT_BOUNDARY: BoundaryMode = 'mirror';

/** Orientation list θ0, θ0+step, … below θ0+360 (or just θ0). */
export function gaborThetas(thetaDeg = 0, stepDeg?: number): number[] {
  if (!stepDeg) return [thetaDeg];
  if (!(stepDeg > 0)) throw new SonomicsError('BAD_SETTINGS', `Gabor thetaStepDeg must be > 0 (got ${stepDeg})`);
  const out: number[] = [];
  for (let t = 0; t < 360 - 1e-9; t += stepDeg) out.push(thetaDeg + t);
  return out;
}

/** The filtered values as Float64 (for callers that keep working in double precision). */
export function filterData(image: Image, spec: FilterSpec): Float64Array {
  const d = toFloat64(image);
  const { size, spacing } = image;
  switch (spec.type) {
    case 'original': return d;
    case 'mean': return meanFilter(d, size, spec.support, effectiveDims(size, spec.dims), spec.boundary ?? DEFAULT_BOUNDARY);
    case 'gaussian': return gaussianFilter(d, size, spacing, spec.sigmaMm, spec.truncate ?? 4, effectiveDims(size, spec.dims), spec.boundary ?? DEFAULT_BOUNDARY);
    case 'log': return logFilter(d, size, spacing, spec.sigmaMm, spec.truncate ?? 4, effectiveDims(size, spec.dims), spec.boundary ?? DEFAULT_BOUNDARY);
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
    case 'wavelet':
      return waveletFilter(d, size, {
        family: spec.family,
        subband: spec.subband,
        level: spec.level ?? 1,
        rotationInvariant: spec.rotationInvariant ?? false,
        pooling: spec.pooling ?? 'mean',
        mode: spec.boundary ?? DEFAULT_BOUNDARY,
      });
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

export function applyFilter(image: Image, spec: FilterSpec): Image {
  return withData(image, filterData(image, spec));
}
