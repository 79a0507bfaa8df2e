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
  // the central half of the grid in-plane, every slice: a ROI every image has
  const [nx, ny, nz] = img.size;
  const mask = createMask(img.size, img.spacing);
  for (let z = 0; z < nz; z++) for (let y = Math.floor(ny / 4); y < Math.ceil((3 * ny) / 4); y++) for (let x = Math.floor(nx / 4); x < Math.ceil((3 * nx) / 4); x++) mask.data[x + nx * (y + ny * z)] = 1;
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
