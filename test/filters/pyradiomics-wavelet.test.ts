/**
 * PyRadiomics' wavelet images (getWaveletImage / _swt3: wrap padding to even lengths, pywt.swtn
 * level 1 in a loop, sub-band names) against PyWavelets itself: scripts/oracles/pyradiomics_wavelet.py
 * runs PyRadiomics' own code with numpy in place of SimpleITK on the same voxels.
 *
 * Tolerance: 1e-14 × the image's intensity range. Both sides compute in float64 with the same
 * filter taps (bit for bit since session 7: the table is PyWavelets' own, test/filters/filters.test.ts)
 * in a different summation order; the worst difference seen is printed (7e-17 on brain1). Until
 * session 7 the taps were the outdated wavelets.pybytes.com values, up to 5e-12 off PyWavelets'
 * (pywt issue #327), and the tolerance was the 1e-10.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { cropImage } from '../../src/image/crop.ts';
import type { Image, Vec3 } from '../../src/image/image.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { boundingBox, growBox } from '../../src/image/crop.ts';
import { pyradiomicsWavelet, pyradiomicsWaveletBands } from '../../src/filters/wavelet-pyradiomics.ts';
import { WAVELET_FAMILIES, waveletFilters } from '../../src/filters/wavelet-coefficients.ts';
import { loadCase } from '../pyradiomics/baseline.ts';
import { PYWT } from '../helpers/python.ts';
import { HAS_SHARED, REPO_ROOT, sharedPath } from '../helpers/shared.ts';

const ORACLE = join(REPO_ROOT, 'scripts', 'oracles', 'pyradiomics_wavelet.py');
const work = mkdtempSync(join(tmpdir(), 'sonomics-pywt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let runs = 0;

/** The images PyRadiomics' getWaveletImage yields for these voxels, by name, in yield order. */
function oracle(data: Float64Array, size: Vec3, axes: number[], wavelet: string, startLevel: number, level: number): Map<string, Float64Array> {
  const dir = join(work, String(runs++));
  const input = join(work, `in-${runs}.f64`);
  writeFileSync(input, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  // numpy order (z, y, x) is our memory order (x fastest); a 2D image is (y, x)
  const shape = axes.length === 2 && axes[0] === 1 ? [size[1], size[0]] : [size[2], size[1], size[0]];
  const r = spawnSync(PYWT!.cmd, [ORACLE, input, dir, shape.join(','), axes.join(','), wavelet, String(startLevel), String(level)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`oracle failed: ${r.stderr}`);
  const names = readFileSync(join(dir, 'names.txt'), 'utf8').trim().split('\n');
  return new Map(names.map((n) => {
    const b = readFileSync(join(dir, `${n}.f64`));
    return [n, new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength))];
  }));
}

function range(d: Float64Array): number {
  let lo = Infinity, hi = -Infinity;
  for (const v of d) { if (v < lo) lo = v; if (v > hi) hi = v; }
  return hi - lo;
}

/** PyRadiomics' name wavelet[k]-BANDS → our level (start_level + k) and sub-band (same letters, x first). */
function ours(name: string, startLevel: number): { level: number; subband: string } {
  const m = /^wavelet(\d*)-([LH]+)$/.exec(name)!;
  return { level: startLevel + (m[1] ? Number(m[1]) : 1), subband: m[2]! };
}

/** Compares every yielded image; returns the worst |difference| / range. */
function compare(data: Float64Array, size: Vec3, axes: number[], wavelet: string, startLevel: number, level: number, expectedNames: string[]): number {
  const ref = oracle(data, size, axes, wavelet, startLevel, level);
  expect([...ref.keys()]).toEqual(expectedNames);
  const scale = range(data);
  let worst = 0;
  for (const [name, want] of ref) {
    const o = ours(name, startLevel);
    const got = pyradiomicsWavelet(data, size, { family: wavelet, subband: o.subband, level: o.level });
    expect(got.length).toBe(want.length);
    let d = 0;
    for (let i = 0; i < got.length; i++) d = Math.max(d, Math.abs(got[i]! - want[i]!));
    worst = Math.max(worst, d / scale);
    expect(d / scale, `${name}`).toBeLessThan(1e-14);
  }
  return worst;
}

const BANDS3 = ['LLH', 'LHL', 'LHH', 'HLL', 'HLH', 'HHL', 'HHH'];

describe.skipIf(!HAS_SHARED || !PYWT)('PyRadiomics wavelet (pywt.swtn as _swt3) against PyWavelets', () => {
  it('brain1, whole image (256×256×25, odd z padded by wrap), coif1, level 1: all 8 images', () => {
    const { image } = loadCase('brain1')!;
    const worst = compare(Float64Array.from(image.data), image.size, [2, 1, 0], 'coif1', 0, 1, [...BANDS3.map((b) => `wavelet-${b}`), 'wavelet-LLL']);
    console.log(`brain1 coif1 level 1: worst |Δ|/range ${worst.toExponential(2)} (pywt ${PYWT!.pywt})`);
  }, 120_000);

  it('brain1 around the tumour (odd axes padded by wrap), start_level 1, level 2, db2 and haar: wavelet-*, wavelet2-* and the last approximation', () => {
    const { image, mask } = loadCase('brain1')!;
    const box = growBox(boundingBox([mask])!, image, 6);
    const crop = cropImage(image, box);
    expect(crop.size.some((n) => n % 2 === 1)).toBe(true); // the wrap padding is exercised
    const names = [...BANDS3.map((b) => `wavelet-${b}`), ...BANDS3.map((b) => `wavelet2-${b}`), 'wavelet2-LLL'];
    for (const w of ['db2', 'haar']) compare(Float64Array.from(crop.data), crop.size, [2, 1, 0], w, 1, 2, names);
  }, 120_000);

  it('force2D on a 3D image (axes x, y only): 2-letter sub-bands', () => {
    const { image, mask } = loadCase('breast1')!;
    const crop = cropImage(image, growBox(boundingBox([mask])!, image, 5));
    compare(Float64Array.from(crop.data), crop.size, [2, 1], 'coif1', 0, 1, ['wavelet-LH', 'wavelet-HL', 'wavelet-HH', 'wavelet-LL']);
  }, 60_000);

  it('a BUS-BRA lesion crop (2D PNG), coif1 levels 1 and 2', () => {
    const B = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
    const img = readImageFile(`${B}/Images/bus_0001-l.png`), mask = readMaskFile(`${B}/Masks/mask_0001-l.png`, { label: 1 });
    const crop: Image = cropImage(img, growBox(boundingBox([mask])!, img, 7));
    expect(crop.size[2]).toBe(1);
    compare(Float64Array.from(crop.data), crop.size, [1, 0], 'coif1', 0, 2, ['wavelet-LH', 'wavelet-HL', 'wavelet-HH', 'wavelet2-LH', 'wavelet2-HL', 'wavelet2-HH', 'wavelet2-LL']);
  }, 60_000);

  it('axes shorter than the filter (5×3×3, coif2 has 12 taps: the periodic extension wraps several times)', () => {
    const rng = new Random(16);
    const size: Vec3 = [5, 3, 3];
    const data = Float64Array.from({ length: 45 }, () => Math.round(rng.next() * 1000) - 300);
    compare(data, size, [2, 1, 0], 'coif2', 0, 2, [...BANDS3.map((b) => `wavelet-${b}`), ...BANDS3.map((b) => `wavelet2-${b}`), 'wavelet2-LLL']);
  }, 60_000);
});

describe.skipIf(!PYWT)('wavelet taps against PyWavelets', () => {
  it('every family\'s dec_lo and dec_hi equal pywt.Wavelet(name).dec_lo / dec_hi bit for bit', () => {
    // Python's repr is the shortest round trip, so Number() gives back pywt's doubles exactly
    const script = `import json, pywt; print(json.dumps({f: [[repr(v) for v in pywt.Wavelet(f).dec_lo], [repr(v) for v in pywt.Wavelet(f).dec_hi]] for f in ${JSON.stringify(WAVELET_FAMILIES)}}))`;
    const r = spawnSync(PYWT!.cmd, ['-c', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const pywt = JSON.parse(r.stdout) as Record<string, [string[], string[]]>;
    for (const family of WAVELET_FAMILIES) {
      const { lo, hi } = waveletFilters(family);
      expect(Array.from(lo), `${family} dec_lo`).toEqual(pywt[family]![0].map(Number));
      expect(Array.from(hi), `${family} dec_hi`).toEqual(pywt[family]![1].map(Number));
    }
  });
});

describe('PyRadiomics wavelet: shared passes and refusals', () => {
  it('bands computed together equal bands computed alone, byte for byte', () => {
    const rng = new Random(7);
    const size: Vec3 = [9, 8, 5];
    const data = Float64Array.from({ length: 360 }, () => rng.next() * 100);
    const all = pyradiomicsWaveletBands(data, size, 'coif1', 2, [...BANDS3, 'LLL']);
    [...BANDS3, 'LLL'].forEach((b, i) => expect(all[i]).toEqual(pyradiomicsWavelet(data, size, { family: 'coif1', subband: b, level: 2 })));
  });

  it('an unknown wavelet, a bad level or a 3D band on one slice is refused by name', () => {
    const d = new Float64Array(16);
    expect(() => pyradiomicsWavelet(d, [4, 4, 1], { family: 'bior1.3', subband: 'LH', level: 1 })).toThrow(/bior1\.3/);
    expect(() => pyradiomicsWavelet(d, [4, 4, 1], { family: 'coif1', subband: 'LH', level: 0 })).toThrow(/level/);
    expect(() => pyradiomicsWavelet(d, [4, 4, 1], { family: 'coif1', subband: 'LLH', level: 1 })).toThrow(/one slice/);
  });
});
