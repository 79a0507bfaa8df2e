/**
 * Numeric command-line arguments are range-checked (issue #20): a bad value exits non-zero with
 * a message naming the option, instead of running with NaN and exiting 0 having done nothing.
 * CSV outputs defuse formula-like cells.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.ts';
import { csvLine } from '../../src/tables/csv.ts';
import { parseStudyConfig } from '../../src/study/config.ts';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/sonomics.mjs', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('numeric CLI arguments', () => {
  it.each([
    [['extract', '--manifest', 'm.csv', '--out', '/tmp/x', '--workers', 'abc'], '--workers'],
    [['synth', '--out', '/tmp/x', '--n-main', 'abc'], '--n-main'],
    [['robustness', '--table', 't.csv', '--threshold', 'abc'], '--threshold'],
    [['demo', '--seed', '-3'], '--seed'],
    [['serve', '--port', '70000'], '--port'],
  ])('%j is refused naming %s', (args, option) => {
    const r = run(...args);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain(option);
    expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('CSV outputs defuse spreadsheet formulas', () => {
  it('cells starting with = + - @ are written as text, numbers are not touched', () => {
    expect(csvLine(['=HYPERLINK("http://x")', '@SUM(A1)', '+1+1', '-2+3', '-1.5', '+3', '-1e-5', 'P01', -4])).toBe(
      `"'=HYPERLINK(""http://x"")",'@SUM(A1),'+1+1,'-2+3,-1.5,+3,-1e-5,P01,-4`,
    );
  });
});

describe('study settings beyond their documented limits', () => {
  it.each([
    ['svm.C: 1e300', { svm: { C: [1e300] } }, 'svm.C'],
    ['evaluation.repeats: 100000', { evaluation: { repeats: 100000 } }, 'evaluation.repeats'],
    ['evaluation.bootstrap: 1e9', { evaluation: { bootstrap: 1e9 } }, 'evaluation.bootstrap'],
    ['evaluation.folds: 1000', { evaluation: { folds: 1000 } }, 'evaluation.folds'],
  ])('%s is a BAD_CONFIG naming the key', (_, extra, key) => {
    const raw = { data: { outcome: 'y', cohorts: [{ name: 'main', tables: ['t.csv'] }] }, ...extra };
    let err: unknown;
    try { parseStudyConfig(raw); } catch (e) { err = e; }
    expect((err as { code?: string }).code).toBe('BAD_CONFIG');
    expect((err as Error).message).toContain(key);
  });
});
