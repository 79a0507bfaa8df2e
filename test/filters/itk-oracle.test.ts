/**
 * PyRadiomics' LoG and gradient images (SimpleITK LaplacianRecursiveGaussianImageFilter with
 * NormalizeAcrossScale, GradientMagnitudeImageFilter with spacing) against ITK 5.2 itself
 * (scripts/oracles/itk_filters.cxx, test/helpers/itk.ts), on brain1 (3D, anisotropic spacing)
 * and a BUS-BRA frame (2D, as SimpleITK reads a PNG).
 *
 * LoG tolerance: one float32 unit in the last place of the image's largest |LoG| (≈ 1e-7 of
 * the range). ITK stores every intermediate image as float32; we round identically, and almost
 * every voxel is bit-identical. The few that are not: the coefficients come from sin/cos/exp,
 * whose last bit may differ between glibc and V8, and a one-bit change in a double can flip a
 * float32 rounding of an intermediate value, which is as large as the image's values (a small
 * output voxel can be the difference of large intermediates, so its own ulp is not the scale).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Image } from '../../src/image/image.ts';
import { gradientMagnitude } from '../../src/filters/gradient.ts';
import { logLikePyradiomics } from '../../src/filters/log-itk.ts';
import { readImageFile } from '../../src/node/read.ts';
import { loadCase } from '../pyradiomics/baseline.ts';
import { HAS_ITK, itkOracle } from '../helpers/itk.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';

const work = mkdtempSync(join(tmpdir(), 'sonomics-itk-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function itk(img: Image, args: string[]): Float64Array {
  const d = Float64Array.from(img.data);
  const input = join(work, 'in.f64'), output = join(work, 'out.f64');
  writeFileSync(input, new Uint8Array(d.buffer));
  const r = spawnSync(itkOracle(), [input, output, ...img.size.map(String), ...img.spacing.map((v) => v.toPrecision(17)), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ITK oracle failed: ${r.stderr}`);
  const b = readFileSync(output);
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/** One float32 ulp at |v|. */
function ulp32(v: number): number {
  const a = Math.abs(Math.fround(v));
  if (a === 0) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

function images(): Array<[string, Image]> {
  const B = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
  return [['brain1', loadCase('brain1')!.image], ['BUS-BRA 0001-l', readImageFile(`${B}/Images/bus_0001-l.png`)]];
}

describe.skipIf(!HAS_SHARED || !HAS_ITK)('PyRadiomics filters against ITK 5.2', () => {
  it('LoG σ 1, 2, 3 mm (NormalizeAcrossScale): every voxel within one float32 ulp of the largest value, almost all identical', () => {
    for (const [name, img] of images()) {
      const d = Float64Array.from(img.data);
      for (const sigma of [1, 2, 3]) {
        const want = itk(img, ['log', String(sigma)]);
        const got = logLikePyradiomics(d, img.size, img.spacing, sigma);
        let differing = 0, worst = 0, peak = 0;
        for (const v of want) peak = Math.max(peak, Math.abs(v));
        const tol = ulp32(peak);
        for (let i = 0; i < got.length; i++) {
          if (got[i] === want[i]) continue;
          differing++;
          worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
          if (!(Math.abs(got[i]! - want[i]!) <= tol)) expect.fail(`${name} σ ${sigma}: voxel ${i} ${got[i]} vs ITK ${want[i]} (tolerance ${tol})`);
        }
        console.log(`${name} LoG σ ${sigma}: ${differing} of ${got.length} voxels differ, by at most ${worst.toExponential(2)} (largest |value| ${peak.toFixed(1)})`);
        expect(differing / got.length).toBeLessThan(1e-4);
      }
    }
  }, 300_000);

  it('gradient magnitude with spacing: within 1e-12 relative', () => {
    for (const [name, img] of images()) {
      const want = itk(img, ['gradient']);
      const got = gradientMagnitude(Float64Array.from(img.data), img.size, img.spacing, img.size[2] === 1 ? 2 : 3);
      let worst = 0, scale = 0;
      for (let i = 0; i < got.length; i++) { worst = Math.max(worst, Math.abs(got[i]! - want[i]!)); scale = Math.max(scale, Math.abs(want[i]!)); }
      console.log(`${name} gradient: max |Δ| ${worst.toExponential(2)} (max value ${scale.toFixed(1)})`);
      expect(worst / scale).toBeLessThan(1e-12);
    }
  }, 300_000);
});
