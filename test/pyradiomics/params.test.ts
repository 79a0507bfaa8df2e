/**
 * PyRadiomics parameter files (issue #16): read into our settings, every documented key honoured
 * or refused by name; `sonomics extract` with PyRadiomics' example Params.yaml on BUS-BRA writes
 * PyRadiomics names and values.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { extractCase } from '../../src/extract/case.ts';
import { isPyRadiomicsParams, readPyradiomicsParams } from '../../src/extract/pyradiomics-params.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { allFeatures, PYRADIOMICS_DEPRECATED, pyradiomicsIds, pyradiomicsValues } from '../../src/features/pyradiomics/names.ts';
import { extractFeatures } from '../../src/features/pipeline.ts';
import { runExtraction } from '../../src/node/extract-run.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { parseCsv } from '../../src/tables/csv.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';

const EXAMPLES = sharedPath('refdata', 'pyradiomics', 'examples_settings');
const yamlFile = (name: string): unknown => parseYaml(readFileSync(join(EXAMPLES, name), 'utf8'));

describe('PyRadiomics parameter files', () => {
  it('a minimal file: defaults as PyRadiomics (binWidth 25, 3D, label 1, Original, every class)', () => {
    const p = readPyradiomicsParams({ setting: {} });
    expect(p.features.discretisation).toEqual({ method: 'FBS', value: 25 });
    expect(p.features.dimension).toBe('3D');
    expect(p.features.conventions?.binEdges).toBe('pyradiomics');
    expect(p.imageNames).toEqual(['original']);
    expect(p.label).toBe(1);
    expect(p.classes.map((c) => c.cls)).toEqual(['firstorder', 'glcm', 'gldm', 'glrlm', 'glszm', 'ngtdm', 'shape', 'shape2D']);
  });
  it('settings map onto the engine: binCount, force2D, weightingNorm, resegmentation, normalisation, gldm_a, voxelArrayShift', () => {
    const p = readPyradiomicsParams({
      setting: { binCount: 16, force2D: true, weightingNorm: 'no_weighting', resegmentRange: [3, -3], resegmentMode: 'sigma', normalize: true, normalizeScale: 100, removeOutliers: 3, gldm_a: 2, voxelArrayShift: 300, symmetricalGLCM: false },
    });
    const f = p.features;
    expect(f.discretisation).toEqual({ method: 'FBN', value: 16 });
    expect(f.dimension).toBe('2D');
    expect(f.texture?.aggregation).toMatchObject({ glcm: '2.5D, merged', glrlm: '2.5D, merged', glszm: '2.5D' });
    expect(f.resegmentation).toEqual({ sigmaRange: [-3, 3] });
    expect(f.normalisation).toEqual({ scale: 100, removeOutliers: 3 });
    expect(f.texture?.ngldmCoarseness).toBe(2);
    expect(f.texture?.symmetric).toBe(false);
    expect(f.conventions?.voxelArrayShift).toBe(300);
  });
  it('refuses by name what it cannot honour', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ setting: { resampledPixelSpacing: [1, 1, 1], interpolator: 'sitkLanczosWindowedSinc' } }, /setting\.interpolator "sitkLanczosWindowedSinc"/],
      [{ setting: { resampledPixelSpacing: [1, 1] } }, /resampledPixelSpacing must be three spacings/],
      // Session 7: distances other than [1] are honoured (test/pyradiomics/distances.test.ts); only
      // what PyRadiomics' schema refuses (not a list, 0, negatives, non-integers) is refused.
      [{ setting: { distances: 2 } }, /setting\.distances must be a list of whole numbers/],
      [{ setting: { distances: [] } }, /setting\.distances is empty/],
      [{ setting: { distances: [1, 0] } }, /setting\.distances\[1\] is 0: each distance must be a whole number of voxels ≥ 1/],
      [{ setting: { distances: [-2] } }, /setting\.distances\[0\] is -2/],
      [{ setting: { distances: [1.5] } }, /setting\.distances\[0\] is 1\.5/],
      [{ setting: { distances: ['2'] } }, /setting\.distances\[0\] is "2"/],
      [{ setting: { weightingNorm: 'cosine' } }, /weightingNorm 'cosine' is unknown/],
      // Session 6: force2Ddimension 1 and 2 are honoured (test/pyradiomics/force2d-dimension.test.ts); only other values are refused
      [{ setting: { force2D: true, force2Ddimension: 3 } }, /force2Ddimension 3: must be 0/],
      [{ setting: { binWidht: 25 } }, /setting\.binWidht is not a PyRadiomics setting/],
      [{ setting: {}, voxelSetting: { kernelRadius: 2 } }, /voxelSetting/],
      [{ featureClass: { glcm: ['Contrastt'] } }, /feature 'Contrastt' is unknown/],
      [{ featureClass: { texture: null } }, /featureClass 'texture' is unknown/],
      [{ imageType: { LBP3D: {} } }, /LBP3D/],
      [{ imageType: { LBP2D: { lbp2DMethod: 'var' } } }, /lbp2DMethod 'var' is not supported: .*NaN/],
      [{ imageType: { LBP2D: { lbp2DMethod: 'uniformm' } } }, /lbp2DMethod 'uniformm' is unknown/],
      [{ imageType: { LBP2D: {} }, setting: { force2Ddimension: 2 } }, /LBP2D: force2Ddimension 2/],
      [{ imageType: { LBP2D: { lbp2DMethod: 'default', lbp2DSamples: 28 } } }, /default with 28 samples.*samples ≤ 24/],
      [{ imageType: { LoG: {} } }, /LoG needs sigma/],
      // Session 6 (issue #16): resegmentShape and correctMask are honoured now
      // (test/pyradiomics/resegment-shape.test.ts, mask-geometry.test.ts); only malformed values are refused.
      [{ setting: { resegmentShape: 'yes' } }, /setting\.resegmentShape must be true or false/],
      [{ setting: { correctMask: 1 } }, /setting\.correctMask must be true or false/],
      [{ setting: { geometryTolerance: -1 } }, /setting\.geometryTolerance must be a number ≥ 0/],
    ];
    for (const [input, msg] of cases) expect(() => readPyradiomicsParams(input), String(msg)).toThrow(msg);
  });
  it('geometryTolerance, correctMask and resegmentShape reach the extraction settings (session 6; before, the first was ignored and the others refused)', () => {
    const on = resolveExtractionSettings({ setting: { geometryTolerance: 1e-3, correctMask: true, resegmentShape: true, resegmentRange: [0, 100] } });
    expect(on.pyradiomics).toMatchObject({ geometryTolerance: 1e-3, correctMask: true, resegmentShape: true });
    const off = resolveExtractionSettings({ setting: { correctMask: false, resegmentShape: false } });
    expect([off.pyradiomics?.geometryTolerance, off.pyradiomics?.correctMask, off.pyradiomics?.resegmentShape]).toEqual([undefined, undefined, undefined]);
  });
  it('image types get PyRadiomics names and PyRadiomics-convention filters (LoG sigma, wavelet letters x-y-z, start_level, level)', () => {
    const p = readPyradiomicsParams({ imageType: { Original: {}, LoG: { sigma: [1, 2.5] }, Wavelet: {}, Square: {}, Gradient: {} }, setting: {} });
    expect(p.imageNames).toEqual(['original', 'log-sigma-1-0-mm-3D', 'log-sigma-2-5-mm-3D',
      'wavelet-LLH', 'wavelet-LHL', 'wavelet-LHH', 'wavelet-HLL', 'wavelet-HLH', 'wavelet-HHL', 'wavelet-HHH', 'wavelet-LLL', 'square', 'gradient']);
    expect(p.images[1]).toEqual({ type: 'log', sigmaMm: 1, convention: 'pyradiomics' });
    // Session 5 (issue #16) corrected the letters: pywt.swtn's keys follow the axes PyRadiomics
    // passes, numpy (2, 1, 0) = x, y, z of SimpleITK's (z, y, x) array, so wavelet-LLH is high
    // along z, as our 'LLH' (checked against pywt in test/filters/pyradiomics-wavelet.test.ts).
    expect(p.images[3]).toEqual({ type: 'wavelet', family: 'coif1', subband: 'LLH', level: 1, convention: 'pyradiomics' });
    expect(p.images[12]).toEqual({ type: 'gradient' });
    // LBP2D: scikit-image's methods other than var (test/filters/pyradiomics-lbp2d.test.ts checks them against scikit-image)
    const lbp = readPyradiomicsParams({ imageType: { LBP2D: { lbp2DRadius: 2, lbp2DSamples: 16, lbp2DMethod: 'nri_uniform' } }, setting: {} });
    expect([lbp.imageNames, lbp.images]).toEqual([['lbp-2D'], [{ type: 'lbp2d', radius: 2, samples: 16, method: 'nri_uniform' }]]);
    // start_level 1: the first *computed* level is named wavelet-… (getWaveletImage enumerates
    // the computed levels from 1) but is level 2 of the decomposition
    const two = readPyradiomicsParams({ imageType: { Wavelet: { start_level: 1 } }, setting: { force2D: true } });
    expect(two.imageNames).toEqual(['wavelet-LH', 'wavelet-HL', 'wavelet-HH', 'wavelet-LL']);
    expect(two.images.map((i) => (i as { level: number }).level)).toEqual([2, 2, 2, 2]);
    // level 2: both levels' details, and only the last approximation
    const deep = readPyradiomicsParams({ imageType: { Wavelet: { level: 2, wavelet: 'haar' } }, setting: { force2D: true } });
    expect(deep.imageNames).toEqual(['wavelet-LH', 'wavelet-HL', 'wavelet-HH', 'wavelet2-LH', 'wavelet2-HL', 'wavelet2-HH', 'wavelet2-LL']);
    expect(deep.images.at(-1)).toEqual({ type: 'wavelet', family: 'haar', subband: 'LL', level: 2, convention: 'pyradiomics' });
    expect(() => readPyradiomicsParams({ imageType: { Wavelet: { wavelet: 'bior1.3' } } })).toThrow(/bior1\.3/);
  });
  it('preCrop: the mask box ± padDistance, only without resampling (as PyRadiomics loadImage)', () => {
    expect(readPyradiomicsParams({ setting: { preCrop: true, padDistance: 3 } }).preCrop).toBe(3);
    expect(readPyradiomicsParams({ setting: { preCrop: true } }).preCrop).toBe(5);
    expect(readPyradiomicsParams({ setting: { preCrop: false } }).preCrop).toBeUndefined();
    expect(readPyradiomicsParams({ setting: { preCrop: true, resampledPixelSpacing: [2, 2, 2] } }).preCrop).toBeUndefined();
    expect(() => readPyradiomicsParams({ setting: { preCrop: 'yes' } })).toThrow(/preCrop must be true or false/);
  });
  it.skipIf(!HAS_SHARED)("PyRadiomics' example files: each is read, or refused naming the key", () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml') && f !== 'paramSchema.yaml');
    expect(files.length).toBe(8);
    const refusedBy: Record<string, RegExp> = { 'exampleVoxel.yaml': /voxelSetting/ };
    for (const f of files) {
      const input = yamlFile(f);
      expect(isPyRadiomicsParams(input), f).toBe(true);
      if (refusedBy[f]) expect(() => resolveExtractionSettings(input, f), f).toThrow(refusedBy[f]);
      else expect(resolveExtractionSettings(input, f).names, f).toBe('pyradiomics');
    }
    expect(isPyRadiomicsParams({ regions: {}, features: {} })).toBe(false);
  });
});

describe.skipIf(!HAS_SHARED)('sonomics extract with Params.yaml on BUS-BRA', () => {
  it('writes PyRadiomics names (no shape for 2D input, as PyRadiomics) and values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-pyrad-'));
    const B = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
    const ids = ['0001-l', '0002-l', '0003-r', '0010-l', '0100-r'];
    const manifest = join(dir, 'manifest.csv');
    writeFileSync(manifest, ['case_id,cohort,image,tumour_mask', ...ids.map((id) => `bus_${id},main,${B}/Images/bus_${id}.png,${B}/Masks/mask_${id}.png`)].join('\n') + '\n');
    const r = await runExtraction({ manifest, settings: join(EXAMPLES, 'Params.yaml'), outDir: join(dir, 'out'), workers: 0, progress: false });
    expect(r.failed).toEqual([]);
    const lines = readFileSync(join(dir, 'out', 'features.csv'), 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    // Params.yaml: firstorder all, glcm all but SumAverage (and MCC, which it does not list), glrlm, glszm, gldm all
    const expected = [
      ...allFeatures('firstorder').map((f) => `original_firstorder_${f}`),
      ...allFeatures('glcm').filter((f) => f !== 'SumAverage' && f !== 'MCC').map((f) => `original_glcm_${f}`),
      ...allFeatures('glrlm').map((f) => `original_glrlm_${f}`),
      ...allFeatures('glszm').map((f) => `original_glszm_${f}`),
      ...allFeatures('gldm').map((f) => `original_gldm_${f}`),
    ];
    // additionalInfo is PyRadiomics' default: diagnostics_* first (2D input: two-element tuples), then the features
    const diagnostics = ['diagnostics_Versions_sonomics', 'diagnostics_Configuration_Settings', 'diagnostics_Configuration_EnabledImageTypes',
      'diagnostics_Image-original_Dimensionality', 'diagnostics_Image-original_Spacing', 'diagnostics_Image-original_Size',
      'diagnostics_Image-original_Mean', 'diagnostics_Image-original_Minimum', 'diagnostics_Image-original_Maximum',
      'diagnostics_Mask-original_Spacing', 'diagnostics_Mask-original_Size', 'diagnostics_Mask-original_BoundingBox',
      'diagnostics_Mask-original_VoxelNum', 'diagnostics_Mask-original_VolumeNum', 'diagnostics_Mask-original_CenterOfMassIndex',
      'diagnostics_Mask-original_CenterOfMass'];
    expect(header.slice(2)).toEqual([...diagnostics, ...expected]);
    expect(lines.length).toBe(ids.length + 1);
    // diagnostics are pass-through columns, never feature candidates for `study`
    const run = JSON.parse(readFileSync(join(dir, 'out', 'run.json'), 'utf8')) as { columns: { features: string[]; passThrough: string[] } };
    expect(run.columns.features).toEqual(expected);
    expect(run.columns.passThrough).toEqual(['cohort', ...diagnostics]);
    // values, checked from the pixels: first-order statistics and the binWidth-25 histogram
    // a real CSV reader: the diagnostics' tuples and JSON hold quoted commas
    const table = parseCsv(readFileSync(join(dir, 'out', 'features.csv'), 'utf8'));
    const row = table.rows[0]!;
    const img = readImageFile(`${B}/Images/bus_${ids[0]}.png`), mask = readMaskFile(`${B}/Masks/mask_${ids[0]}.png`, { label: 1 });
    const v: number[] = [];
    for (let i = 0; i < mask.data.length; i++) if (mask.data[i]) v.push(img.data[i]!);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
    const energy = v.reduce((a, b) => a + b * b, 0);
    const hist = new Map<number, number>();
    for (const x of v) hist.set(Math.floor(x / 25), (hist.get(Math.floor(x / 25)) ?? 0) + 1);
    const uniformity = [...hist.values()].reduce((a, n) => a + (n / v.length) ** 2, 0);
    const m4 = v.reduce((a, b) => a + (b - mean) ** 4, 0) / v.length;
    expect(Number(row.original_firstorder_Mean)).toBeCloseTo(mean, 9);
    expect(Number(row.original_firstorder_Variance)).toBeCloseTo(variance, 7);
    expect(Number(row.original_firstorder_Energy)).toBe(energy);
    expect(Number(row.original_firstorder_Minimum)).toBe(Math.min(...v));
    expect(Number(row.original_firstorder_Uniformity)).toBeCloseTo(uniformity, 12);
    expect(Number(row.original_firstorder_Kurtosis)).toBeCloseTo(m4 / variance ** 2, 9); // no −3
    expect(Number(row.original_glszm_ZonePercentage)).toBeGreaterThan(0);
    const d = (k: string) => row[`diagnostics_${k}`]!;
    expect(d('Image-original_Dimensionality')).toBe('2D');
    expect(d('Image-original_Size')).toBe(`(${img.size[0]}, ${img.size[1]})`);
    expect(Number(d('Mask-original_VoxelNum'))).toBe(v.length);
    expect(Number(d('Image-original_Maximum'))).toBe(Math.max(...Array.from(img.data)));
    expect(JSON.parse(d('Configuration_Settings')).binWidth).toBe(25);
  }, 120_000);
});

describe.skipIf(!HAS_SHARED)('names: pyradiomics with sonomics regions', () => {
  it('prefixes the region when there are several, not when there is one; same values as the single-region run', () => {
    const B = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
    const image = readImageFile(`${B}/Images/bus_0002-l.png`), tumour = readMaskFile(`${B}/Masks/mask_0002-l.png`, { label: 1 });
    const features = { ...readPyradiomicsParams({ setting: { binCount: 32 } }).features };
    const base = { images: [{ type: 'original' }, { type: 'log', sigmaMm: 2 }], features, names: 'pyradiomics' };
    const one = extractCase({ image, tumour }, resolveExtractionSettings({ ...base, regions: { tumour: true, rings: [], parenchyma: false } }), { caseId: 'c' }).features;
    const two = extractCase({ image, tumour }, resolveExtractionSettings({ ...base, regions: { tumour: true, rings: [2], parenchyma: false } }), { caseId: 'c' }).features;
    expect(Object.keys(one)[0]).toBe('original_shape2D_Elongation'); // shape first, on the original image only
    expect(one['log-sigma-2-0-mm-3D_glcm_Contrast']).toBeGreaterThan(0);
    expect(Object.keys(one).some((k) => k.startsWith('log-sigma-2-0-mm-3D_shape'))).toBe(false);
    expect(Object.keys(two).length).toBe(2 * Object.keys(one).length);
    for (const [k, v] of Object.entries(one)) expect(two[`tumour_${k}`], k).toBe(v);
    expect(two['ring2mm_original_firstorder_Mean']).toBeGreaterThan(0);
  }, 60_000);
});

describe.skipIf(!HAS_SHARED)('a PyRadiomics plan on a one-slice (2D) image', () => {
  it('takes PyRadiomics 2D image types: wavelet-LH/HL/HH/LL, 2D LoG', () => {
    const B = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
    const image = readImageFile(`${B}/Images/bus_0002-l.png`), tumour = readMaskFile(`${B}/Masks/mask_0002-l.png`, { label: 1 });
    const ex = resolveExtractionSettings({ setting: { binCount: 32 }, imageType: { Original: {}, LoG: { sigma: [2] }, Wavelet: {} }, featureClass: { firstorder: ['Mean'] } });
    expect(ex.images.length).toBe(1 + 1 + 8); // read for 3D: 8 sub-bands
    const f = extractCase({ image, tumour }, ex, { caseId: 'c' }).features;
    expect(Object.keys(f)).toEqual(['original', 'log-sigma-2-0-mm-3D', 'wavelet-LH', 'wavelet-HL', 'wavelet-HH', 'wavelet-LL'].map((n) => `${n}_firstorder_Mean`));
  }, 60_000);
});

describe.skipIf(!HAS_SHARED)('extraction with PyRadiomics resampling', () => {
  it("extractCase with a baseline's resampling settings gives the baseline's values (brain1_resampling, first order and GLCM)", async () => {
    const { baselineColumns, loadCase, relDiff } = await import('./baseline.ts');
    const { image, mask } = loadCase('brain1')!;
    for (const cls of ['firstorder', 'glcm'] as const) {
      const col = baselineColumns(cls).find((c) => c.column === 'brain1_resampling')!;
      const ex = resolveExtractionSettings({ setting: col.settings, featureClass: { [cls]: null } }, col.column);
      expect(ex.pyradiomics?.resampling).toEqual({ spacing: [2, 2, 2], interpolation: 'cubic', padDistance: 5 });
      const f = extractCase({ image, tumour: mask }, ex, { caseId: 'brain1' }).features;
      const names = Object.keys(col.expected);
      expect(names.length).toBeGreaterThan(15);
      for (const n of names) expect(relDiff(f[n]!, col.expected[n]!), n).toBeLessThan(1e-6);
    }
  }, 120_000);
});

describe.skipIf(!HAS_SHARED)('PyRadiomics columns read a subset of our features (FamilyRequest.only)', () => {
  it('extracting only the ids PyRadiomics reads gives the same columns, deprecated features included, and skips the histogram statistics', () => {
    const B = sharedPath('data', 'us-breast-busbra', 'BUSBRA');
    const image = readImageFile(`${B}/Images/bus_0002-l.png`), tumour = readMaskFile(`${B}/Masks/mask_0002-l.png`, { label: 1 });
    const p = readPyradiomicsParams({ setting: { binCount: 32, force2D: true } });
    const classes = p.classes.map(({ cls, features }) => ({ cls, features: [...features, ...Object.keys(PYRADIOMICS_DEPRECATED[cls] ?? {}).filter((f) => PYRADIOMICS_DEPRECATED[cls]![f])] }));
    const settings = resolveExtractionSettings({ setting: { binCount: 32, force2D: true } }).features;
    const only = pyradiomicsIds(classes);
    const full = extractFeatures(image, tumour, settings);
    const some = extractFeatures(image, tumour, settings, only);
    for (const id of only) if (id in full) expect(some[id], id).toBe(full[id]);
    expect(some.intensity_histogram_mean).toBeUndefined(); // PyRadiomics reads only entropy and uniformity of the histogram family
    expect(full.intensity_histogram_mean).toBeGreaterThan(0);
    const want = pyradiomicsValues(full, 'original', classes), got = pyradiomicsValues(some, 'original', classes);
    expect(Object.keys(want).length).toBeGreaterThan(100);
    expect(want['original_firstorder_StandardDeviation']).toBeGreaterThan(0);
    expect(got).toEqual(want);
  }, 60_000);
});
