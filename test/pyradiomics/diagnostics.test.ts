/**
 * PyRadiomics' diagnostics columns against the diagnostics rows of PyRadiomics' own baseline CSVs
 * (refdata/pyradiomics/baseline, every column of brain1, brain2 and breast1 that is not resampled
 * and has the row filled). Numbers in tuples compared within 1e-12 relative (the centre of mass is
 * a mean of voxel indices, the physical one goes through the direction matrix); the image mean
 * within 1e-9 (numpy sums pairwise, in other versions on float32).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pyFloatRepr, pyradiomicsDiagnostics } from '../../src/features/pyradiomics/diagnostics.ts';
import { BASELINE_DIR, loadCase, splitCsv } from './baseline.ts';
import { HAS_SHARED } from '../helpers/shared.ts';


const numbers = (s: string) => s.replace(/[()]/g, '').split(',').map((v) => Number(v.trim()));
const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300);

describe('Python float repr', () => {
  it('as Python prints floats', () => {
    expect(pyFloatRepr(2)).toBe('2.0');
    expect(pyFloatRepr(0.7812499999999999)).toBe('0.7812499999999999');
    expect(pyFloatRepr(1.5e-5)).toBe('1.5e-05');
    expect(pyFloatRepr(1e16)).toBe('1e+16');
    expect(pyFloatRepr(-3)).toBe('-3.0');
    expect(pyFloatRepr(0.0001)).toBe('0.0001');
  });
});

describe.skipIf(!HAS_SHARED)("diagnostics_* as PyRadiomics' baselines record them", () => {
  it('Image-original Spacing/Size/Mean/Minimum/Maximum and Mask-original Spacing/Size/BoundingBox/VoxelNum/VolumeNum/CenterOfMass(Index)', () => {
    let compared = 0;
    const cache = new Map<string, ReturnType<typeof pyradiomicsDiagnostics>>();
    for (const cls of ['firstorder', 'shape', 'glcm']) {
      const lines = readFileSync(`${BASELINE_DIR}/baseline/baseline_${cls}.csv`, 'utf8').trim().split('\n').map(splitCsv);
      const header = lines[0]!;
      const rows = new Map(lines.slice(1).map((r) => [r[0]!, r]));
      for (let c = 1; c < header.length; c++) {
        const column = header[c]!;
        if (column.includes('resampling')) continue; // the Mask-original rows describe the input either way, but keep to the plain cases
        const testCase = column.split('_')[0]!;
        const data = loadCase(testCase);
        if (!data) continue; // lung1/lung2 images are not in the snapshot
        if (!cache.has(testCase)) cache.set(testCase, pyradiomicsDiagnostics(data.image, data.mask, { versions: { sonomics: 'test' } }));
        const ours = cache.get(testCase)!;
        for (const [name, r] of rows) {
          const want = r[c];
          if (!name.startsWith('diagnostics_') || !want || !(name in ours)) continue;
          const got = ours[name]!;
          if (typeof got === 'number') {
            expect(close(got, Number(want), name.endsWith('_Mean') ? 1e-9 : 0), `${column} ${name}: ${got} vs ${want}`).toBe(true);
          } else if (/Spacing|CenterOfMass/.test(name)) {
            const g = numbers(got), w = numbers(want);
            expect(g.length, name).toBe(w.length);
            g.forEach((v, i) => expect(close(v, w[i]!, 1e-12), `${column} ${name}: ${got} vs ${want}`).toBe(true));
          } else expect(got, `${column} ${name}`).toBe(want);
          compared++;
        }
      }
    }
    console.log(`${compared} diagnostics values compared`);
    expect(compared).toBeGreaterThan(100);
  });
});

describe('diagnostics through extractCase', () => {
  it("VolumeNum from the tumour mask check's components equals the diagnostics' own count (several components, diagonal contact, a component at the border)", async () => {
    const { extractCase } = await import('../../src/extract/case.ts');
    const { resolveExtractionSettings } = await import('../../src/extract/settings.ts');
    const { createImage, createMask } = await import('../../src/image/image.ts');
    const { Random } = await import('../../src/core/random.ts');
    const settings = resolveExtractionSettings({ setting: { binCount: 32, force2D: true }, imageType: { Original: {} } }, 'diagnostics test');
    const r = new Random(3);
    const [X, Y] = [60, 45];
    const image = createImage([X, Y, 1], [0.5, 0.5, 1], Float32Array.from({ length: X * Y }, () => r.int(256)));
    for (const blobs of [1, 2, 3, 5]) {
      const mask = createMask([X, Y, 1], [0.5, 0.5, 1]);
      // squares of 6×6 pixels; the second touches the first only at a corner (one component with
      // full connectivity), the others stand apart, the last on the image border
      const at: Array<[number, number]> = [[10, 10], [16, 16], [30, 5], [40, 30], [54, 39]];
      for (const [x0, y0] of at.slice(0, blobs)) for (let y = y0; y < y0 + 6; y++) for (let x = x0; x < x0 + 6; x++) mask.data[x + X * y] = 1;
      const got = extractCase({ image, tumour: mask }, settings, { caseId: `blobs-${blobs}` }).diagnostics!;
      const want = pyradiomicsDiagnostics(image, mask, { versions: {}, settings: settings.pyradiomics?.configuration?.setting, imageTypes: settings.pyradiomics?.configuration?.imageType });
      expect(got['diagnostics_Mask-original_VolumeNum']).toBe(blobs === 1 ? 1 : blobs - 1);
      expect(got).toEqual(want);
    }
  });
});
