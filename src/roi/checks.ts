/**
 * Mask checks before extraction, with errors that name the case and say what to do:
 * size / spacing mismatch (MASK_MISMATCH), empty mask (EMPTY_MASK), too few pixels (SMALL_MASK);
 * warnings for a mask touching the image border and for several disconnected components
 * (keep all, or only the largest).
 */
import { SonomicsError } from '../core/errors.ts';
import { createMask, maskCount, type Geometry, type Mask } from '../image/image.ts';
import { labelComponents } from '../image/components.ts';
import type { Connectivity } from '../image/morphology.ts';
import { sameGrid } from './grid.ts';

export interface MaskCheckOptions {
  caseId: string;
  /** Fewer inside voxels than this is SMALL_MASK (default 1: only empty masks fail). */
  minPixels?: number;
  /** Several disconnected components: keep 'all' (default) or only the 'largest'. */
  components?: 'all' | 'largest';
  /** Connectivity for components (default 'full': 8 in 2D, 26 in 3D, as outlines are drawn). */
  connectivity?: Connectivity;
  /** Relative spacing difference tolerated between image and mask (default 1e-3). */
  spacingTolerance?: number;
  /** What to call the mask in messages (default 'mask'). */
  maskName?: string;
}

export interface MaskCheckResult {
  /** The mask to use: on the image's geometry, reduced to its largest component if asked. */
  mask: Mask;
  warnings: string[];
  /** Inside voxels of the returned mask. */
  voxels: number;
  /** Voxel counts of the components found (largest first), before any selection. */
  componentSizes: number[];
  touchesBorder: boolean;
}

const fmtSpacing = (g: Geometry) => (g.size[2] === 1 ? g.spacing.slice(0, 2) : g.spacing).map((s) => +s.toPrecision(6)).join('×');

export function checkMask(image: Geometry, mask: Mask, opts: MaskCheckOptions): MaskCheckResult {
  const { caseId } = opts;
  const name = opts.maskName ?? 'mask';
  const minPixels = opts.minPixels ?? 1;
  const tol = opts.spacingTolerance ?? 1e-3;
  sameGrid(mask, image, name, 'image', caseId);
  // Spacing is compared only when both carry a physical calibration; a raster mask (pixel
  // units) simply takes the image's geometry.
  if (mask.spacingUnit === 'mm' && image.spacingUnit === 'mm' &&
      mask.spacing.some((s, k) => Math.abs(s - image.spacing[k]!) > tol * Math.max(Math.abs(s), Math.abs(image.spacing[k]!)))) {
    throw new SonomicsError('MASK_MISMATCH',
      `${name} spacing ${fmtSpacing(mask)} mm does not match image spacing ${fmtSpacing(image)} mm in case ${caseId}; resample the mask onto the image grid`,
      { subject: caseId });
  }
  const warnings: string[] = [];
  if (mask.spacingUnit === 'mm' && image.spacingUnit === 'mm') {
    const maxShift = Math.max(...mask.origin.map((o, k) => Math.abs(o - image.origin[k]!) / (image.spacing[k] || 1)));
    if (maxShift > 0.5) warnings.push(`${name} origin differs from the image origin by ${maxShift.toFixed(1)} voxels in case ${caseId}; check that the mask belongs to this image`);
  }
  if (image.spacingUnit === 'pixel' && mask.spacingUnit === 'mm') {
    warnings.push(`image is uncalibrated but ${name} has spacing ${fmtSpacing(mask)} mm in case ${caseId}; the image's pixel units are used (give the image a spacing to work in mm)`);
  }
  let data = mask.data;
  const total = maskCount(mask);
  if (total === 0) {
    throw new SonomicsError('EMPTY_MASK', `${name} is empty in case ${caseId} (no inside voxels; check the label value and that the right mask file is listed)`, { subject: caseId });
  }
  // Scan-order labels are enough here: sizes are sorted below, and the largest (first found on
  // ties, as connectedComponents numbers them) is picked by its scan label.
  const { raw, sizes: found } = labelComponents(mask.data, mask.size, opts.connectivity ?? 'full');
  const sizes = [...found].sort((a, b) => b - a); // stable: ties keep scan order
  if (sizes.length > 1) {
    const keep = opts.components ?? 'all';
    const shown = sizes.slice(0, 5).join(', ') + (sizes.length > 5 ? ', …' : '');
    warnings.push(`${name} has ${sizes.length} disconnected components in case ${caseId} (voxels: ${shown}); keeping ${keep === 'largest' ? 'the largest' : 'all'}`);
    if (keep === 'largest') {
      const largest = found.indexOf(sizes[0]!) + 1;
      data = new Uint8Array(raw.length);
      for (let i = 0; i < data.length; i++) data[i] = raw[i] === largest ? 1 : 0;
    }
  }
  const voxels = data === mask.data ? total : sizes[0]!;
  if (voxels < minPixels) {
    throw new SonomicsError('SMALL_MASK', `${name} has ${voxels} voxels in case ${caseId}, fewer than the minimum ${minPixels}; check the segmentation or lower minPixels`, { subject: caseId });
  }
  const touchesBorder = touches(data, mask.size);
  if (touchesBorder) warnings.push(`${name} touches the image border in case ${caseId}: the lesion may be cut off by the field of view`);
  const out = createMask(image.size, image.spacing, data === mask.data ? data.slice() : data, image);
  return { mask: out, warnings, voxels, componentSizes: sizes, touchesBorder };
}

/** Any inside voxel on the grid's outer faces (x or y edge of every slice; first/last slice in 3D). */
function touches(data: Uint8Array, size: Geometry['size']): boolean {
  const [X, Y, Z] = size;
  for (let z = 0; z < Z; z++) {
    const slice = X * Y * z;
    if (Z > 1 && (z === 0 || z === Z - 1)) {
      for (let i = 0; i < X * Y; i++) if (data[slice + i]) return true;
      continue;
    }
    for (let x = 0; x < X; x++) if (data[slice + x] || data[slice + X * (Y - 1) + x]) return true;
    for (let y = 0; y < Y; y++) if (data[slice + X * y] || data[slice + X * y + X - 1]) return true;
  }
  return false;
}

