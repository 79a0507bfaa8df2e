#!/usr/bin/env node
// Runs the vitest suites and ends with one plain line "N passed, N failed, N skipped",
// which CI and humans read: a skip is visible, not silently green. Extra arguments are passed
// on to vitest (e.g. `--project unit`, as the test:unit / test:ref / test:slow scripts do).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const dir = join(tmpdir(), `sonomics-test-${process.pid}`);
mkdirSync(dir, { recursive: true });
const jsonFile = join(dir, 'results.json');
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed = report.numPassedTests ?? 0;
  // vitest's JSON report counts skipped tests (it.skip, skipIf, describe.skipIf) as pending.
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(report);
} catch {
  failed = Math.max(failed, 1);
}
rmSync(dir, { recursive: true, force: true });
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);

// A suite that fails to load has no tests; count it once as a failure, but do not
// double-count suites whose individual tests already failed.
function countSuitesWithFailedTests(report) {
  return (report.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).some((a) => a.status === 'failed')).length;
}
