/**
 * Disk full (issue #20): the CLI says so in one line with what to do, no stack trace, and the
 * finished cases stay in the store for the rerun. /dev/full answers every write with ENOSPC.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSynthCohort } from '../../src/node/synth-files.ts';
import { describeSystemError } from '../../src/cli/system-errors.ts';
import { REPO_ROOT } from '../helpers/shared.ts';

describe('disk full', () => {
  it('a real ENOSPC is described with advice (write errors carry no path in Node)', async () => {
    const { writeFileSync } = await import('node:fs');
    let err: unknown;
    try { writeFileSync('/dev/full', 'x'); } catch (e) { err = e; }
    expect(describeSystemError(err)).toMatch(/disk is full.*\[ENOSPC\]/);
  });

  it('extract whose table cannot be written stops with a clear line and keeps the finished cases', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-full-'));
    await writeSynthCohort({ outDir: dir, nMain: 2, nExternal: 0, seed: 3, formats: ['png'], workers: 0, progress: false });
    const out = join(dir, 'out');
    mkdirSync(out);
    symlinkSync('/dev/full', join(out, 'features.csv'));
    const settings = join(REPO_ROOT, 'examples', 'extraction-quick.yaml');
    const r = spawnSync(process.execPath, ['bin/sonomics.mjs', 'extract', '--manifest', join(dir, 'manifest.csv'), '--settings', settings, '--out', out, '--workers', '0'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/disk is full/);
    expect(r.stderr).toContain('ENOSPC');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const stored = readFileSync(join(out, 'cases.jsonl'), 'utf8').trim().split('\n');
    expect(stored.length).toBe(3); // header line + both finished cases
    expect(existsSync(join(out, '.sonomics.lock'))).toBe(false);
  }, 180_000);
});
