/**
 * PyRadiomics 3.1.0 itself against sonomics on 3D volumes (issue #16): PyRadiomics' own CT/MR test data
 * (brain1, brain2, breast1; int16 NRRD read by sonomics and handed to the oracle as raw int16 volumes with
 * their geometry) with the settings combinations the baseline CSVs do not cover — filters with fixed bin
 * width, preCrop, force2D along each axis, normalisation with LoG, sigma re-segmentation with and without
 * resegmentShape, weighting with an asymmetric GLCM. Every value equal within relative 1e-6 (3D shape
 * included), except float32 storage of the float64 derived images (see oracle.test.ts), each of which
 * PyRadiomics with its derived images rounded to float32 reproduces.
 */
import { expect, it } from 'vitest';
import { extractCase } from '../../src/extract/case.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';
import { oracleTempDir, runPyRadiomics, writeRawVolume } from '../helpers/pyradiomics-oracle.ts';
import { loadCase } from './baseline.ts';
import { FLOAT64_TYPES, run, tally, type Params, type Tally } from './oracle-compare.ts';

/** The CT/MR volumes of PyRadiomics' own test data with the settings combinations the baselines do not cover. */
const FC3D = { shape: null, firstorder: null, glcm: null, glrlm: null, glszm: null, gldm: null, ngtdm: null };
const CONFIGS_3D: Record<string, Params> = {
  'binWidth 25: original, wavelet (8 sub-bands), LoG σ 2, square, gradient': { setting: {}, imageType: { Original: {}, Wavelet: {}, LoG: { sigma: [2.0] }, Square: {}, Gradient: {} } },
  'preCrop (padDistance 3), binCount 32: original, LoG σ 1, db2 start_level 1 level 2, exponential, square root, logarithm': { setting: { preCrop: true, padDistance: 3, binCount: 32 }, imageType: { Original: {}, LoG: { sigma: [1.0] }, Wavelet: { wavelet: 'db2', start_level: 1, level: 2 }, Exponential: {}, SquareRoot: {}, Logarithm: {} } },
  'force2D (axial), binCount 32: original, wavelet, LoG σ 2': { setting: { force2D: true, binCount: 32 }, imageType: { Original: {}, Wavelet: {}, LoG: { sigma: [2.0] } }, featureClass: FC3D },
  'force2D, force2Ddimension 1, binCount 32: original, wavelet': { setting: { force2D: true, force2Ddimension: 1, binCount: 32 }, imageType: { Original: {}, Wavelet: {} }, featureClass: FC3D },
  'force2D, force2Ddimension 2, weightingNorm euclidean': { setting: { force2D: true, force2Ddimension: 2, weightingNorm: 'euclidean' }, imageType: { Original: {} }, featureClass: FC3D },
  'normalize (scale 100, removeOutliers 3), binWidth 10: original, LoG σ 3': { setting: { normalize: true, normalizeScale: 100, removeOutliers: 3, binWidth: 10 }, imageType: { Original: {}, LoG: { sigma: [3.0] } } },
  // without resegmentShape PyRadiomics computes shape on the mask cropped to the re-segmented mask's box
  'resegmentMode sigma [-1, 1], binCount 16 (shape on the mask in the re-segmented box)': { setting: { resegmentRange: [-1, 1], resegmentMode: 'sigma', binCount: 16 }, imageType: { Original: {} }, featureClass: { shape: null, firstorder: null, glcm: null } },
  'resegmentMode sigma [-3, 3], resegmentShape, binCount 16': { setting: { resegmentRange: [-3, 3], resegmentMode: 'sigma', resegmentShape: true, binCount: 16 }, imageType: { Original: {} } },
  'weightingNorm manhattan, symmetricalGLCM false, gldm_a 1, voxelArrayShift 1000': { setting: { weightingNorm: 'manhattan', symmetricalGLCM: false, gldm_a: 1, voxelArrayShift: 1000 }, imageType: { Original: {} } },
};
const VOLUMES = ['brain1', 'brain2', 'breast1'];

run('PyRadiomics 3.1.0 itself on 3D volumes (brain1, brain2, breast1; int16 NRRD): sonomics gives its values', () => {
  it('9 settings combinations, 3D shape included: 100 % but float32 storage of float64 derived images (replayed: 100 %)', () => {
    const dir = oracleTempDir();
    const volumes = VOLUMES.map((name) => {
      const { image, mask } = loadCase(name)!;
      return { name, image, mask, imagePath: writeRawVolume(dir, `${name}-image`, image, 'int16'), maskPath: writeRawVolume(dir, `${name}-mask`, mask, 'uint8') };
    });
    const names = Object.keys(CONFIGS_3D);
    const pairs = names.flatMap((name) => volumes.map((v) => ({ name, v })));
    const out = runPyRadiomics(pairs.map(({ name, v }) => ({ image: v.imagePath, mask: v.maskPath, params: CONFIGS_3D[name]! })));
    let equal = 0, total = 0;
    const shrunk = new Set<string>();
    const replay: Array<{ k: number; ours: Record<string, unknown> }> = [];
    pairs.forEach(({ name, v }, k) => {
      const theirs = out[k]!.features;
      expect(theirs, `${v.name}, ${name}: ${out[k]!.error}`).toBeDefined();
      if (theirs!['diagnostics_Mask-resegmented_BoundingBox'] !== undefined && theirs!['diagnostics_Mask-resegmented_BoundingBox'] !== theirs!['diagnostics_Mask-original_BoundingBox']) shrunk.add(name);
      const ours = extractCase({ image: v.image, tumour: v.mask }, resolveExtractionSettings(CONFIGS_3D[name]!, `oracle ${name}`), { caseId: v.name }).features;
      const t = new Map<string, Tally>();
      tally(ours, theirs!, t, v.name);
      const off = [...t].flatMap(([g, x]) => x.off.map((o) => ({ g, o })));
      for (const { g, o } of off) expect(FLOAT64_TYPES.test(`${g}_`) ? g : o, `${name}: not a float64 image type`).toBe(g);
      if (off.length) replay.push({ k, ours });
      for (const x of t.values()) { equal += x.equal; total += x.total; }
    });
    // PyRadiomics with its derived images rounded to float32, as sonomics stores them
    const again = runPyRadiomics(replay.map(({ k }) => ({ image: pairs[k]!.v.imagePath, mask: pairs[k]!.v.maskPath, params: CONFIGS_3D[pairs[k]!.name]!, float32Images: true })));
    replay.forEach(({ k, ours }, j) => {
      const t = new Map<string, Tally>();
      tally(ours, again[j]!.features!, t, `${pairs[k]!.v.name} float32`);
      for (const [g, x] of t) expect(x.off, `${pairs[k]!.name}: ${g}`).toEqual([]);
    });
    // the shape-in-the-re-segmented-box run is exercised: ±1σ shrinks breast1's box (±3σ shrinks none)
    expect(shrunk.has('resegmentMode sigma [-1, 1], binCount 16 (shape on the mask in the re-segmented box)')).toBe(true);
    console.log(`[oracle 3D] ${equal}/${total} equal; the ${total - equal} others are float32 storage, reproduced by PyRadiomics with float32 derived images`);
  }, 600_000);
});
