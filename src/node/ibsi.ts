/**
 * Node-side loading for the IBSI 1 compliance check: reads the reference table and the
 * phantoms (NIfTI) from ../shared/refdata/ibsi/ibsi1 and runs the configurations.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SonomicsError } from '../core/errors.ts';
import type { Image, Mask } from '../image/image.ts';
import { readNifti } from '../io/nifti.ts';
import { checkConfig, type ComplianceRow } from '../features/ibsi/compliance.ts';
import { IBSI_CONFIGS, parseReferenceTable, type IbsiConfig, type ReferenceRow } from '../features/ibsi/reference.ts';
import type { FamilyName } from '../features/settings.ts';

export function defaultIbsiDir(): string {
  return process.env.SONOMICS_IBSI1 ?? join(process.env.SONOMICS_SHARED ?? new URL('../../../shared', import.meta.url).pathname, 'refdata', 'ibsi', 'ibsi1');
}

function need(path: string): Uint8Array {
  if (!existsSync(path)) throw new SonomicsError('FILE_NOT_FOUND', `IBSI reference file ${path} is missing: point SONOMICS_SHARED (or SONOMICS_IBSI1) at the shared data folder`);
  return readFileSync(path);
}

export function loadReferenceRows(dir = defaultIbsiDir()): ReferenceRow[] {
  return parseReferenceTable(new TextDecoder().decode(need(join(dir, 'reference_values', 'ibsi1_reference_values.csv'))));
}

export interface Phantom {
  image: Image;
  mask: Mask;
}

export function loadPhantom(kind: 'digital' | 'ct', dir = defaultIbsiDir()): Phantom {
  const sub = kind === 'digital' ? 'digital_phantom' : join('ct_phantom', 'nifti');
  const image = readNifti(need(join(dir, sub, 'image.nii.gz')), `${sub}/image.nii.gz`);
  const m = readNifti(need(join(dir, sub, 'mask.nii.gz')), `${sub}/mask.nii.gz`);
  const mask: Mask = { size: m.size, spacing: m.spacing, origin: m.origin, direction: m.direction, spacingUnit: m.spacingUnit, data: Uint8Array.from(m.data, (v) => (v > 0.5 ? 1 : 0)) };
  return { image, mask };
}

/** Run the given configurations (default all) and return one row per reference value. */
export function runIbsi(configs: readonly IbsiConfig[] = IBSI_CONFIGS, dir = defaultIbsiDir(), families?: FamilyName[]): ComplianceRow[] {
  const rows = loadReferenceRows(dir);
  const out: ComplianceRow[] = [];
  let ct: Phantom | undefined;
  for (const c of configs) {
    const ph = c === 'digital_phantom' ? loadPhantom('digital', dir) : (ct ??= loadPhantom('ct', dir));
    out.push(...checkConfig(c, ph.image, ph.mask, rows, families));
  }
  return out;
}
