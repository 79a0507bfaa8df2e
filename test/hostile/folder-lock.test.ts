/**
 * One run at a time per output folder (issue #20): a second run refuses with OUTPUT_LOCKED naming
 * the holder; a lock whose process is gone is taken over; the lock is released at the end.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SonomicsError } from '../../src/core/errors.ts';
import { LOCK_FILE, lockFolder } from '../../src/node/folder-lock.ts';
import { runExtraction } from '../../src/node/extract-run.ts';

describe('output folder lock', () => {
  it('a second holder is refused with the first one named; release frees the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-lock-'));
    const release = lockFolder(dir, 'extract --shard 1/2');
    let err: unknown;
    try { lockFolder(dir, 'extract --shard 2/2'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(SonomicsError);
    expect((err as SonomicsError).code).toBe('OUTPUT_LOCKED');
    expect((err as Error).message).toContain(`pid ${process.pid}`);
    expect((err as Error).message).toContain('extract --shard 1/2');
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockFolder(dir, 'again')();
  });

  it('a stale lock (its process no longer runs on this host) is taken over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-lock-'));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), started: '2020-01-01T00:00:00Z', command: 'extract' }));
    const release = lockFolder(dir, 'extract');
    release();
  });

  it('extract on a folder another run holds stops before touching it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-lock-'));
    writeFileSync(join(dir, 'manifest.csv'), 'case_id,cohort,image,tumour_mask\nA,main,a.png,a_mask.png\n');
    const release = lockFolder(dir, 'extract');
    await expect(runExtraction({ manifest: join(dir, 'manifest.csv'), outDir: dir, workers: 0, progress: false }))
      .rejects.toMatchObject({ code: 'OUTPUT_LOCKED' });
    expect(existsSync(join(dir, 'cases.jsonl'))).toBe(false);
    release();
  });
});
