/**
 * Case ids with any printable characters stay apart (issue #20): an id containing '@' used to
 * collide with the perturbation keys ("id@erode1") and mix two cases in robustness.csv.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSynthCohort } from '../../src/node/synth-files.ts';
import { runExtraction } from '../../src/node/extract-run.ts';
import { parseCsvRecords } from '../../src/tables/csv.ts';

describe('case ids and perturbation keys', () => {
  it("case 'A' eroded and a case named 'A@erode1' are different rows of robustness.csv", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-ids-'));
    await writeSynthCohort({ outDir: dir, nMain: 2, nExternal: 0, seed: 5, formats: ['png'], workers: 0, progress: false });
    // two different cases, the second named like the first one's eroded copy
    const rows = readFileSync(join(dir, 'manifest.csv'), 'utf8').trim().split('\n');
    const [a, b] = [rows[1]!.split(','), rows[2]!.split(',')];
    a[0] = 'A'; b[0] = 'A@erode1';
    writeFileSync(join(dir, 'ids.csv'), [rows[0], a.join(','), b.join(',')].join('\n') + '\n');
    writeFileSync(join(dir, 'quick.json'), JSON.stringify({ regions: { tumour: true, rings: [], parenchyma: false }, images: [{ type: 'original' }], features: { dimension: '2D', families: ['intensity_statistics'] } }));
    const r = await runExtraction({ manifest: join(dir, 'ids.csv'), settings: join(dir, 'quick.json'), outDir: join(dir, 'out'), workers: 0, progress: false, perturb: ['erode1'] });
    expect(r.failed).toEqual([]);
    const table = parseCsvRecords(readFileSync(join(dir, 'out', 'robustness.csv'), 'utf8'));
    const keyed = table.slice(1).map((row) => `${row[0]}|${row[1]}`);
    expect(keyed.sort()).toEqual(['A@erode1|erode1', 'A@erode1|original', 'A|erode1', 'A|original']);
    const mean = table[0]!.findIndex((c) => c.endsWith('intensity_statistics_mean'));
    const value = (id: string, reader: string) => table.find((row) => row[0] === id && row[1] === reader)![mean];
    // the eroded copy of A is A's image under a smaller mask, not the other case
    expect(value('A', 'erode1')).not.toBe(value('A@erode1', 'original'));
  }, 120_000);
});
