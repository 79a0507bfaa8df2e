/**
 * A series of single-frame slices (CT, MR, PET) → one volume. Slices are ordered by their
 * ImagePositionPatient projected on the slice normal (row × column cosines; PS3.3 C.7.6.2.1.1),
 * which, unlike InstanceNumber, is always geometric. The z spacing is the median distance
 * between consecutive projected positions (SliceThickness is not a spacing).
 */
import { SonomicsError } from '../../core/errors.ts';
import { createImage, type Image, type Vec3 } from '../../image/image.ts';
import { directionMatrix, dot, orientation, position } from './geometry.ts';
import { parseDicom, type DicomFile } from './parser.ts';
import { imageFromDicom, type ReadDicomOptions } from './read.ts';
import { T } from './tags.ts';

export interface ReadSeriesOptions extends Pick<ReadDicomOptions, 'channel'> {
  /** Names of the files (same order as the bytes), for error messages. */
  names?: string[];
  /** Keep only this SeriesInstanceUID when the files hold several series. */
  seriesInstanceUid?: string;
}

export function readDicomSeries(files: Uint8Array[], opts: ReadSeriesOptions = {}): Image {
  if (files.length === 0) throw new SonomicsError('BAD_INPUT', 'DICOM series: no files given');
  let parsed: DicomFile[] = files.map((b, i) => parseDicom(b, opts.names?.[i] ?? `slice file #${i + 1}`))
    .filter((f) => f.dataset.has(T.PixelData) && f.dataset.has(T.Rows));
  if (parsed.length === 0) throw new SonomicsError('BAD_INPUT', 'DICOM series: none of the files holds an image');
  const uids = new Set(parsed.map((f) => f.dataset.string(T.SeriesInstanceUID) ?? ''));
  if (opts.seriesInstanceUid) parsed = parsed.filter((f) => f.dataset.string(T.SeriesInstanceUID) === opts.seriesInstanceUid);
  else if (uids.size > 1) {
    throw new SonomicsError('BAD_INPUT', `DICOM series: the files belong to ${uids.size} series (${[...uids].join(', ')}); put each series in its own folder or pass seriesInstanceUid`);
  }
  if (parsed.length === 0) throw new SonomicsError('BAD_INPUT', `DICOM series: no slice has SeriesInstanceUID ${opts.seriesInstanceUid}`);

  const first = parsed[0]!;
  const o = orientation(first.dataset);
  if (parsed.length > 1 && !o) throw new SonomicsError('CORRUPT_FILE', `${first.name}: ImageOrientationPatient missing; slices cannot be ordered`);
  const normal: Vec3 = o?.normal ?? [0, 0, 1];
  const slices = parsed.map((f) => {
    const p = position(f.dataset);
    if (!p && parsed.length > 1) throw new SonomicsError('CORRUPT_FILE', `${f.name}: ImagePositionPatient missing; slices cannot be ordered`);
    const fo = orientation(f.dataset);
    if (o && fo && Math.abs(dot(fo.row, o.row) - 1) + Math.abs(dot(fo.col, o.col) - 1) > 1e-3) {
      throw new SonomicsError('BAD_INPUT', `${f.name}: orientation differs from ${first.name}; the files are not one stack of parallel slices`);
    }
    return { name: f.name, position: p ?? ([0, 0, 0] as Vec3), d: p ? dot(p, normal) : 0, read: () => imageFromDicom(f, { channel: opts.channel }) };
  });
  const fallbackDz = first.dataset.number(T.SpacingBetweenSlices) ?? first.dataset.number(T.SliceThickness) ?? 1;
  const volume = stackSlices(slices, o, fallbackDz, 'DICOM series', 'the folder mixes acquisitions (split it by series or echo)');
  volume.meta = { ...volume.meta, sopInstanceUids: volume.meta?.sliceSopInstanceUids };
  return volume;
}

export interface SliceSource {
  name: string;
  position: Vec3;
  /** Position projected on the slice normal (mm). */
  d: number;
  read: () => Image;
}

/** Sort slices by position along the normal and stack them; z spacing = median gap. */
export function stackSlices(input: SliceSource[], o: ReturnType<typeof orientation>, fallbackDz: number, label: string, duplicateHint: string): Image {
  const slices = [...input].sort((a, b) => a.d - b.d);
  const gaps: number[] = [];
  for (let k = 1; k < slices.length; k++) gaps.push(slices[k]!.d - slices[k - 1]!.d);
  const warnings: string[] = [];
  if (gaps.some((g) => g < 1e-4)) {
    const k = gaps.findIndex((g) => g < 1e-4);
    throw new SonomicsError('BAD_INPUT', `${label}: ${slices[k]!.name} and ${slices[k + 1]!.name} are at the same position; ${duplicateHint}`);
  }
  const sorted = [...gaps].sort((a, b) => a - b);
  const dz = sorted.length ? sorted[sorted.length >> 1]! : fallbackDz;
  if (gaps.some((g) => Math.abs(g - dz) > 0.01 * dz)) {
    warnings.push(`${label}: slice gaps vary from ${sorted[0]!.toFixed(3)} to ${sorted[sorted.length - 1]!.toFixed(3)} mm; the volume uses the median ${dz.toFixed(3)} mm (resample if this matters)`);
  }
  const images = slices.map((s) => s.read());
  const [nx, ny] = images[0]!.size;
  const data = new Float32Array(nx * ny * images.length);
  images.forEach((img, k) => {
    if (img.size[0] !== nx || img.size[1] !== ny) throw new SonomicsError('BAD_INPUT', `${slices[k]!.name}: ${img.size[0]}×${img.size[1]} pixels, other slices are ${nx}×${ny}`);
    data.set(img.data, k * nx * ny);
  });
  const i0 = images[0]!;
  const volume = createImage([nx, ny, images.length], [i0.spacing[0], i0.spacing[1], dz], data, {
    origin: slices[0]!.position,
    direction: o ? directionMatrix(o.row, o.col, o.normal) : undefined,
    spacingUnit: i0.spacingUnit,
  });
  volume.spacingSource = `${i0.spacingSource}; slice positions`;
  volume.warnings = [...new Set([...warnings, ...images.flatMap((im) => im.warnings ?? [])])];
  volume.meta = { ...i0.meta, slices: images.length, sliceSopInstanceUids: images.map((im) => im.meta?.sopInstanceUid) };
  return volume;
}
