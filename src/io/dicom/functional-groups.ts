/**
 * Multi-frame functional groups (PS3.3 C.7.6.16): a macro (e.g. Plane Position) is found in
 * the frame's item of the Per-Frame Functional Groups Sequence, else in the Shared Functional
 * Groups Sequence.
 */
import type { DicomDataset } from './dataset.ts';
import { SEG } from './tags.ts';

/** The first item of macro sequence `macro` for `frame` (per-frame first, then shared). */
export function functionalGroupItem(ds: DicomDataset, frame: number, macro: number): DicomDataset | undefined {
  const perFrame = ds.sequence(SEG.PerFrameFunctionalGroupsSequence)[frame];
  const own = perFrame?.sequence(macro)[0];
  if (own) return own;
  return ds.sequence(SEG.SharedFunctionalGroupsSequence)[0]?.sequence(macro)[0];
}
