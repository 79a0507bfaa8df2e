/**
 * No deopt loop in PyRadiomics-mode extraction (issue #16, docs/performance.md "Session 6"): a
 * function that V8 deoptimises on every lesion throws its optimised code away and runs part of
 * each lesion in the interpreter. The pattern found in session 6: a loop compiled by on-stack
 * replacement before the code after it had ever run, deoptimising there on every call (Node 20's
 * V8 keeps such OSR code). With the workers' `--single-threaded` compiles happen synchronously, so
 * the deopt trace is the same on every run; the bound separates one-off deopts while type feedback
 * settles (≤ 4 per function over 20 lesions today) from a loop (one per lesion).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HAS_SHARED, REPO_ROOT } from '../helpers/shared.ts';

const probe = fileURLToPath(new URL('../helpers/deopt-probe.ts', import.meta.url));

/** Deoptimisations per function name during the extraction of `lesions` lesions. */
function deoptsPerFunction(lesions: number, config: 'original' | 'filtered'): Map<string, number> {
  const r = spawnSync(process.execPath, ['--single-threaded', '--trace-deopt', '--import', 'tsx', probe, String(lesions), config], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(r.status, r.stderr).toBe(0);
  const out = r.stdout;
  const from = out.indexOf('=== extraction starts'), to = out.indexOf('=== extraction ends');
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  const counts = new Map<string, number>();
  for (const m of out.slice(from, to).matchAll(/\[bailout \(kind: deopt[^\n]*?deoptimizing [^<]*<JSFunction ([^ >]*)/g)) {
    counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  return counts;
}

describe.skipIf(!HAS_SHARED)('deopt loops (BUS-BRA, --single-threaded --trace-deopt)', () => {
  const lesions = 20;
  const bound = lesions / 4;
  for (const config of ['original', 'filtered'] as const) {
    it(`no function deoptimises on more than a quarter of ${lesions} lesions (${config})`, () => {
      const counts = deoptsPerFunction(lesions, config);
      const loops = [...counts].filter(([, k]) => k > bound).map(([f, k]) => `${f}: ${k} deopts`);
      expect(loops).toEqual([]);
    });
  }
});
