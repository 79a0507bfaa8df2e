// Batch extraction: resumable after SIGKILL, shardable, and a failing case never stops the batch.
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { writeSynthCohort } from '../../src/node/synth-files.ts';
import { runExtraction, mergeShards } from '../../src/node/extract-run.ts';
import { encodePng } from '../../src/io/png-write.ts';
import { REPO_ROOT } from '../helpers/shared.ts';
import { findExtractionRun } from '../../src/node/study-files.ts';

const SETTINGS = join(REPO_ROOT, 'examples', 'extraction-quick.yaml');
let dir = '';
let manifest = '';
let reference = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sonomics-extract-'));
  await writeSynthCohort({ outDir: dir, nMain: 6, nExternal: 2, seed: 11, formats: ['png'], workers: 0, progress: false });
  manifest = join(dir, 'manifest.csv');
  const r = await runExtraction({ manifest, settings: SETTINGS, outDir: join(dir, 'full'), workers: 0, progress: false });
  expect(r.failed).toEqual([]);
  reference = readFileSync(r.tablePath, 'utf8');
}, 300_000);

describe('sonomics extract', () => {
  it('writes one row per case with region_image_family_feature columns', () => {
    const lines = reference.trim().split('\n');
    expect(lines.length).toBe(1 + 8);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 2)).toEqual(['case_id', 'cohort']);
    expect(header).toContain('tumour_original_morphology_area_mesh'.replace('area_mesh', header.find((h) => h.startsWith('tumour_original_morphology_'))!.slice('tumour_original_morphology_'.length)));
    expect(header.some((h) => h.startsWith('ring5mm_log-sigma-2mm-2d_glcm_'))).toBe(true);
    expect(header.some((h) => h.startsWith('ring5mm_log-sigma-2mm-2d_morphology_'))).toBe(false);
    const run = JSON.parse(readFileSync(join(dir, 'full', 'run.json'), 'utf8'));
    expect(run.settings_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.finished).toBe(8);
    // What the images were, for the report's methods: format, spacing source, sizes of the regions.
    expect(run.images.cases).toBe(8);
    expect(run.images.formats).toEqual({ png: 8 });
    expect(Object.values(run.images.spacingSources as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(8);
    expect(Object.keys(run.images.regionPixels)).toEqual(expect.arrayContaining(['tumour', 'ring5mm']));
    expect(run.images.regionPixels.tumour.min).toBeGreaterThan(0);
    // The study's file layer finds the record beside the table and reads its settings back.
    const found = findExtractionRun(join(dir, 'full', 'features.csv'), 'features.csv')!;
    expect(found.settingsHash).toBe(run.settings_hash);
    expect(found.images).toEqual(run.images);
    expect(found.settings.regions.rings).toEqual(run.settings.regions.rings);
  });

  it('--jsonl writes the same table as JSON Lines (a finished run only rewrites its tables)', async () => {
    const r = await runExtraction({ manifest, settings: SETTINGS, outDir: join(dir, 'full'), workers: 0, progress: false, jsonl: true });
    expect(r.skipped).toBe(8);
    expect(readFileSync(r.tablePath, 'utf8')).toBe(reference);
    const objects = readFileSync(join(dir, 'full', 'features.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const [header, ...rows] = reference.trim().split('\n').map((l) => l.split(','));
    expect(objects.length).toBe(rows.length);
    expect(Object.keys(objects[0]!)).toEqual(header);
    objects.forEach((o, i) => header!.forEach((k, j) => {
      const cell = rows[i]![j]!;
      const v = o[k];
      if (typeof v === 'number') expect(v).toBe(Number(cell));
      else if (v === null) expect(['', 'NaN']).toContain(cell);
      else expect(v).toBe(cell);
    }));
  });

  it('a run killed (SIGKILL) after k cases and restarted gives a byte-identical table', async () => {
    const out = join(dir, 'killed');
    const args = [join(REPO_ROOT, 'bin', 'sonomics.mjs'), 'extract', '--manifest', manifest, '--settings', SETTINGS, '--out', out, '--workers', '1'];
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    const store = join(out, 'cases.jsonl');
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        const n = existsSync(store) ? readFileSync(store, 'utf8').split('\n').filter(Boolean).length - 1 : 0;
        if (n >= 3) { clearInterval(timer); child.kill('SIGKILL'); resolve(); }
      }, 20);
      child.on('exit', () => { clearInterval(timer); reject(new Error('the run finished before it could be killed')); });
    });
    // the killed run is gone (as a shell would reap it) before the restart takes the folder's lock
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    const kept = readFileSync(store, 'utf8').split('\n').filter(Boolean).length - 1;
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(8);
    const r = await runExtraction({ manifest, settings: SETTINGS, outDir: out, workers: 0, progress: false });
    expect(r.skipped).toBe(kept);
    expect(readFileSync(r.tablePath, 'utf8')).toBe(reference);
    // the image facts of the cases finished before the kill come back from the store
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).images.cases).toBe(8);
  }, 300_000);

  it('refuses to resume with changed settings unless forced', async () => {
    const out = join(dir, 'full');
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ regions: { tumour: true, rings: [3], parenchyma: false }, images: [{ type: 'original' }] }));
    await expect(runExtraction({ manifest, settings: other, outDir: out, workers: 0, progress: false })).rejects.toThrow(/other extraction settings.*--force/);
  });

  it('four shards merged equal the single run byte for byte', async () => {
    const dirs: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const out = join(dir, `shard${i}`);
      await runExtraction({ manifest, settings: SETTINGS, outDir: out, workers: 0, shard: { index: i, count: 4 }, progress: false });
      dirs.push(out);
    }
    const merged = mergeShards(manifest, dirs, join(dir, 'merged'));
    expect(merged.cases).toBe(8);
    expect(readFileSync(merged.tablePath, 'utf8')).toBe(reference);
  }, 300_000);

  it('corrupt image, missing file, mismatched mask and empty mask fail alone, by case id, with reasons', async () => {
    const bad = join(dir, 'bad');
    const lines = readFileSync(manifest, 'utf8').trim().split('\n');
    const good = lines.slice(1, 3);
    writeFileSync(join(dir, 'corrupt.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]));
    writeFileSync(join(dir, 'small_mask.png'), encodePng({ width: 40, height: 30, channels: 1, bitDepth: 8, data: new Uint8Array(1200).fill(255) }));
    writeFileSync(join(dir, 'empty_mask.png'), encodePng({ width: 800, height: 600, channels: 1, bitDepth: 8, data: new Uint8Array(480000) }));
    copyFileSync(join(dir, 'images', 'A0001.png'), join(dir, 'ok_copy.png'));
    // spacing_mm: PNGs carry no pixel size, and the settings' ring is in mm (else UNCALIBRATED, issue #14)
    const rows = [
      'case_id,cohort,image,tumour_mask,parenchyma_mask,spacing_mm',
      ...good,
      'CORRUPT,main,corrupt.png,masks/A0001_tumour.png,,0.2',
      'MISSING,main,images/nope.png,masks/A0001_tumour.png,,0.2',
      'MISMATCH,main,ok_copy.png,small_mask.png,,0.2',
      'EMPTY,main,ok_copy.png,empty_mask.png,,0.2',
    ];
    const badManifest = join(dir, 'bad.csv');
    writeFileSync(badManifest, rows.join('\n') + '\n');
    const r = await runExtraction({ manifest: badManifest, settings: SETTINGS, outDir: bad, workers: 2, progress: false });
    expect(r.total).toBe(6);
    const byId = Object.fromEntries(r.failed.map((f) => [f.caseId, f]));
    expect(Object.keys(byId).sort()).toEqual(['CORRUPT', 'EMPTY', 'MISMATCH', 'MISSING']);
    expect(byId.CORRUPT!.code).toBe('CORRUPT_FILE');
    expect(byId.MISSING!.code).toBe('FILE_NOT_FOUND');
    expect(byId.MISMATCH!.code).toBe('MASK_MISMATCH');
    expect(byId.EMPTY!.code).toBe('EMPTY_MASK');
    for (const f of r.failed) expect(f.message).toContain(f.caseId);
    const table = readFileSync(r.tablePath, 'utf8').trim().split('\n');
    expect(table.length).toBe(1 + 2);
    const run = JSON.parse(readFileSync(join(bad, 'run.json'), 'utf8'));
    expect(run.failed).toHaveLength(4);
  }, 300_000);
});

describe('robustness (--perturb)', () => {
  it('writes the long table with one row per case and reader, and ICCs come out of it', async () => {
    const { parseCsv } = await import('../../src/tables/csv.ts');
    const { iccFilter } = await import('../../src/study/icc-filter.ts');
    const out = join(dir, 'robust');
    const r = await runExtraction({ manifest, settings: SETTINGS, outDir: out, workers: 0, progress: false, perturb: ['erode1', 'dilate1', 'shift+x'] });
    expect(r.failed).toEqual([]);
    expect(r.total).toBe(8 * 4);
    // The plain table is unaffected by the extra extractions.
    expect(readFileSync(join(out, 'features.csv'), 'utf8')).toBe(reference);
    const t = parseCsv(readFileSync(join(out, 'robustness.csv'), 'utf8'), 'robustness.csv');
    expect(t.columns.slice(0, 2)).toEqual(['subject', 'reader']);
    expect(t.rows.length).toBe(32);
    expect(new Set(t.rows.map((x) => x.reader))).toEqual(new Set(['original', 'erode1', 'dilate1', 'shift+x']));
    const area = t.columns.find((c) => c.startsWith('tumour_original_morphology_area'))!;
    const icc = iccFilter(t, [area], { threshold: 0.75, type: 'ICC3', subject: 'subject', reader: 'reader' });
    // Tumour areas differ hugely between cases and little under a 1-pixel change: ICC near 1.
    expect(icc.values[area]!).toBeGreaterThan(0.95);
  }, 300_000);
});
