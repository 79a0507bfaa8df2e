/**
 * Fuzz child: runs inputs [start, end) of one reader and reports each outcome to the parent over
 * IPC before starting the next, so the parent can tell which input hung or exhausted memory.
 * An image that reads is also put through default feature extraction on a central ROI.
 * Outcomes: 'ok', a SonomicsError code, or 'UNCODED:<name>: <message>' (a defect).
 */
import { parse as parseYaml } from 'yaml';
import { SonomicsError } from '../../src/core/errors.ts';
import { createMask } from '../../src/image/image.ts';
import { readImageAsync } from '../../src/io/read.ts';
import { extractFeatures } from '../../src/features/pipeline.ts';
import { parseCsv } from '../../src/tables/csv.ts';
import { parseXlsx } from '../../src/tables/xlsx.ts';
import { parseStudyConfig } from '../../src/study/config.ts';
import { READERS } from './corpus.ts';
import { mutate } from './mutate.ts';

const [reader, seedText, startText, endText] = process.argv.slice(2);
const spec = READERS[reader!]!;
const seeds = spec.seeds();
const seed = Number(seedText);

async function runImage(bytes: Uint8Array): Promise<void> {
  // the async reader loads the WebAssembly codecs, so JPEG-LS and JPEG 2000 DICOM decode too
  const img = await readImageAsync(bytes, { name: 'fuzz' });
  // a central box (half of each axis, at most 64 pixels in-plane and 16 slices): the features run on
  // the data the reader produced, while their cost does not grow with a size field the mutation inflated
  const [nx, ny, nz] = img.size;
  const mask = createMask(img.size, img.spacing);
  const span = (n: number, most: number) => { const w = Math.max(1, Math.min(most, Math.ceil(n / 2))); const lo = Math.floor((n - w) / 2); return [lo, lo + w] as const; };
  const [x0, x1] = span(nx, 64), [y0, y1] = span(ny, 64), [z0, z1] = span(nz, 16);
  for (let z = z0; z < z1; z++) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) mask.data[x + nx * (y + ny * z)] = 1;
  extractFeatures(img, mask, { dimension: nz > 1 ? '3D' : '2D' });
}

async function runOne(bytes: Uint8Array): Promise<void> {
  switch (spec.kind) {
    case 'image': return runImage(bytes);
    case 'xlsx': parseXlsx(bytes, 'fuzz.xlsx'); return;
    case 'csv': parseCsv(new TextDecoder().decode(bytes), 'fuzz.csv'); return;
    case 'yaml': {
      let raw: unknown;
      // the CLI reports YAML syntax errors as BAD_CONFIG (src/node/study-files.ts); the same here
      try { raw = parseYaml(new TextDecoder().decode(bytes), { maxAliasCount: 100 }); } catch (e) { throw new SonomicsError('BAD_CONFIG', (e as Error).message); }
      parseStudyConfig(raw, 'fuzz.yaml');
    }
  }
}

for (let i = Number(startText); i < Number(endText); i++) {
  const mutated = mutate(seeds[i % seeds.length]!, seed, i);
  const input = spec.fixup ? spec.fixup(mutated) : mutated;
  let outcome: string;
  try {
    await runOne(input);
    outcome = 'ok';
  } catch (err) {
    outcome = err instanceof SonomicsError ? err.code : `UNCODED:${(err as Error)?.name}: ${(err as Error)?.message}`.slice(0, 300);
  }
  process.send!({ i, outcome });
}
process.disconnect();
