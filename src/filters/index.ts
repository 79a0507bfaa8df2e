/** IBSI 2 convolutional filters and simple intensity transforms (see docs/filters.md). */
export { applyFilter, applyFilters, filterData, gaborThetas } from './apply.ts';
export { filterName, type FilterSpec, type FilterType } from './spec.ts';
export { BOUNDARY_MODES, boundaryIndex, parseBoundary, type BoundaryMode } from './boundary.ts';
export { convolveAxis, convolveSeparable } from './convolve.ts';
export { rightAngleRotations, type Pooling } from './rotations.ts';
export { lawsKernels, LAWS_KERNEL_NAMES } from './laws.ts';
export { waveletFilters, WAVELET_FAMILIES } from './wavelet-coefficients.ts';
export { fft1d, fftNd } from '../math/fft.ts';
export type { Dims } from './volume.ts';
export type { ComplexResponse } from './gabor.ts';
export { filterReachMm, validateFilterSpec } from './validate.ts';
export { FILTERS, FILTER_TYPES, findFilter } from './registry.ts';
