/**
 * PyRadiomics' `distances` (issue #16): the GLCM, GLDM and NGTDM values of a parameter file with
 * distances ≠ [1] against PyRadiomics 3.1.0 itself (test/helpers/pyradiomics-oracle.ts), on BUS-BRA
 * lesions and on brain1 and breast1 (../shared/refdata/pyradiomics), through `extractCase` as a user's file
 * runs. Every value must agree within 1e-6 relative (NaN with NaN); the counts are asserted at 100 %.
 *
 * Inputs: a BUS-BRA PNG is 2D input for PyRadiomics (numpy (y, x)); there its neighbours are the
 * in-plane ones when `force2D` is off. With `force2D` on such a 2D array PyRadiomics leaves out numpy
 * axis `force2Ddimension` = 0, the rows (y), so its neighbours run along x only: that is a difference
 * of force2D on 2D input, not of distances (it holds for [1] too; sonomics reproduces it, oracle.test.ts).
 * So the force2D runs hand both PyRadiomics and sonomics the lesion as a one-slice 3D volume (1, y, x),
 * where axis 0 is z, as for any 3D image, and keep the 4 in-plane directions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCase } from '../../src/extract/case.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import type { Image, Mask } from '../../src/image/image.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { HAS_PYRADIOMICS_ORACLE, oracleTempDir, runPyRadiomics, writeRawVolume, type OracleCase } from '../helpers/pyradiomics-oracle.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { loadCase, relDiff } from './baseline.ts';

const CLASSES = ['glcm', 'gldm', 'ngtdm'] as const;
const N_LESIONS = 4;

/** The raw volume of writeRawVolume, with a one-slice image kept 3D (shape (1, y, x)). */
function writeOneSliceVolume(dir: string, name: string, v: Image | Mask, dtype: 'uint8' | 'float32'): string {
  const path = writeRawVolume(dir, name, v, dtype);
  const h = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  writeFileSync(path, JSON.stringify({ ...h, shape: [1, v.size[1], v.size[0]], spacing: v.spacing, origin: v.origin, direction: v.direction }));
  return path;
}

interface Run {
  label: string;
  oracle: OracleCase;
  ours: () => Record<string, number>;
}

/** Our values of one run: `extractCase` with the same parameter file, GLCM / GLDM / NGTDM only. */
function ours(image: Image, tumour: Mask, params: Record<string, unknown>, caseId: string): Record<string, number> {
  return extractCase({ image, tumour }, resolveExtractionSettings(params, caseId), { caseId }).features as Record<string, number>;
}

const withClasses = (setting: Record<string, unknown>, imageType: Record<string, unknown> = { Original: {} }): Record<string, unknown> => ({
  setting, imageType, featureClass: Object.fromEntries(CLASSES.map((c) => [c, null])),
});

/** Per run and class: values within 1e-6 relative of PyRadiomics', and the mismatches. */
function compare(runs: Run[]): Array<{ label: string; cls: string; ok: number; total: number; bad: string[] }> {
  const results = runPyRadiomics(runs.map((r) => r.oracle));
  const out: Array<{ label: string; cls: string; ok: number; total: number; bad: string[] }> = [];
  runs.forEach((run, k) => {
    const py = results[k]!;
    expect(py.error, `${run.label}: PyRadiomics refused`).toBeUndefined();
    const mine = run.ours();
    for (const cls of CLASSES) {
      const row = { label: run.label, cls, ok: 0, total: 0, bad: [] as string[] };
      for (const [name, v] of Object.entries(py.features!)) {
        if (name.startsWith('diagnostics_') || !name.includes(`_${cls}_`)) continue;
        row.total++;
        const a = mine[name], b = v as number;
        if (a === undefined) row.bad.push(`${name}: missing`);
        else if ((Number.isNaN(a) && Number.isNaN(b)) || relDiff(a, b) <= 1e-6) row.ok++;
        else row.bad.push(`${name}: ours ${a}, PyRadiomics ${b}`);
      }
      out.push(row);
    }
  });
  return out;
}

function expectAll(rows: ReturnType<typeof compare>): void {
  for (const r of rows) {
    expect(r.total, `${r.label} ${r.cls}: PyRadiomics gave no values`).toBeGreaterThan(0);
    expect(r.bad, `${r.label} ${r.cls}: ${r.ok}/${r.total} within 1e-6`).toEqual([]);
  }
  const ok = rows.reduce((s, r) => s + r.ok, 0), total = rows.reduce((s, r) => s + r.total, 0);
  console.log(`[distances vs PyRadiomics 3.1.0] ${ok}/${total} values within 1e-6 (${rows.length / CLASSES.length} runs)`);
  expect(ok).toBe(total);
}

const DISTANCES = [[1, 2], [2], [1, 3]];

describe.skipIf(!HAS_SHARED || !HAS_PYRADIOMICS_ORACLE)('PyRadiomics distances against PyRadiomics 3.1.0', () => {
  it(`BUS-BRA (first ${N_LESIONS} lesions): distances [1, 2], [2], [1, 3] as 2D input and with force2D, plus a repeated distance, symmetricalGLCM false, weightingNorm, gldm_a and filtered images`, () => {
    const root = sharedPath('data', 'us-breast-busbra');
    const lines = readFileSync(join(root, 'manifest.csv'), 'utf8').trim().split('\n').slice(1, 1 + N_LESIONS);
    const dir = oracleTempDir();
    const runs: Run[] = [];
    lines.forEach((line, k) => {
      const [imagePath, maskPath] = line.split(',');
      const png = join(root, imagePath!), maskPng = join(root, maskPath!);
      const image = readImageFile(png), tumour = readMaskFile(maskPng, { label: 1 });
      const img3 = writeOneSliceVolume(dir, `img${k}`, image, 'uint8'), mask3 = writeOneSliceVolume(dir, `mask${k}`, tumour, 'uint8');
      const add = (label: string, setting: Record<string, unknown>, volume: boolean, imageType?: Record<string, unknown>): void => {
        const params = withClasses(setting, imageType);
        const oracle: OracleCase = volume ? { image: img3, mask: mask3, label: 1, params } : { image: png, mask: maskPng, label: 255, params };
        // the volume runs hand sonomics the same one-slice 3D volume (meta dimensions 3): on the 2D PNG sonomics'
        // force2D is PyRadiomics' one-direction force2D on 2D input (src/extract/pyradiomics-2d-input.ts)
        runs.push({ label: `lesion ${k} ${label}`, oracle, ours: () => ours(volume ? { ...image, meta: { ...image.meta, dimensions: 3 } } : image, tumour, params, `bus-${k}`) });
      };
      for (const d of DISTANCES) {
        add(`2D input, distances ${JSON.stringify(d)}`, { binCount: 32, distances: d }, false);
        add(`force2D, distances ${JSON.stringify(d)}`, { binCount: 32, force2D: true, distances: d }, true);
      }
      add('force2D, distances [1, 1] (counted twice)', { binCount: 32, force2D: true, distances: [1, 1] }, true);
      add('force2D, distances [2, 1, 2], symmetricalGLCM false, gldm_a 1', { binWidth: 25, force2D: true, distances: [2, 1, 2], symmetricalGLCM: false, gldm_a: 1 }, true);
      add('force2D, distances [1, 2], weightingNorm euclidean', { binCount: 32, force2D: true, distances: [1, 2], weightingNorm: 'euclidean' }, true);
      add('2D input, distances [3], weightingNorm manhattan', { binCount: 16, distances: [3], weightingNorm: 'manhattan' }, false);
      // filtered images take the same neighbours (PyRadiomics passes distances to every image type)
      add('2D input, distances [1, 2], wavelet and square images', { binCount: 32, distances: [1, 2] }, false, { Original: {}, Wavelet: {}, Square: {} });
    });
    expectAll(compare(runs));
  }, 240_000);

  for (const testCase of ['brain1', 'breast1']) {
    it(`${testCase} (3D): distances [1, 2], [2], [1, 3] volumetric; with force2D in all three planes; symmetricalGLCM false, weightingNorm and gldm_a`, () => {
      const data = loadCase(testCase);
      expect(data, `${testCase} is in ../shared/refdata/pyradiomics`).not.toBeNull();
      const { image, mask } = data!;
      const dir = oracleTempDir();
      const img = writeRawVolume(dir, `${testCase}_image`, image, 'int16'), lab = writeRawVolume(dir, `${testCase}_label`, mask, 'uint8');
      const runs: Run[] = [];
      const add = (label: string, setting: Record<string, unknown>): void => {
        const params = withClasses(setting);
        runs.push({ label: `${testCase} ${label}`, oracle: { image: img, mask: lab, label: 1, params }, ours: () => ours(image, mask, params, testCase) });
      };
      for (const d of DISTANCES) add(`distances ${JSON.stringify(d)}`, { binWidth: 25, distances: d });
      add('force2D, distances [1, 2]', { binWidth: 25, force2D: true, distances: [1, 2] });
      // the coronal and sagittal planes run on a permuted volume (src/extract/force2d-plane.ts); one-sided GLCMs keep their signs there too
      add('force2D dimension 1, distances [1, 2], symmetricalGLCM false', { binWidth: 25, force2D: true, force2Ddimension: 1, distances: [1, 2], symmetricalGLCM: false });
      add('force2D dimension 2, distances [2, 3], symmetricalGLCM false', { binWidth: 25, force2D: true, force2Ddimension: 2, distances: [2, 3], symmetricalGLCM: false });
      add('distances [2], symmetricalGLCM false, weightingNorm infinity', { binWidth: 25, distances: [2], symmetricalGLCM: false, weightingNorm: 'infinity' });
      add('distances [1, 2], gldm_a 2', { binWidth: 25, distances: [1, 2], gldm_a: 2 });
      expectAll(compare(runs));
    }, 240_000);
  }

  it('distances that fit nowhere in the ROI: PyRadiomics stops ("Error getting angle count"), and so does sonomics, naming the case, distances and box', () => {
    const root = sharedPath('data', 'us-breast-busbra');
    const [imagePath, maskPath] = readFileSync(join(root, 'manifest.csv'), 'utf8').trim().split('\n')[1]!.split(',');
    const params = withClasses({ binCount: 32, distances: [2000] });
    const [py] = runPyRadiomics([{ image: join(root, imagePath!), mask: join(root, maskPath!), label: 255, params }]);
    expect(py!.error).toMatch(/Error getting angle count/);
    const image = readImageFile(join(root, imagePath!)), tumour = readMaskFile(join(root, maskPath!), { label: 1 });
    expect(() => ours(image, tumour, params, 'bus-0')).toThrow(/case bus-0: GLCM: no neighbour at Chebyshev distance 2000 fits in the ROI's \d+×\d+×1 voxel box/);
  }, 60_000);

  it('distances [1] is the path of a file without distances (the same settings, so the same values)', () => {
    const a = resolveExtractionSettings(withClasses({ binCount: 32, force2D: true }), 'a');
    const b = resolveExtractionSettings(withClasses({ binCount: 32, force2D: true, distances: [1] }), 'b');
    expect(b.features).toEqual(a.features);
    expect(b.features.texture?.distanceShells).toBeUndefined();
    const c = resolveExtractionSettings(withClasses({ binCount: 32, distances: [2, 1] }), 'c');
    expect(c.features.texture?.distanceShells).toEqual([2, 1]);
  });
});
