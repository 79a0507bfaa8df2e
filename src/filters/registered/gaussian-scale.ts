/**
 * What the Gaussian and the Laplacian-of-Gaussian filters share on the settings side: a scale σ
 * in mm, a truncation in σ, 2D/3D and a boundary, checked, named and reaching alike.
 */
import { s } from '../../core/schema.ts';
import { boundarySuffix, dimsSuffix, num } from '../name-parts.ts';
import { boundaryField, dimsField, positive, sigmaMmField, truncateField, type BoundarySetting, type Dims } from '../settings-fields.ts';
import type { Vec3 } from '../../image/image.ts';

export interface GaussianScale extends BoundarySetting { sigmaMm: number; truncate?: number; dims?: Dims }

export const GAUSSIAN_SCALE_SETTINGS = s.obj({ sigmaMm: sigmaMmField, truncate: truncateField, dims: dimsField, ...boundaryField });

/** Default kernel half-width: 4 σ (scipy.ndimage's gaussian_filter default, IBSI 2 §2.5). */
export const DEFAULT_TRUNCATE = 4;

export function validateGaussianScale(spec: GaussianScale, bad: (what: string) => never): void {
  if (!positive(spec.sigmaMm)) bad('sigmaMm must be > 0 (mm)');
  if (spec.truncate !== undefined && !positive(spec.truncate)) bad('truncate must be > 0 (in σ)');
}

/** `log-sigma-2mm`, `gaussian-sigma-1.5mm-2d-t3-bzero`. */
export function gaussianScaleName(type: string, spec: GaussianScale): string {
  const t = spec.truncate !== undefined && spec.truncate !== DEFAULT_TRUNCATE ? `-t${num(spec.truncate)}` : '';
  return `${type}-sigma-${num(spec.sigmaMm)}mm${dimsSuffix(spec.dims)}${t}${boundarySuffix(spec)}`;
}

/** The truncated kernel's half-width, plus one voxel for its rounding up to whole voxels. */
export function gaussianScaleReachMm(spec: GaussianScale, spacing: Vec3): number {
  return (spec.truncate ?? DEFAULT_TRUNCATE) * spec.sigmaMm + Math.max(...spacing);
}
