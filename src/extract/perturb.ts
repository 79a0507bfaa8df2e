/**
 * Mask perturbations for feature-robustness studies (Zwanenburg et al., Sci Rep 2019: features that
 * change little when the contour changes a little are the ones worth modelling). Each perturbation
 * has a stable name that becomes the "reader" in the robustness long table.
 */
import { SonomicsError } from '../core/errors.ts';
import { createMask, type Mask } from '../image/image.ts';
import { dilateVoxels, erodeVoxels } from '../image/morphology.ts';

export const PERTURBATIONS = ['erode1', 'dilate1', 'shift+x', 'shift-x', 'shift+y', 'shift-y'] as const;
export type Perturbation = (typeof PERTURBATIONS)[number] | 'reader2';

export function perturbMask(mask: Mask, p: Perturbation): Mask {
  switch (p) {
    case 'erode1': return erodeVoxels(mask, 1, 'face');
    case 'dilate1': return dilateVoxels(mask, 1, 'face');
    case 'shift+x': return shift(mask, 1, 0);
    case 'shift-x': return shift(mask, -1, 0);
    case 'shift+y': return shift(mask, 0, 1);
    case 'shift-y': return shift(mask, 0, -1);
    default: throw new SonomicsError('BAD_SETTINGS', `unknown mask perturbation '${p}'; use ${PERTURBATIONS.join(', ')}`);
  }
}

/** Translate a mask by whole pixels in-plane; voxels moved off the grid are dropped. */
function shift(mask: Mask, dx: number, dy: number): Mask {
  const [X, Y, Z] = mask.size;
  const out = new Uint8Array(mask.data.length);
  for (let z = 0; z < Z; z++) for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++) {
    const i = x + X * (y + Y * z);
    if (!mask.data[i]) continue;
    const nx = x + dx, ny = y + dy;
    if (nx >= 0 && ny >= 0 && nx < X && ny < Y) out[nx + X * (ny + Y * z)] = 1;
  }
  return createMask(mask.size, mask.spacing, out, mask);
}

/** Parse `--perturb` text: 'all', or a comma list of perturbation names (and/or 'reader2'). */
export function parsePerturbations(text: string): Perturbation[] {
  if (text.trim() === 'all') return [...PERTURBATIONS];
  const list = text.split(',').map((s) => s.trim()).filter(Boolean) as Perturbation[];
  for (const p of list) {
    if (p !== 'reader2' && !(PERTURBATIONS as readonly string[]).includes(p)) {
      throw new SonomicsError('BAD_SETTINGS', `--perturb: unknown perturbation '${p}'; use all, reader2 or any of ${PERTURBATIONS.join(', ')}`);
    }
  }
  return list;
}
