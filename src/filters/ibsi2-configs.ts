/**
 * The IBSI 2 standardised test configurations as FilterSpecs (phase 1: response maps on the
 * digital phantoms; phase 2: intensity statistics of the filtered CT phantom). Transcribed
 * from ../shared/refdata/ibsi/ibsi2/ibsi2_phase{1,2}_filter_configs.csv (which follow the
 * IBSI 2 reference manual, arXiv:2006.05470, and MIRP's IBSI 2 tests).
 */
import type { FilterSpec } from './spec.ts';

export interface Phase1Config {
  test: string;
  phantom: string;
  spec: FilterSpec;
}

export const IBSI2_PHASE1: Phase1Config[] = [
  { test: '1.a.1', phantom: 'checkerboard', spec: { type: 'mean', support: 15, dims: '3D', boundary: 'zero' } },
  { test: '1.a.2', phantom: 'checkerboard', spec: { type: 'mean', support: 15, dims: '3D', boundary: 'nearest' } },
  { test: '1.a.3', phantom: 'checkerboard', spec: { type: 'mean', support: 15, dims: '3D', boundary: 'periodic' } },
  { test: '1.a.4', phantom: 'checkerboard', spec: { type: 'mean', support: 15, dims: '3D', boundary: 'mirror' } },
  { test: '1.b.1', phantom: 'impulse', spec: { type: 'mean', support: 15, dims: '2D', boundary: 'zero' } },
  { test: '2.a', phantom: 'impulse', spec: { type: 'log', sigmaMm: 3, truncate: 4, dims: '3D', boundary: 'zero' } },
  { test: '2.b', phantom: 'checkerboard', spec: { type: 'log', sigmaMm: 5, truncate: 4, dims: '3D', boundary: 'mirror' } },
  { test: '2.c', phantom: 'checkerboard', spec: { type: 'log', sigmaMm: 5, truncate: 4, dims: '2D', boundary: 'mirror' } },
  { test: '3.a.1', phantom: 'impulse', spec: { type: 'laws', kernels: 'E5L5S5', boundary: 'zero' } },
  { test: '3.a.2', phantom: 'impulse', spec: { type: 'laws', kernels: 'E5L5S5', rotationInvariant: true, pooling: 'max', boundary: 'zero' } },
  { test: '3.a.3', phantom: 'impulse', spec: { type: 'laws', kernels: 'E5L5S5', rotationInvariant: true, pooling: 'max', energyDelta: 7, boundary: 'zero' } },
  { test: '3.b.1', phantom: 'checkerboard', spec: { type: 'laws', kernels: 'E3W5R5', boundary: 'mirror' } },
  { test: '3.b.2', phantom: 'checkerboard', spec: { type: 'laws', kernels: 'E3W5R5', rotationInvariant: true, pooling: 'max', boundary: 'mirror' } },
  { test: '3.b.3', phantom: 'checkerboard', spec: { type: 'laws', kernels: 'E3W5R5', rotationInvariant: true, pooling: 'max', energyDelta: 7, boundary: 'mirror' } },
  { test: '3.c.1', phantom: 'checkerboard', spec: { type: 'laws', kernels: 'L5S5', boundary: 'mirror' } },
  { test: '3.c.2', phantom: 'checkerboard', spec: { type: 'laws', kernels: 'L5S5', rotationInvariant: true, pooling: 'max', boundary: 'mirror' } },
  { test: '3.c.3', phantom: 'checkerboard', spec: { type: 'laws', kernels: 'L5S5', rotationInvariant: true, pooling: 'max', energyDelta: 7, boundary: 'mirror' } },
  { test: '4.a.1', phantom: 'impulse', spec: { type: 'gabor', sigmaMm: 10, gamma: 0.5, lambdaMm: 4, thetaDeg: 60, boundary: 'zero' } },
  { test: '4.a.2', phantom: 'impulse', spec: { type: 'gabor', sigmaMm: 10, gamma: 0.5, lambdaMm: 4, thetaDeg: 0, thetaStepDeg: 45, planes: 'orthogonal', pooling: 'mean', boundary: 'zero' } },
  { test: '4.b.1', phantom: 'sphere', spec: { type: 'gabor', sigmaMm: 20, gamma: 2.5, lambdaMm: 8, thetaDeg: 225, boundary: 'mirror' } },
  { test: '4.b.2', phantom: 'sphere', spec: { type: 'gabor', sigmaMm: 20, gamma: 2.5, lambdaMm: 8, thetaDeg: 0, thetaStepDeg: 22.5, planes: 'orthogonal', pooling: 'mean', boundary: 'mirror' } },
  { test: '5.a.1', phantom: 'impulse', spec: { type: 'wavelet', family: 'db2', subband: 'LHL', level: 1, boundary: 'zero' } },
  { test: '5.a.2', phantom: 'impulse', spec: { type: 'wavelet', family: 'db2', subband: 'LHL', level: 1, rotationInvariant: true, pooling: 'mean', boundary: 'zero' } },
  { test: '6.a.1', phantom: 'sphere', spec: { type: 'wavelet', family: 'coif1', subband: 'HHL', level: 1, boundary: 'periodic' } },
  { test: '6.a.2', phantom: 'sphere', spec: { type: 'wavelet', family: 'coif1', subband: 'HHL', level: 1, rotationInvariant: true, pooling: 'mean', boundary: 'periodic' } },
  { test: '7.a.1', phantom: 'checkerboard', spec: { type: 'wavelet', family: 'haar', subband: 'LLL', level: 2, rotationInvariant: true, pooling: 'mean', boundary: 'mirror' } },
  { test: '7.a.2', phantom: 'checkerboard', spec: { type: 'wavelet', family: 'haar', subband: 'HHH', level: 2, rotationInvariant: true, pooling: 'mean', boundary: 'mirror' } },
  { test: '8.a.1', phantom: 'checkerboard', spec: { type: 'simoncelli', level: 1, dims: '3D' } },
  { test: '8.a.2', phantom: 'checkerboard', spec: { type: 'simoncelli', level: 2, dims: '3D' } },
  { test: '8.a.3', phantom: 'checkerboard', spec: { type: 'simoncelli', level: 3, dims: '3D' } },
];

/** Phase-1 tests we do not run, with the reason (reported, not hidden). */
export const IBSI2_PHASE1_SKIPPED: { test: string; reason: string }[] = [
  { test: '9.a', reason: 'Riesz-transformed LoG: not among the 8 filter types IBSI 2 standardises; not implemented' },
  { test: '9.b.1', reason: 'Riesz-transformed LoG: not among the 8 filter types IBSI 2 standardises; not implemented' },
  { test: '10.b.1', reason: 'Riesz-transformed Simoncelli: not among the 8 filter types IBSI 2 standardises; not implemented' },
];

export interface Phase2Config {
  config: string;
  spec: FilterSpec;
}

/** Phase 2, configurations A (2D slice-wise, no interpolation, mirror boundary). */
export const IBSI2_PHASE2_2D: Phase2Config[] = [
  { config: '1.A', spec: { type: 'original' } },
  { config: '2.A', spec: { type: 'mean', support: 5, dims: '2D', boundary: 'mirror' } },
  { config: '3.A', spec: { type: 'log', sigmaMm: 1.5, truncate: 4, dims: '2D', boundary: 'mirror' } },
  { config: '4.A', spec: { type: 'laws', kernels: 'L5E5', energyDelta: 7, rotationInvariant: true, pooling: 'max', boundary: 'mirror' } },
  { config: '5.A', spec: { type: 'gabor', sigmaMm: 5, gamma: 1.5, lambdaMm: 2, thetaDeg: 0, thetaStepDeg: 22.5, planes: 'axial', pooling: 'mean', boundary: 'mirror' } },
  { config: '6.A', spec: { type: 'wavelet', family: 'db3', subband: 'LH', level: 1, rotationInvariant: true, pooling: 'mean', boundary: 'mirror' } },
  { config: '7.A', spec: { type: 'wavelet', family: 'db3', subband: 'HH', level: 2, rotationInvariant: true, pooling: 'mean', boundary: 'mirror' } },
  { config: '8.A', spec: { type: 'simoncelli', level: 1, dims: '2D' } },
  { config: '9.A', spec: { type: 'simoncelli', level: 2, dims: '2D' } },
];

/**
 * Phase 2, configurations B (3D, after 1 mm isotropic tricubic-spline resampling, mirror
 * boundary). Gabor is applied in the three orthogonal planes with orientation pooling.
 */
export const IBSI2_PHASE2_3D: Phase2Config[] = [
  { config: '1.B', spec: { type: 'original' } },
  { config: '2.B', spec: { type: 'mean', support: 5, dims: '3D', boundary: 'mirror' } },
  { config: '3.B', spec: { type: 'log', sigmaMm: 1.5, truncate: 4, dims: '3D', boundary: 'mirror' } },
  { config: '4.B', spec: { type: 'laws', kernels: 'L5E5E5', energyDelta: 7, rotationInvariant: true, pooling: 'max', boundary: 'mirror' } },
  { config: '5.B', spec: { type: 'gabor', sigmaMm: 5, gamma: 1.5, lambdaMm: 2, thetaDeg: 0, thetaStepDeg: 22.5, planes: 'orthogonal', pooling: 'mean', boundary: 'mirror' } },
  { config: '6.B', spec: { type: 'wavelet', family: 'db3', subband: 'LLH', level: 1, rotationInvariant: true, pooling: 'mean', boundary: 'mirror' } },
  { config: '7.B', spec: { type: 'wavelet', family: 'db3', subband: 'HHH', level: 2, rotationInvariant: true, pooling: 'mean', boundary: 'mirror' } },
  { config: '8.B', spec: { type: 'simoncelli', level: 1, dims: '3D' } },
  { config: '9.B', spec: { type: 'simoncelli', level: 2, dims: '3D' } },
];
