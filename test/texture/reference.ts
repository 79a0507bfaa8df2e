/** Test helpers: the IBSI 1 reference table and the phantoms as DiscretisedRois. */
import { readFileSync } from 'node:fs';
import { readNifti } from '../../src/io/nifti.ts';
import type { DiscretisedRoi } from '../../src/features/types.ts';
import { sharedPath } from '../helpers/shared.ts';

export interface RefRow {
  family: string;
  feature: string;
  code: string;
  config: string;
  reference: number;
  tolerance: number | null;
  aggregation: string;
}

/** Minimal CSV line splitter (quoted fields with commas). */
export function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '', quoted = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k]!;
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

const TEXTURE = new Set(['glcm', 'glrlm', 'glszm', 'gldzm', 'ngtdm', 'ngldm']);

export function textureReferenceRows(config: string): RefRow[] {
  const text = readFileSync(sharedPath('refdata/ibsi/ibsi1/reference_values/ibsi1_reference_values.csv'), 'utf8');
  const rows: RefRow[] = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const c = splitCsv(line);
    if (!TEXTURE.has(c[0]!) || c[3] !== config || c[4] === '') continue;
    rows.push({ family: c[0]!, feature: c[1]!, code: c[2]!, config: c[3]!, reference: Number(c[4]), tolerance: c[5] === '' ? null : Number(c[5]), aggregation: c[6]! });
  }
  return rows;
}

/** IBSI README rule: round to 3 significant digits when no tolerance is given. */
export function matchesReference(value: number, row: RefRow): boolean {
  if (row.tolerance !== null) return Math.abs(value - row.reference) <= row.tolerance + 1e-12 * Math.abs(row.reference);
  return Number(value.toPrecision(3)) === Number(row.reference.toPrecision(3));
}

/** Digital phantom: grey levels 1, 3, 4, 6 used as they are (nLevels 6). */
export function digitalPhantomRoi(): DiscretisedRoi {
  const img = readNifti(readFileSync(sharedPath('refdata/ibsi/ibsi1/digital_phantom/image.nii.gz')));
  const mask = readNifti(readFileSync(sharedPath('refdata/ibsi/ibsi1/digital_phantom/mask.nii.gz')));
  const levels = new Int32Array(img.data.length);
  for (let i = 0; i < levels.length; i++) levels[i] = mask.data[i]! > 0.5 ? Math.round(img.data[i]!) : 0;
  return { size: img.size, spacing: img.spacing, levels, nLevels: 6 };
}

/**
 * CT phantom, configuration A: intensities rounded to integers, re-segmented to
 * [−500, 400] HU, fixed bin size 25 HU from −500: level = ⌊(x + 500) / 25⌋ + 1.
 * The morphological mask is the original GTV mask.
 */
export function ctPhantomConfigA(nLevels?: number): DiscretisedRoi {
  const img = readNifti(readFileSync(sharedPath('refdata/ibsi/ibsi1/ct_phantom/nifti/image.nii.gz')));
  const mask = readNifti(readFileSync(sharedPath('refdata/ibsi/ibsi1/ct_phantom/nifti/mask.nii.gz')));
  const levels = new Int32Array(img.data.length);
  const morphMask = new Uint8Array(img.data.length);
  let maxLevel = 0;
  for (let i = 0; i < levels.length; i++) {
    if (!(mask.data[i]! > 0.5)) continue;
    morphMask[i] = 1;
    const x = Math.round(img.data[i]!);
    if (x < -500 || x > 400) continue;
    const l = Math.floor((x + 500) / 25) + 1;
    levels[i] = l;
    if (l > maxLevel) maxLevel = l;
  }
  return { size: img.size, spacing: img.spacing, levels, nLevels: nLevels ?? maxLevel, morphMask };
}
