// No import cycles in src/: a cycle makes module initialisation order-dependent (a value
// imported from a module still being evaluated is undefined) and means two "stages" are really
// one. This test reads every source file's import statements (static, dynamic and type-only
// alike: a type-only cycle still ties the two files' designs together), resolves the relative
// ones and looks for strongly connected components (Tarjan 1972).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/shared.ts';

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Relative module specifiers a source imports or re-exports (static, dynamic, type-only). */
export function relativeImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const re = /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
  return [...code.matchAll(re)].map((m) => m[1] ?? m[2]!);
}

/** Strongly connected components with more than one file, or a file importing itself. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>(), low = new Map<string, number>();
  const stack: string[] = [], onStack = new Set<string>(), cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter); low.set(v, counter); counter++;
    stack.push(v); onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('import graph of src/', () => {
  it('reads static, type-only, re-export and dynamic imports, and ignores commented ones (self-check)', () => {
    const src = `import { a } from './a.ts';\nimport type { B } from "../b.ts";\nexport * from './c.ts';\nexport { d } from './d.ts';\nconst e = await import('./e.ts');\n// import { f } from './f.ts';\n/* import g from './g.ts' */\nimport { h } from 'fflate';`;
    expect(relativeImports(src)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.ts']);
  });

  it('finds a cycle when there is one (self-check)', () => {
    const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']], ['e', ['e']]]);
    expect(importCycles(g)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('has no import cycle', () => {
    const root = join(REPO_ROOT, 'src');
    const graph = new Map<string, string[]>();
    for (const file of sourceFiles(root)) {
      const rel = (p: string) => relative(REPO_ROOT, p).replaceAll('\\', '/');
      graph.set(rel(file), relativeImports(readFileSync(file, 'utf8')).map((s) => rel(resolve(dirname(file), s))));
    }
    expect(graph.size).toBeGreaterThan(100);
    expect(importCycles(graph)).toEqual([]);
  });
});
