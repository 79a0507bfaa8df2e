/**
 * The cohort manifest (CSV, or an Excel .xlsx workbook — "manifest.xlsx#Sheet" picks a sheet): one row per case with its id, cohort/centre, image and mask paths
 * (relative to the manifest), and any other columns, which are passed through.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SonomicsError } from '../core/errors.ts';
import { readTableFile } from './table-file.ts';

export interface ManifestCase {
  caseId: string;
  cohort: string;
  image: string;
  tumourMask: string;
  parenchymaMask?: string;
  liverMask?: string;
  secondReaderMask?: string;
  /** Pixel size in mm [x, y] from the manifest (spacing_mm, or spacing_x_mm and spacing_y_mm), for images that do not carry it. */
  spacing?: [number, number];
  /** Every other column, as text. */
  extra: Record<string, string>;
}

/** Accepted column names (first match wins), so manifests from other tools load as they are. */
const ALIASES = {
  caseId: ['case_id', 'case', 'id', 'patient_id'],
  cohort: ['cohort', 'centre', 'center', 'site'],
  image: ['image', 'image_path'],
  tumourMask: ['tumour_mask', 'tumor_mask', 'mask', 'mask_path', 'lesion_mask'],
  parenchymaMask: ['parenchyma_mask'],
  liverMask: ['liver_mask'],
  secondReaderMask: ['second_reader_mask', 'tumour_mask_reader2', 'tumor_mask_reader2'],
  spacing: ['spacing_mm', 'pixel_spacing_mm'],
  spacingX: ['spacing_x_mm'],
  spacingY: ['spacing_y_mm'],
} as const;

export function readManifest(path: string, opts: { idColumn?: string } = {}): ManifestCase[] {
  const file = path.replace(/(\.xlsx)#.+$/i, '$1');
  if (!existsSync(file)) throw new SonomicsError('FILE_NOT_FOUND', `manifest ${file} not found; give the path of the cohort's manifest (CSV or XLSX).`, { subject: file });
  const table = readTableFile(path);
  const base = dirname(resolve(file));
  const pick = (names: readonly string[]) => names.find((n) => table.columns.includes(n));
  const col = Object.fromEntries(Object.entries(ALIASES).map(([k, names]) => [k, pick(names)])) as Record<keyof typeof ALIASES, string | undefined>;
  if (opts.idColumn) {
    if (!table.columns.includes(opts.idColumn)) {
      throw new SonomicsError('BAD_INPUT', `manifest ${path}: no column '${opts.idColumn}' (given as the case-id column); columns found: ${table.columns.join(', ')}`, { subject: path });
    }
    col.caseId = opts.idColumn;
  }
  for (const need of ['caseId', 'image', 'tumourMask'] as const) {
    if (!col[need]) {
      throw new SonomicsError('BAD_INPUT', `manifest ${path}: no ${ALIASES[need][0]} column (accepted names: ${ALIASES[need].join(', ')}); columns found: ${table.columns.join(', ')}`, { subject: path });
    }
  }
  const used = new Set(Object.values(col).filter(Boolean) as string[]);
  const seen = new Set<string>();
  return table.rows.map((row, i) => {
    const caseId = row[col.caseId!]!;
    if (!caseId) throw new SonomicsError('BAD_INPUT', `manifest ${path}: row ${i + 2} has no case id`, { subject: path });
    // control characters never belong in an id, and the store uses one to keep perturbed copies of a case apart
    if (/[\u0000-\u001f\u007f]/.test(caseId)) throw new SonomicsError('BAD_INPUT', `manifest ${path}: row ${i + 2}: case id ${JSON.stringify(caseId)} contains a control character; use printable ids`, { subject: path });
    if (seen.has(caseId)) throw new SonomicsError('BAD_INPUT', `manifest ${path}: case id ${caseId} appears twice in column '${col.caseId}'; case ids must be unique (choose another column with --id-column)`, { subject: path });
    seen.add(caseId);
    const p = (c: string | undefined) => (c && row[c] ? resolve(base, row[c]!) : undefined);
    const extra: Record<string, string> = {};
    for (const c of table.columns) if (!used.has(c)) extra[c] = row[c]!;
    return {
      caseId,
      cohort: col.cohort ? row[col.cohort]! : '',
      image: p(col.image)!,
      tumourMask: p(col.tumourMask)!,
      parenchymaMask: p(col.parenchymaMask),
      liverMask: p(col.liverMask),
      secondReaderMask: p(col.secondReaderMask),
      ...spacingOf(row, col, path, caseId),
      extra,
    };
  });
}

/** The manifest's pixel size of a case, in mm (empty cells: none, the image file decides). */
function spacingOf(row: Record<string, string>, col: Record<string, string | undefined>, path: string, caseId: string): { spacing?: [number, number] } {
  const num = (c: string | undefined) => (c && row[c] ? Number(row[c]) : undefined);
  const both = num(col.spacing), x = num(col.spacingX) ?? both, y = num(col.spacingY) ?? both;
  if (x === undefined && y === undefined) return {};
  if (!(x! > 0 && y! > 0)) throw new SonomicsError('BAD_INPUT', `manifest ${path}, case ${caseId}: pixel spacing must be positive numbers in mm (spacing_mm, or spacing_x_mm and spacing_y_mm), got ${row[col.spacing ?? ''] ?? ''} ${row[col.spacingX ?? ''] ?? ''} ${row[col.spacingY ?? ''] ?? ''}`.trim(), { subject: caseId });
  return { spacing: [x!, y!] };
}

/** Stable shard of a case id: FNV-1a 32-bit hash modulo n (shard numbers 1..n). */
export function shardOf(caseId: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i++) h = Math.imul(h ^ caseId.charCodeAt(i), 0x01000193) >>> 0;
  return (h % n) + 1;
}

export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new SonomicsError('BAD_INPUT', `--shard ${text}: write i/n with 1 ≤ i ≤ n, e.g. --shard 1/4 (SLURM: $SLURM_ARRAY_TASK_ID/4)`);
  }
  return { index, count };
}

/**
 * The store key of a case extracted under a mask perturbation. The separator is a control
 * character, which case ids may not contain: any printable id, '@' included, stays apart from
 * every perturbed key (issue #20: id "A@erode1" collided with case A's eroded copy).
 */
export function perturbedKey(caseId: string, perturbation: string): string {
  return `${caseId}\u0001${perturbation}`;
}

/** A store key as people read it ("A @ erode1"). */
export function readableKey(key: string): string {
  return key.replace('\u0001', ' @ ');
}
