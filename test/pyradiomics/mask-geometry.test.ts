/**
 * PyRadiomics' `geometryTolerance` and `correctMask` (issue #16): a mask on another grid than its
 * image is an error naming the field, both values and the fixes, or (correctMask) resampled onto
 * the image grid by nearest neighbour. The check and the resampling are compared with ITK itself
 * (scripts/oracles/itk_mask_geometry.cxx: LabelStatisticsImageFilter's geometry check and
 * ResampleImageFilter + NearestNeighborInterpolateImageFunction, what SimpleITK runs inside
 * PyRadiomics' checkMask / _correctMask) on the real brain1 and breast1 labels; extraction from
 * NRRD files written with shifted / coarser mask grids equals, value for value, extraction with
 * the mask that the resampling gives by construction.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCase } from '../../src/extract/case.ts';
import { geometryMismatch, maskOnImageGrid, resampleMaskNearest } from '../../src/extract/mask-geometry.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import type { Geometry, Image, Mask, Mat3, Vec3 } from '../../src/image/image.ts';
import { runExtraction } from '../../src/node/extract-run.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { parseCsv } from '../../src/tables/csv.ts';
import { HAS_ITK } from '../helpers/itk.ts';
import { HAS_SHARED, IN_CI, REPO_ROOT, sharedPath } from '../helpers/shared.ts';

const DATA = sharedPath('refdata', 'pyradiomics', 'data');
const load = (c: string) => ({ image: readImageFile(join(DATA, `${c}_image.nrrd`)), mask: readMaskFile(join(DATA, `${c}_label.nrrd`), { label: 1 }) });

/** A 3D NRRD (raw, little-endian) with the given geometry: what another program might have written. */
function writeNrrd(path: string, g: Geometry, data: Float32Array | Uint8Array): void {
  const type = data instanceof Uint8Array ? 'unsigned char' : 'float';
  const col = (c: number) => `(${[0, 1, 2].map((r) => g.direction[r * 3 + c]! * g.spacing[c]!).join(',')})`;
  const header = ['NRRD0004', `type: ${type}`, 'dimension: 3', 'space: left-posterior-superior', `sizes: ${g.size.join(' ')}`,
    `space directions: ${col(0)} ${col(1)} ${col(2)}`, 'kinds: domain domain domain', 'endian: little', 'encoding: raw',
    `space origin: (${g.origin.join(',')})`, '', ''].join('\n');
  writeFileSync(path, Buffer.concat([Buffer.from(header, 'latin1'), Buffer.from(data.buffer, data.byteOffset, data.byteLength)]));
}

/** A mask with another geometry (same voxels). */
const withGeometry = (m: Mask, g: Partial<Geometry>): Mask => ({ ...m, ...g } as Mask);
/** Origin moved by `f` voxels along each image axis (in physical space: D·(f ⊙ s)). */
function shifted(g: Geometry, f: Vec3): Vec3 {
  return [0, 1, 2].map((r) => g.origin[r]! + [0, 1, 2].reduce((p, c) => p + g.direction[r * 3 + c]! * g.spacing[c]! * f[c]!, 0)) as Vec3;
}
/** Every `k`-th voxel in x and y: the label on a k× coarser in-plane grid, voxel (I, J) = m(kI, kJ). */
function coarser(m: Mask, k: number): Mask {
  const [X, Y, Z] = m.size;
  const x = Math.ceil(X / k), y = Math.ceil(Y / k);
  const data = new Uint8Array(x * y * Z);
  for (let z = 0; z < Z; z++) for (let j = 0; j < y; j++) for (let i = 0; i < x; i++) data[i + x * (j + y * z)] = m.data[k * i + X * (k * j + Y * z)]!;
  return { ...m, size: [x, y, Z], spacing: [m.spacing[0] * k, m.spacing[1] * k, m.spacing[2]], data };
}

let oracle: string | undefined;
function itkMaskOracle(): string {
  if (oracle) return oracle;
  const exe = join(mkdtempSync(join(tmpdir(), 'sonomics-itk-mask-')), 'itk_mask_geometry');
  const libs = ['ITKStatistics', 'ITKTransform', 'ITKCommon', 'itksys', 'itkvnl', 'itkvnl_algo', 'itkv3p_netlib'].map((l) => `-l${l}-5.2`);
  const r = spawnSync('g++', ['-O2', '-std=c++17', '-I/usr/include/ITK-5.2', join(REPO_ROOT, 'scripts', 'oracles', 'itk_mask_geometry.cxx'), '-o', exe, ...libs, '-lpthread'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the ITK mask oracle failed:\n${r.stderr}`);
  return (oracle = exe);
}
/** ITK's verdict (same grid within the tolerance?) and its nearest-neighbour resampling of the mask onto the image grid. */
function itk(image: Geometry, mask: Mask, tolerance?: number): { same: boolean; resampled: Uint8Array } {
  const dir = mkdtempSync(join(tmpdir(), 'sonomics-itk-mask-run-'));
  writeFileSync(join(dir, 'mask.u8'), mask.data);
  const geo = (g: Geometry) => [...g.size, ...g.spacing, ...g.origin, ...g.direction].map(String);
  const r = spawnSync(itkMaskOracle(), [tolerance === undefined ? 'default' : String(tolerance), join(dir, 'mask.u8'), join(dir, 'out.u8'), ...geo(image), ...geo(mask)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ITK mask oracle failed: ${r.stderr}`);
  return { same: r.stdout.trim() === 'same', resampled: new Uint8Array(readFileSync(join(dir, 'out.u8'))) };
}

const differing = (a: Uint8Array, b: Uint8Array) => a.reduce((n, v, i) => n + (v !== b[i] ? 1 : 0), 0);

describe.skipIf(!HAS_SHARED || (!HAS_ITK && !IN_CI))('mask geometry against ITK (brain1, breast1 labels)', () => {
  it('the geometry check and the nearest-neighbour resampling agree with ITK voxel for voxel, ties included', () => {
    for (const c of ['brain1', 'breast1']) {
      const { image, mask } = load(c);
      const s = image.spacing;
      const rot = 1e-4; // a small rotation about z: direction differs by ~1e-4
      const R: Mat3 = [Math.cos(rot), -Math.sin(rot), 0, Math.sin(rot), Math.cos(rot), 0, 0, 0, 1];
      const rotated = [0, 1, 2].flatMap((r) => [0, 1, 2].map((cc) => [0, 1, 2].reduce((p, k) => p + R[r * 3 + k]! * image.direction[k * 3 + cc]!, 0))) as Mat3;
      const variants: Array<[string, Mask, number | undefined]> = [
        ['identical', mask, undefined],
        ['origin 1e-7 voxel off (within ITK default)', withGeometry(mask, { origin: shifted(image, [1e-7, 0, 0]) }), undefined],
        ['origin 0.3 voxel off', withGeometry(mask, { origin: shifted(image, [0.3, 0, 0]) }), undefined],
        ['origin 0.3 voxel off, tolerance 0.5', withGeometry(mask, { origin: shifted(image, [0.3, 0, 0]) }), 0.5],
        ['origin 0.7, −0.6, 0.2 voxel off', withGeometry(mask, { origin: shifted(image, [0.7, -0.6, 0.2]) }), undefined],
        ['origin a whole voxel off (a tie-free shift)', withGeometry(mask, { origin: shifted(image, [1, 2, 0]) }), undefined],
        ['half a voxel off (every sample on a tie)', withGeometry(mask, { origin: shifted(image, [0.5, 0.5, 0]) }), undefined],
        ['2× coarser in-plane, 0.2 voxel off', withGeometry(coarser(mask, 2), { origin: shifted(image, [0.2, 0.2, 0]) }), undefined],
        ['2× coarser in-plane, same origin (ties at odd voxels)', coarser(mask, 2), undefined],
        ['3× coarser in-plane', coarser(mask, 3), undefined],
        ['rotated 1e-4 rad', withGeometry(mask, { direction: rotated }), undefined],
        ['rotated 1e-4 rad, tolerance 1e-3', withGeometry(mask, { direction: rotated }), 1e-3],
        ['spacing 1e-3 larger', withGeometry(mask, { spacing: [s[0] * 1.001, s[1], s[2]] }), undefined],
      ];
      for (const [what, m, tol] of variants) {
        const ref = itk(image, m, tol);
        expect(geometryMismatch(image, m, tol ?? 1e-6) === null, `${c}: ${what}: same grid?`).toBe(ref.same);
        const ours = resampleMaskNearest(m, image);
        expect(differing(ours.data, ref.resampled), `${c}: ${what}: voxels differing from ITK's resampling`).toBe(0);
      }
    }
    // 2D (a PNG pair, as SimpleITK reads it): BUS-BRA's mask on a 2× and a 3× coarser grid, and shifted
    const B = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
    const image = readImageFile(join(B, 'Images', 'bus_0001-l.png'), { spacing: [0.1, 0.1] });
    const mask = readMaskFile(join(B, 'Masks', 'mask_0001-l.png'), { spacing: [0.1, 0.1] });
    for (const [what, m] of [['2×', coarser(mask, 2)], ['3×', coarser(mask, 3)], ['0.6 pixel off', withGeometry(mask, { origin: shifted(image, [0.6, -0.6, 0]) })]] as Array<[string, Mask]>) {
      const ref = itk(image, m);
      expect(ref.same, what).toBe(false);
      expect(differing(resampleMaskNearest(m, image).data, ref.resampled), `BUS-BRA ${what}: voxels differing from ITK's resampling`).toBe(0);
    }
  });
});

describe.skipIf(!HAS_SHARED)('geometryTolerance and correctMask in extraction (NRRD files as another program wrote them)', () => {
  const settings = (extra: Record<string, unknown> = {}) =>
    resolveExtractionSettings({ setting: { binWidth: 25, label: 1, ...extra }, featureClass: { shape: [], firstorder: [], glcm: [], glszm: [] } }, 'Params.yaml');
  const files = (image: Image, mask: Mask) => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-mask-geometry-'));
    writeNrrd(join(dir, 'image.nrrd'), image, image.data);
    writeNrrd(join(dir, 'label.nrrd'), mask, mask.data);
    return { image: readImageFile(join(dir, 'image.nrrd')), tumour: readMaskFile(join(dir, 'label.nrrd'), { label: 1 }) };
  };
  /** The label moved by (dx, dy) voxels in index space, on the image grid. */
  const moved = (m: Mask, dx: number, dy: number): Mask => {
    const [X, Y, Z] = m.size;
    const data = new Uint8Array(m.data.length);
    for (let z = 0; z < Z; z++) for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++) {
      const sx = x - dx, sy = y - dy;
      if (sx >= 0 && sx < X && sy >= 0 && sy < Y) data[x + X * (y + Y * z)] = m.data[sx + X * (sy + Y * z)]!;
    }
    return { ...m, data };
  };

  it('a mask 0.7 voxel off: an error naming the case, the field, both values and correctMask; with correctMask the values of the label moved by one voxel', () => {
    const { image, mask } = load('brain1');
    const given = files(image, withGeometry(mask, { origin: shifted(image, [0.7, 0, 0]) }));
    let err: unknown;
    try {
      extractCase(given, settings(), { caseId: 'brain1-shifted' });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'MASK_MISMATCH' });
    const msg = (err as Error).message;
    expect(msg).toMatch(/brain1-shifted/);
    expect(msg).toMatch(/tumour mask's origin \[-99\.06\d+, 99\.6\d+, -77\.9\d+\] differs from the image's \[-99\.6\d+, 99\.6\d+, -77\.9\d+\] in case brain1-shifted/);
    expect(msg).toMatch(/set correctMask: true/);
    expect(msg).toMatch(/geometryTolerance/);
    const corrected = extractCase(given, settings({ correctMask: true }), { caseId: 'brain1-shifted' }).features;
    // image voxel x sits at mask continuous index x − 0.7: nearest mask voxel x − 1, i.e. the label moved +1 in x
    const byConstruction = extractCase({ image: given.image, tumour: moved(mask, 1, 0) }, settings(), { caseId: 'brain1' }).features;
    expect(Object.keys(corrected).length).toBeGreaterThan(50);
    expect(corrected).toEqual(byConstruction);
    expect(corrected.original_shape_VoxelVolume).toBe(byConstruction.original_shape_VoxelVolume);
  });

  it('sonomics extract with a parameter file: the case fails naming the mismatch, and with correctMask: true writes the corrected values', async () => {
    const { image, mask } = load('brain1');
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-correctmask-run-'));
    writeNrrd(join(dir, 'image.nrrd'), image, image.data);
    writeNrrd(join(dir, 'label.nrrd'), withGeometry(mask, { origin: shifted(image, [0.7, 0, 0]) }), mask.data);
    writeFileSync(join(dir, 'manifest.csv'), `case_id,cohort,image,tumour_mask\nbrain1,main,${join(dir, 'image.nrrd')},${join(dir, 'label.nrrd')}\n`);
    const yaml = (extra: string) => `setting:\n  binWidth: 25\n  label: 1\n${extra}featureClass:\n  firstorder:\n  shape:\n`;
    writeFileSync(join(dir, 'strict.yaml'), yaml(''));
    writeFileSync(join(dir, 'correct.yaml'), yaml('  correctMask: True\n'));
    const strict = await runExtraction({ manifest: join(dir, 'manifest.csv'), settings: join(dir, 'strict.yaml'), outDir: join(dir, 'strict'), workers: 0, progress: false });
    expect(strict.failed.map((f) => f.caseId)).toEqual(['brain1']);
    expect(JSON.stringify(strict.failed)).toMatch(/origin .* differs from the image's .*set correctMask: true/);
    const r = await runExtraction({ manifest: join(dir, 'manifest.csv'), settings: join(dir, 'correct.yaml'), outDir: join(dir, 'correct'), workers: 0, progress: false });
    expect(r.failed).toEqual([]);
    const row = parseCsv(readFileSync(join(dir, 'correct', 'features.csv'), 'utf8')).rows[0]!;
    const expected = extractCase({ image, tumour: moved(mask, 1, 0) }, settings(), { caseId: 'brain1' }).features;
    for (const k of ['original_shape_VoxelVolume', 'original_firstorder_Mean', 'original_firstorder_Entropy']) expect(Number(row[k]), k).toBe(expected[k]);
  });

  it("sonomics settings keep sonomics' rule (origin not compared) unless they set pyradiomics.correctMask", () => {
    const { image, mask } = load('breast1');
    const off = withGeometry(mask, { origin: shifted(image, [0.7, 0, 0]) });
    const ours = (extra: Record<string, unknown>) => resolveExtractionSettings({ regions: { rings: [], parenchyma: false }, features: { dimension: '3D', families: ['intensity_statistics'], discretisation: { method: 'FBN', value: 16 } }, ...extra });
    const asIs = extractCase({ image, tumour: off }, ours({}), { caseId: 'breast1' }).features;
    expect(asIs).toEqual(extractCase({ image, tumour: mask }, ours({}), { caseId: 'breast1' }).features);
    const corrected = extractCase({ image, tumour: off }, ours({ pyradiomics: { correctMask: true } }), { caseId: 'breast1' }).features;
    expect(corrected).toEqual(extractCase({ image, tumour: moved(mask, 1, 0) }, ours({}), { caseId: 'breast1' }).features);
    expect(corrected).not.toEqual(asIs);
  });

  it('geometryTolerance: a 0.3 voxel offset is accepted at 0.5 (the mask read on the image grid, values as the unshifted label), refused at the default', () => {
    const { image, mask } = load('breast1');
    const given = files(image, withGeometry(mask, { origin: shifted(image, [0, 0.3, 0]) }));
    expect(() => extractCase(given, settings(), { caseId: 'breast1' })).toThrow(/origin .* differs/);
    const tolerant = extractCase(given, settings({ geometryTolerance: 0.5 }), { caseId: 'breast1' }).features;
    const asIs = extractCase({ image: given.image, tumour: withGeometry(given.tumour, { origin: [...image.origin] as Vec3 }) }, settings(), { caseId: 'breast1' }).features;
    expect(tolerant).toEqual(asIs);
    // correctMask: nearest voxel of y − 0.3 is y itself, so the same label and the same values
    expect(extractCase(given, settings({ correctMask: true }), { caseId: 'breast1' }).features).toEqual(asIs);
  });

  it('a label drawn on a 2× coarser grid: correctMask gives the values of voxel (x, y) = coarse(⌊x/2⌋, ⌊y/2⌋)', () => {
    const { image, mask } = load('brain1');
    const coarse = withGeometry(coarser(mask, 2), { origin: shifted(image, [0.2, 0.2, 0]) });
    const given = files(image, coarse);
    expect(() => extractCase(given, settings(), { caseId: 'brain1-coarse' })).toThrow(/tumour mask's size \[128, 128, 25\] differs from the image's \[256, 256, 25\].*set correctMask: true/);
    const [X, Y, Z] = image.size;
    const up = new Uint8Array(X * Y * Z);
    for (let z = 0; z < Z; z++) for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++) up[x + X * (y + Y * z)] = coarse.data[(x >> 1) + 128 * ((y >> 1) + 128 * z)]!;
    const corrected = extractCase(given, settings({ correctMask: true }), { caseId: 'brain1-coarse' }).features;
    expect(corrected).toEqual(extractCase({ image: given.image, tumour: { ...given.image, data: up } as unknown as Mask }, settings(), { caseId: 'brain1' }).features);
  });

  it('correctMask refuses a ROI reaching outside the image, and resampledPixelSpacing refuses a mask on another grid, both by name', () => {
    const { image, mask } = load('breast1');
    const outside = files(image, withGeometry(mask, { origin: shifted(image, [-30, 0, 0]) }));
    expect(() => extractCase(outside, settings({ correctMask: true }), { caseId: 'breast1-out' })).toThrow(/ROI in case breast1-out reaches outside the image/);
    const off = files(image, withGeometry(mask, { origin: shifted(image, [0.3, 0, 0]) }));
    expect(() => extractCase(off, settings({ resampledPixelSpacing: [1, 1, 1], correctMask: true }), { caseId: 'breast1' })).toThrow(/origin .* differs .*resampledPixelSpacing/);
  });

  it('BUS-BRA (2D PNG): a mask with another pixel size is named; with correctMask resampled as ITK would, compared as 2D', () => {
    const B = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
    const image = readImageFile(join(B, 'Images', 'bus_0001-l.png'), { spacing: [0.1, 0.1] });
    const mask = readMaskFile(join(B, 'Masks', 'mask_0001-l.png'), { spacing: [0.1, 0.1] });
    const s2 = resolveExtractionSettings({ setting: { binCount: 32, force2D: true }, featureClass: { firstorder: [], glcm: [] } }, 'Params.yaml');
    const same = extractCase({ image, tumour: mask }, s2, { caseId: 'bus_0001-l' }).features;
    // the same mask written at half the resolution (every other pixel, 0.2 mm): refused, then resampled
    const half = coarser(mask, 2);
    expect(() => extractCase({ image, tumour: half }, s2, { caseId: 'bus_0001-l' })).toThrow(/size \[137, 177\] differs from the image's \[274, 353\] in case bus_0001-l; set correctMask: true/);
    const s2c = resolveExtractionSettings({ setting: { binCount: 32, force2D: true, correctMask: true }, featureClass: { firstorder: [], glcm: [] } }, 'Params.yaml');
    const corrected = extractCase({ image, tumour: half }, s2c, { caseId: 'bus_0001-l' }).features;
    const onGrid = maskOnImageGrid(image, half, { caseId: 'bus_0001-l', correctMask: true });
    expect(corrected).toEqual(extractCase({ image, tumour: onGrid }, s2, { caseId: 'bus_0001-l' }).features);
    // a coarse label differs from the fine one at its border only: the mean moves little
    expect(Math.abs(corrected.original_firstorder_Mean! - same.original_firstorder_Mean!) / same.original_firstorder_Mean!).toBeLessThan(0.05);
  });
});
