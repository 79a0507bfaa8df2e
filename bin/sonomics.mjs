#!/usr/bin/env node
// The `sonomics` command. An installed package runs the compiled library (dist/, no loader needed).
// A source checkout (src/ present and tsx installed as a dev dependency) runs the TypeScript sources
// through tsx, so an edit takes effect without a build and a stale dist/ is never run by mistake;
// SONOMICS_USE_DIST=1 runs dist/ in a checkout too (after `npm run build`).
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
const compiled = new URL('../dist/cli/main.js', import.meta.url);

async function loadTsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return null;
  }
}

let entry = compiled;
if (process.env.SONOMICS_USE_DIST !== '1' && existsSync(source)) {
  const tsx = await loadTsx();
  if (tsx) {
    tsx.register();
    entry = source;
  } else if (!existsSync(compiled)) {
    console.error('sonomics: this checkout has neither tsx (a dev dependency: run `npm ci`) nor a build (run `npm run build`).');
    process.exit(1);
  }
}
const { main } = await import(entry.href);
await main(process.argv);
