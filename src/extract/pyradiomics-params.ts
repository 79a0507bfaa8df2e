/**
 * A PyRadiomics parameter file (pyradiomics 3.1, radiomics/schemas/paramSchema.yaml: `imageType`,
 * `featureClass`, `setting`, `voxelSetting`) read into our extraction settings: every documented
 * key is honoured, or refused by name with the reason, never ignored. The result computes with
 * PyRadiomics' conventions (src/features/conventions.ts) and writes PyRadiomics' names.
 * docs/pyradiomics.md lists each key.
 */
import { SonomicsError } from '../core/errors.ts';
import { PYRADIOMICS_CONVENTIONS } from '../features/conventions.ts';
import { allFeatures, CLASS_FAMILIES, PYRADIOMICS_CLASSES, PYRADIOMICS_DEPRECATED, PYRADIOMICS_FEATURES, type ClassSelection, type PyradiomicsClass } from '../features/pyradiomics/names.ts';
import { resolveSettings, type FamilyName, type FeatureSettings } from '../features/settings.ts';
import { validateFilterSpec, type FilterSpec } from '../filters/index.ts';
import { pyFloat } from '../filters/name-parts.ts';
import { filterOf } from '../filters/registry.ts';
import { LBP_METHODS, type LbpMethod } from '../filters/lbp.ts';
import { writtenAsYamlInteger } from './pyradiomics-yaml-integers.ts';

/** The top-level keys of a PyRadiomics parameter file. */
export const PYRADIOMICS_PARAM_KEYS = ['imageType', 'featureClass', 'setting', 'voxelSetting'] as const;

/** True when `obj` is a mapping with at least one PyRadiomics top-level key and none of ours. */
export function isPyRadiomicsParams(obj: unknown): boolean {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return false;
  const keys = Object.keys(obj);
  const ours = ['regions', 'images', 'features', 'filteredDiscretisation'];
  return keys.some((k) => (PYRADIOMICS_PARAM_KEYS as readonly string[]).includes(k)) && !keys.some((k) => ours.includes(k));
}
const TOP_KEYS = new Set<string>(PYRADIOMICS_PARAM_KEYS);

export interface PyradiomicsPlan {
  features: FeatureSettings;
  images: FilterSpec[];
  /** PyRadiomics image-type names parallel to `images` (original, log-sigma-2-0-mm-3D, wavelet-LLH, ...). */
  imageNames: string[];
  classes: ClassSelection[];
  /** Mask label value (setting `label`, default 1). */
  label: number;
  /** Minimum ROI size in voxels (setting `minimumROISize`), when given: ROIs of this many voxels or fewer are refused. */
  minimumROISize?: number;
  /** Setting `minimumROIDimensions` (PyRadiomics' default 2). */
  minimumROIDimensions: number;
  /** PyRadiomics resampling (resampledPixelSpacing with interpolator and padDistance), when set. */
  resampling?: PyradiomicsResampling;
  /** preCrop without resampling: crop to the mask's box ± this many voxels (padDistance) first. */
  preCrop?: number;
  /** setting additionalInfo (PyRadiomics' default true): write the diagnostics_* columns. */
  additionalInfo: boolean;
  /** The file's setting and imageType sections, for diagnostics_Configuration_*. */
  configuration: { setting: Record<string, unknown>; imageType: Record<string, unknown> };
  /** Mask geometry (setting geometryTolerance, correctMask): see src/extract/mask-geometry.ts. */
  maskGeometry: { tolerance?: number; correctMask: boolean };
  /** setting force2Ddimension with force2D: 1 or 2 (the volume is permuted, see force2d-plane.ts); absent for 0. */
  force2Ddimension?: 1 | 2;
  /** setting resegmentShape: shape on the re-segmented mask. */
  resegmentShape: boolean;
}

export interface PyradiomicsResampling {
  /** Target spacing [x, y, z] in mm; 0 keeps an axis' spacing. */
  spacing: [number, number, number];
  interpolation: 'cubic' | 'linear' | 'nearest';
  padDistance: number;
}

/**
 * Keys PyRadiomics documents that sonomics refuses, with the reason (the message names the key).
 * Refused only when set to a value that would change results.
 */
const REFUSED: Record<string, string> = {
  label_channel: 'multi-channel label maps are not supported; give a single-channel mask',
  lbp3DLevels: 'LBP3D is not implemented', lbp3DIcosphereRadius: 'LBP3D is not implemented', lbp3DIcosphereSubdivision: 'LBP3D is not implemented',
};

/** Settings with no effect on sonomics' values (PyRadiomics uses them for checks). */
const NO_EFFECT = new Set<string>([]);

/** SimpleITK interpolators PyRadiomics names, and ours (only these three). */
const INTERPOLATORS: Record<string, 'cubic' | 'linear' | 'nearest'> = { sitkBSpline: 'cubic', sitkLinear: 'linear', sitkNearestNeighbor: 'nearest' };

const HANDLED = new Set([
  'resampledPixelSpacing', 'interpolator', 'padDistance', 'preCrop', 'additionalInfo',
  'binWidth', 'binCount', 'label', 'normalize', 'normalizeScale', 'removeOutliers', 'distances', 'force2D', 'force2Ddimension',
  'resegmentRange', 'resegmentMode', 'resegmentShape', 'geometryTolerance', 'correctMask', 'voxelArrayShift', 'symmetricalGLCM', 'weightingNorm', 'gldm_a', 'minimumROISize', 'minimumROIDimensions',
  'sigma', 'start_level', 'level', 'wavelet', 'gradientUseSpacing', 'lbp2DRadius', 'lbp2DSamples', 'lbp2DMethod',
]);

export function readPyradiomicsParams(input: unknown, where = 'PyRadiomics parameter file'): PyradiomicsPlan {
  const bad = (msg: string): never => {
    throw new SonomicsError('BAD_SETTINGS', `${where}: ${msg}`);
  };
  if (!input || typeof input !== 'object' || Array.isArray(input)) bad('must be a mapping with imageType, featureClass and setting');
  const o = input as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!TOP_KEYS.has(k)) bad(`unknown top-level key '${k}' (PyRadiomics knows imageType, featureClass, setting, voxelSetting)`);
  const vs = o.voxelSetting as Record<string, unknown> | null | undefined;
  if (vs && Object.keys(vs).length > 0) bad(`voxelSetting (${Object.keys(vs).join(', ')}): voxel-based feature maps are not supported; remove the section`);
  const setting = (o.setting ?? {}) as Record<string, unknown>;
  if (typeof setting !== 'object' || Array.isArray(setting)) bad('setting must be a mapping');
  checkSettingKeys(setting, 'setting', bad);
  const features = featureSettingsFromPyradiomics(setting, where);

  // featureClass missing: every class, as PyRadiomics enables them all (shape is then skipped on 2D
  // input and shape2D on 3D input without force2D, both with a warning there, silently here)
  const fc = o.featureClass as Record<string, unknown> | null | undefined;
  const classes: ClassSelection[] = [];
  const names = fc ? Object.keys(fc) : [...PYRADIOMICS_CLASSES];
  for (const cls of names) {
    if (!(cls in PYRADIOMICS_FEATURES)) bad(`featureClass '${cls}' is unknown (known: ${PYRADIOMICS_CLASSES.join(', ')})`);
    const list = fc?.[cls];
    let feats: string[];
    if (list === null || list === undefined || (Array.isArray(list) && list.length === 0)) feats = allFeatures(cls as PyradiomicsClass);
    else if (Array.isArray(list)) {
      for (const f of list) {
        const deprecated = PYRADIOMICS_DEPRECATED[cls as PyradiomicsClass] ?? {};
        if (typeof f !== 'string' || !(f in PYRADIOMICS_FEATURES[cls as PyradiomicsClass] || f in deprecated)) {
          bad(`featureClass.${cls}: feature '${String(f)}' is unknown (known: ${allFeatures(cls as PyradiomicsClass).join(', ')}; deprecated: ${Object.keys(deprecated).join(', ') || 'none'})`);
        }
      }
      // PyRadiomics' order: feature names sorted (code point order)
      feats = [...new Set(list as string[])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } else feats = bad(`featureClass.${cls} must be a list of feature names or empty`);
    classes.push({ cls: cls as PyradiomicsClass, features: feats });
  }
  const families = [...new Set(classes.flatMap((c) => CLASS_FAMILIES[c.cls]))] as FamilyName[];
  features.families = families;

  // imageType: default Original only
  const it = (o.imageType ?? { Original: {} }) as Record<string, unknown>;
  if (typeof it !== 'object' || Array.isArray(it)) bad('imageType must be a mapping, e.g. { Original: {} }');
  const images: FilterSpec[] = [], imageNames: string[] = [];
  for (const [type, custom] of Object.entries(it)) {
    const c = (custom ?? {}) as Record<string, unknown>;
    if (typeof c !== 'object' || Array.isArray(c)) bad(`imageType.${type} must be a mapping of settings ({} for none)`);
    checkSettingKeys(c, `imageType.${type}`, bad);
    for (const k of Object.keys(c)) {
      if (!['sigma', 'start_level', 'level', 'wavelet', 'gradientUseSpacing', 'lbp2DRadius', 'lbp2DSamples', 'lbp2DMethod'].includes(k)) {
        bad(`imageType.${type}.${k}: per-image-type values of '${k}' are not supported; set it under setting`);
      }
    }
    const s = { ...setting, ...c };
    for (const [spec, name] of imageTypeSpecs(type, s, features.dimension, bad)) {
      try {
        validateFilterSpec(spec); // e.g. a wavelet sonomics does not have, named
      } catch (err) {
        bad(`imageType.${type}: ${(err as Error).message}`);
      }
      images.push(spec);
      imageNames.push(name);
    }
  }
  if (images.length === 0) bad('imageType enables no image; add Original: {}');
  const label = setting.label === undefined ? 1 : (setting.label as number);
  if (!(Number.isInteger(label) && label > 0)) bad(`setting.label must be a positive integer, got ${JSON.stringify(setting.label)}`);
  const additionalInfo = setting.additionalInfo ?? true;
  if (typeof additionalInfo !== 'boolean') bad(`setting.additionalInfo must be true or false, got ${JSON.stringify(setting.additionalInfo)}`);
  const flag = (k: string): boolean => {
    const v = setting[k];
    if (v !== undefined && v !== null && typeof v !== 'boolean') bad(`setting.${k} must be true or false, got ${JSON.stringify(v)}`);
    return v === true;
  };
  const tol = setting.geometryTolerance;
  if (tol !== undefined && tol !== null && !(typeof tol === 'number' && tol >= 0 && Number.isFinite(tol))) bad(`setting.geometryTolerance must be a number ≥ 0 (a fraction of the mask's voxel size), got ${JSON.stringify(tol)}`);
  const maskGeometry = { ...(typeof tol === 'number' ? { tolerance: tol } : {}), correctMask: flag('correctMask') };
  const dim2 = setting.force2D === true ? (setting.force2Ddimension ?? 0) : 0;
  const minDims = setting.minimumROIDimensions ?? 2;
  if (!(Number.isInteger(minDims) && (minDims as number) >= 1 && (minDims as number) <= 3)) bad(`setting.minimumROIDimensions must be 1, 2 or 3, got ${JSON.stringify(setting.minimumROIDimensions)}`);
  const plan: PyradiomicsPlan = { minimumROIDimensions: minDims as number, features, images, imageNames, classes, label, additionalInfo: additionalInfo as boolean, configuration: { setting, imageType: it }, maskGeometry, resegmentShape: flag('resegmentShape'), ...(dim2 === 1 || dim2 === 2 ? { force2Ddimension: dim2 } : {}) };
  if (setting.minimumROISize !== undefined && setting.minimumROISize !== null) {
    if (!(Number.isInteger(setting.minimumROISize) && (setting.minimumROISize as number) > 0)) bad(`setting.minimumROISize must be a whole number > 0, got ${JSON.stringify(setting.minimumROISize)}`);
    plan.minimumROISize = setting.minimumROISize as number;
  }
  const rs = setting.resampledPixelSpacing;
  const interp = setting.interpolator ?? 'sitkBSpline';
  if (rs !== undefined && rs !== null && interp !== null) {
    if (!Array.isArray(rs) || rs.length !== 3 || rs.some((v) => typeof v !== 'number' || v < 0)) bad(`setting.resampledPixelSpacing must be three spacings [x, y, z] in mm (0 keeps an axis), got ${JSON.stringify(rs)}`);
    const interpolation = typeof interp === 'string' ? INTERPOLATORS[interp] : undefined;
    if (!interpolation) bad(`setting.interpolator ${JSON.stringify(interp)}: only ${Object.keys(INTERPOLATORS).join(', ')} are supported`);
    const pad = setting.padDistance ?? 5;
    if (!(Number.isInteger(pad) && (pad as number) >= 0)) bad('setting.padDistance must be a non-negative integer');
    plan.resampling = { spacing: rs as [number, number, number], interpolation: interpolation!, padDistance: pad as number };
  } else if (setting.preCrop === true) {
    // loadImage: preCrop applies only without resampling (which crops by itself)
    const pad = setting.padDistance ?? 5;
    if (!(Number.isInteger(pad) && (pad as number) >= 0)) bad('setting.padDistance must be a non-negative integer');
    plan.preCrop = pad as number;
  } else if (setting.preCrop !== undefined && setting.preCrop !== null && setting.preCrop !== false) {
    bad(`setting.preCrop must be true or false, got ${JSON.stringify(setting.preCrop)}`);
  }
  return plan;
}

function checkSettingKeys(s: Record<string, unknown>, at: string, bad: (m: string) => never): void {
  for (const [k, v] of Object.entries(s)) {
    if (k in REFUSED) {
      const harmless = v === null || v === undefined || v === false || (k === 'label_channel' && v === 0);
      if (!harmless) bad(`${at}.${k}: ${REFUSED[k]}`);
      continue;
    }
    if (!HANDLED.has(k) && !NO_EFFECT.has(k)) bad(`${at}.${k} is not a PyRadiomics setting (see radiomics/schemas/paramSchema.yaml)`);
  }
}

/** The `setting` section as our feature settings, with PyRadiomics' conventions. */
export function featureSettingsFromPyradiomics(s: Record<string, unknown>, where = 'PyRadiomics settings'): FeatureSettings {
  const bad = (msg: string): never => {
    throw new SonomicsError('BAD_SETTINGS', `${where}: setting.${msg}`);
  };
  const num = (k: string): number | undefined => {
    const v = s[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) bad(`${k} must be a number, got ${JSON.stringify(v)}`);
    return v as number;
  };
  const binCount = num('binCount'), binWidth = num('binWidth');
  const discretisation: FeatureSettings['discretisation'] = binCount !== undefined ? { method: 'FBN', value: binCount } : { method: 'FBS', value: binWidth ?? 25 };
  const force2D = s.force2D === true;
  if (s.force2D !== undefined && s.force2D !== null && typeof s.force2D !== 'boolean') bad('force2D must be true or false');
  const dim2 = num('force2Ddimension') ?? 0;
  if (![0, 1, 2].includes(dim2)) bad(`force2Ddimension ${dim2}: must be 0 (z, axial), 1 (y, coronal) or 2 (x, sagittal), a numpy axis of the (z, y, x) array`);
  const distances = pyradiomicsDistances(s.distances, bad);
  const wn = s.weightingNorm ?? null;
  if (wn !== null && !['no_weighting', 'manhattan', 'euclidean', 'infinity'].includes(wn as string)) bad(`weightingNorm '${String(wn)}' is unknown (manhattan, euclidean, infinity, no_weighting, or empty)`);
  const merged = wn !== null; // any weighting sums the direction matrices (weighted) into one
  const dimension = force2D ? '2D' : '3D';
  // force2D: PyRadiomics sums each in-plane direction's matrix over all slices (IBSI 2.5D);
  // without: 13 volumetric directions, features per direction averaged (IBSI 3D, averaged).
  const aggregation = force2D
    ? { glcm: merged ? '2.5D, merged' : '2.5D, direction-merged', glrlm: merged ? '2.5D, merged' : '2.5D, direction-merged', glszm: '2.5D', ngldm: '2.5D', ngtdm: '2.5D' }
    : { glcm: merged ? '3D, merged' : '3D, averaged', glrlm: merged ? '3D, merged' : '3D, averaged', glszm: '3D', ngldm: '3D', ngtdm: '3D' };
  const out: Partial<FeatureSettings> = {
    dimension,
    discretisation,
    conventions: { ...PYRADIOMICS_CONVENTIONS, voxelArrayShift: num('voxelArrayShift') ?? 0 },
    spatialAutocorrelation: false, // no PyRadiomics feature needs it
    texture: {
      distance: 1,
      // [1] (the default) is IBSI's δ = 1 with its directions; any other list, PyRadiomics' shells
      ...(distances.length === 1 && distances[0] === 1 ? {} : { distanceShells: distances }),
      ngldmCoarseness: num('gldm_a') ?? 0,
      symmetric: s.symmetricalGLCM === undefined || s.symmetricalGLCM === null ? true : s.symmetricalGLCM === true,
      ...(merged && wn !== 'no_weighting' ? { directionWeighting: wn as 'manhattan' | 'euclidean' | 'infinity' } : {}),
      aggregation: aggregation as NonNullable<FeatureSettings['texture']>['aggregation'],
    },
  };
  if (s.normalize === true) {
    out.normalisation = { scale: num('normalizeScale') ?? 1 };
    const ro = num('removeOutliers');
    if (ro !== undefined) out.normalisation.removeOutliers = ro;
  }
  const rr = s.resegmentRange as number[] | null | undefined;
  if (rr !== undefined && rr !== null) {
    if (!Array.isArray(rr) || rr.length < 1 || rr.length > 2 || rr.some((v) => typeof v !== 'number')) bad(`resegmentRange must be one or two numbers, got ${JSON.stringify(rr)}`);
    const [lo, hi] = [...rr].sort((a, b) => a - b) as [number, number | undefined];
    const mode = (s.resegmentMode ?? 'absolute') as string;
    const range: [number, number | null] = [lo, rr.length === 2 ? hi! : null];
    if (mode === 'absolute') out.resegmentation = { range };
    else if (mode === 'sigma') out.resegmentation = { sigmaRange: range };
    else if (mode === 'relative') out.resegmentation = { relativeRange: range };
    else bad(`resegmentMode '${mode}' is unknown (absolute, relative or sigma)`);
  }
  return resolveSettings(out, where);
}

/**
 * setting.distances: a list of positive integers (PyRadiomics' cMatrices refuses a distance < 1 and
 * casts to int, so 1.5 would silently become 1 there; here it is refused). Repeats are kept: PyRadiomics
 * counts a repeated distance twice (directions.ts shellOffsets).
 */
function pyradiomicsDistances(raw: unknown, bad: (m: string) => never): number[] {
  if (raw === undefined || raw === null) return [1];
  // paramSchema.yaml: a sequence of int, each > 0 (a bare number fails PyRadiomics' validation too)
  if (!Array.isArray(raw)) bad(`distances must be a list of whole numbers of voxels, e.g. [1, 2]; got ${JSON.stringify(raw)}`);
  const list = raw as unknown[];
  if (list.length === 0) bad('distances is empty: list at least one distance in voxels, e.g. [1] (the default) or [1, 2]');
  list.forEach((d, k) => {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1) {
      bad(`distances[${k}] is ${JSON.stringify(d)}: each distance must be a whole number of voxels ≥ 1 (Chebyshev), e.g. [1, 2]`);
    }
  });
  return list as number[];
}

function imageTypeSpecs(type: string, s: Record<string, unknown>, dimension: '2D' | '3D', bad: (m: string) => never): Array<[FilterSpec, string]> {
  switch (type) {
    case 'Original': return [[{ type: 'original' }, 'original']];
    case 'LoG': {
      const sigma = s.sigma as number[] | undefined;
      if (!Array.isArray(sigma) || sigma.length === 0 || sigma.some((v) => typeof v !== 'number' || !(v > 0))) {
        bad(`imageType.LoG needs sigma: a list of values > 0 in mm (got ${JSON.stringify(sigma)}; PyRadiomics yields no LoG image without it)`);
      }
      // getLoGImage filters the image in its own dimension, force2D or not (hence '-3D' in the name)
      // named by str(sigma): an integer written in a YAML file stays one (pyradiomics-yaml-integers.ts)
      return sigma!.map((v, k) => [{ type: 'log', sigmaMm: v, convention: 'pyradiomics' }, `log-sigma-${writtenAsYamlInteger(sigma, k) ? String(v) : pyFloat(v)}-mm-3D`]);
    }
    case 'Wavelet': {
      const family = s.wavelet ?? 'coif1';
      if (typeof family !== 'string') bad(`imageType.Wavelet: wavelet must be a name such as coif1 (got ${JSON.stringify(family)})`);
      const start = s.start_level ?? 0, levels = s.level ?? 1;
      if (!(Number.isInteger(start) && (start as number) >= 0)) bad(`imageType.Wavelet: start_level must be a whole number ≥ 0 (got ${JSON.stringify(start)})`);
      if (!(Number.isInteger(levels) && (levels as number) >= 1)) bad(`imageType.Wavelet: level must be a whole number ≥ 1 (got ${JSON.stringify(levels)})`);
      if ((start as number) + (levels as number) > 8) bad(`imageType.Wavelet: start_level + level must be ≤ 8 (got ${start} + ${levels})`);
      const axes = dimension === '2D' ? 2 : 3;
      return waveletImages(family as string, start as number, levels as number, axes);
    }
    case 'Square': return [[{ type: 'square' }, 'square']];
    case 'SquareRoot': return [[{ type: 'squareroot' }, 'squareroot']];
    case 'Logarithm': return [[{ type: 'logarithm' }, 'logarithm']];
    case 'Exponential': return [[{ type: 'exponential' }, 'exponential']];
    case 'Gradient':
      if (s.gradientUseSpacing === false) bad('imageType.Gradient: gradientUseSpacing false is not supported (sonomics uses the spacing)');
      // SimpleITK's GradientMagnitude works in the image's dimension, force2D or not
      return [[{ type: 'gradient' }, 'gradient']];
    case 'LBP2D': {
      const method = s.lbp2DMethod ?? 'uniform';
      if (method === 'var') {
        bad("imageType.LBP2D: lbp2DMethod 'var' is not supported: scikit-image's 'var' divides the uniform code by the samples' variance (not Ojala's VAR) and gives NaN wherever the samples are equal, which no feature can use; use uniform, nri_uniform, default or ror");
      }
      if (!(LBP_METHODS as readonly unknown[]).includes(method)) bad(`imageType.LBP2D: lbp2DMethod '${String(method)}' is unknown (${LBP_METHODS.join(', ')}, as scikit-image)`);
      // getLBP2DImage works in the planes across force2Ddimension whether force2D is set or not
      // (im_arr.swapaxes(0, force2Ddimension), one scikit-image call per plane). With force2D and
      // dimension 1 its planes (rows z, columns x) are the permuted volume's z slices
      // (force2d-plane.ts); for dimension 2 swapaxes(0, 2) leaves rows y, columns z, the transpose
      // of ours, and a transposed image reverses the LBP samples' order ('default', 'ror' and
      // 'nri_uniform' codes change); without force2D nothing is permuted.
      const lbpDim = s.force2Ddimension ?? 0;
      if (lbpDim !== 0 && !(s.force2D === true && lbpDim === 1)) {
        bad(`imageType.LBP2D: force2Ddimension ${String(lbpDim)}: only 0 (axial), or 1 (coronal) with force2D: true, is supported for LBP2D (${lbpDim === 2 ? "PyRadiomics' swapaxes(0, 2) leaves transposed planes, whose LBP codes differ" : 'without force2D sonomics does not extract in other planes'})`);
      }
      return [[{ type: 'lbp2d', radius: (s.lbp2DRadius ?? 1) as number, samples: (s.lbp2DSamples ?? 8) as number, method: method as LbpMethod }, 'lbp-2D']];
    }
    case 'LBP3D': return bad('imageType.LBP3D is not implemented; remove it');
    default: return bad(`imageType '${type}' is unknown (Original, LoG, Wavelet, Square, SquareRoot, Logarithm, Exponential, Gradient, LBP2D, LBP3D)`);
  }
}

/**
 * The images getWaveletImage yields, in its order: for each computed level the 2^axes − 1 detail
 * sub-bands in pywt.swtn's key order (LLH, LHL, LHH, HLL, …), then the last level's approximation
 * only. Letters run over x, y, z (PyRadiomics passes numpy axes (2, 1, 0) of the (z, y, x) array;
 * force2D drops z), as ours. Names count the levels *computed* from 1 (`enumerate(ret, start=1)`):
 * with start_level 1 the first computed level is still `wavelet-…`, the second `wavelet2-…`.
 */
function waveletImages(family: string, start: number, levels: number, axes: number): Array<[FilterSpec, string]> {
  const out: Array<[FilterSpec, string]> = [];
  const prefix = (k: number) => (k === 1 ? 'wavelet-' : `wavelet${k}-`);
  for (let k = 1; k <= levels; k++) {
    for (let b = 1; b < 2 ** axes; b++) {
      const band = Array.from({ length: axes }, (_, a) => ((b >> (axes - 1 - a)) & 1 ? 'H' : 'L')).join('');
      out.push([{ type: 'wavelet', family, subband: band, level: start + k, convention: 'pyradiomics' }, `${prefix(k)}${band}`]);
    }
  }
  out.push([{ type: 'wavelet', family, subband: 'L'.repeat(axes), level: start + levels, convention: 'pyradiomics' }, `${prefix(levels)}${'L'.repeat(axes)}`]);
  return out;
}

/**
 * PyRadiomics' image-type name of a filter, for `names: pyradiomics` with sonomics settings:
 * original, log-sigma-2-0-mm-3D, wavelet-LLH (letters x, y, z as PyRadiomics and sonomics order
 * them; wavelet2-… for level 2), square, ...; filters PyRadiomics lacks keep their sonomics name.
 */
export function pyradiomicsImageName(spec: FilterSpec, sonomicsName: string): string {
  return filterOf(spec).pyradiomicsName?.(spec) ?? sonomicsName;
}

/**
 * PyRadiomics reads a 2D image (PNG, one-slice file) as 2D: its LoG is the 2D one and its wavelet
 * decomposes the two in-plane axes only (wavelet-LH, -HL, -HH, -LL). A plan read for 3D (no
 * force2D) is narrowed to that for a single-slice image: 3-letter sub-bands low along z (the
 * last letter) keep their in-plane letters, those high along z are dropped, LoG becomes 2D
 * (the PyRadiomics-convention LoG is 2D on a one-slice image by itself).
 */
export function forSingleSliceImage(images: FilterSpec[], imageNames: string[]): { images: FilterSpec[]; imageNames: string[] } {
  const out: FilterSpec[] = [], names: string[] = [];
  images.forEach((spec, i) => {
    const name = imageNames[i]!;
    if (spec.type === 'wavelet' && spec.subband.length === 3) {
      if (spec.subband[2]!.toUpperCase() !== 'L') return; // high along z: nothing on one slice
      out.push({ ...spec, subband: spec.subband.slice(0, 2) });
      names.push(name.replace(/-([LH]{2})[LH]$/, '-$1'));
      return;
    }
    const inPlane = (spec.type === 'log' && spec.convention !== 'pyradiomics') || spec.type === 'gradient';
    out.push(inPlane ? { ...spec, dims: '2D' } as FilterSpec : spec);
    names.push(name);
  });
  return { images: out, imageNames: names };
}
