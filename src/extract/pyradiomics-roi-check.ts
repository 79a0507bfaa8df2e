/**
 * PyRadiomics' ROI checks (radiomics/imageoperations.checkMask; settings `minimumROIDimensions`,
 * default 2, and `minimumROISize`, default none): the number of axes along which the ROI's box
 * is more than one voxel must be ≥ 1 (a single voxel is always refused) and ≥ minimumROIDimensions;
 * the ROI must hold more than minimumROISize voxels (`roiSize <= minSize` fails). PyRadiomics
 * runs them on the mask after resampling and again on the re-segmented mask; so does sonomics.
 */
import { SonomicsError } from '../core/errors.ts';
import { boundingBox } from '../image/crop.ts';
import type { Mask } from '../image/image.ts';

export interface RoiCheck {
  minimumROIDimensions: number;
  minimumROISize?: number;
}

export function checkRoiLikePyradiomics(mask: Mask, check: RoiCheck, caseId: string, which = 'tumour mask'): void {
  const box = boundingBox([mask]);
  if (!box) throw new SonomicsError('EMPTY_MASK', `the ${which} of case ${caseId} is empty; check the mask file and the label setting.`, { subject: caseId });
  const dims = [0, 1, 2].filter((a) => box.hi[a]! - box.lo[a]! > 1).length;
  if (dims === 0) throw new SonomicsError('SMALL_MASK', `the ${which} of case ${caseId} is a single voxel; PyRadiomics extracts no features from one voxel (check the segmentation).`, { subject: caseId });
  if (dims < check.minimumROIDimensions) {
    throw new SonomicsError('SMALL_MASK', `the ${which} of case ${caseId} extends along ${dims} ${dims > 1 ? 'axes' : 'axis'}, fewer than minimumROIDimensions ${check.minimumROIDimensions}; check the segmentation or lower minimumROIDimensions.`, { subject: caseId });
  }
  if (check.minimumROISize !== undefined) {
    let n = 0;
    for (let i = 0; i < mask.data.length; i++) n += mask.data[i] ? 1 : 0;
    if (n <= check.minimumROISize) {
      throw new SonomicsError('SMALL_MASK', `the ${which} of case ${caseId} has ${n} voxels; PyRadiomics' minimumROISize ${check.minimumROISize} asks for more than that; check the segmentation or lower minimumROISize.`, { subject: caseId });
    }
  }
}
