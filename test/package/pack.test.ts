// The published package, used as a stranger would: `npm pack` the repository, install the tarball
// into an empty project, then import it from plain Node 20 (ESM and require), run `npx sonomics`,
// serve the prebuilt web app, and type-check a strict NodeNext TypeScript project against it.
//
// The install is offline: the temporary project gets a lockfile naming the runtime dependencies
// with the repository lockfile's versions and integrities, so `npm ci --offline` takes their
// tarballs from the npm cache the repository's own `npm ci` filled (no registry, no surprises).
// The build is reused when dist/.build-stamp matches the sources (CI builds once, before the tests).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/shared.ts';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string; version: string; license: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string>;
};
// The public API as documented (docs/architecture.md), checked against src/index.ts by public-api.test.ts.
const ROOT_NAMES_SAMPLE = ['readImage', 'extractFeatures', 'extractCase', 'roc', 'delongCI', 'runStudy', 'loadModel', 'predict', 'synthCohort', 'SonomicsError', 'Random'];
const NODE_NAMES_SAMPLE = ['readImageFile', 'runExtraction', 'writeStudyOutputs', 'runDemo', 'serveStatic'];

let work: string;
let app: string;
let tarball: string;
let packedFiles: string[];

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
}

/** package-lock.json of a project depending only on the tarball: its runtime closure, from the repo's lock. */
function consumerLock(tgzName: string): object {
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  const integrity = 'sha512-' + createHash('sha512').update(readFileSync(join(work, tgzName))).digest('base64');
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', dependencies: { [pkg.name]: `file:../${tgzName}` } },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version, resolved: `file:../${tgzName}`, integrity, license: pkg.license,
      dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines,
    },
  };
  const todo = Object.keys(pkg.dependencies);
  while (todo.length) {
    const name = todo.pop()!;
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    const entry = lock.packages[key];
    if (!entry) throw new Error(`package-lock.json has no ${key}; run npm install`);
    const { dev: _dev, ...rest } = entry;
    packages[key] = rest;
    todo.push(...Object.keys((entry.dependencies ?? {}) as object), ...Object.keys((entry.optionalDependencies ?? {}) as object));
  }
  return { name: 'consumer', lockfileVersion: 3, requires: true, packages };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sonomics-pack-'));
  run(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs'), '--if-changed'], REPO_ROOT);
  const packed = JSON.parse(run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO_ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = packed[0]!.filename;
  packedFiles = packed[0]!.files.map((f) => f.path);
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { [pkg.name]: `file:../${tarball}` } }, null, 2));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify(consumerLock(tarball), null, 2));
  run(NPM, ['ci', '--offline', '--no-audit', '--no-fund'], app);
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('ships the compiled library, the CLI and the prebuilt web app, and no sources, tests, benchmarks or CI files', () => {
    for (const f of ['package.json', 'README.md', 'bin/sonomics.mjs', 'dist/index.js', 'dist/index.d.ts', 'dist/index.js.map', 'dist/node/index.js', 'dist/node/index.d.ts', 'dist/node/worker-boot.mjs', 'dist/cli/main.js', 'web/dist/index.html']) {
      expect(packedFiles, f).toContain(f);
    }
    const top = new Set(packedFiles.map((f) => f.split('/')[0]));
    for (const dir of ['src', 'test', 'bench', '.ci', 'scripts', 'node_modules']) expect(top.has(dir), dir).toBe(false);
    expect(packedFiles.filter((f) => f.startsWith('web/') && !f.startsWith('web/dist/'))).toEqual([]);
    expect(packedFiles.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    // tsx and Vite are build tools, not runtime dependencies.
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', pkg.name, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(installed.dependencies)).not.toContain('tsx');
    expect(Object.keys(installed.dependencies)).not.toContain('vite');
  });

  it('imports from plain Node ESM (root and ./node) and computes', () => {
    writeFileSync(join(app, 'esm.mjs'), `
      import * as lib from '${pkg.name}';
      import * as node from '${pkg.name}/node';
      const curve = lib.roc([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9]);
      const png = lib.readImage(lib.encodePng({ width: 3, height: 2, channels: 1, bitDepth: 8, data: new Uint8Array([0, 10, 20, 30, 40, 50]) }));
      let code = null;
      try { lib.roc([0.1], [0]); } catch (e) { code = e instanceof lib.SonomicsError ? e.code : 'other'; }
      console.log(JSON.stringify({ root: Object.keys(lib), node: Object.keys(node), auc: curve.auc, size: png.size, code }));
    `);
    const out = JSON.parse(run(process.execPath, ['esm.mjs'], app)) as { root: string[]; node: string[]; auc: number; size: number[]; code: string };
    for (const n of ROOT_NAMES_SAMPLE) expect(out.root, n).toContain(n);
    for (const n of NODE_NAMES_SAMPLE) expect(out.node, n).toContain(n);
    // Node-only helpers stay out of the browser-safe root.
    expect(out.root).not.toContain('runExtraction');
    expect(out.auc).toBeCloseTo(8 / 9, 12); // 9 case-control pairs, 8 ranked correctly (0.4 > 0.35)
    expect(out.size).toEqual([3, 2, 1]);
    expect(out.code).toBe('BAD_INPUT');
  });

  it('loads with require() too (ESM-only package; Node >= 20.19 requires ES modules synchronously)', () => {
    writeFileSync(join(app, 'cjs.cjs'), `const lib = require('${pkg.name}'); const node = require('${pkg.name}/node');
      console.log(JSON.stringify({ n: Object.keys(lib).length, stats: typeof lib.delongCI, node: typeof node.readImageFile }));`);
    const out = JSON.parse(run(process.execPath, ['cjs.cjs'], app)) as { n: number; stats: string; node: string };
    expect(out.stats).toBe('function');
    expect(out.node).toBe('function');
    expect(out.n).toBeGreaterThan(50);
  });

  it('`npx sonomics --help` runs from the install, without tsx', () => {
    const help = run(NPM, ['exec', '--offline', '--', 'sonomics', '--help'], app);
    expect(help).toContain('Usage: sonomics');
    for (const cmd of ['demo', 'extract', 'study', 'predict', 'serve']) expect(help).toContain(cmd);
    expect(run(NPM, ['exec', '--offline', '--', 'sonomics', '--version'], app).trim()).toBe(pkg.version);
  });

  it('`sonomics serve` serves the prebuilt web app without Vite', async () => {
    const child = spawn(process.execPath, [join(app, 'node_modules', pkg.name, 'bin/sonomics.mjs'), 'serve', '--port', '0'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((ok, fail) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => { out += d; const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out); if (m) ok(m[1]!); });
        child.stderr.on('data', (d: Buffer) => { err += d; });
        child.on('exit', (code) => fail(new Error(`serve exited (${code}): ${out}${err}`)));
      });
      const html = await (await fetch(url)).text();
      expect(html).toContain('<script');
      const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const js = await fetch(url + script);
      expect(js.status).toBe(200);
      expect((await js.text()).length).toBeGreaterThan(1000);
    } finally {
      child.kill();
    }
  });

  it('type-checks in a strict NodeNext TypeScript project importing the root and ./node; a wrong import is an error', () => {
    const ts = join(work, 'ts');
    mkdirSync(join(ts, 'node_modules', '@types'), { recursive: true });
    symlinkSync(join(app, 'node_modules', pkg.name), join(ts, 'node_modules', pkg.name));
    symlinkSync(join(REPO_ROOT, 'node_modules', '@types', 'node'), join(ts, 'node_modules', '@types', 'node'));
    writeFileSync(join(ts, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
    writeFileSync(join(ts, 'tsconfig.json'), JSON.stringify({
      // skipLibCheck stays off: the package's own .d.ts files are checked too.
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true },
      files: ['main.ts', 'wrong.ts'],
    }));
    writeFileSync(join(ts, 'main.ts'), `
      import { roc, delongCI, extractFeatures, Random, SonomicsError, type Image, type Mask, type StudyResult, type ModelBundle, type FeatureSettings } from '${pkg.name}';
      import { readImageFile, runExtraction, type ExtractOptions } from '${pkg.name}/node';
      const auc: number = roc([0, 1], [0.2, 0.7]).auc;
      const ci = delongCI([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
      const random = new Random(7);
      export function features(image: Image, mask: Mask, settings: Partial<FeatureSettings>): Record<string, number> { return extractFeatures(image, mask, settings); }
      export async function extract(o: ExtractOptions) { return runExtraction(o); }
      export type Outputs = [StudyResult, ModelBundle];
      void [auc, ci, random.next(), readImageFile, SonomicsError];
    `);
    // The control: names that are not public must not type-check (so a clean main.ts means something).
    writeFileSync(join(ts, 'wrong.ts'), `import { notAnExport } from '${pkg.name}';\nimport { runPool } from '${pkg.name}/node';\nvoid [notAnExport, runPool];\n`);
    let output = '';
    try {
      output = run(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', ts], ts);
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    const errors = output.split('\n').filter((l) => /error TS\d+/.test(l));
    expect(errors.filter((l) => !l.startsWith('wrong.ts'))).toEqual([]);
    expect(errors.some((l) => l.includes("has no exported member 'notAnExport'"))).toBe(true);
    expect(errors.some((l) => l.includes("has no exported member 'runPool'"))).toBe(true);
    expect(errors).toHaveLength(2);
  });
});
