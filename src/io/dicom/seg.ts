/**
 * DICOM Segmentation (PS3.3 A.51 / C.8.20) → binary mask on a reference image grid.
 * Each frame is one plane of one segment; its segment comes from the per-frame
 * SegmentIdentificationSequence and its place from PlanePositionSequence
 * (ImagePositionPatient), mapped to the reference's slice index by the inverse of the
 * reference's index→patient transform. Frames must share the reference's in-plane grid
 * (rows, columns, orientation, spacing, first-pixel position) — the usual case for a SEG
 * made on that series; otherwise we refuse rather than resample. BINARY frames are 1-bit;
 * FRACTIONAL frames (8-bit) count as inside when ≥ half their maximum.
 */
import { SonomicsError } from '../../core/errors.ts';
import { createMask, type Image, type Mask } from '../../image/image.ts';
import type { DicomDataset } from './dataset.ts';
import { parseDicom } from './parser.ts';
import { decodeFrame, frameCount } from './pixels.ts';
import { SEG, T } from './tags.ts';
import { indexTransform } from './rtstruct.ts';

export interface SegSegment { number: number; label: string }

function first(ds: DicomDataset | undefined, seqTag: number): DicomDataset | undefined {
  return ds?.sequence(seqTag)[0];
}

export function segSegments(segBytes: Uint8Array, name = 'DICOM SEG'): SegSegment[] {
  const ds = parseDicom(segBytes, name).dataset;
  return ds.sequence(SEG.SegmentSequence).map((s) => ({ number: s.number(SEG.SegmentNumber) ?? -1, label: s.string(SEG.SegmentLabel) ?? '' }));
}

/** One segment (by number or label; default: the only one) of a DICOM SEG as a mask on `reference`. */
export function segToMask(segBytes: Uint8Array, reference: Image, segment?: number | string, name = 'DICOM SEG'): Mask {
  const file = parseDicom(segBytes, name);
  const ds = file.dataset;
  const segments = ds.sequence(SEG.SegmentSequence).map((s) => ({ number: s.number(SEG.SegmentNumber) ?? -1, label: s.string(SEG.SegmentLabel) ?? '' }));
  const list = segments.map((s) => `${s.number} "${s.label}"`).join(', ');
  let chosen: SegSegment | undefined;
  if (segment === undefined) {
    if (segments.length !== 1) throw new SonomicsError('BAD_INPUT', `${name}: ${segments.length} segments (${list}); say which one`);
    chosen = segments[0];
  } else {
    chosen = segments.find((s) => s.number === segment || s.label === segment || (typeof segment === 'string' && s.label.toLowerCase() === segment.toLowerCase()));
    if (!chosen) throw new SonomicsError('BAD_INPUT', `${name}: no segment ${JSON.stringify(segment)} (available: ${list || 'none'})`);
  }
  const [nx, ny, nz] = reference.size;
  const rows = ds.number(T.Rows), cols = ds.number(T.Columns);
  if (rows !== ny || cols !== nx) {
    throw new SonomicsError('MASK_MISMATCH', `${name}: frames are ${cols}×${rows}, the reference image is ${nx}×${ny}; resample the SEG onto the image grid first`);
  }
  const fractional = ds.string(SEG.SegmentationType) === 'FRACTIONAL';
  const shared = first(ds, SEG.SharedFunctionalGroupsSequence);
  const perFrame = ds.sequence(SEG.PerFrameFunctionalGroupsSequence);
  const frames = frameCount(file);
  const toIndex = indexTransform(reference);
  const mask = createMask(reference.size, reference.spacing, undefined, reference);
  let used = 0;
  for (let f = 0; f < frames; f++) {
    const groups = perFrame[f];
    const segNo = first(groups, SEG.SegmentIdentificationSequence)?.number(SEG.ReferencedSegmentNumber)
      ?? first(shared, SEG.SegmentIdentificationSequence)?.number(SEG.ReferencedSegmentNumber);
    if (segNo !== chosen!.number) continue;
    const posItem = first(groups, SEG.PlanePositionSequence) ?? first(shared, SEG.PlanePositionSequence);
    const p = posItem?.numbers(T.ImagePositionPatient) ?? [];
    if (p.length !== 3) throw new SonomicsError('CORRUPT_FILE', `${name}: frame ${f + 1} has no ImagePositionPatient`);
    const [i0, j0, kf] = toIndex(p[0]!, p[1]!, p[2]!);
    const k = Math.round(kf);
    if (Math.abs(i0) > 0.05 || Math.abs(j0) > 0.05 || Math.abs(kf - k) > 0.05) {
      throw new SonomicsError('MASK_MISMATCH', `${name}: frame ${f + 1} does not lie on a slice of the reference image (index ${i0.toFixed(2)}, ${j0.toFixed(2)}, ${kf.toFixed(2)}); is it the right series?`);
    }
    if (k < 0 || k >= nz) continue;
    const d = decodeFrame(file, f).samples;
    let threshold = 0.5;
    if (fractional) {
      const max = ds.number(SEG.MaximumFractionalValue) ?? 255;
      threshold = max / 2;
    }
    const base = k * nx * ny;
    for (let i = 0; i < nx * ny; i++) if (d[i]! >= threshold) mask.data[base + i] = 1;
    used++;
  }
  if (used === 0) throw new SonomicsError('EMPTY_MASK', `${name}: segment ${chosen!.number} "${chosen!.label}" has no frame on the reference image`);
  return mask;
}
