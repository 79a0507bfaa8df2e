/**
 * A mask on another grid than its image, as PyRadiomics handles it (radiomics/imageoperations.py
 * `checkMask`, `_correctMask`, `_checkROI`; settings `geometryTolerance`, `correctMask`).
 *
 * - The check is ITK's (ImageToImageFilter::VerifyInputInformation, run by SimpleITK's
 *   LabelStatisticsImageFilter inside checkMask): origin and spacing agree within
 *   tolerance · spacing_x of the *mask* (ITK takes the first input in name order, "LabelInput"
 *   before "Primary"), direction cosines within tolerance; tolerance is `geometryTolerance`, else
 *   ITK's global default 1e-6. Sizes must be equal too (otherwise ITK's requested region lies
 *   outside the image). A one-slice pair (PNG) is compared as 2D, as SimpleITK reads it.
 * - `correctMask: true` resamples the mask onto the image grid by nearest neighbour
 *   (SimpleITK ResampleImageFilter, image as reference, default value 0), after checking that
 *   the ROI's physical box lies inside the image (1e-3 voxel tolerance).
 * The arithmetic follows ITK 5.2 (itkImageBase.h, itkResampleImageFilter.hxx: continuous indices
 * at the ends of each output row, linear in between; itk::Math::RoundHalfIntegerUp), checked
 * against ITK itself in test/pyradiomics/mask-geometry.test.ts.
 */
import { SonomicsError } from '../core/errors.ts';
import type { Geometry, Image, Mask, Mat3, Vec3 } from '../image/image.ts';
import { boundingBox } from '../image/crop.ts';

/** ITK's ImageToImageFilterCommon global default coordinate and direction tolerance. */
export const ITK_DEFAULT_GEOMETRY_TOLERANCE = 1e-6;

export interface GeometryMismatch {
  field: 'size' | 'origin' | 'spacing' | 'direction';
  image: number[];
  mask: number[];
  /** The absolute tolerance the field was compared with (size: exact). */
  tolerance: number;
}

/** The first field (size, origin, spacing, direction) in which mask and image differ beyond the tolerance, or null. */
export function geometryMismatch(image: Geometry, mask: Geometry, tolerance = ITK_DEFAULT_GEOMETRY_TOLERANCE): GeometryMismatch | null {
  const d = image.size[2] === 1 && mask.size[2] === 1 ? 2 : 3;
  const axes = (v: readonly number[]) => v.slice(0, d);
  const dir = (m: Mat3) => Array.from({ length: d * d }, (_, k) => m[Math.floor(k / d) * 3 + (k % d)]!);
  if (axes(image.size).some((s, a) => s !== mask.size[a])) return { field: 'size', image: axes(image.size), mask: axes(mask.size), tolerance: 0 };
  const coordinate = Math.abs(tolerance * mask.spacing[0]);
  // vnl is_equal: every |a − b| ≤ tol
  const differ = (a: number[], b: number[], tol: number) => a.some((v, i) => !(Math.abs(v - b[i]!) <= tol));
  if (differ(axes(image.origin), axes(mask.origin), coordinate)) return { field: 'origin', image: axes(image.origin), mask: axes(mask.origin), tolerance: coordinate };
  if (differ(axes(image.spacing), axes(mask.spacing), coordinate)) return { field: 'spacing', image: axes(image.spacing), mask: axes(mask.spacing), tolerance: coordinate };
  if (differ(dir(image.direction), dir(mask.direction), tolerance)) return { field: 'direction', image: dir(image.direction), mask: dir(mask.direction), tolerance };
  return null;
}

export interface MaskGeometryOptions {
  caseId: string;
  maskName?: string;
  /** PyRadiomics' geometryTolerance (default ITK's 1e-6). */
  tolerance?: number;
  /** PyRadiomics' correctMask: resample a mismatched mask onto the image grid. */
  correctMask?: boolean;
}

/**
 * The mask on the image's grid, as PyRadiomics' checkMask leaves it: as given when the geometry
 * agrees within the tolerance (then read on the image's grid, as ITK does), resampled by nearest
 * neighbour with correctMask, else an error naming the field, both values and the fixes.
 */
export function maskOnImageGrid(image: Image, mask: Mask, opts: MaskGeometryOptions): Mask {
  const name = opts.maskName ?? 'mask';
  const miss = geometryMismatch(image, mask, opts.tolerance ?? ITK_DEFAULT_GEOMETRY_TOLERANCE);
  if (!miss && sameGeometry(image, mask)) return mask;
  if (!miss) return { ...mask, origin: [...image.origin] as Vec3, spacing: [...image.spacing] as Vec3, direction: [...image.direction] as Mat3 };
  if (!opts.correctMask) {
    const tol = miss.field === 'size' ? '' : ` (tolerance ${miss.tolerance}${miss.field === 'direction' ? '' : ' mm'})`;
    const fixes = miss.field === 'size' ? 'set correctMask: true to resample the mask onto the image grid' : 'set correctMask: true to resample the mask onto the image grid, or raise geometryTolerance if the difference is rounding';
    throw new SonomicsError('MASK_MISMATCH', `the ${name}'s ${miss.field} ${fmt(miss.mask)} differs from the image's ${fmt(miss.image)} in case ${opts.caseId}${tol}; ${fixes}.`, { subject: opts.caseId });
  }
  checkRoiInsideImage(image, mask, opts.caseId, name);
  return resampleMaskNearest(mask, image);
}

function sameGeometry(a: Geometry, b: Geometry): boolean {
  return [0, 1, 2].every((k) => a.origin[k] === b.origin[k] && a.spacing[k] === b.spacing[k]) && a.direction.every((v, k) => v === b.direction[k]);
}

const fmt = (v: number[]) => `[${v.map((x) => String(x)).join(', ')}]`;

/** index → physical point: p = o + (D·diag(s))·i (ITK's m_IndexToPhysicalPoint). */
function indexToPhysical(g: Geometry): (i: Vec3) => Vec3 {
  const m = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => g.direction[r * 3 + c]! * g.spacing[c]!));
  return (i) => [0, 1, 2].map((r) => {
    let p = g.origin[r]!;
    for (let c = 0; c < 3; c++) p += m[r * 3 + c]! * i[c]!;
    return p;
  }) as Vec3;
}

/** physical point → continuous index: (D·diag(s))⁻¹·(p − o) (ITK's m_PhysicalPointToIndex). */
function physicalToIndex(g: Geometry): (p: Vec3) => Vec3 {
  const m = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => g.direction[r * 3 + c]! * g.spacing[c]!));
  // axis-aligned (the usual case): 1/s on the diagonal, as vnl's SVD inverse gives for a diagonal matrix
  const diagonal = [1, 2, 3, 5, 6, 7].every((k) => m[k] === 0);
  const inv = diagonal ? [1 / m[0]!, 0, 0, 0, 1 / m[4]!, 0, 0, 0, 1 / m[8]!] : invert3(m);
  return (p) => {
    const v = [p[0] - g.origin[0], p[1] - g.origin[1], p[2] - g.origin[2]];
    return [0, 1, 2].map((r) => inv[r * 3]! * v[0]! + inv[r * 3 + 1]! * v[1]! + inv[r * 3 + 2]! * v[2]!) as Vec3;
  };
}

function invert3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (!(Math.abs(det) > 0)) throw new SonomicsError('MASK_MISMATCH', 'a direction × spacing matrix is singular; check the file\'s direction cosines and spacing.');
  return [A / det, -(b * i - c * h) / det, (b * f - c * e) / det, B / det, (a * i - c * g) / det, -(a * f - c * d) / det, C / det, -(a * h - b * g) / det, (a * e - b * d) / det];
}

/**
 * PyRadiomics' _checkROI: the ROI's box (voxel corners, lo − 0.5 and hi + 0.5 in mask indices)
 * mapped into the image's continuous indices must lie within [−0.5, size − 0.5] ± 1e-3.
 */
export function checkRoiInsideImage(image: Geometry, mask: Mask, caseId: string, name = 'mask'): void {
  const box = boundingBox([mask]);
  if (!box) throw new SonomicsError('EMPTY_MASK', `the ${name} of case ${caseId} has no voxel with the label; check the mask file and the label setting.`, { subject: caseId });
  const d = image.size[2] === 1 && mask.size[2] === 1 ? 2 : 3;
  const toPhys = indexToPhysical(mask), toImage = physicalToIndex(image);
  // Box.hi is exclusive: the last voxel's upper corner is hi − 0.5
  const lo = toImage(toPhys(box.lo.map((v) => v - 0.5) as Vec3));
  const hi = toImage(toPhys(box.hi.map((v) => v - 0.5) as Vec3));
  const tol = 1e-3;
  for (let a = 0; a < d; a++) {
    if (Math.min(lo[a]!, hi[a]!) < -0.5 - tol || Math.max(lo[a]!, hi[a]!) > image.size[a]! - 0.5 + tol) {
      const at = (v: Vec3) => `[${v.slice(0, d).map((x) => x.toFixed(3)).join(', ')}]`;
      throw new SonomicsError('MASK_MISMATCH', `the ${name}'s ROI in case ${caseId} reaches outside the image (ROI corners at image indices ${at(lo)} to ${at(hi)}, image size ${image.size.slice(0, d).join('×')}): correctMask cannot resample it; check that mask and image belong together.`, { subject: caseId });
    }
  }
}

/**
 * The mask resampled onto `grid` by nearest neighbour, as SimpleITK's ResampleImageFilter with
 * the identity transform: per output row, continuous mask indices at x = 0 and x = size_x,
 * linear in between; inside when −0.5 ≤ c < size − 0.5 on every axis; index ⌊c + 0.5⌋; 0 outside.
 */
export function resampleMaskNearest(mask: Mask, grid: Geometry): Mask {
  const [X, Y, Z] = grid.size;
  const d = grid.size[2] === 1 && mask.size[2] === 1 ? 2 : 3;
  const toPhys = indexToPhysical(grid), toMask = physicalToIndex(mask);
  const [mx, my, mz] = mask.size;
  const out = new Uint8Array(X * Y * Z);
  for (let z = 0; z < Z; z++) {
    for (let y = 0; y < Y; y++) {
      const start = toMask(toPhys([0, y, z]));
      const end = toMask(toPhys([X, y, z]));
      if (d === 2) start[2] = end[2] = 0;
      const row = X * (y + Y * z);
      for (let x = 0; x < X; x++) {
        const alpha = x / X;
        const cx = start[0] + alpha * (end[0] - start[0]);
        const cy = start[1] + alpha * (end[1] - start[1]);
        const cz = start[2] + alpha * (end[2] - start[2]);
        if (!(cx >= -0.5 && cx < mx - 0.5 && cy >= -0.5 && cy < my - 0.5 && cz >= -0.5 && cz < mz - 0.5)) continue;
        out[row + x] = mask.data[Math.floor(cx + 0.5) + mx * (Math.floor(cy + 0.5) + my * Math.floor(cz + 0.5))]! ? 1 : 0;
      }
    }
  }
  return { size: [...grid.size] as Vec3, spacing: [...grid.spacing] as Vec3, origin: [...grid.origin] as Vec3, direction: [...grid.direction] as Mat3, spacingUnit: grid.spacingUnit, data: out };
}
