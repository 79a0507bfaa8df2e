/**
 * Where ../shared is, and a guard for suites that need it: they skip with a clear
 * message when it is absent (CI always has it).
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

if (!HAS_SHARED) {
  console.warn(`[sonomics tests] ../shared not found at ${SHARED}: suites that need the shared data are skipped.`);
}
