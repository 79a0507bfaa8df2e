/**
 * Numeric command-line arguments are range-checked (issue #20): a bad value exits non-zero with
 * a message naming the option, instead of running with NaN and exiting 0 having done nothing.
 * CSV outputs defuse formula-like cells.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.ts';
import { csvLine } from '../../src/tables/csv.ts';

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
