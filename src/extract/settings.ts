/**
 * Extraction settings: which regions, which images (original and filtered), and the feature
 * settings. One plain JSON object (from YAML or JSON), validated with messages that name the
 * setting and say what to write; its canonical hash identifies a feature table.
 */
import { SonomicsError } from '../core/errors.ts';
import { resolveSettings, type FeatureSettings } from '../features/settings.ts';
import { filterName, validateFilterSpec, type FilterSpec } from '../filters/index.ts';
import { ringName } from '../roi/regions.ts';
import { checkSchema, s, type ObjectNode } from '../core/schema.ts';
import { FEATURE_SETTINGS_SCHEMA } from '../features/settings.ts';
import { FILTER_SPEC_SCHEMA } from '../filters/spec-schema.ts';
import { isPyRadiomicsParams, readPyradiomicsParams, type PyradiomicsResampling } from './pyradiomics-params.ts';
import { PYRADIOMICS_CLASSES, type ClassSelection } from '../features/pyradiomics/names.ts';

export interface RegionSettings {
  /** Features of the lesion itself (default true). */
  tumour?: boolean;
  /** Peri-tumoural rings: widths in mm outside the tumour boundary, e.g. [5]. */
  rings?: number[];
  /** Gap between tumour boundary and ring, in mm (default 0). */
  ringInnerMarginMm?: number;
  /** Features of the disease-free parenchyma (needs a parenchyma mask per case; default true when the manifest has one). */
  parenchyma?: boolean;
  /** Disconnected tumour components: keep all or only the largest (default 'all'). */
  components?: 'all' | 'largest';
  /** Smallest acceptable region, in pixels/voxels (default 20). */
  minPixels?: number;
}

export interface ExtractionSettings {
  regions: RegionSettings;
  /** Images to compute features on; default [{ type: 'original' }]. */
  images: FilterSpec[];
  /** Unit of every length in the settings; 'pixel' for images without physical calibration (names say px). */
  units?: 'mm' | 'pixel';
  /** IBSI feature settings (dimension, discretisation, families, resampling, ...). */
  features: FeatureSettings;
  /**
   * Per-image overrides of the discretisation (filtered images have other intensity ranges, so
   * FBS widths chosen for the original rarely fit them; FBN is the usual choice there).
   */
  filteredDiscretisation?: FeatureSettings['discretisation'];
  /**
   * Column names: 'sonomics' (default, `{region}_{image}_{family}_{feature}`) or 'pyradiomics'
   * (`original_glcm_Contrast`, `wavelet-LLH_firstorder_Mean`; prefixed with `{region}_` when
   * more than one region is extracted). A PyRadiomics parameter file implies 'pyradiomics'.
   */
  names?: 'sonomics' | 'pyradiomics';
  /** PyRadiomics output: image-type names parallel to `images` and the classes/features to write (default all). */
  pyradiomics?: {
    imageNames?: string[];
    classes?: ClassSelection[];
    resampling?: PyradiomicsResampling;
    preCrop?: number;
    /** Mask geometry tolerance (PyRadiomics geometryTolerance; default ITK's 1e-6), a fraction of the mask's x spacing for origin and spacing. */
    geometryTolerance?: number;
    /** Resample a mask whose grid differs from the image's onto it by nearest neighbour (PyRadiomics correctMask). */
    correctMask?: boolean;
    /** 2D extraction across this numpy axis of the (z, y, x) volume: 1 = y (coronal), 2 = x (sagittal) (PyRadiomics force2Ddimension with force2D). */
    force2Ddimension?: 1 | 2;
    /** PyRadiomics' ROI checks (minimumROIDimensions, minimumROISize), on the mask and on the re-segmented mask. */
    roiCheck?: { minimumROIDimensions: number; minimumROISize?: number };
    /** Shape features of the re-segmented mask (PyRadiomics resegmentShape). */
    resegmentShape?: boolean;
    /** The parameter file's `setting` and `imageType` sections (diagnostics_Configuration_*). */
    configuration?: { setting?: Record<string, unknown>; imageType?: Record<string, unknown> };
  };
  /** Write PyRadiomics' diagnostics_* columns (PyRadiomics' additionalInfo; default on for a PyRadiomics file). */
  diagnostics?: boolean;
  /** Label value of the masks (PyRadiomics setting `label`); default: every non-zero pixel. */
  maskLabel?: number;
}

export const DEFAULT_EXTRACTION: ExtractionSettings = {
  regions: { tumour: true, rings: [5], parenchyma: true, components: 'all', minPixels: 20 },
  images: [{ type: 'original' }],
  features: resolveSettings({ dimension: '2D', discretisation: { method: 'FBN', value: 32 } }),
};

/**
 * The extraction-settings schema: validation at every depth, the defaults and the reference
 * table in docs/extraction.md. Regions are filled in as before (the settings hash of a feature
 * table depends on it); feature settings follow FEATURE_SETTINGS_SCHEMA.
 */
export const EXTRACTION_SETTINGS_SCHEMA: ObjectNode = s.obj({
  description: s.field(s.str(), 'free text, kept with the settings'),
  regions: s.field(s.obj({
    tumour: s.field(s.bool(), 'features of the lesion itself', { default: true }),
    rings: s.field(s.list(s.num({ gt: 0 })), 'peri-tumoural rings: widths in mm outside the tumour boundary, e.g. [5] or [2, 5]', { default: [5] }),
    ringInnerMarginMm: s.field(s.num({ min: 0 }), 'gap between tumour boundary and ring, in mm', { docDefault: '`0`' }),
    parenchyma: s.field(s.bool(), 'features of the disease-free parenchyma (needs a parenchyma mask column in the manifest)', { default: true }),
    components: s.field(s.oneOf(['all', 'largest']), 'disconnected tumour components: keep all or only the largest', { default: 'all' }),
    minPixels: s.field(s.int({ min: 1 }), 'smallest acceptable region, in pixels/voxels', { default: 20 }),
  }), 'which regions to compute features of', { default: {} }),
  units: s.field(s.oneOf(['mm', 'pixel']), "unit of every length in these settings (rings, filter σ/λ, resampling): 'mm' needs calibrated images (DICOM spacing, PNG pHYs, TIFF resolution or a manifest spacing_mm column); 'pixel' measures in pixels and names features …px", { docDefault: '`mm`' }),
  images: s.field(s.list(FILTER_SPEC_SCHEMA, { minItems: 1 }), 'images to compute features on: the original and filtered images (docs/filters.md)', { default: [{ type: 'original' }] }),
  features: s.field(FEATURE_SETTINGS_SCHEMA, 'IBSI feature settings (docs/features.md)', { default: {} }),
  filteredDiscretisation: s.field(FEATURE_SETTINGS_SCHEMA.fields.discretisation!.node, 'discretisation of the filtered images (their intensity ranges differ from the original\'s)', { docDefault: 'as features.discretisation' }),
  names: s.field(s.oneOf(['sonomics', 'pyradiomics']), "column names: sonomics' or PyRadiomics' (original_glcm_Contrast; docs/pyradiomics.md)", { docDefault: '`sonomics`' }),
  pyradiomics: s.field(s.obj({
    imageNames: s.field(s.list(s.str()), 'PyRadiomics image-type names, one per entry of images', { docDefault: 'from the filters' }),
    classes: s.field(s.list(s.obj({
      cls: s.field(s.oneOf(PYRADIOMICS_CLASSES, 'PyRadiomics feature class'), 'PyRadiomics feature class', { required: true }),
      features: s.field(s.list(s.str()), 'its features, PyRadiomics names', { required: true }),
    })), 'PyRadiomics classes and features to write', { docDefault: 'all' }),
    resampling: s.field(s.obj({
      spacing: s.field(s.tuple(s.num({ min: 0 }), s.num({ min: 0 }), s.num({ min: 0 })), 'target spacing [x, y, z] in mm; 0 keeps an axis', { required: true }),
      interpolation: s.field(s.oneOf(['cubic', 'linear', 'nearest']), 'image interpolation (sitkBSpline = cubic)', { required: true }),
      padDistance: s.field(s.int({ min: 0 }), 'new voxels kept around the mask box', { required: true }),
    }), "resampling as PyRadiomics / SimpleITK does it, before cropping (set by resampledPixelSpacing)"),
    preCrop: s.field(s.int({ min: 0 }), "crop image and mask to the mask's box ± this many voxels before filtering, as PyRadiomics' preCrop with its padDistance (filters then see the crop's borders)"),
    geometryTolerance: s.field(s.num({ min: 0 }), "how far a mask's geometry may differ from the image's and still count as the same grid (PyRadiomics' geometryTolerance, ITK's rule): origin and spacing within this × the mask's x spacing, direction cosines within this", { docDefault: '`1e-6` (ITK)' }),
    correctMask: s.field(s.bool(), "a mask on another grid than its image (beyond geometryTolerance) is resampled onto the image grid by nearest neighbour when its ROI lies inside the image (PyRadiomics' correctMask); otherwise such a mask is an error", { docDefault: '`false`' }),
    force2Ddimension: s.field(s.int({ min: 1, max: 2 }), "2D extraction (features.dimension 2D) in another plane, as PyRadiomics' force2Ddimension: 1 = across y (coronal planes), 2 = across x (sagittal planes); the volume is permuted so that axis becomes z", { docDefault: 'axial planes (0)' }),
    roiCheck: s.field(s.obj({
      minimumROIDimensions: s.field(s.int({ min: 1, max: 3 }), 'axes along which the ROI must span more than one voxel (PyRadiomics minimumROIDimensions)', { required: true }),
      minimumROISize: s.field(s.int({ min: 1 }), 'the ROI must hold more voxels than this (PyRadiomics minimumROISize)'),
    }), "PyRadiomics' checkMask on the tumour mask and again on its re-segmentation: a single voxel, too few axes or too few voxels is an error (set by a PyRadiomics parameter file)"),
    resegmentShape: s.field(s.bool(), "shape features of the re-segmented mask (PyRadiomics' resegmentShape); otherwise shape uses the mask as given and only the other classes the re-segmented one", { docDefault: '`false`' }),
    configuration: s.field(s.obj({
      setting: s.field(s.any('a mapping'), "the parameter file's setting section"),
      imageType: s.field(s.any('a mapping'), "the parameter file's imageType section"),
    }), 'the PyRadiomics parameter file, written as diagnostics_Configuration_*'),
  }), "with names: pyradiomics, which PyRadiomics columns to write (set by a PyRadiomics parameter file)"),
  diagnostics: s.field(s.bool(), "write PyRadiomics' diagnostics_* columns (image and mask as loaded: spacing, size, intensity range, mask box, voxel and component counts, centre of mass; docs/pyradiomics.md) before the features", { docDefault: '`false`; a PyRadiomics file: its additionalInfo (default true)' }),
  maskLabel: s.field(s.int({ min: 1 }), 'label value of the masks (PyRadiomics setting label)', { docDefault: 'every non-zero pixel' }),
});

/** Validates a parsed settings file and fills defaults; `where` names the file in messages. */
export function resolveExtractionSettings(input: unknown, where = 'extraction settings'): ExtractionSettings {
  const bad = (msg: string): never => {
    throw new SonomicsError('BAD_SETTINGS', `${where}: ${msg}`, { subject: where });
  };
  if (input === undefined || input === null) return structuredClone(DEFAULT_EXTRACTION);
  if (isPyRadiomicsParams(input)) return fromPyradiomicsParams(input, where);
  const checked = checkSchema(EXTRACTION_SETTINGS_SCHEMA, input);
  if (checked.problems.length) bad(`${checked.problems.length} problem(s):\n  - ${checked.problems.join('\n  - ')}`);
  const o = checked.value as ExtractionSettings & { description?: string };
  const r = o.regions;
  if (!r.tumour && !(r.rings?.length) && !r.parenchyma) bad('no region selected: enable regions.tumour, regions.rings or regions.parenchyma');

  const names = new Set<string>();
  for (const [i, spec] of o.images.entries()) {
    let name = '';
    try {
      validateFilterSpec(spec);
      name = filterName(spec);
    } catch (err) {
      bad(`images[${i}]: ${(err as Error).message}`);
    }
    if (names.has(name)) bad(`images[${i}] repeats the image '${name}'`);
    names.add(name);
  }
  const features = resolveSettings(o.features, `${where}: features`);
  const out: ExtractionSettings = { regions: r, images: o.images, features, ...(o.units ? { units: o.units } : {}) };
  if (o.names !== undefined) out.names = o.names;
  if (o.pyradiomics !== undefined) out.pyradiomics = o.pyradiomics;
  if (o.maskLabel !== undefined) out.maskLabel = o.maskLabel;
  if (o.diagnostics !== undefined) out.diagnostics = o.diagnostics;
  if (o.filteredDiscretisation !== undefined) {
    const fd = o.filteredDiscretisation;
    resolveSettings({ ...features, discretisation: fd }, `${where}: filteredDiscretisation`);
    out.filteredDiscretisation = fd;
  }
  return out;
}

/**
 * A PyRadiomics parameter file as extraction settings: the lesion alone (PyRadiomics has one ROI
 * per mask), its image types, feature classes and conventions, PyRadiomics names.
 */
function fromPyradiomicsParams(input: unknown, where: string): ExtractionSettings {
  const plan = readPyradiomicsParams(input, where);
  return {
    // PyRadiomics' own ROI checks (pyradiomics.roiCheck) apply minimumROISize; one voxel is the least region
    regions: { tumour: true, rings: [], parenchyma: false, components: 'all', minPixels: 1 },
    images: plan.images,
    features: plan.features,
    names: 'pyradiomics',
    pyradiomics: {
      imageNames: plan.imageNames,
      classes: plan.classes,
      ...(plan.resampling ? { resampling: plan.resampling } : {}),
      ...(plan.preCrop !== undefined ? { preCrop: plan.preCrop } : {}),
      ...(plan.maskGeometry.tolerance !== undefined ? { geometryTolerance: plan.maskGeometry.tolerance } : {}),
      ...(plan.maskGeometry.correctMask ? { correctMask: true } : {}),
      ...(plan.resegmentShape ? { resegmentShape: true } : {}),
      roiCheck: { minimumROIDimensions: plan.minimumROIDimensions, ...(plan.minimumROISize !== undefined ? { minimumROISize: plan.minimumROISize } : {}) },
      ...(plan.force2Ddimension ? { force2Ddimension: plan.force2Ddimension } : {}),
      configuration: plan.configuration,
    },
    diagnostics: plan.additionalInfo,
    maskLabel: plan.label,
  };
}

/** Region names as they appear in feature names: tumour, ring5mm, parenchyma. */
export function regionNames(s: ExtractionSettings, hasParenchyma: boolean): string[] {
  const names: string[] = [];
  if (s.regions.tumour !== false) names.push('tumour');
  for (const w of s.regions.rings ?? []) names.push(ringName(w, s.regions.ringInnerMarginMm ?? 0));
  if (s.regions.parenchyma !== false && hasParenchyma) names.push('parenchyma');
  return names;
}
