// The hash of everything the package build reads, so a build can tell whether it is current
// (scripts/build.mjs --if-changed, test/package/pack.test.ts).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUT_DIRS = ['src', 'web', 'bin'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'scripts/build-inputs.mjs'];
const SKIP = new Set(['dist', 'node_modules']);

function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    if (SKIP.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** SHA-256 over the build's input files (paths and contents, in a fixed order). */
export function buildInputsHash(root) {
  const files = [];
  for (const d of INPUT_DIRS) walk(join(root, d), files);
  for (const f of INPUT_FILES) files.push(join(root, f));
  const h = createHash('sha256');
  for (const f of files) {
    h.update(relative(root, f) + '\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}
