#!/usr/bin/env node
// Builds what the published package ships (`npm run build`; `npm pack` runs it too):
//   dist/      the library and CLI compiled by tsc (tsconfig.build.json): ESM .js, .d.ts, source maps
//              (with the sources inlined, since src/ is not shipped), plus the worker bootstrap;
//   web/dist/  the browser app built by Vite, which `sonomics serve` serves without Vite installed.
// Both folders are replaced whole, so no file of a deleted source survives into a tarball.
//
// `--if-changed` skips the build when dist/.build-stamp holds the hash of the current inputs
// (sources, web app, manifests, this script): CI builds once and the pack test reuses it, while
// a stale build is always rebuilt.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInputsHash } from './build-inputs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = `${root}dist/.build-stamp`;
const hash = buildInputsHash(root);

if (process.argv.includes('--if-changed') && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash && existsSync(`${root}web/dist/index.html`)) {
  console.log(`build: dist/ and web/dist/ are up to date (${hash.slice(0, 12)})`);
  process.exit(0);
}

function run(label, args) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build: ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  console.log(`build: ${label} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

rmSync(`${root}dist`, { recursive: true, force: true });
run('tsc → dist/', [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json']);
rewriteDeclarationImports(`${root}dist`);
// tsc compiles .ts only; the pool forks this plain ESM file beside its compiled pool.js.
copyFileSync(`${root}src/node/worker-boot.mjs`, `${root}dist/node/worker-boot.mjs`);
run('vite → web/dist/', [`${root}node_modules/vite/bin/vite.js`, 'build', 'web', '--logLevel', 'error']);
writeFileSync(stamp, hash + '\n');

/**
 * tsc rewrites './x.ts' to './x.js' in the emitted JavaScript (rewriteRelativeImportExtensions) but
 * leaves the .d.ts files naming './x.ts'. TypeScript 5 resolves those to x.d.ts, but older compilers
 * and other tools expect the conventional '.js', so the declarations get the same rewrite.
 */
function rewriteDeclarationImports(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) rewriteDeclarationImports(p);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(p, 'utf8');
      const rewritten = text.replace(/((?:from|import\()\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1$2.js$3');
      if (rewritten !== text) writeFileSync(p, rewritten);
    }
  }
}
