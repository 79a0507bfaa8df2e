/**
 * An enhanced multi-frame object (Enhanced CT/MR, PS3.3 C.7.6.16) → one volume: each frame's
 * PlanePositionSequence gives its place; frames are stacked like a series (stackSlices).
 * A multi-frame file without frame positions (an ultrasound cine) is not a volume: read its
 * frames one by one with readDicom's `frame` option.
 */
import { SonomicsError } from '../../core/errors.ts';
import type { Image, Vec3 } from '../../image/image.ts';
import { functionalGroupItem } from './functional-groups.ts';
import { dot, orientation, position } from './geometry.ts';
import { parseDicom } from './parser.ts';
import { frameCount } from './pixels.ts';
import { imageFromDicom, type ReadDicomOptions } from './read.ts';
import { stackSlices } from './series.ts';
import { SEG, T } from './tags.ts';

export function readDicomVolume(bytes: Uint8Array, opts: Pick<ReadDicomOptions, 'channel' | 'name'> = {}): Image {
  const file = parseDicom(bytes, opts.name ?? 'DICOM file');
  const ds = file.dataset;
  const frames = frameCount(file);
  if (frames === 1) return imageFromDicom(file, opts);
  const orientItem = functionalGroupItem(ds, 0, SEG.PlaneOrientationSequence);
  const o = orientation(ds) ?? (orientItem ? orientation(orientItem) : undefined);
  const positions: Vec3[] = [];
  for (let f = 0; f < frames; f++) {
    const item = functionalGroupItem(ds, f, SEG.PlanePositionSequence);
    const p = item ? position(item) : undefined;
    if (!p || !o) {
      throw new SonomicsError('BAD_INPUT', `${file.name}: ${frames} frames without plane positions/orientation (a cine loop, not a volume); read one frame with the frame option`);
    }
    positions.push(p);
  }
  const slices = positions.map((p, f) => ({ name: `${file.name} frame ${f}`, position: p, d: dot(p, o!.normal), read: () => imageFromDicom(file, { channel: opts.channel, frame: f }) }));
  const thickness = functionalGroupItem(ds, 0, SEG.PixelMeasuresSequence)?.number(T.SliceThickness) ?? 1;
  const volume = stackSlices(slices, o, thickness, file.name, 'the frames hold several acquisitions or time points (split them first)');
  volume.warnings = (volume.warnings ?? []).filter((w) => !w.includes('frames; read frame 0'));
  return volume;
}
