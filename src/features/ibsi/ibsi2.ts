/**
 * IBSI 2 compliance harness (browser-safe: takes images and reference text, returns rows), beside
 * the IBSI 1 harness (compliance.ts); src/node/ibsi2.ts only reads the shared files.
 *
 * Phase 1: each standardised filter test is run on its digital phantom and compared with the
 * consensus response map; a test passes when every voxel differs from the reference by at most
 * 1 % of the reference map's intensity range (IBSI 2 reference data README).
 * Phase 2: the 2D configurations (A) are applied to the IBSI CT phantom slice by slice (no
 * interpolation) and the 18 intensity-statistics features of the filtered image are computed in
 * the GTV mask re-segmented to [−1000, 400] HU on the *unfiltered* image; each value passes when
 * |value − reference| ≤ tolerance.
 */
import { SonomicsError } from '../../core/errors.ts';
import { createImage, type Image, type Vec3 } from '../../image/image.ts';
import { filterData } from '../../filters/apply.ts';
import { filterName } from '../../filters/spec.ts';
import { IBSI2_PHASE2_2D, IBSI2_PHASE2_3D, type Phase1Config, type Phase2Config } from '../../filters/ibsi2-configs.ts';
import { parseCsvRecords } from '../../tables/csv.ts';
import { boxSize, cropData, growBox, maskBox, type Box } from '../preprocess/grid.ts';
import { axisMaps, resampleWindow, targetWindow } from '../preprocess/resample.ts';
import { descriptive } from '../stats-util.ts';

/** IBSI 2 phase-2 tags of the 18 intensity statistics, mapped to the feature engine's names. */
const STAT_TAGS = {
  stat_mean: 'mean', stat_var: 'variance', stat_skew: 'skewness', stat_kurt: 'kurtosis', stat_median: 'median',
  stat_min: 'minimum', stat_p10: 'p10', stat_p90: 'p90', stat_max: 'maximum', stat_iqr: 'interquartile_range',
  stat_range: 'range', stat_mad: 'mean_absolute_deviation', stat_rmad: 'robust_mean_absolute_deviation',
  stat_medad: 'median_absolute_deviation', stat_cov: 'coefficient_of_variation',
  stat_qcod: 'quartile_coefficient_of_dispersion', stat_energy: 'energy', stat_rms: 'root_mean_square',
} as const;
export const INTENSITY_STATISTICS = Object.keys(STAT_TAGS) as Array<keyof typeof STAT_TAGS>;

/** The 18 IBSI intensity statistics of a value list under their IBSI 2 tags (stat_mean, ...). */
export function intensityStatistics(values: Float64Array): Record<keyof typeof STAT_TAGS, number> {
  const d = descriptive(values);
  return Object.fromEntries(INTENSITY_STATISTICS.map((tag) => [tag, d[STAT_TAGS[tag]]!])) as Record<keyof typeof STAT_TAGS, number>;
}

export interface Phase1Row {
  test: string;
  max_abs_diff: number;
  range: number;
  pass: boolean;
}

export interface Phase2Row {
  /** IBSI 2 phase-2 configuration id, e.g. "3.A". */
  config: string;
  /** Feature family (always intensity statistics in IBSI 2 phase 2). */
  family: 'stat';
  /** The filtered image's name as used in feature names. */
  filter: string;
  /** IBSI tag, e.g. "stat_mean". */
  feature: string;
  value: number;
  reference: number;
  tolerance: number;
  pass: boolean;
}

export interface Ibsi2Result {
  phase1: Phase1Row[];
  phase1Skipped: { test: string; reason: string }[];
  phase2: Phase2Row[];
  /** Phase-2 configurations not run (the 3D "B" ones unless requested). */
  phase2Skipped: { config: string; reason: string }[];
}

/** Phase 1: one test's filter response on its phantom against the consensus response map. */
export function phase1Row(c: Phase1Config, img: Image, ref: Image): Phase1Row {
  const out = filterData(img, c.spec);
  let lo = Infinity, hi = -Infinity, maxDiff = 0;
  for (let i = 0; i < out.length; i++) {
    const r = ref.data[i]!;
    if (r < lo) lo = r;
    if (r > hi) hi = r;
    const d = Math.abs(out[i]! - r);
    if (d > maxDiff) maxDiff = d;
  }
  const range = hi - lo;
  return { test: c.test, max_abs_diff: maxDiff, range, pass: maxDiff <= 0.01 * range };
}

/** The CT phantom restricted to the slices holding the GTV (2D filters act per slice, so this is exact). */
export interface CtPhantom { image: Image; mask: Uint8Array }

/** The CT phantom (image, mask) cut to the GTV's slices, intensities rounded; `source` names the mask in errors. */
export function ctPhantomSlices(image: Image, mask: Image, source = 'mask'): CtPhantom {
  const [X, Y, Z] = image.size;
  const n = X * Y;
  let z0 = Z, z1 = -1;
  for (let z = 0; z < Z; z++) {
    for (let i = 0; i < n; i++) if (mask.data[z * n + i]! > 0.5) { z0 = Math.min(z0, z); z1 = Math.max(z1, z); break; }
  }
  if (z1 < 0) throw new SonomicsError('EMPTY_MASK', `IBSI CT phantom mask ${source} is empty`);
  const nz = z1 - z0 + 1;
  // IBSI: intensities are rounded to the nearest integer before processing (CT phantom notes).
  const data = new Float32Array(n * nz);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(image.data[z0 * n + i]!);
  const m = new Uint8Array(n * nz);
  for (let i = 0; i < m.length; i++) m[i] = mask.data[z0 * n + i]! > 0.5 ? 1 : 0;
  const sub: Image = { ...image, size: [X, Y, nz], data, origin: [...image.origin] };
  return { image: sub, mask: m };
}

/**
 * The CT phantom for the 3D configurations (B): resampled to 1 mm isotropic voxels (cubic
 * B-spline for the image, linear + threshold 0.5 for the mask; grid centres aligned, IBSI 1
 * §2.4 — the features module's resampler; intensities rounded to whole HU), in a window around the GTV with a margin wider than
 * any filter's support (so the ROI's filtered values equal those on the full image).
 */
export function ctPhantom1mm(image: Image, maskImg: Image, marginMm = 24, source = 'mask'): CtPhantom {
  // marginMm = Infinity gives the whole resampled grid. The image's intensities are rounded in place.
  for (let i = 0; i < image.data.length; i++) image.data[i] = Math.round(image.data[i]!);
  const maskData = Uint8Array.from(maskImg.data, (v) => (v > 0.5 ? 1 : 0));
  const box = maskBox(image.size, maskData);
  if (!box) throw new SonomicsError('EMPTY_MASK', `IBSI CT phantom mask ${source} is empty`);
  const target: Vec3 = [1, 1, 1];
  const maps = axisMaps(image.size, image.spacing, target, [true, true, true]);
  const inner = image.spacing.map((s, a) => Math.min(image.size[a]!, Math.ceil(marginMm / s) + 1)) as Vec3;
  const win: Box = { lo: [0, 0, 0], hi: [0, 0, 0] };
  for (let a = 0; a < 3; a++) {
    [win.lo[a], win.hi[a]] = targetWindow(maps[a]!, box.lo[a]! - inner[a]!, box.hi[a]! + inner[a]!);
  }
  const srcBox = growBox(box, inner.map((v) => v + 16) as Vec3, image.size);
  const srcSize = boxSize(srcBox);
  const src = { size: srcSize, spacing: image.spacing, data: cropData(image.size, image.data, srcBox) };
  const img = resampleWindow(src, srcBox, maps, win, 'cubic');
  // CT: interpolated intensities are rounded to whole HU (IBSI 1 §2.4, as for IBSI 1 configs C–E).
  for (let i = 0; i < img.length; i++) img[i] = Math.round(img[i]!);
  const srcMask = { size: srcSize, spacing: image.spacing, data: Float32Array.from(cropData(image.size, maskData, srcBox)) };
  const fm = resampleWindow(srcMask, srcBox, maps, win, 'linear');
  const mask = Uint8Array.from(fm, (v) => (v >= 0.5 - 1e-9 ? 1 : 0));
  return { image: createImage(boxSize(win), target, Float32Array.from(img)), mask };
}

/** One phase-2 reference value: configuration, IBSI tag, value and tolerance. */
export interface Phase2Reference { config: string; tag: string; value: number; tolerance: number }

/** ibsi2_phase2_reference_values.csv (semicolon-separated; config;…;tag;value;tolerance) → rows. */
export function parsePhase2References(text: string): Phase2Reference[] {
  const records = parseCsvRecords(text.trim(), ';').slice(1);
  return records.map(([config, , tag, value, tolerance]) => ({ config: config!, tag: tag!, value: Number(value), tolerance: Number(tolerance) }));
}

export function runPhase2Config(ct: CtPhantom, config: string, refs: Phase2Reference[]): Phase2Row[] {
  const cfg = [...IBSI2_PHASE2_2D, ...IBSI2_PHASE2_3D].find((c: Phase2Config) => c.config === config);
  if (!cfg) throw new SonomicsError('BAD_INPUT', `unknown IBSI 2 phase-2 configuration ${config}`);
  const filtered = filterData(ct.image, cfg.spec);
  // Re-segmentation [−1000, 400] HU on the unfiltered image (IBSI 2 phase 2).
  const values: number[] = [];
  for (let i = 0; i < ct.mask.length; i++) {
    const hu = ct.image.data[i]!;
    if (ct.mask[i] && hu >= -1000 && hu <= 400) values.push(filtered[i]!);
  }
  const stats = intensityStatistics(Float64Array.from(values));
  return refs.filter((r) => r.config === config).map((r) => {
    const value = stats[r.tag as keyof typeof stats];
    if (value === undefined) throw new SonomicsError('INTERNAL', `no intensity statistic ${r.tag}`);
    return { config, family: 'stat' as const, filter: filterName(cfg.spec), feature: r.tag, value, reference: r.value, tolerance: r.tolerance, pass: Math.abs(value - r.value) <= r.tolerance };
  });
}

/** JSON lines for `sonomics ibsi --filters --json`: one per phase-1 test, one per phase-2 value. */
export function ibsi2JsonLines(r: Ibsi2Result): string[] {
  return [
    ...r.phase1.map((x) => JSON.stringify({ test: x.test, max_abs_diff: x.max_abs_diff, range: x.range, pass: x.pass })),
    ...r.phase1Skipped.map((x) => JSON.stringify({ test: x.test, skipped: true, reason: x.reason })),
    ...r.phase2.map((x) => JSON.stringify({ config: `ibsi2_${x.config}`, family: x.family, filter: x.filter, feature: x.feature, reference: x.reference, tolerance: x.tolerance, value: x.value, pass: x.pass })),
    ...r.phase2Skipped.map((x) => JSON.stringify({ config: `ibsi2_${x.config}`, skipped: true, reason: x.reason })),
  ];
}

/** A short human-readable report. */
export function ibsi2Text(r: Ibsi2Result): string[] {
  const out: string[] = ['IBSI 2 phase 1 (response maps; pass = every voxel within 1% of the reference range)'];
  for (const x of r.phase1) {
    out.push(`  ${x.test.padEnd(7)} ${x.pass ? 'pass' : 'FAIL'}  max|Δ| ${x.max_abs_diff.toPrecision(3)}  (${((100 * x.max_abs_diff) / x.range).toPrecision(2)}% of range ${x.range.toPrecision(4)})`);
  }
  for (const x of r.phase1Skipped) out.push(`  ${x.test.padEnd(7)} not run: ${x.reason}`);
  const p1 = r.phase1.filter((x) => x.pass).length;
  out.push(`  ${p1}/${r.phase1.length} standardised tests pass`);
  if (r.phase2.length) {
    out.push('IBSI 2 phase 2 (CT phantom, intensity statistics of the filtered image)');
    const configs = [...new Set(r.phase2.map((x) => x.config))];
    for (const c of configs) {
      const rows = r.phase2.filter((x) => x.config === c);
      const ok = rows.filter((x) => x.pass).length;
      const bad = rows.filter((x) => !x.pass).map((x) => `${x.feature}=${x.value.toPrecision(4)} (ref ${x.reference} ± ${x.tolerance})`);
      out.push(`  ${c.padEnd(4)} ${rows[0]!.filter.padEnd(34)} ${ok}/${rows.length}${bad.length ? '  ' + bad.join('; ') : ''}`);
    }
    const ok = r.phase2.filter((x) => x.pass).length;
    out.push(`  ${ok}/${r.phase2.length} values within tolerance (${((100 * ok) / r.phase2.length).toFixed(1)}%)`);
  }
  for (const x of r.phase2Skipped) out.push(`  ${x.config.padEnd(4)} not run: ${x.reason}`);
  return out;
}
