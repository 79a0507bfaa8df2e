/** Test helpers: FNV-1a hashing of decoded samples (same definition as reference/make-reference.py). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedPath } from '../helpers/shared.ts';

export const SAMPLES = sharedPath('data', 'dicom-us-samples');

export function sampleBytes(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SAMPLES, rel)));
}

export interface InventoryRow { file: string; rows: number; cols: number; spp: number; bits: number; frames: number; photometric: string; ts_uid: string }

export function inventory(): InventoryRow[] {
  const lines = readFileSync(join(SAMPLES, 'inventory.csv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    // split on commas outside quotes
    const cells = line.match(/("([^"]*)"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    const get = (k: string) => cells[header.indexOf(k)]!;
    return { file: get('file'), rows: +get('rows'), cols: +get('cols'), spp: +get('samples_per_pixel'), bits: +get('bits_allocated'), frames: +get('frames'), photometric: get('photometric'), ts_uid: get('ts_uid') };
  });
}

/** FNV-1a 32-bit over the samples as little-endian bytes (8-bit samples: 1 byte, 16-bit: 2). */
export function fnv1a32(samples: ArrayLike<number>, bytesPerSample: 1 | 2): number {
  let h = 0x811c9dc5;
  const step = (b: number) => { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; };
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i]!;
    step(v & 0xff);
    if (bytesPerSample === 2) step((v >> 8) & 0xff);
  }
  return h >>> 0;
}

export interface RefStats { fnv1a32?: number; mean: number; at: number[]; values: number[] }
export interface RefEntry {
  tool: string; photometric: string; rows: number; cols: number; spp: number; bits: number; frames: number;
  samples: RefStats[];
  paletteRgb?: RefStats & { bits: number; tool: string };
}

export function reference(): Record<string, RefEntry> {
  const p = join(fileURLToPath(new URL('.', import.meta.url)), 'reference', 'dcmtk-reference.json');
  return JSON.parse(readFileSync(p, 'utf8')) as Record<string, RefEntry>;
}

export function mean(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s / a.length;
}

/** Number of positions where two equally long arrays differ (fast; vitest's toEqual is slow on big typed arrays). */
export function mismatches(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}
