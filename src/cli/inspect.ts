/**
 * `sonomics inspect FILE...`: what a reader makes of each file — format, size, spacing and
 * where it came from, frames, photometric interpretation, ultrasound regions, warnings.
 * `--json` prints one JSON object per file (one per line). A file that cannot be read is
 * reported (with its error code) and the others still are; the exit code is then 2.
 */
import { wholeNumber } from './numbers.ts';
import type { Command } from 'commander';
import { SonomicsError } from '../core/errors.ts';
import type { Image } from '../image/image.ts';
import { CHANNELS, type Channel } from '../io/raster.ts';
import { readImageFileAsync, readMaskFile } from '../node/read.ts';
import { checkMask } from '../roi/checks.ts';

export interface InspectRecord {
  file: string;
  format: string;
  size: number[];
  /** Spacing in mm; null when the file has no physical calibration (pixel units). */
  spacing: number[] | null;
  spacing_unit: 'mm' | 'pixel';
  spacing_source: string;
  origin: number[];
  direction: number[];
  frames: number | null;
  photometric: string | null;
  bit_depth: number | null;
  us_regions: unknown[] | null;
  warnings: string[];
  meta: Record<string, unknown>;
  /** With --mask: what checkMask says about the mask on this image. */
  mask?: MaskReport;
}

export interface MaskReport {
  file: string;
  voxels?: number;
  components?: number[];
  touches_border?: boolean;
  warnings?: string[];
  error?: { code: string; message: string };
}

/** Read a mask and check it against the image, as extraction would (all components kept). */
export function maskReport(file: string, image: Image, label?: number): MaskReport {
  try {
    const mask = readMaskFile(file, { label });
    const r = checkMask(image, mask, { caseId: file });
    return { file, voxels: r.voxels, components: r.componentSizes, touches_border: r.touchesBorder, warnings: r.warnings };
  } catch (err) {
    if (!(err instanceof SonomicsError)) throw err;
    return { file, error: { code: err.code, message: err.message } };
  }
}

export function inspectRecord(file: string, img: Image): InspectRecord {
  const meta = img.meta ?? {};
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    file,
    format: String(meta.format ?? 'unknown'),
    size: [...img.size],
    spacing: img.spacingUnit === 'mm' ? [...img.spacing] : null,
    spacing_unit: img.spacingUnit,
    spacing_source: img.spacingSource ?? 'unknown',
    origin: [...img.origin],
    direction: [...img.direction],
    frames: num(meta.frames),
    photometric: typeof meta.photometric === 'string' ? meta.photometric : null,
    bit_depth: num(meta.bitDepth ?? meta.bitsStored),
    us_regions: Array.isArray(meta.usRegions) ? meta.usRegions : null,
    warnings: img.warnings ?? [],
    meta,
  };
}

const fmt = (v: number) => String(+v.toPrecision(6));

export function describeRecord(r: InspectRecord): string {
  const lines = [r.file];
  const row = (k: string, v: string) => lines.push(`  ${k.padEnd(12)} ${v}`);
  const syntax = typeof r.meta.transferSyntaxName === 'string' ? ` (${r.meta.transferSyntaxName})` : '';
  row('format', r.format + syntax);
  const dims = r.size[2] === 1 ? 2 : 3;
  row('size', r.size.slice(0, dims).join(' × '));
  row('spacing', r.spacing ? `${r.spacing.slice(0, dims).map(fmt).join(' × ')} mm (from ${r.spacing_source})` : `uncalibrated: pixel units (${r.spacing_source})`);
  if (r.frames !== null) row('frames', String(r.frames));
  if (r.photometric) row('photometric', r.photometric + (r.bit_depth ? `, ${r.bit_depth}-bit` : ''));
  if (typeof r.meta.modality === 'string') row('modality', r.meta.modality + (typeof r.meta.manufacturer === 'string' ? ` (${r.meta.manufacturer})` : ''));
  if (r.us_regions) {
    row('us regions', String(r.us_regions.length) + (typeof r.meta.usRegionUsed === 'number' ? `, calibration from region ${r.meta.usRegionUsed}` : ''));
    r.us_regions.forEach((reg, k) => {
      const g = reg as Record<string, number>;
      lines.push(`    #${k} [${g.x0},${g.y0}]–[${g.x1},${g.y1}] delta ${fmt(g.deltaX ?? 0)} × ${fmt(g.deltaY ?? 0)} units ${g.unitsX}/${g.unitsY} (3 = cm)`);
    });
  }
  for (const w of r.warnings) row('warning', w);
  if (r.mask) {
    const m = r.mask;
    if (m.error) row('mask', `${m.file}: ${m.error.message} [${m.error.code}]`);
    else {
      row('mask', `${m.file}: ${m.voxels} voxels, ${m.components!.length} component${m.components!.length === 1 ? '' : 's'}${m.touches_border ? ', touches the border' : ''}`);
      for (const w of m.warnings ?? []) row('mask warning', w);
    }
  }
  return lines.join('\n');
}

export function addInspectCommand(program: Command): void {
  program
    .command('inspect')
    .description('show what sonomics reads from image and mask files: format, size, spacing and its source, frames, photometric, ultrasound regions')
    .argument('<files...>', 'image or mask files (PNG, JPEG, BMP, TIFF, NRRD, NIfTI, DICOM)')
    .option('--json', 'one JSON object per file, one per line')
    .option('--frame <n>', 'frame of a multi-frame DICOM (from 0)', wholeNumber(0, 1_000_000))
    .option('--channel <c>', `colour to grey: ${CHANNELS.join(', ')}`, 'luma')
    .option('--mask <file>', 'also read this mask and check it against the (single) image: size, spacing, voxels, components, border')
    .option('--label <n>', 'with --mask: keep only this label value', wholeNumber(0, 65535))
    .action(async (files: string[], o: { json?: boolean; frame?: string; channel: string; mask?: string; label?: string }) => {
      if (!CHANNELS.includes(o.channel as Channel)) throw new SonomicsError('BAD_INPUT', `--channel must be one of ${CHANNELS.join(', ')}, got '${o.channel}'`);
      if (o.mask && files.length !== 1) throw new SonomicsError('BAD_INPUT', `--mask checks one image; got ${files.length} files`);
      let failed = 0;
      for (const file of files) {
        try {
          const img = await readImageFileAsync(file, { frame: o.frame === undefined ? undefined : Number(o.frame), channel: o.channel as Channel });
          const rec = inspectRecord(file, img);
          if (o.mask) rec.mask = maskReport(o.mask, img, o.label === undefined ? undefined : Number(o.label));
          console.log(o.json ? JSON.stringify(rec) : describeRecord(rec));
        } catch (err) {
          if (!(err instanceof SonomicsError)) throw err;
          failed++;
          if (o.json) console.log(JSON.stringify({ file, error: { code: err.code, message: err.message } }));
          else console.error(`sonomics: ${err.message} [${err.code}]`);
        }
      }
      if (failed) process.exitCode = 2;
    });
}
