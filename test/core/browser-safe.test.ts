// The library must run in a browser: outside src/node and src/cli no file may import a
// Node built-in or use process/require. This test reads every source file and checks.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtinModules } from 'node:module';
import { REPO_ROOT } from '../helpers/shared.ts';

const NODE_ONLY = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const NODE_ONLY_DIRS = ['src/node', 'src/cli'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

export function nodeOnlyImports(source: string): string[] {
  const found: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(re)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (NODE_ONLY.has(spec) || NODE_ONLY.has(spec.split('/')[0]!)) found.push(spec);
  }
  if (/\bprocess\.(env|argv|exit|cwd|stdout|stderr)\b/.test(source)) found.push('process');
  return found;
}

describe('browser-safe library', () => {
  it('detects a node-only import (self-check of the scanner)', () => {
    expect(nodeOnlyImports("import { readFileSync } from 'node:fs';")).toEqual(['node:fs']);
    expect(nodeOnlyImports("import x from 'path'")).toEqual(['path']);
    expect(nodeOnlyImports("import { Random } from '../core/random.ts'")).toEqual([]);
  });

  it('no file outside src/node and src/cli imports node-only modules', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(REPO_ROOT, 'src'))) {
      const rel = relative(REPO_ROOT, file).replaceAll('\\', '/');
      if (NODE_ONLY_DIRS.some((d) => rel.startsWith(d + '/'))) continue;
      const bad = nodeOnlyImports(readFileSync(file, 'utf8'));
      if (bad.length) offenders.push(`${rel}: ${bad.join(', ')}`);
    }
    expect(offenders).toEqual([]);
  });
});
