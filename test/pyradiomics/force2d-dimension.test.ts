/**
 * PyRadiomics' `force2Ddimension` 1 and 2 (issue #16): 2D extraction in coronal / sagittal planes.
 * sonomics permutes the volume so that the out-of-plane numpy axis (0 = z, 1 = y, 2 = x) becomes
 * z (src/extract/force2d-plane.ts). Checked on brain1 and breast1:
 * - every class equals the dimension-0 extraction of the volume permuted here (by coordinates, an
 *   independent implementation), with the in-plane axes in PyRadiomics' order;
 * - shape2D of a volume one voxel thick across that axis equals shape2D of the 2D image PyRadiomics
 *   makes by squeezing the axis from the (z, y, x) array (rows z, columns x or y);
 * - 3D shape (PyRadiomics computes it on the volume as given) does not depend on the dimension;
 * - filters commute with the permutation (PyRadiomics filters the volume as given).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCase } from '../../src/extract/case.ts';
import { readPyradiomicsParams } from '../../src/extract/pyradiomics-params.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { applyFilters } from '../../src/filters/apply.ts';
import type { Image, Mask, Vec3 } from '../../src/image/image.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';

const DATA = sharedPath('refdata', 'pyradiomics', 'data');
const load = (c: string) => ({ image: readImageFile(join(DATA, `${c}_image.nrrd`)), mask: readMaskFile(join(DATA, `${c}_label.nrrd`), { label: 1 }) });

/**
 * The volume whose (x, y, z) are the old axes `axes` (0 = x, 1 = y, 2 = z): voxel (a, b, c) of the
 * result is the old voxel with coordinate a on axis axes[0], b on axes[1], c on axes[2].
 */
function permute<T extends Image | Mask>(v: T, axes: Vec3): T {
  const size = axes.map((a) => v.size[a]!) as Vec3;
  const data = new (v.data.constructor as new (n: number) => T['data'])(v.data.length);
  const old = [0, 0, 0];
  for (let c = 0; c < size[2]; c++) for (let b = 0; b < size[1]; b++) for (let a = 0; a < size[0]; a++) {
    old[axes[0]] = a; old[axes[1]] = b; old[axes[2]] = c;
    data[a + size[0] * (b + size[1] * c)] = v.data[old[0]! + v.size[0] * (old[1]! + v.size[1] * old[2]!)]!;
  }
  return { ...v, size, spacing: axes.map((a) => v.spacing[a]!) as Vec3, data };
}
// PyRadiomics' dimension 1 (numpy y out of plane): plane rows z, columns x; dimension 2: rows z, columns y
const PLANE: Record<1 | 2, Vec3> = { 1: [0, 2, 1], 2: [1, 2, 0] };

const CLASSES = { firstorder: [], glcm: [], glrlm: [], glszm: [], gldm: [], ngtdm: [], shape: [] };
const run = (image: Image, mask: Mask, setting: Record<string, unknown>, featureClass: Record<string, unknown> = CLASSES, imageType: Record<string, unknown> = { Original: {} }) =>
  extractCase({ image, tumour: mask }, resolveExtractionSettings({ imageType, featureClass, setting: { binWidth: 25, force2D: true, ...setting } }, 'Params.yaml'), { caseId: 'c' }).features;
const only = (f: Record<string, number>, re: RegExp) => Object.fromEntries(Object.entries(f).filter(([k]) => re.test(k)));

describe.skipIf(!HAS_SHARED)('force2Ddimension 1 and 2', () => {
  it('every texture and first-order class equals dimension 0 on the volume permuted so that axis is z (brain1, breast1)', () => {
    for (const c of ['brain1', 'breast1']) {
      const { image, mask } = load(c);
      const dim0 = run(image, mask, {});
      for (const dim of [1, 2] as const) {
        const ours = run(image, mask, { force2Ddimension: dim });
        const byConstruction = run(permute(image, PLANE[dim]), permute(mask, PLANE[dim]), {});
        const tex = /_(firstorder|glcm|glrlm|glszm|gldm|ngtdm)_/;
        expect(Object.keys(only(ours, tex)).length, `${c} ${dim}`).toBe(18 + 24 + 16 + 16 + 14 + 5);
        expect(only(ours, tex), `${c} dimension ${dim}`).toEqual(only(byConstruction, tex));
        // in-plane texture depends on the plane: coronal / sagittal GLCM differ from axial
        expect(ours.original_glcm_Contrast, `${c} ${dim}`).not.toBe(dim0.original_glcm_Contrast);
        // first order does not depend on the plane (within summation order)
        expect(ours.original_firstorder_Mean! / dim0.original_firstorder_Mean! - 1).toBeLessThan(1e-13);
        // 3D shape: PyRadiomics computes it on the volume as given, and so does sonomics (the
        // marching-cubes mesh of a permuted volume differs: brain1's MeshVolume by 0.2 % across x)
        expect(Object.keys(only(ours, /_shape_/)).length).toBe(14); // shape: 14 non-deprecated features
        expect(only(ours, /_shape_/), `${c} ${dim}`).toEqual(only(dim0, /_shape_/));
      }
    }
  });

  it("shape2D of a one-voxel-thick coronal / sagittal volume: PyRadiomics' squeezed 2D array (rows z, columns x or y)", () => {
    const { image, mask } = load('brain1');
    const [X, Y, Z] = mask.size;
    // the coronal row y and the sagittal column x holding most of the label
    const best = (axis: 0 | 1) => {
      const n = new Array(axis === 0 ? X : Y).fill(0);
      for (let z = 0; z < Z; z++) for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++) if (mask.data[x + X * (y + Y * z)]) n[axis === 0 ? x : y]++;
      return n.indexOf(Math.max(...n));
    };
    for (const dim of [1, 2] as const) {
      const at = dim === 1 ? best(1) : best(0);
      // the volume one voxel thick across the chosen axis (X×1×Z or 1×Y×Z), as a 3D file would hold it
      const size: Vec3 = dim === 1 ? [X, 1, Z] : [1, Y, Z];
      const pick = (d: ArrayLike<number>) => Array.from({ length: size[0] * size[1] * Z }, (_, k) => {
        const z = Math.floor(k / (size[0] * size[1])), r = k % (size[0] * size[1]);
        return d[dim === 1 ? r + X * (at + Y * z) : at + X * (r + Y * z)]!;
      });
      const thinImage: Image = { ...image, size, data: Float32Array.from(pick(image.data)) };
      const thinMask: Mask = { ...mask, size, data: Uint8Array.from(pick(mask.data)) };
      const ours = only(run(thinImage, thinMask, { force2Ddimension: dim }, { shape2D: [] }), /_shape2D_/);
      expect(Object.keys(ours).length).toBe(9);
      // PyRadiomics: np.squeeze(maskArray, axis=dim) of the (z, y, x) array, pixelSpacing of the other two axes
      const cols = dim === 1 ? X : Y;
      const flat = { spacingUnit: 'mm' as const, origin: [0, 0, 0] as Vec3, direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] as Image['direction'], size: [cols, Z, 1] as Vec3, spacing: [dim === 1 ? image.spacing[0] : image.spacing[1], image.spacing[2], 1] as Vec3 };
      const ref = only(run({ ...flat, data: thinImage.data }, { ...flat, data: thinMask.data }, {}, { shape2D: [] }), /_shape2D_/);
      expect(Object.keys(ref)).toEqual(Object.keys(ours));
      expect(ours, `dimension ${dim}`).toEqual(ref);
    }
  });

  it('with LoG and wavelet images (breast1): PyRadiomics names, in-plane sub-bands of the plane (x, z for dimension 1; y, z for 2)', () => {
    const { image, mask } = load('breast1');
    const imageType = { Original: {}, LoG: { sigma: [2] }, Wavelet: {} };
    for (const dim of [1, 2] as const) {
      const ours = run(image, mask, { force2Ddimension: dim }, { firstorder: [], glcm: [] }, imageType);
      const byConstruction = run(permute(image, PLANE[dim]), permute(mask, PLANE[dim]), {}, { firstorder: [], glcm: [] }, imageType);
      expect(Object.keys(ours).filter((k) => k.startsWith('wavelet-')).map((k) => k.split('_')[0]).filter((v, i, a) => a.indexOf(v) === i)).toEqual(['wavelet-LH', 'wavelet-HL', 'wavelet-HH', 'wavelet-LL']);
      expect(ours).toEqual(byConstruction);
    }
  });

  it("LBP2D with force2Ddimension 1: PyRadiomics' swapaxes(0, 1) planes (rows z, columns x) are the permuted volume's slices", () => {
    const { image, mask } = load('breast1');
    for (const method of ['uniform', 'default', 'ror']) {
      const imageType = { LBP2D: { lbp2DMethod: method } };
      const ours = run(image, mask, { force2Ddimension: 1 }, { firstorder: [], glszm: [] }, imageType);
      // np.swapaxes(arr, 0, 1) of the (z, y, x) array, slice idx: arr[z, idx, x], i.e. rows z, columns x
      const byConstruction = run(permute(image, PLANE[1]), permute(mask, PLANE[1]), {}, { firstorder: [], glszm: [] }, imageType);
      expect(Object.keys(ours).filter((k) => k.startsWith('lbp-2D_')).length, method).toBe(18 + 16);
      expect(ours, method).toEqual(byConstruction);
      expect(ours['lbp-2D_firstorder_Mean'], method).not.toBe(run(image, mask, {}, { firstorder: [] }, imageType)['lbp-2D_firstorder_Mean']);
    }
  });

  it('filters commute with the permutation: LoG and gradient of the permuted volume are the permuted filtered volume', () => {
    const { image } = load('breast1');
    for (const dim of [1, 2] as const) {
      for (const spec of [{ type: 'log', sigmaMm: 2, convention: 'pyradiomics' }, { type: 'gradient' }] as const) {
        const a = permute(applyFilters(image, [spec])[0]!, PLANE[dim]);
        const b = applyFilters(permute(image, PLANE[dim]), [spec])[0]!;
        let worst = 0, scale = 0;
        for (let i = 0; i < a.data.length; i++) { worst = Math.max(worst, Math.abs(a.data[i]! - b.data[i]!)); scale = Math.max(scale, Math.abs(a.data[i]!)); }
        // float32 images: the separable passes run over the axes in another order
        expect(worst / scale, `${spec.type} dimension ${dim}`).toBeLessThan(1e-5);
      }
    }
  });

  it('read from a parameter file; other values and LBP2D across another plane refused by name', () => {
    expect(readPyradiomicsParams({ setting: { force2D: true, force2Ddimension: 2 } }).force2Ddimension).toBe(2);
    expect(readPyradiomicsParams({ setting: { force2D: true, force2Ddimension: 0 } }).force2Ddimension).toBeUndefined();
    expect(readPyradiomicsParams({ setting: { force2Ddimension: 1 } }).force2Ddimension).toBeUndefined(); // without force2D PyRadiomics ignores it
    expect(() => readPyradiomicsParams({ setting: { force2D: true, force2Ddimension: 3 } })).toThrow(/force2Ddimension 3: must be 0 \(z, axial\), 1 \(y, coronal\) or 2 \(x, sagittal\)/);
    expect(() => readPyradiomicsParams({ imageType: { LBP2D: {} }, setting: { force2D: true, force2Ddimension: 2 } })).toThrow(/LBP2D: force2Ddimension 2: .*transposed planes/);
    expect(() => readPyradiomicsParams({ imageType: { LBP2D: {} }, setting: { force2Ddimension: 1 } })).toThrow(/LBP2D: force2Ddimension 1: .*without force2D/);
    expect(readPyradiomicsParams({ imageType: { LBP2D: {} }, setting: { force2D: true, force2Ddimension: 1 } }).imageNames).toEqual(['lbp-2D']);
  });
});
