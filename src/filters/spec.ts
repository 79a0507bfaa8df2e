/**
 * Filter settings (plain JSON, part of the extraction settings) and the image names they
 * give in feature names (`{region}_{image}_{family}_{feature}`, e.g. `log-sigma-2mm`).
 */
import type { BoundaryMode } from './boundary.ts';
import type { ComplexResponse } from './gabor.ts';
import type { Pooling } from './rotations.ts';
import type { Dims } from './volume.ts';

interface Common {
  /** Boundary condition; default 'mirror' (IBSI 2 recommendation for radiomics). */
  boundary?: BoundaryMode;
}

export type FilterSpec =
  | { type: 'original' }
  | (Common & { type: 'mean'; support: number; dims?: Dims })
  | (Common & { type: 'gaussian'; sigmaMm: number; truncate?: number; dims?: Dims })
  | (Common & { type: 'log'; sigmaMm: number; truncate?: number; dims?: Dims })
  | (Common & {
      type: 'laws';
      /** One kernel per axis, x first: "L5E5" (2D) or "E5L5S5" (3D). */
      kernels: string;
      rotationInvariant?: boolean;
      pooling?: Pooling;
      /** Energy map half-width δ in voxels (omit for the plain response). */
      energyDelta?: number;
    })
  | (Common & {
      type: 'gabor';
      sigmaMm: number;
      gamma: number;
      lambdaMm: number;
      /** First orientation (degrees), default 0. */
      thetaDeg?: number;
      /** Orientation step (degrees): pool θ, θ+step, … < 360. Omit for a single orientation. */
      thetaStepDeg?: number;
      /** 'axial' (2D, default) or 'orthogonal' (axial + coronal + sagittal, 3D rotation invariance). */
      planes?: 'axial' | 'orthogonal';
      response?: ComplexResponse;
      pooling?: Pooling;
      /** Kernel half-width in σ along the envelope's long axis (default 4); 0 = whole plane. */
      truncate?: number;
    })
  | (Common & {
      type: 'wavelet';
      /** haar, db1..db6, coif1..coif3. */
      family: string;
      /** Sub-band, one letter per axis, x first: "LH" (2D) or "LLH" (3D). */
      subband: string;
      level?: number;
      rotationInvariant?: boolean;
      pooling?: Pooling;
    })
  | { type: 'simoncelli'; level?: number; dims?: Dims }
  | { type: 'square' }
  | { type: 'squareroot' }
  | { type: 'logarithm' }
  | { type: 'exponential' }
  | { type: 'gradient'; dims?: Dims }
  | { type: 'lbp2d'; radius?: number; samples?: number };

export type FilterType = FilterSpec['type'];

function num(x: number): string {
  // 1.5 → "1.5", 2 → "2"; feature names stay lower snake/kebab case without exponent forms.
  return String(Number(x.toPrecision(6)));
}

/** Suffix for settings that change values but are usually left at their defaults. */
function boundarySuffix(spec: { boundary?: BoundaryMode }): string {
  return spec.boundary && spec.boundary !== 'mirror' ? `-b${spec.boundary}` : '';
}

/**
 * The image name used in feature names, e.g. `log-sigma-2mm`, `wavelet-coif1-LH`. Distinct
 * settings give distinct names: defaults are left out, anything else is spelled out
 * (`-2d`, `-bzero` for a non-mirror boundary, `-t3` for a non-default truncation, ...).
 */
export function filterName(spec: FilterSpec): string {
  switch (spec.type) {
    case 'original': return 'original';
    case 'mean': return `mean-${spec.support}${spec.dims === '2D' ? '-2d' : ''}${boundarySuffix(spec)}`;
    case 'gaussian':
    case 'log': {
      const t = spec.truncate !== undefined && spec.truncate !== 4 ? `-t${num(spec.truncate)}` : '';
      return `${spec.type}-sigma-${num(spec.sigmaMm)}mm${spec.dims === '2D' ? '-2d' : ''}${t}${boundarySuffix(spec)}`;
    }
    case 'laws': {
      let n = `laws-${spec.kernels.toUpperCase()}`;
      if (spec.rotationInvariant) n += `-ri${spec.pooling ?? 'max'}`;
      if (spec.energyDelta !== undefined) n += `-energy${spec.energyDelta === 7 ? '' : `-delta${spec.energyDelta}`}`;
      return n + boundarySuffix(spec);
    }
    case 'gabor': {
      let n = `gabor-s${num(spec.sigmaMm)}-g${num(spec.gamma)}-l${num(spec.lambdaMm)}`;
      n += spec.thetaStepDeg ? `-tstep${num(spec.thetaStepDeg)}${spec.thetaDeg ? `-t${num(spec.thetaDeg)}` : ''}` : `-t${num(spec.thetaDeg ?? 0)}`;
      if (spec.planes === 'orthogonal') n += '-3d';
      if (spec.response && spec.response !== 'modulus') n += `-${spec.response}`;
      if (spec.pooling && spec.pooling !== 'mean') n += `-${spec.pooling}`;
      if (spec.truncate !== undefined && spec.truncate !== 4) n += spec.truncate === 0 ? '-fullplane' : `-trunc${num(spec.truncate)}`;
      return n + boundarySuffix(spec);
    }
    case 'wavelet': {
      const level = spec.level ?? 1;
      const ri = spec.rotationInvariant ? (spec.pooling && spec.pooling !== 'mean' ? `-ri${spec.pooling}` : '-ri') : '';
      return `wavelet-${spec.family.toLowerCase()}-${spec.subband.toUpperCase()}${level > 1 ? `-level${level}` : ''}${ri}${boundarySuffix(spec)}`;
    }
    case 'simoncelli': return `simoncelli-level${spec.level ?? 1}${spec.dims === '2D' ? '-2d' : ''}`;
    case 'square': return 'square';
    case 'squareroot': return 'squareroot';
    case 'logarithm': return 'logarithm';
    case 'exponential': return 'exponential';
    case 'gradient': return `gradient${spec.dims === '2D' ? '-2d' : ''}`;
    case 'lbp2d': {
      const r = spec.radius !== undefined && spec.radius !== 1 ? `-r${num(spec.radius)}` : '';
      const p = spec.samples !== undefined && spec.samples !== 8 ? `-p${spec.samples}` : '';
      return `lbp-2d${r}${p}`;
    }
  }
}
