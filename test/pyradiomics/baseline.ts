/**
 * PyRadiomics' own baseline values (../shared/refdata/pyradiomics/baseline, upstream
 * data/baseline) computed with our engine under the settings each baseline column records
 * (`diagnostics_Configuration_Settings`, a Python dict literal). Shared by the baseline test and
 * the docs' agreement table.
 */
import { readFileSync, existsSync } from 'node:fs';
import { computeFamilies } from '../../src/features/pipeline.ts';
import { CLASS_FAMILIES, allFeatures, pyradiomicsValues, type PyradiomicsClass } from '../../src/features/pyradiomics/names.ts';
import { featureSettingsFromPyradiomics } from '../../src/extract/pyradiomics-params.ts';
import { readNrrd } from '../../src/io/nrrd.ts';
import { imageToMask } from '../../src/io/read.ts';
import { createImage, createMask, type Image, type Mask } from '../../src/image/image.ts';
import { sharedPath } from '../helpers/shared.ts';
import { resampleLikePyradiomics } from '../../src/features/preprocess/resample-pyradiomics.ts';

export const BASELINE_DIR = sharedPath('refdata', 'pyradiomics');
export const CLASSES: PyradiomicsClass[] = ['firstorder', 'shape', 'shape2D', 'glcm', 'glrlm', 'glszm', 'gldm', 'ngtdm'];

export interface BaselineColumn {
  cls: PyradiomicsClass;
  column: string;
  testCase: string;
  settings: Record<string, unknown>;
  expected: Record<string, number>;
}

/** One line of the baseline CSVs: commas outside double quotes separate cells (no escaped quotes occur). */
export function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '', q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === ',' && !q) { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** A Python dict literal of plain values as JSON. */
function pyDict(s: string): Record<string, unknown> {
  return JSON.parse(s.replace(/'/g, '"').replace(/\bNone\b/g, 'null').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false'));
}

export function baselineColumns(cls: PyradiomicsClass): BaselineColumn[] {
  const lines = readFileSync(`${BASELINE_DIR}/baseline/baseline_${cls}.csv`, 'utf8').trim().split('\n').map(splitCsv);
  const header = lines[0]!;
  const rows = new Map(lines.slice(1).map((r) => [r[0]!, r]));
  const settingsRow = rows.get('diagnostics_Configuration_Settings')!;
  const out: BaselineColumn[] = [];
  for (let c = 1; c < header.length; c++) {
    const column = header[c]!;
    const expected: Record<string, number> = {};
    for (const [name, r] of rows) if (!name.startsWith('diagnostics_')) expected[name] = Number(r[c]);
    out.push({ cls, column, testCase: column.split('_')[0]!, settings: pyDict(settingsRow[c]!), expected });
  }
  return out;
}

const cache = new Map<string, { image: Image; mask: Mask } | null>();

/** The 3D test case (image + label 1), or null when its image is not in the snapshot (lung1, lung2). */
export function loadCase(testCase: string): { image: Image; mask: Mask } | null {
  if (cache.has(testCase)) return cache.get(testCase)!;
  const img = `${BASELINE_DIR}/data/${testCase}_image.nrrd`;
  if (!existsSync(img)) { cache.set(testCase, null); return null; }
  const image = readNrrd(new Uint8Array(readFileSync(img)));
  const mask = imageToMask(readNrrd(new Uint8Array(readFileSync(`${BASELINE_DIR}/data/${testCase}_label.nrrd`))), 1);
  const v = { image, mask };
  cache.set(testCase, v);
  return v;
}

/** The shape2D test case: the slice with the largest ROI area as a single-slice image (README of refdata). */
export function sliceWithLargestRoi(image: Image, mask: Mask): { image: Image; mask: Mask; z: number } {
  const [X, Y, Z] = image.size;
  let best = -1, bz = 0;
  for (let z = 0; z < Z; z++) {
    let n = 0;
    for (let i = z * X * Y; i < (z + 1) * X * Y; i++) n += mask.data[i]!;
    if (n > best) { best = n; bz = z; }
  }
  const sl = (d: ArrayLike<number>) => Array.from({ length: X * Y }, (_, i) => d[bz * X * Y + i]!);
  return {
    image: createImage([X, Y, 1], image.spacing, Float32Array.from(sl(image.data))),
    mask: createMask([X, Y, 1], image.spacing, Uint8Array.from(sl(mask.data))),
    z: bz,
  };
}

/** True for configurations involving resampling (not part of the 1e-6 claim). */
export function resampled(col: BaselineColumn): boolean {
  return col.settings.resampledPixelSpacing !== null && col.settings.resampledPixelSpacing !== undefined;
}

/** Our values under PyRadiomics names for one baseline column, or null when the case image is absent. */
export function computeColumn(col: BaselineColumn): Record<string, number> | null {
  const data = loadCase(col.testCase);
  if (!data) return null;
  let { image, mask } = data;
  if (col.cls === 'shape2D') ({ image, mask } = sliceWithLargestRoi(image, mask));
  if (resampled(col)) {
    const sp = col.settings.resampledPixelSpacing as [number, number, number];
    ({ image, mask } = resampleLikePyradiomics(image, mask, sp, (col.settings.padDistance as number | undefined) ?? 5));
  }
  const s = { ...col.settings };
  // the baseline harness (tests/testUtils.py) adds voxelArrayShift only where recorded; keep the rest as recorded
  const features = featureSettingsFromPyradiomics(s, `baseline ${col.cls}/${col.column}`);
  features.families = CLASS_FAMILIES[col.cls];
  const values: Record<string, number> = {};
  for (const r of computeFamilies(image, mask, features)) for (const [k, v] of Object.entries(r.values)) values[`${r.family}_${k}`] = v;
  return pyradiomicsValues(values, 'original', [{ cls: col.cls, features: allFeatures(col.cls) }]);
}

export function relDiff(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}
