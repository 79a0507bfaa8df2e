/**
 * PyRadiomics 3.1.0 itself against sonomics, end to end (issue #16): the vendored, unchanged
 * PyRadiomics (scripts/oracles/pyradiomics, on our numpy SimpleITK shim; LoG and gradient by ITK
 * 5.2; test/helpers/pyradiomics-oracle.ts) and `extractCase` with the same parameter file, on the
 * first BUS-BRA lesions as 2D PNG. Per configuration, image type and feature class the values equal
 * within relative 1e-6 are counted (round-off of zero at absolute 1e-12, as in baseline.test.ts) and
 * asserted at 100 % where they hold. Where they do not, the cause is asserted instead:
 *  - float32 storage: sonomics keeps filtered images as float32, PyRadiomics its wavelet and
 *    transform images as float64 (docs/pyradiomics.md, "Precision"). Every such difference is in a
 *    float64 image type and vanishes when PyRadiomics itself stores its derived images as float32
 *    (the oracle's `float32Images`): that replay is asserted at 100 %;
 *  - force2D on a 2D image: PyRadiomics takes numpy axis 0 (the rows) of the (y, x) array as the
 *    out-of-plane axis, so texture sees only the horizontal direction; sonomics reproduces it (and
 *    refuses the 1D wavelet-H / wavelet-L PyRadiomics then makes).
 * The 1-bit BUS-BRA mask PNGs read as 0/255 in SimpleITK, hence label 255 for the oracle.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { extractCase } from '../../src/extract/case.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { type Image, type Mask } from '../../src/image/image.ts';
import { runExtraction } from '../../src/node/extract-run.ts';
import { readSettingsFile } from '../../src/node/settings-file.ts';
import { readImageFile, readMaskFile } from '../../src/node/read.ts';
import { parseCsv } from '../../src/tables/csv.ts';
import { runPyRadiomics, type OracleCase, type OracleResult } from '../helpers/pyradiomics-oracle.ts';
import { sharedPath } from '../helpers/shared.ts';
import { FLOAT64_TYPES, pyName, run, tally, type Params, type Tally } from './oracle-compare.ts';

/** Lesions compared (first of the manifest); ORACLE_LESIONS=50 reproduces docs/pyradiomics.md's 50-lesion counts (≈ 10 min). */
const N = Number(process.env.ORACLE_LESIONS ?? 6);
const ROOT = sharedPath('data', 'us-breast-busbra');

/** Configurations of 2D PNG input (no force2D: on a 2D image PyRadiomics' plain 2D is the in-plane texture; force2D is below). */
const CONFIGS: Record<string, Params> = {
  'binCount 32, every image type': { setting: { binCount: 32 }, imageType: { Original: {}, Wavelet: {}, LoG: { sigma: [1.0, 2.0, 3.0] }, Square: {}, SquareRoot: {}, Logarithm: {}, Exponential: {}, Gradient: {} } },
  'binWidth 25 (default) on the 8-bit image': { setting: {}, imageType: { Original: {}, Wavelet: {} } },
  'normalize, normalizeScale 100, removeOutliers 3, binWidth 5': { setting: { normalize: true, normalizeScale: 100, removeOutliers: 3, binWidth: 5 }, imageType: { Original: {} } },
  'resegmentRange [40, 200], binCount 16': { setting: { resegmentRange: [40, 200], binCount: 16 }, imageType: { Original: {}, Wavelet: {} } },
  'symmetricalGLCM false': { setting: { symmetricalGLCM: false, binCount: 32 }, imageType: { Original: {} } },
  'weightingNorm euclidean': { setting: { weightingNorm: 'euclidean', binCount: 32 }, imageType: { Original: {} } },
  'weightingNorm no_weighting, gldm_a 2, voxelArrayShift 100': { setting: { weightingNorm: 'no_weighting', gldm_a: 2, voxelArrayShift: 100, binCount: 32 }, imageType: { Original: {} } },
  'resegmentMode sigma [-2, 2]': { setting: { resegmentRange: [-2, 2], resegmentMode: 'sigma', binCount: 16 }, imageType: { Original: {} } },
  'force2D on the 2D image': { setting: { binCount: 32, force2D: true }, imageType: { Original: {}, LoG: { sigma: [2.0] }, Wavelet: {} } },
  'force2D, force2Ddimension 1 on the 2D image': { setting: { binWidth: 10, force2D: true, force2Ddimension: 1 }, imageType: { Original: {}, Square: {} } },
};

interface Lesion { image: Image; tumour: Mask; imagePath: string; maskPath: string }

function lesions(): Lesion[] {
  const lines = readFileSync(join(ROOT, 'manifest.csv'), 'utf8').trim().split('\n').slice(1, 1 + N);
  return lines.map((line) => {
    const [i, m] = line.split(',');
    const imagePath = join(ROOT, i!), maskPath = join(ROOT, m!);
    return { image: readImageFile(imagePath), tumour: readMaskFile(maskPath, { label: 1 }), imagePath, maskPath };
  });
}

const ours = (l: Lesion, params: Params, id: string): Record<string, unknown> =>
  extractCase({ image: l.image, tumour: l.tumour }, resolveExtractionSettings(params, `oracle ${id}`), { caseId: id }).features;


run('PyRadiomics 3.1.0 itself on BUS-BRA lesions (2D PNG): sonomics gives its values', () => {
  let cases: Lesion[] = [];
  const py = new Map<string, OracleResult[]>();
  const tallies = new Map<string, Map<string, Tally>>();

  beforeAll(() => {
    cases = lesions();
    // one Python process for every configuration and lesion (imports, PNG decoding and the C build paid once)
    const names = Object.keys(CONFIGS);
    const req: OracleCase[] = names.flatMap((name) => cases.map((l) => ({ image: l.imagePath, mask: l.maskPath, label: 255, params: CONFIGS[name]! })));
    const out = runPyRadiomics(req);
    names.forEach((name, c) => py.set(name, out.slice(c * N, (c + 1) * N)));
    for (const name of names) {
      const t = new Map<string, Tally>();
      cases.forEach((l, k) => {
        const r = py.get(name)![k]!;
        if (!r.features) throw new Error(`PyRadiomics refused lesion ${k} in "${name}": ${r.error}`);
        tally(ours(l, CONFIGS[name]!, `bus-${k}`), r.features, t, `lesion ${k}`);
      });
      tallies.set(name, t);
      console.log(`[oracle] ${name}: ${[...t].map(([g, v]) => `${g} ${v.equal}/${v.total}`).join(', ')}`);
    }
  }, 600_000);

  /**
   * Every value of `name` equal, except groups in `except` and differences from float32 storage: those must sit in
   * float64 image types and vanish when PyRadiomics stores its derived images as float32 (asserted at 100 % on the
   * lesions concerned). Returns the counts and the number of values only the float32 replay reproduces.
   */
  const check = (name: string, except: (group: string) => boolean = () => false): { t: Map<string, Tally>; float32: number } => {
    const t = tallies.get(name)!;
    const rows = [...t].filter(([g]) => !except(g));
    expect(rows.length).toBeGreaterThan(0);
    const off = rows.flatMap(([g, v]) => v.off.map((o) => ({ g, o, lesion: Number(o.split(' ')[1]) })));
    for (const { g, o } of off) expect(FLOAT64_TYPES.test(`${g}_`) ? g : o, `${name}: not a float64 image type`).toBe(g);
    const affected = [...new Set(off.map((x) => x.lesion))];
    if (affected.length > 0) {
      const replay = runPyRadiomics(affected.map((k) => ({ image: cases[k]!.imagePath, mask: cases[k]!.maskPath, label: 255, params: CONFIGS[name]!, float32Images: true })));
      const r = new Map<string, Tally>();
      affected.forEach((k, j) => tally(ours(cases[k]!, CONFIGS[name]!, `bus-${k}`), replay[j]!.features!, r, `lesion ${k}`));
      for (const [g, v] of r) if (!except(g)) expect(v.off, `${name}, PyRadiomics with float32 derived images: ${g}`).toEqual([]);
      console.log(`[oracle] ${name}: ${off.length} values differ through float32 storage (lesions ${affected.join(', ')}); PyRadiomics with float32 derived images gives sonomics' values for all of them`);
    }
    return { t, float32: off.length };
  };

  it('binCount 32: original, wavelet (LH, HL, HH, LL), LoG σ 1/2/3 (ITK), square, square root, logarithm, exponential, gradient — every class; differences only from float32 storage', () => {
    const { t, float32 } = check('binCount 32, every image type');
    const types = new Set([...t.keys()].map((g) => g.split('_')[0]));
    expect([...types].sort()).toEqual(['exponential', 'gradient', 'log-sigma-1-0-mm-3D', 'log-sigma-2-0-mm-3D', 'log-sigma-3-0-mm-3D', 'logarithm', 'original', 'square', 'squareroot', 'wavelet-HH', 'wavelet-HL', 'wavelet-LH', 'wavelet-LL']);
    // 9 shape2D + 6 classes × 13 images, 93 features per image: every value compared
    const total = [...t.values()].reduce((s, v) => s + v.total, 0);
    expect(total).toBe(N * (9 + 13 * 93));
    // the original and the LoG (float32 in both) at 100 %; in the float64 types every difference is float32 storage (check)
    for (const [g, v] of t) if (!FLOAT64_TYPES.test(`${g}_`)) expect(v.off, g).toEqual([]);
    console.log(`[oracle] binCount 32, every image type: ${total - float32}/${total} equal, ${float32} through float32 storage`);
  });

  it('normalize + removeOutliers, symmetricalGLCM false, weightingNorm (euclidean; no_weighting with gldm_a and voxelArrayShift): 100 %', () => {
    for (const name of ['normalize, normalizeScale 100, removeOutliers 3, binWidth 5', 'symmetricalGLCM false', 'weightingNorm euclidean', 'weightingNorm no_weighting, gldm_a 2, voxelArrayShift 100']) {
      expect(check(name).float32, name).toBe(0); // original image only: nothing is float32-rounded
    }
  });

  it('binWidth 25 on the 8-bit image: 100 % but float32 storage (wavelet voxels whose value is 0 sit on a bin edge: the taps must be PyWavelets\' own)', () => {
    // Until session 7 lesion 2's wavelet-HL differed in every class: one tumour voxel is 0 in exact arithmetic,
    // +6.2e-15 in pywt and −4.0e-12 with sonomics' former coif1 taps (the outdated wavelets.pybytes.com table,
    // up to 6.6e-13 off pywt's), so it fell below the bin edge at 0. src/filters/wavelet-coefficients.ts now
    // holds pywt's taps bit for bit and gives +6.2e-15 there too.
    const { t } = check('binWidth 25 (default) on the 8-bit image');
    expect(t.size).toBe(1 + 6 * 5);
    for (const [g, v] of t) if (!g.startsWith('wavelet')) expect(v.off, g).toEqual([]);
  });

  it("resegmentRange (absolute [40, 200]; sigma [-2, 2]): every class 100 % but float32 storage, shape2D included (PyRadiomics computes it on the original mask cropped to the re-segmented mask's box, and so does sonomics in PyRadiomics mode)", () => {
    // featureextractor.execute re-checks the re-segmented mask and passes its bounding box to computeShape, which crops
    // the (not re-segmented) mask to it: where re-segmentation shrinks the box, shape loses the voxels outside it
    for (const name of ['resegmentRange [40, 200], binCount 16', 'resegmentMode sigma [-2, 2]']) {
      const { t } = check(name);
      const shape = t.get('original_shape2D')!;
      expect(shape.off, name).toEqual([]);
      expect(shape.equal).toBe(N * 9);
    }
    // the case is exercised: sigma re-segmentation drops outlying voxels at the lesion's rim, so the box shrinks for some lesions
    const shrunk = py.get('resegmentMode sigma [-2, 2]')!.filter((r) => r.features!['diagnostics_Mask-resegmented_BoundingBox'] !== r.features!['diagnostics_Mask-original_BoundingBox']);
    expect(shrunk.length).toBeGreaterThan(0);
    console.log(`[oracle] resegmentMode sigma [-2, 2]: the re-segmented box is smaller than the mask's on ${shrunk.length} of ${N} lesions; shape2D equal on all`);
  });

  it('force2D on a 2D image (force2Ddimension 0 and 1): PyRadiomics keeps only the neighbours along x (y); sonomics does the same in PyRadiomics mode, with a case warning: 100 %', () => {
    for (const name of ['force2D on the 2D image', 'force2D, force2Ddimension 1 on the 2D image']) {
      const { t } = check(name);
      for (const g of ['original_shape2D', 'original_glcm', 'original_glrlm', 'original_glszm', 'original_gldm', 'original_ngtdm']) expect(t.get(g)?.equal, `${name}: ${g}`).toBe(t.get(g)?.total);
    }
    // the case is exercised: the in-plane texture (force2D left out) differs from PyRadiomics' force2D one on these lesions
    const inPlane = { setting: { binCount: 32 }, imageType: { Original: {} } };
    const t = new Map<string, Tally>();
    cases.forEach((l, k) => tally(ours(l, inPlane, `in-plane-${k}`), Object.fromEntries(Object.entries(py.get('force2D on the 2D image')![k]!.features!).filter(([c]) => c.startsWith('original_'))), t, `lesion ${k}`));
    expect(t.get('original_glcm')!.equal).toBeLessThan(t.get('original_glcm')!.total);
    const l = cases[0]!;
    const r = extractCase({ image: l.image, tumour: l.tumour }, resolveExtractionSettings(CONFIGS['force2D on the 2D image']!, 'warn'), { caseId: 'bus-0' });
    expect(r.warnings.join('\n')).toMatch(/force2D on a 2D image: .*only horizontal \(x\) neighbours; leave force2D out/);
  });

  it('force2D on a 2D image: the 1D wavelet along x (wavelet-H, wavelet-L) for dimension 0; along y (dimension 1) refused by name; force2Ddimension 2 (no such axis: PyRadiomics drops nothing) the in-plane texture, 100 %', () => {
    const l = cases[0]!;
    const types = (o: Record<string, unknown>) => [...new Set(Object.keys(o).filter((k) => !k.startsWith('diagnostics_')).map((k) => k.split('_')[0]))].sort();
    // (the oracle gets the settings as JSON, where 2.0 is 2: PyRadiomics names that LoG log-sigma-2-mm-3D)
    expect(types(py.get('force2D on the 2D image')![0]!.features!)).toEqual(['log-sigma-2-mm-3D', 'original', 'wavelet-H', 'wavelet-L']);
    expect(types(ours(l, CONFIGS['force2D on the 2D image']!, 'bus-0'))).toEqual(['log-sigma-2-0-mm-3D', 'original', 'wavelet-H', 'wavelet-L']);
    const wavelet: Params = { setting: { binCount: 32, force2D: true, force2Ddimension: 1 }, imageType: { Original: {}, Wavelet: {} } };
    const dim2: Params = { setting: { binCount: 32, force2D: true, force2Ddimension: 2 }, imageType: { Original: {} } };
    const [w, ...d] = runPyRadiomics([{ image: l.imagePath, mask: l.maskPath, label: 255, params: wavelet }, ...cases.map((c) => ({ image: c.imagePath, mask: c.maskPath, label: 255, params: dim2 }))]);
    expect(types(w!.features!)).toEqual(['original', 'wavelet-H', 'wavelet-L']);
    expect(() => ours(l, wavelet, 'bus-0')).toThrow(/case bus-0: imageType Wavelet with force2D, force2Ddimension 1 on a 2D image: PyRadiomics then decomposes along y only \(wavelet-H, wavelet-L\).*leave force2D out/);
    const t = new Map<string, Tally>();
    cases.forEach((c, k) => tally(ours(c, dim2, `bus-${k}`), d[k]!.features!, t, `lesion ${k}`));
    for (const [g, v] of t) expect(v.off, g).toEqual([]);
    expect([...t.values()].reduce((s, v) => s + v.equal, 0)).toBe(N * (9 + 93));
  });

  it("sonomics extract with PyRadiomics' example Params.yaml on BUS-BRA writes PyRadiomics' columns and values (PyRadiomics reading the same file)", async () => {
    const file = sharedPath('refdata', 'pyradiomics', 'examples_settings', 'Params.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-oracle-params-'));
    const manifest = join(dir, 'manifest.csv');
    writeFileSync(manifest, ['case_id,image,tumour_mask', ...cases.map((l, k) => `bus-${k},${l.imagePath},${l.maskPath}`)].join('\n') + '\n');
    const run = await runExtraction({ manifest, settings: file, outDir: join(dir, 'out'), workers: 0, progress: false });
    expect(run.failed).toEqual([]);
    const table = parseCsv(readFileSync(join(dir, 'out', 'features.csv'), 'utf8'));
    // the file says label: 1; SimpleITK reads the 1-bit mask PNGs as 0/255, so PyRadiomics is given label 255
    const theirs = runPyRadiomics(cases.map((l) => ({ image: l.imagePath, mask: l.maskPath, label: 255, params: file })));
    const t = new Map<string, Tally>();
    let diagnostics = 0;
    table.rows.forEach((row, k) => {
      const py = theirs[k]!.features!;
      const pyFeatures = Object.keys(py).filter((c) => !c.startsWith('diagnostics_'));
      // the same feature columns (2D input: no shape, as PyRadiomics skips `shape` there) and classes in the same order;
      // within a class sonomics sorts by name, PyRadiomics keeps the order of a feature list in the file (glcm here)
      const ours = table.columns.filter((c) => c.startsWith('original_'));
      expect([...ours].sort()).toEqual([...pyFeatures].sort());
      const classes = (cols: string[]): string[] => [...new Set(cols.map((c) => c.split('_')[1]!))];
      expect(classes(ours)).toEqual(classes(pyFeatures));
      tally(Object.fromEntries(pyFeatures.map((c) => [c, Number(row[c])])), py, t, `lesion ${k}`);
      for (const c of table.columns.filter((c) => c.startsWith('diagnostics_Image-') || c.startsWith('diagnostics_Mask-'))) {
        expect(String(row[c]), `lesion ${k} ${c}`).toBe(String(py[c]));
        diagnostics++;
      }
    });
    for (const [g, v] of t) expect(v.off, g).toEqual([]);
    expect([...t.values()].reduce((s, v) => s + v.equal, 0)).toBe(N * (18 + 22 + 16 + 16 + 14));
    expect(diagnostics).toBe(N * 13);
  }, 300_000);

  it('without Original in imageType PyRadiomics still writes original_shape2D, and so does sonomics: the same columns and values', () => {
    const params: Params = { setting: { binCount: 32 }, imageType: { Square: {} } };
    const theirs = runPyRadiomics(cases.map((l) => ({ image: l.imagePath, mask: l.maskPath, label: 255, params })));
    const t = new Map<string, Tally>();
    cases.forEach((l, k) => {
      const py = theirs[k]!.features!;
      expect(Object.keys(py).filter((c) => c.startsWith('original_')).length).toBe(9);
      const sonomics = ours(l, params, `sq-${k}`);
      // shape first, as PyRadiomics computes it before the image types
      expect(Object.keys(sonomics).slice(0, 9).every((c) => c.startsWith('original_shape2D_'))).toBe(true);
      expect(Object.keys(sonomics).sort()).toEqual(Object.keys(py).filter((c) => !c.startsWith('diagnostics_')).sort());
      const shape = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([c]) => c.startsWith('original_'))) as Record<string, number>;
      tally(shape(sonomics), shape(py), t, `lesion ${k}`);
    });
    expect([...t.keys()]).toEqual(['original_shape2D']);
    expect(t.get('original_shape2D')!.off).toEqual([]);
    expect(t.get('original_shape2D')!.equal).toBe(N * 9);
  });

  it('a YAML parameter file with sigma [1, 2.0] and label 255: PyRadiomics\' LoG names (log-sigma-1-mm-3D, log-sigma-2-0-mm-3D) and its values on the 1-bit mask', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-oracle-yaml-'));
    const file = join(dir, 'log.yaml');
    writeFileSync(file, 'setting:\n  binCount: 32\n  label: 255\nimageType:\n  LoG:\n    sigma: [1, 2.0]\nfeatureClass:\n  firstorder:\n  glcm:\n');
    const l = cases[0]!;
    const [r] = runPyRadiomics([{ image: l.imagePath, mask: l.maskPath, label: 255, params: file }]);
    const theirs = Object.fromEntries(Object.entries(r!.features!).filter(([k]) => !k.startsWith('diagnostics_')));
    const settings = resolveExtractionSettings(readSettingsFile(file), file);
    const sonomics = extractCase({ image: l.image, tumour: readMaskFile(l.maskPath, { label: settings.maskLabel }) }, settings, { caseId: 'bus-0' }).features;
    expect(Object.keys(sonomics).sort()).toEqual(Object.keys(theirs).sort());
    expect(new Set(Object.keys(theirs).map((k) => k.split('_')[0]))).toEqual(new Set(['log-sigma-1-mm-3D', 'log-sigma-2-0-mm-3D']));
    const t = new Map<string, Tally>();
    // (tally reads PyRadiomics' names through pyName, which spells integers as JSON-given floats: ours alike)
    tally(Object.fromEntries(Object.entries(sonomics).map(([k, v]) => [pyName(k), v])), theirs, t, 'lesion 0');
    expect([...t.values()].reduce((s, v) => s + v.equal, 0)).toBe(2 * (18 + 24));
    for (const [g, v] of t) expect(v.off, g).toEqual([]);
  });

  it('diagnostics: image and mask columns equal PyRadiomics\' printed values', () => {
    const name = 'binCount 32, every image type';
    const COLUMNS = ['Image-original_Dimensionality', 'Image-original_Spacing', 'Image-original_Size', 'Image-original_Mean', 'Image-original_Minimum', 'Image-original_Maximum',
      'Mask-original_Spacing', 'Mask-original_Size', 'Mask-original_BoundingBox', 'Mask-original_VoxelNum', 'Mask-original_VolumeNum', 'Mask-original_CenterOfMassIndex', 'Mask-original_CenterOfMass'].map((c) => `diagnostics_${c}`);
    let compared = 0;
    cases.forEach((l, k) => {
      const sonomics = extractCase({ image: l.image, tumour: l.tumour }, resolveExtractionSettings(CONFIGS[name]!, 'diagnostics'), { caseId: `bus-${k}` }).diagnostics!;
      const theirs = py.get(name)![k]!.features!;
      for (const c of COLUMNS) {
        expect(c in sonomics, c).toBe(true);
        const a = sonomics[c], b = theirs[c]!;
        if (typeof b === 'number') expect(Number(a), `lesion ${k} ${c}`).toBe(b);
        else expect(String(a), `lesion ${k} ${c}`).toBe(b);
        compared++;
      }
    });
    expect(compared).toBe(N * COLUMNS.length);
  });
});
