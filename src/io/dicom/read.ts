/**
 * readDicom: one DICOM image (one frame of it) → an sonomics Image.
 * Pixel pipeline: parse → decode frame (codec) → photometric → grey (BT.601 luma or a channel)
 * → for monochrome images, Modality LUT (RescaleSlope/Intercept, PS3.3 C.11.1).
 * Spacing: PixelSpacing, else ImagerPixelSpacing, else the ultrasound region containing the
 * ROI point, else uncalibrated (pixel units, with a warning).
 */
import { SonomicsError } from '../../core/errors.ts';
import { createImage, type Image, type Vec3 } from '../../image/image.ts';
import { directionMatrix, orientation, position } from './geometry.ts';
import type { DicomDataset } from './dataset.ts';
import { readPalette, type Palette } from './palette.ts';
import { parseDicom, type DicomFile } from './parser.ts';
import { colourToGrey, isColour, type Channel } from './photometric.ts';
import { decodeFrame, frameCount, frameInfo } from './pixels.ts';
import { SEG, T } from './tags.ts';
import { functionalGroupItem } from './functional-groups.ts';
import { chooseRegion, readUsRegions } from './us-regions.ts';
import { loadDicomCodecs } from './codecs/wasm-loader.ts';

export interface ReadDicomOptions {
  /** Frame of a multi-frame file, from 0 (default 0). */
  frame?: number;
  /** Colour → grey: BT.601 luma (default), one channel, or the mean of R, G, B. */
  channel?: Channel;
  /** A point inside the lesion (pixel x, y): picks the ultrasound region whose calibration applies. Default: image centre. */
  roi?: { x: number; y: number };
  /** Name for error messages. */
  name?: string;
}

export function readDicom(bytes: Uint8Array, opts: ReadDicomOptions = {}): Image {
  const file = parseDicom(bytes, opts.name ?? 'DICOM file');
  return imageFromDicom(file, opts);
}

/** readDicom after loading the WebAssembly codecs (JPEG-LS, JPEG 2000). */
export async function readDicomAsync(bytes: Uint8Array, opts: ReadDicomOptions = {}): Promise<Image> {
  await loadDicomCodecs();
  return readDicom(bytes, opts);
}

export function imageFromDicom(file: DicomFile, opts: ReadDicomOptions = {}): Image {
  const ds = file.dataset;
  const info = frameInfo(file);
  const frames = frameCount(file);
  const frame = opts.frame ?? 0;
  const channel = opts.channel ?? 'luma';
  const warnings: string[] = [...file.notes];
  const decoded = decodeFrame(file, frame);

  let palette: Palette | undefined;
  if (decoded.photometric === 'PALETTE COLOR') {
    palette = readPalette(ds, file.name);
    if (info.signed && palette.firstMapped >= 32768) palette.firstMapped -= 65536;
  }
  let data: Float32Array;
  // Enhanced multi-frame objects keep the rescale in functional groups (PS3.3 C.7.6.16.2.9).
  const fg = functionalGroupItem(ds, frame, SEG.PixelValueTransformationSequence);
  const slope = ds.number(T.RescaleSlope) ?? fg?.number(T.RescaleSlope) ?? 1;
  const intercept = ds.number(T.RescaleIntercept) ?? fg?.number(T.RescaleIntercept) ?? 0;
  if (isColour(decoded.photometric)) {
    data = colourToGrey(decoded, palette, info.bitsStored, channel, file.name);
  } else {
    data = Float32Array.from(decoded.samples as ArrayLike<number>);
    if (decoded.photometric === 'MONOCHROME1') {
      const lo = info.signed ? -(2 ** (info.bitsStored - 1)) : 0;
      const hi = info.signed ? 2 ** (info.bitsStored - 1) - 1 : 2 ** info.bitsStored - 1;
      for (let i = 0; i < data.length; i++) data[i] = lo + hi - data[i]!;
    }
    if (slope !== 1 || intercept !== 0) for (let i = 0; i < data.length; i++) data[i] = data[i]! * slope + intercept;
  }

  // Geometry.
  const regions = readUsRegions(ds);
  const roi = opts.roi ?? { x: (info.columns - 1) / 2, y: (info.rows - 1) / 2 };
  let spacingXY: [number, number] | undefined;
  let spacingSource = 'none';
  let regionIndex: number | undefined;
  const measures = functionalGroupItem(ds, frame, SEG.PixelMeasuresSequence);
  const ps = ds.has(T.PixelSpacing) ? ds.numbers(T.PixelSpacing) : (measures?.numbers(T.PixelSpacing) ?? []);
  const ips = ds.numbers(T.ImagerPixelSpacing);
  if (ps.length >= 2 && ps[0]! > 0 && ps[1]! > 0) { spacingXY = [ps[1]!, ps[0]!]; spacingSource = 'PixelSpacing'; }
  else if (ips.length >= 2 && ips[0]! > 0 && ips[1]! > 0) { spacingXY = [ips[1]!, ips[0]!]; spacingSource = 'ImagerPixelSpacing'; }
  else {
    const choice = chooseRegion(regions, roi);
    if (choice) {
      spacingXY = choice.spacing;
      spacingSource = 'SequenceOfUltrasoundRegions';
      regionIndex = choice.index;
      if (!choice.containsRoi) warnings.push(`${file.name}: no calibrated ultrasound region contains the ROI point (${roi.x}, ${roi.y}); used the largest calibrated region #${choice.index}`);
    }
  }
  if (!spacingXY) {
    warnings.push(`${file.name}: no PixelSpacing and no calibrated ultrasound region (units cm): spacing is 1 pixel and every size is in pixels; calibrate before comparing lesions across scanners`);
  }
  const o = orientation(ds) ?? orientationOf(functionalGroupItem(ds, frame, SEG.PlaneOrientationSequence));
  const origin: Vec3 = position(ds) ?? positionOf(functionalGroupItem(ds, frame, SEG.PlanePositionSequence)) ?? [0, 0, 0];
  const z = ds.number(T.SpacingBetweenSlices) ?? ds.number(T.SliceThickness) ?? 1;
  if (data.length !== info.columns * info.rows) {
    // a compressed frame that decodes to another size than Rows × Columns (issue #20: a bare RangeError)
    throw new SonomicsError('CORRUPT_FILE', `${file.name}: the decoded frame has ${data.length} pixels, Rows × Columns = ${info.rows} × ${info.columns} needs ${info.rows * info.columns}; the pixel data or its header is damaged`, { subject: file.name });
  }
  const image = createImage([info.columns, info.rows, 1], [spacingXY?.[0] ?? 1, spacingXY?.[1] ?? 1, z > 0 ? z : 1], data, {
    origin,
    direction: o ? directionMatrix(o.row, o.col, o.normal) : undefined,
    spacingUnit: spacingXY ? 'mm' : 'pixel',
  });

  const lossy = file.syntax.lossy || ds.string(T.LossyImageCompression) === '01';
  if (lossy) warnings.push(`${file.name}: lossy compression (${file.syntax.name}); texture features may be affected`);
  if (frames > 1 && opts.frame === undefined) warnings.push(`${file.name}: ${frames} frames; read frame 0 (choose another with the frame option)`);

  image.spacingSource = spacingSource;
  image.warnings = warnings;
  image.meta = {
    format: 'dicom',
    modality: ds.string(T.Modality),
    manufacturer: ds.string(T.Manufacturer),
    sopClassUid: ds.string(T.SOPClassUID),
    sopInstanceUid: ds.string(T.SOPInstanceUID),
    seriesInstanceUid: ds.string(T.SeriesInstanceUID),
    transferSyntax: file.syntax.uid,
    transferSyntaxName: file.syntax.name,
    photometric: info.photometric,
    decodedPhotometric: decoded.photometric,
    samplesPerPixel: info.samplesPerPixel,
    bitsAllocated: info.bitsAllocated,
    bitsStored: info.bitsStored,
    signed: info.signed,
    frames,
    frame,
    channel: isColour(decoded.photometric) ? channel : undefined,
    rescale: { slope, intercept },
    lossy,
    palette: palette ? { bits: palette.bits, segmented: palette.segmented, entries: palette.red.length } : undefined,
    usRegions: regions,
    usRegionUsed: regionIndex,
  };
  return image;
}

const orientationOf = (item: DicomDataset | undefined) => (item ? orientation(item) : undefined);
const positionOf = (item: DicomDataset | undefined) => (item ? position(item) : undefined);
