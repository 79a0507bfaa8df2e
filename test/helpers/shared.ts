/**
 * Where ../shared is, and a guard for suites that need it: they skip with a clear message when it
 * is absent on a developer's machine, but under CI=true (set by .ci/run) a missing ../shared is an
 * error, so a CI run can never be green by skipping the reference suites.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED = process.env.SONOMICS_SHARED ?? join(repoRoot, '..', 'shared');
export const HAS_SHARED = existsSync(join(SHARED, 'README.md'));
export const REPO_ROOT = repoRoot;

export function sharedPath(...parts: string[]): string {
  return join(SHARED, ...parts);
}

/** True on CI (CI=true or CI=1): inputs a suite needs must be present, skipping is a failure. */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

if (!HAS_SHARED) {
  if (IN_CI) {
    throw new Error(`[sonomics tests] ../shared not found at ${SHARED}, and CI=true: the reference suites must run on CI, not skip. Put the shared data beside the checkout (../shared) or set SONOMICS_SHARED.`);
  }
  console.warn(`[sonomics tests] ../shared not found at ${SHARED}: suites that need the shared data are skipped.`);
}
