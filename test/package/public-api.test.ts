// The public API is a list someone wrote down, not whatever happens to be exported: the tables in
// docs/architecture.md ("Public API") and the entry files (src/index.ts → `sonomics`,
// src/node/index.ts → `sonomics/node`) must name the same functions, constants and types.
// The web app is a user of the root like any other: it imports the library only through it.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../helpers/shared.ts';

interface Listed { values: string[]; types: string[] }

/** The backticked names in the table under `heading` (2nd column: values, 3rd: types). */
function documented(heading: string): Listed {
  const doc = readFileSync(join(REPO_ROOT, 'docs/architecture.md'), 'utf8');
  const start = doc.indexOf(heading);
  if (start < 0) throw new Error(`docs/architecture.md has no heading "${heading}"`);
  const rest = doc.slice(start + heading.length);
  const section = rest.slice(0, rest.search(/\n#{2,3} /) >>> 0);
  const values: string[] = [];
  const types: string[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || cells[1] === 'stage' || /^-+$/.test(cells[1]!)) continue;
    const names = (cell: string) => [...cell.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1]!);
    values.push(...names(cells[2]!));
    types.push(...names(cells[3]!));
  }
  return { values: values.sort(), types: types.sort() };
}

/** The names an entry file exports, split into values and type-only exports (parsed, not compiled). */
function exported(file: string): Listed & { exportStar: string[] } {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const values: string[] = [];
  const types: string[] = [];
  const exportStar: string[] = [];
  for (const st of sf.statements) {
    if (!ts.isExportDeclaration(st)) continue;
    if (!st.exportClause) { exportStar.push(st.moduleSpecifier!.getText()); continue; }
    if (!ts.isNamedExports(st.exportClause)) { exportStar.push(st.exportClause.getText()); continue; }
    for (const el of st.exportClause.elements) (st.isTypeOnly || el.isTypeOnly ? types : values).push(el.name.text);
  }
  return { values: values.sort(), types: types.sort(), exportStar };
}

describe('public API', () => {
  it('the package root exports exactly the documented list', async () => {
    const doc = documented('### `sonomics` (browser-safe)');
    const src = exported('src/index.ts');
    expect(src.exportStar, 'no `export *`: every public name is listed').toEqual([]);
    expect(src.values).toEqual(doc.values);
    expect(src.types).toEqual(doc.types);
    // At run time, too: what a user gets from `import * as sonomics` is the documented values.
    const lib = await import('../../src/index.ts');
    expect(Object.keys(lib).sort()).toEqual(doc.values);
    expect(doc.values.length).toBeGreaterThan(80);
  });

  it('sonomics/node exports exactly the documented list', async () => {
    const doc = documented('### `sonomics/node` (Node 20)');
    const src = exported('src/node/index.ts');
    expect(src.exportStar).toEqual([]);
    expect(src.values).toEqual(doc.values);
    expect(src.types).toEqual(doc.types);
    const node = await import('../../src/node/index.ts');
    expect(Object.keys(node).sort()).toEqual(doc.values);
  });

  it('the names DESIGN.md promises to keep stable are public', async () => {
    const lib = await import('../../src/index.ts');
    for (const name of ['readImage', 'readMask', 'peritumoralRing', 'extractFeatures', 'extractCase', 'roc', 'delongCI', 'delongTest', 'bootstrapCI',
      'thresholdMetrics', 'calibration', 'decisionCurve', 'icc', 'lassoPath', 'cvLasso', 'logisticRegression', 'trainSVM', 'plattScale',
      'stratifiedKFold', 'combatFit', 'combatApply', 'runStudy', 'renderReport', 'loadModel', 'predict', 'synthCohort']) {
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('the web app imports the library only through the package root', () => {
    const dir = join(REPO_ROOT, 'web/src');
    const offenders: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2]!;
        if (spec.includes('/src/') && !spec.endsWith('/src/index.ts')) offenders.push(`${f}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
