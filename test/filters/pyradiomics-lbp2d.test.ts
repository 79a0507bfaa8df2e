/**
 * PyRadiomics' LBP2D image (getLBP2DImage → scikit-image's local_binary_pattern) against
 * scikit-image's own code (scripts/oracles/pyradiomics_lbp2d.py, Debian's scikit-image 0.19) on
 * real images: BUS-BRA lesion crops and a whole frame as PyRadiomics reads a PNG (2D, uint8), and
 * breast1 as PyRadiomics reads its NRRD (3D int16, slice by slice, the codes written back into the
 * int16 array). Radii and sample counts PyRadiomics passes through (lbp2DRadius, lbp2DSamples),
 * non-integer radii included (bilinear samples; scikit-image takes R as a C float), and the
 * methods sonomics accepts (uniform, PyRadiomics' default, nri_uniform, default, ror).
 *
 * The codes are whole numbers computed by the same comparisons: every pixel must be equal.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lbp2d, type LbpMethod } from '../../src/filters/lbp.ts';
import { readImageFile } from '../../src/node/read.ts';
import { loadCase } from '../pyradiomics/baseline.ts';
import { SKIMAGE_PYTHON } from '../helpers/skimage.ts';
import { HAS_SHARED, REPO_ROOT, sharedPath } from '../helpers/shared.ts';

const work = mkdtempSync(join(tmpdir(), 'sonomics-lbp2d-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CONFIGS: Array<{ P: number; R: number; method: LbpMethod }> = [
  { P: 8, R: 1, method: 'uniform' }, // PyRadiomics' defaults
  { P: 16, R: 2, method: 'uniform' },
  { P: 24, R: 3, method: 'uniform' },
  { P: 8, R: 2.5, method: 'uniform' },
  { P: 6, R: 0.7, method: 'uniform' }, // 0.7 is not a float32: scikit-image samples at R = 0.699999988
  { P: 8, R: 1, method: 'nri_uniform' },
  { P: 12, R: 1.5, method: 'nri_uniform' },
  { P: 8, R: 1, method: 'default' },
  { P: 8, R: 1, method: 'ror' },
  { P: 12, R: 2, method: 'ror' },
];

interface Input { name: string; size: [number, number, number]; values: Float64Array; dtype: 'uint8' | 'int16'; twoD: boolean }

/** PyRadiomics' LBP2D of `input` by scikit-image (float64 codes, x fastest). */
function oracle(input: Input, P: number, R: number, method: string): Float64Array {
  const [X, Y, Z] = input.size;
  const raw = input.dtype === 'uint8' ? Uint8Array.from(input.values) : Int16Array.from(input.values);
  const src = join(work, 'in.raw'), out = join(work, 'out.f64');
  writeFileSync(src, new Uint8Array(raw.buffer));
  const args = [join(REPO_ROOT, 'scripts', 'oracles', 'pyradiomics_lbp2d.py'), src, out, input.dtype, String(input.twoD ? 0 : Z), String(Y), String(X), String(P), String(R), method];
  const r = spawnSync(SKIMAGE_PYTHON!, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`LBP2D oracle failed: ${r.stderr}`);
  const b = readFileSync(out);
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/** A BUS-BRA frame cut to its lesion's box ± margin pixels (margin Infinity: the whole frame). */
function busbra(id: string, margin: number): Input {
  const B = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
  const img = readImageFile(`${B}/Images/bus_${id}.png`), mask = readImageFile(`${B}/Masks/mask_${id}.png`);
  const [X, Y] = img.size;
  let x0 = X, x1 = -1, y0 = Y, y1 = -1;
  for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++) if (mask.data[y * X + x]! > 0) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  x0 = Math.max(0, x0 - margin); y0 = Math.max(0, y0 - margin); x1 = Math.min(X - 1, x1 + margin); y1 = Math.min(Y - 1, y1 + margin);
  const w = x1 - x0 + 1, h = y1 - y0 + 1;
  const values = new Float64Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) values[y * w + x] = img.data[(y + y0) * X + x + x0]!;
  return { name: `BUS-BRA ${id}${Number.isFinite(margin) ? ` crop ±${margin}` : ' whole frame'}`, size: [w, h, 1], values, dtype: 'uint8', twoD: true };
}

describe.skipIf(!HAS_SHARED || !SKIMAGE_PYTHON)("PyRadiomics' LBP2D against scikit-image", () => {
  it('every pixel equal on BUS-BRA (2D uint8) and breast1 (3D int16, by slice), 10 radius/samples/method settings', () => {
    const breast = loadCase('breast1')!.image;
    const inputs: Input[] = [
      busbra('0001-l', 10),
      busbra('0002-l', 10),
      busbra('0010-r', 10),
      busbra('0005-l', Infinity),
      { name: 'breast1 (3D int16)', size: [...breast.size] as [number, number, number], values: Float64Array.from(breast.data), dtype: 'int16', twoD: false },
    ];
    const counts: string[] = [];
    for (const input of inputs) {
      for (const { P, R, method } of CONFIGS) {
        const want = oracle(input, P, R, method);
        const got = lbp2d(input.values, input.size, R, P, method);
        expect(got.length).toBe(want.length);
        let differ = 0;
        for (let i = 0; i < got.length; i++) if (got[i] !== want[i]) differ++;
        counts.push(`${input.name} P=${P} R=${R} ${method}: ${differ} of ${got.length} differ`);
        expect(differ, `${input.name} P=${P} R=${R} ${method}`).toBe(0);
      }
    }
    expect(counts).toHaveLength(inputs.length * CONFIGS.length);
  }, 300_000);

  it("codes beyond the image's integer type: PyRadiomics wraps them (int16 breast1, default P = 16), sonomics keeps them", () => {
    // getLBP2DImage writes each slice's float64 codes back into the image's own array; on an int16
    // image a code ≥ 32768 wraps to code − 65536 (numpy's cast on x86-64). sonomics keeps the code
    // (docs/pyradiomics.md). Every other pixel is equal.
    const breast = loadCase('breast1')!.image;
    const input: Input = { name: 'breast1', size: [...breast.size] as [number, number, number], values: Float64Array.from(breast.data), dtype: 'int16', twoD: false };
    const want = oracle(input, 16, 1, 'default');
    const got = lbp2d(input.values, input.size, 1, 16, 'default');
    let wrapped = 0, other = 0;
    for (let i = 0; i < got.length; i++) {
      if (got[i]! >= 32768) { if (want[i] === got[i]! - 65536) wrapped++; else other++; } else if (want[i] !== got[i]) other++;
    }
    expect(other).toBe(0);
    expect(wrapped).toBeGreaterThan(100); // the case occurs on real data
  }, 120_000);
});
