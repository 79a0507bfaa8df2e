/**
 * Settings checks and the reach of each filter. `validateFilterSpec` throws BAD_SETTINGS with a
 * message naming the parameter, before any pixel is touched (settings files are validated when
 * read). `filterReachMm` says how far (mm) a filtered value depends on other pixels, so that a
 * caller may crop around the ROI with that margin and get the same values as on the whole image;
 * Infinity marks filters that depend on the whole image (Simoncelli: Fourier domain; the
 * PyRadiomics transforms: scaled by the image maximum; Gabor with a whole-plane kernel).
 */
import { SonomicsError } from '../core/errors.ts';
import type { Vec3 } from '../image/image.ts';
import { BOUNDARY_MODES } from './boundary.ts';
import { lawsKernels } from './laws.ts';
import type { FilterSpec } from './spec.ts';
import { waveletFilters } from './wavelet-coefficients.ts';
import { parseSubband } from './wavelet.ts';

function bad(spec: FilterSpec, what: string): never {
  throw new SonomicsError('BAD_SETTINGS', `filter ${JSON.stringify(spec)}: ${what}`);
}

const positive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;

export function validateFilterSpec(spec: FilterSpec): void {
  if (!spec || typeof spec !== 'object' || typeof (spec as { type?: unknown }).type !== 'string') {
    throw new SonomicsError('BAD_SETTINGS', `a filter must be an object with a 'type' (original, mean, gaussian, log, laws, gabor, wavelet, simoncelli, square, squareroot, logarithm, exponential, gradient, lbp2d)`);
  }
  const s = spec as FilterSpec & { boundary?: unknown; dims?: unknown; pooling?: unknown };
  if (s.boundary !== undefined && !BOUNDARY_MODES.includes(s.boundary as never)) bad(spec, `boundary must be one of ${BOUNDARY_MODES.join(', ')}`);
  if (s.dims !== undefined && s.dims !== '2D' && s.dims !== '3D') bad(spec, `dims must be '2D' or '3D'`);
  if (s.pooling !== undefined && !['mean', 'max', 'min'].includes(s.pooling as string)) bad(spec, `pooling must be mean, max or min`);
  switch (spec.type) {
    case 'original': case 'square': case 'squareroot': case 'logarithm': case 'exponential': case 'gradient':
      return;
    case 'mean':
      if (!(Number.isInteger(spec.support) && spec.support >= 1 && spec.support % 2 === 1)) bad(spec, 'support must be an odd whole number of voxels, e.g. 5');
      return;
    case 'gaussian': case 'log':
      if (!positive(spec.sigmaMm)) bad(spec, 'sigmaMm must be > 0 (mm)');
      if (spec.truncate !== undefined && !positive(spec.truncate)) bad(spec, 'truncate must be > 0 (in σ)');
      return;
    case 'laws':
      if (typeof spec.kernels !== 'string') bad(spec, `kernels must be a string such as 'L5E5' or 'E5L5S5'`);
      lawsKernels(spec.kernels);
      if (spec.energyDelta !== undefined && !(Number.isInteger(spec.energyDelta) && spec.energyDelta >= 0)) bad(spec, 'energyDelta must be a whole number of voxels ≥ 0');
      return;
    case 'gabor':
      if (!positive(spec.sigmaMm) || !positive(spec.lambdaMm) || !positive(spec.gamma)) bad(spec, 'sigmaMm, lambdaMm and gamma must be > 0');
      if (spec.thetaStepDeg !== undefined && !positive(spec.thetaStepDeg)) bad(spec, 'thetaStepDeg must be > 0 (degrees)');
      if (spec.truncate !== undefined && !(typeof spec.truncate === 'number' && spec.truncate >= 0)) bad(spec, 'truncate must be ≥ 0 (0 = whole plane)');
      if (spec.planes !== undefined && spec.planes !== 'axial' && spec.planes !== 'orthogonal') bad(spec, `planes must be 'axial' or 'orthogonal'`);
      if (spec.response !== undefined && !['modulus', 'real', 'imaginary', 'phase'].includes(spec.response)) bad(spec, 'response must be modulus, real, imaginary or phase');
      return;
    case 'wavelet':
      if (typeof spec.family !== 'string' || typeof spec.subband !== 'string') bad(spec, `family and subband are required, e.g. { family: 'coif1', subband: 'LH' }`);
      waveletFilters(spec.family);
      parseSubband(spec.subband);
      if (spec.level !== undefined && !(Number.isInteger(spec.level) && spec.level >= 1 && spec.level <= 4)) bad(spec, 'level must be 1..4');
      return;
    case 'simoncelli':
      if (spec.level !== undefined && !(Number.isInteger(spec.level) && spec.level >= 1 && spec.level <= 6)) bad(spec, 'level must be 1..6');
      return;
    case 'lbp2d':
      if (spec.radius !== undefined && !positive(spec.radius)) bad(spec, 'radius must be > 0 (pixels)');
      if (spec.samples !== undefined && !(Number.isInteger(spec.samples) && spec.samples >= 2 && spec.samples <= 32)) bad(spec, 'samples must be a whole number 2..32');
      return;
    default:
      bad(spec, `unknown filter type '${(spec as { type: string }).type}'`);
  }
}

/** How far (mm) the filtered value at a voxel depends on other voxels; Infinity = whole image. */
export function filterReachMm(spec: FilterSpec, spacing: Vec3): number {
  const maxSpacing = Math.max(...spacing);
  const vox = (n: number) => n * maxSpacing;
  switch (spec.type) {
    case 'original': return 0;
    case 'mean': return vox((spec.support - 1) / 2);
    case 'gaussian': case 'log': return (spec.truncate ?? 4) * spec.sigmaMm + maxSpacing;
    case 'laws': {
      const half = Math.max(...lawsKernels(spec.kernels).map((k) => (k.length - 1) / 2));
      return vox(half + (spec.energyDelta ?? 0));
    }
    case 'gabor': {
      const t = spec.truncate ?? 4;
      return t > 0 ? t * spec.sigmaMm * Math.max(1, 1 / spec.gamma) + maxSpacing : Infinity;
    }
    case 'wavelet': {
      const L = waveletFilters(spec.family).lo.length;
      const level = spec.level ?? 1;
      let reach = 0;
      for (let l = 1; l <= level; l++) reach += 2 ** (l - 1) * L; // odd-padded kernels, flips included
      return vox(reach);
    }
    case 'gradient': return vox(1);
    case 'lbp2d': return vox(Math.ceil(spec.radius ?? 1) + 1);
    case 'simoncelli': case 'square': case 'squareroot': case 'logarithm': case 'exponential':
      return Infinity;
  }
}
