/**
 * PyRadiomics' square, square root, logarithm and exponential images (scaled by the image's
 * max |value|) against PyRadiomics' own code run by numpy (scripts/oracles/pyradiomics_transforms.py)
 * on real images: brain1 (CT-like MR intensities ≥ 0), a BUS-BRA frame, and brain1 shifted to
 * have negative values (the sign branches).
 *
 * Tolerance 1e-13 relative to the largest |value|: the same formulas in the same order, in
 * float64; log and exp may differ by an ulp between glibc and V8.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exponentialTransform, logarithmTransform, squareRootTransform, squareTransform } from '../../src/filters/transforms.ts';
import { readImageFile } from '../../src/node/read.ts';
import { loadCase } from '../pyradiomics/baseline.ts';
import { PYWT } from '../helpers/python.ts';
import { HAS_SHARED, REPO_ROOT, sharedPath } from '../helpers/shared.ts';

const work = mkdtempSync(join(tmpdir(), 'sonomics-pytransforms-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const OURS = { square: squareTransform, squareroot: squareRootTransform, logarithm: logarithmTransform, exponential: exponentialTransform };

describe.skipIf(!HAS_SHARED || !PYWT)('PyRadiomics intensity transforms against PyRadiomics code (numpy)', () => {
  it('square, squareroot, logarithm, exponential on brain1, BUS-BRA and negative intensities', () => {
    const B = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
    const brain = Float64Array.from(loadCase('brain1')!.image.data);
    const inputs: Array<[string, Float64Array]> = [
      ['brain1', brain],
      ['BUS-BRA 0002-l', Float64Array.from(readImageFile(`${B}/Images/bus_0002-l.png`).data)],
      ['brain1 − 300', brain.map((v) => v - 300)],
    ];
    for (const [name, d] of inputs) {
      const input = join(work, 'in.f64'), out = join(work, name.replace(/\W/g, '_'));
      writeFileSync(input, new Uint8Array(d.buffer));
      const r = spawnSync(PYWT!.cmd, [join(REPO_ROOT, 'scripts', 'oracles', 'pyradiomics_transforms.py'), input, out], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`oracle failed: ${r.stderr}`);
      for (const [t, f] of Object.entries(OURS)) {
        const b = readFileSync(join(out, `${t}.f64`));
        const want = new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
        const got = f(d);
        let worst = 0, scale = 0;
        for (let i = 0; i < got.length; i++) { worst = Math.max(worst, Math.abs(got[i]! - want[i]!)); scale = Math.max(scale, Math.abs(want[i]!)); }
        expect(worst / scale, `${name} ${t}`).toBeLessThan(1e-13);
      }
    }
  }, 120_000);
});
