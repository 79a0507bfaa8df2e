// The committed WebAssembly texture module (src/features/texture/kernels-wasm.ts) is what the
// pinned AssemblyScript compiler makes of assembly/texture.ts: rebuilding gives the same bytes.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.ts';

describe('texture WebAssembly module', () => {
  it('rebuilding assembly/texture.ts gives the committed bytes', () => {
    const r = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/is current/);
  });
});
