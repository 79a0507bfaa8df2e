/**
 * What a cohort's images were, as the extraction met them: formats, where the pixel spacing came
 * from (DICOM ultrasound regions, PixelSpacing, none ...), the spacing range and the regions' sizes.
 * The run record (run.json) carries the summary, so a report's methods can say how images were
 * calibrated from what was read rather than from what a config intended.
 */

/** Facts of one case's input, small enough to keep in the case store's index. */
export interface CaseSource {
  /** Reader format (dicom, png, nifti, ...). */
  format: string;
  /** Pixel spacing x, y (and z for volumes) as read. */
  spacing: number[];
  unit: 'mm' | 'pixel';
  /** Where the spacing came from (PixelSpacing, SequenceOfUltrasoundRegions, NIfTI sform, none, ...). */
  spacingSource: string;
  size: number[];
  /** Pixels (voxels) in each region. */
  regionPixels: Record<string, number>;
}

export interface Range { min: number; median: number; max: number }

export interface ImageSourceSummary {
  /** Cases whose source facts were recorded (runs before this record existed have none). */
  cases: number;
  formats: Record<string, number>;
  spacingSources: Record<string, number>;
  units: Record<string, number>;
  /** Pixel spacing per axis (mm, or pixels when uncalibrated). */
  spacing: Range[];
  /** Image size per axis, in pixels. */
  size: Range[];
  regionPixels: Record<string, Range>;
}

function range(values: number[]): Range {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  // The lower-middle value for an even count: an observed value, as the table reports it.
  return { min: s[0]!, median: s[Math.floor((n - 1) / 2)]!, max: s[n - 1]! };
}

function counts(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Summary of the recorded cases (undefined when none was recorded). */
export function summariseSources(sources: CaseSource[]): ImageSourceSummary | undefined {
  if (!sources.length) return undefined;
  const axes = Math.max(...sources.map((s) => s.spacing.length));
  const regions = [...new Set(sources.flatMap((s) => Object.keys(s.regionPixels)))];
  const perAxis = (get: (s: CaseSource) => number[]) => Array.from({ length: axes }, (_, a) => range(sources.map((s) => get(s)[a] ?? 1)));
  return {
    cases: sources.length,
    formats: counts(sources.map((s) => s.format)),
    spacingSources: counts(sources.map((s) => s.spacingSource)),
    units: counts(sources.map((s) => s.unit)),
    spacing: perAxis((s) => s.spacing),
    size: perAxis((s) => s.size),
    regionPixels: Object.fromEntries(regions.map((r) => [r, range(sources.flatMap((s) => (s.regionPixels[r] === undefined ? [] : [s.regionPixels[r]!])))])),
  };
}
