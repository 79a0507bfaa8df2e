// BUS-BRA (../shared/data/us-breast-busbra): a deterministic sample of 61 image/mask pairs
// (every 31st manifest row) loads, image and mask sizes match each other and the width in
// bus_data.csv, and the mask's bounding box equals the BBOX column that the dataset authors
// computed from the same masks (independent check of the 1-bit PNG decoding). Every decoded
// image and mask also matches pixel checksums from ImageMagick's decoding of the same file
// (fixtures/busbra-sample-sums.json, made by fixtures/make-busbra-sums.py).
// The bench (bench/io.bench.ts) covers all 1,875 pairs.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { join } from 'node:path';

const SUMS = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'busbra-sample-sums.json'), 'utf8')) as
  Record<string, Record<'image' | 'mask', { n: number; sum: number; weighted: number }>>;

/** Σ v and Σ (i + 1)·v mod 2^32, as the fixture script computes them. */
function checksum(values: ArrayLike<number>, scale = 1): { n: number; sum: number; weighted: number } {
  let sum = 0, weighted = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]! * scale;
    sum += v;
    weighted = (weighted + (i + 1) * v) % 4294967296;
  }
  return { n: values.length, sum, weighted };
}

function csvRows(text: string): string[][] {
  // Quoted fields hold commas (BBOX "[x,y,w,h]"); no field holds quotes or newlines.
  return text.trim().split(/\r?\n/).map((line) => [...line.matchAll(/("[^"]*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '')).slice(0, -1));
}

describe.skipIf(!HAS_SHARED)('BUS-BRA sample', () => {
  const root = sharedPath('data', 'us-breast-busbra');
  const manifest = HAS_SHARED ? csvRows(readFileSync(`${root}/manifest.csv`, 'utf8')) : [[]];
  const head = manifest[0]!;
  const rows = manifest.slice(1).filter((_, i) => i % 31 === 0);
  const meta = new Map<string, string[]>();
  if (HAS_SHARED) {
    const busData = csvRows(readFileSync(`${root}/BUSBRA/bus_data.csv`, 'utf8'));
    for (const r of busData.slice(1)) meta.set(r[0]!, r);
  }

  it('has the expected manifest and sample', () => {
    expect(manifest.length - 1).toBe(1875);
    expect(rows.length).toBe(61);
  });

  it.each(rows.map((r) => [r[head.indexOf('image_id')]!, r] as const))('%s', (id, r) => {
    const img = readImageFile(`${root}/${r[head.indexOf('image_path')]}`);
    const mask = readMaskFile(`${root}/${r[head.indexOf('mask_path')]}`);
    expect(mask.size).toEqual(img.size);
    expect(checksum(img.data)).toEqual(SUMS[id]!.image);
    expect(checksum(mask.data, 255)).toEqual(SUMS[id]!.mask);
    const m = meta.get(id)!;
    expect(img.size[0]).toBe(Number(m[6]));
    expect(img.spacingUnit).toBe('pixel');
    let lo = Infinity, hi = -Infinity;
    for (const v of img.data) { if (v < lo) lo = v; if (v > hi) hi = v; }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(255);
    expect(hi).toBeGreaterThan(lo);
    // BBOX in bus_data.csv is [xmin, ymin, xmax - xmin, ymax - ymin] in 1-based (MATLAB) pixel indices.
    const [W, H] = mask.size;
    let x0 = W, y0 = H, x1 = -1, y1 = -1;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      if (mask.data[x + W * y]) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    }
    expect(x1).toBeGreaterThanOrEqual(0);
    const bbox = JSON.parse(m[9]!) as number[];
    expect([x0 + 1, y0 + 1, x1 - x0, y1 - y0]).toEqual(bbox);
  });
});
