/** Same-grid check for two masks / images that are combined voxel by voxel. */
import { SonomicsError } from '../core/errors.ts';
import type { Geometry } from '../image/image.ts';

export const fmtSize = (g: Geometry) => (g.size[2] === 1 ? `${g.size[0]}×${g.size[1]}` : g.size.join('×'));

export function sameGrid(a: Geometry, b: Geometry, aName: string, bName: string, caseId?: string): void {
  const where = caseId ? ` in case ${caseId}` : '';
  if (a.size.some((s, k) => s !== b.size[k])) {
    throw new SonomicsError('MASK_MISMATCH', `${aName} ${fmtSize(a)} does not match ${bName} ${fmtSize(b)}${where}`, { subject: caseId });
  }
}
