/**
 * One case through the extraction plan: check the masks, build the regions (tumour, peri-tumoural
 * rings in mm, parenchyma), make each requested image (original and filtered) once, and compute
 * the features of every region on every image. Names: `{region}_{image}_{family}_{feature}`.
 */
import { checkCalibration, inPixelUnits, pixelNames } from './units.ts';
import { SonomicsError, inCase } from '../core/errors.ts';
import { extractFeatures } from '../features/pipeline.ts';
import { FAMILY_NAMES } from '../features/families.ts';
import { PEAK_RADIUS_MM } from '../features/settings.ts';
import { applyFilters, filterName, filterReachMm, type FilterSpec } from '../filters/index.ts';
import { boundingBox, cropImage, cropMask, growBox, uncropMask, type Box } from '../image/crop.ts';
import { countInside, type Image, type Mask } from '../image/image.ts';
import { checkMask } from '../roi/checks.ts';
import { peritumoralRing } from '../roi/ring.ts';
import { sameGrid } from '../roi/grid.ts';
import { ringName } from '../roi/regions.ts';
import { regionNames, type ExtractionSettings } from './settings.ts';
import { normaliseImage } from '../features/preprocess/normalise.ts';
import { allFeatures, PYRADIOMICS_CLASSES, pyradiomicsIds, pyradiomicsValues, type ClassSelection } from '../features/pyradiomics/names.ts';
import { forSingleSliceImage, pyradiomicsImageName } from './pyradiomics-params.ts';
import { resampleLikePyradiomics } from '../features/preprocess/resample-pyradiomics.ts';
import { pyradiomicsDiagnostics } from '../features/pyradiomics/diagnostics.ts';
import { resegment } from '../features/preprocess/prepare.ts';
import { geometryMismatch, maskOnImageGrid } from './mask-geometry.ts';
import { checkRoiLikePyradiomics } from './pyradiomics-roi-check.ts';
import { alongXOnly, force2DOn2DImage, force2DOn2DImageWarning, readFrom2DFile } from './pyradiomics-2d-input.ts';
import { fromForce2DPlane, toForce2DPlane, vecInForce2DPlane } from './force2d-plane.ts';

export interface CaseImages {
  image: Image;
  tumour: Mask;
  parenchyma?: Mask;
  /** Optional liver (or field-of-view) mask: rings are clipped to it. */
  liver?: Mask;
}

export interface CaseOptions {
  caseId: string;
  /** Name of a mask perturbation applied before extraction (robustness runs), recorded in warnings. */
  perturbation?: string;
  /** Versions written as diagnostics_Versions_* (settings diagnostics: true), e.g. { sonomics: '1.0.0' }. */
  versions?: Record<string, string>;
}

export interface CaseFeatures {
  features: Record<string, number>;
  warnings: string[];
  /** Pixel counts of the regions (for reports and QA). */
  regionPixels: Record<string, number>;
  /** PyRadiomics' diagnostics_* of the image and tumour mask as given (settings diagnostics: true). */
  diagnostics?: Record<string, string | number>;
}

/** Extra crop margin (mm) beyond the rings, the filters' reach and the local-intensity sphere. */
const CROP_MARGIN_MM = 1;

export function extractCase(given: CaseImages, settingsIn: ExtractionSettings, opts: CaseOptions): CaseFeatures {
  let settings = settingsIn;
  const { caseId } = opts;
  // Lengths in mm need a calibrated image; units: pixel counts pixels instead (units.ts).
  const pixelUnits = settingsIn.units === 'pixel';
  if (!pixelUnits) checkCalibration(given, settingsIn, caseId);
  let input = pixelUnits ? inPixelUnits(given) : given;
  try {
    const r = settings.regions;
    const names = regionNames(settings, Boolean(input.parenchyma));
    // PyRadiomics' normalize uses statistics of the whole image: done before any crop, once; then
    // its resampling (a grid around the tumour mask), before the crop too.
    const norm = settings.features.normalisation;
    let img = norm ? normaliseImage(input.image, norm) : input.image;
    const rs = settings.pyradiomics?.resampling;
    // PyRadiomics mode: its checkMask — the mask's geometry against the image's (geometryTolerance),
    // a mismatch resampled with correctMask or named (mask-geometry.ts)
    // (only for a PyRadiomics parameter file or explicit geometry settings: sonomics settings with
    // PyRadiomics names keep sonomics' rule, under which PNG masks on DICOM frames are fine)
    const py = settings.pyradiomics;
    if (py && (py.configuration || py.correctMask || py.geometryTolerance !== undefined)) {
      const onGrid = pyradiomicsMaskGrid(img, input.tumour, py, Boolean(rs), caseId);
      if (onGrid !== input.tumour) input = { ...input, tumour: onGrid };
    }
    // PyRadiomics' force2D on a 2D file: one direction kept, by permuting around the image's own
    // out-of-plane axis at feature time (pyradiomics-2d-input.ts); warned, since rarely meant
    const numpyAxis = settings.pyradiomics?.force2Ddimension ?? 0;
    const file2D = Boolean(settings.pyradiomics?.configuration) && settings.features.dimension === '2D' && readFrom2DFile(given.image);
    const oneAxis = file2D ? force2DOn2DImage(numpyAxis, settings.images) : undefined;
    const warnings: string[] = oneAxis ? [force2DOn2DImageWarning(numpyAxis)] : [];
    // PyRadiomics' force2Ddimension 1 / 2 of a volume: the out-of-plane axis becomes z (force2d-plane.ts)
    const plane = file2D ? undefined : settings.pyradiomics?.force2Ddimension;
    if (plane) {
      img = toForce2DPlane(img, plane);
      const parenchyma = input.parenchyma && toForce2DPlane(input.parenchyma, plane), liver = input.liver && toForce2DPlane(input.liver, plane);
      input = { image: img, tumour: toForce2DPlane(input.tumour, plane), ...(parenchyma ? { parenchyma } : {}), ...(liver ? { liver } : {}) };
    }
    if (rs) {
      sameGrid(input.tumour, img, 'tumour mask', 'image', caseId);
      if (!boundingBox([input.tumour])) checkMask(img, input.tumour, { caseId, maskName: 'tumour mask' }); // throws EMPTY_MASK
      const r = resampleLikePyradiomics(img, input.tumour, plane ? vecInForce2DPlane(rs.spacing, plane) : rs.spacing, rs.padDistance, rs.interpolation);
      img = r.image;
      input = { image: r.image, tumour: r.mask };
    } else if (settings.pyradiomics?.preCrop !== undefined) {
      // PyRadiomics' preCrop (cropToTumorMask): the mask's box ± padDistance voxels, within the image
      sameGrid(input.tumour, img, 'tumour mask', 'image', caseId);
      const box = boundingBox([input.tumour]);
      if (!box) checkMask(img, input.tumour, { caseId, maskName: 'tumour mask' }); // throws EMPTY_MASK
      const pad = settings.pyradiomics.preCrop;
      const grown = { lo: box!.lo.map((v) => Math.max(0, v - pad)) as Box['lo'], hi: box!.hi.map((v, a) => Math.min(img.size[a]!, v + pad)) as Box['hi'] };
      img = cropImage(img, grown);
      input = { image: img, tumour: cropMask(input.tumour, grown) };
    }
    // PyRadiomics' checkMask ROI checks, on the mask as resampled / cropped and on its re-segmentation
    const roiCheck = settings.pyradiomics?.roiCheck;
    if (roiCheck) {
      checkRoiLikePyradiomics(input.tumour, roiCheck, caseId);
      const reseg = settings.features.resegmentation;
      if (reseg) checkRoiLikePyradiomics(resegmentedLikePyradiomics(img, input.tumour, reseg), roiCheck, caseId, 're-segmented tumour mask');
    }
    if (norm) settings = { ...settings, features: { ...settings.features, normalisation: undefined } };
    // A PyRadiomics plan on a one-slice image: PyRadiomics' 2D LoG and in-plane wavelet (see forSingleSliceImage)
    if (settings.pyradiomics?.imageNames && img.size[2] === 1) {
      const r = forSingleSliceImage(settings.images, settings.pyradiomics.imageNames);
      settings = { ...settings, images: r.images, pyradiomics: { ...settings.pyradiomics, imageNames: r.imageNames } };
    }
    // force2D (dimension 0) on a 2D file: PyRadiomics' 1D wavelet along x (wavelet-H, wavelet-L)
    if (oneAxis === 1 && settings.pyradiomics?.imageNames && settings.images.some((spec) => spec.type === 'wavelet')) {
      const r = alongXOnly(settings.images, settings.pyradiomics.imageNames);
      settings = { ...settings, images: r.images, pyradiomics: { ...settings.pyradiomics, imageNames: r.imageNames } };
    }
    // Masks must sit on the image grid before anything is cropped.
    sameGrid(input.tumour, img, 'tumour mask', 'image', caseId);
    if (input.parenchyma) sameGrid(input.parenchyma, img, 'parenchyma mask', 'image', caseId);
    if (input.liver) sameGrid(input.liver, img, 'liver mask', 'image', caseId);

    // Work on the part of the image around each region group (tumour with its rings; parenchyma):
    // far faster than whole ultrasound frames. Margins cover the rings and the filters' reach, so
    // values equal those on the whole image; a mask touching a crop edge touches the image edge.
    const inPlane: Image['spacing'] = img.size[2] > 1 ? img.spacing : [img.spacing[0], img.spacing[1], Math.min(img.spacing[0], img.spacing[1])];
    // The local-intensity peak averages a 1 cm³ sphere around ROI voxels, reading (filtered) values
    // outside the ROI too: the crop must hold that sphere on top of the filter's own reach.
    const families = settings.features.families;
    const sphere = !families || families.includes('local_intensity') ? (settings.features.localIntensityRadiusMm ?? PEAK_RADIUS_MM) : 0;
    // Two voxels more for interpolation when the feature settings resample.
    const reach = reachMm(settings.images, inPlane) + sphere + 2 * Math.max(...inPlane) + CROP_MARGIN_MM;
    // Filtered values are needed only where features read them: the regions plus the margin the
    // feature engine crops with (the peak sphere, which it keeps even without local intensity)
    // and the interpolation voxels. Filters compute just that part of the crop (see neededBox).
    const read = Math.max(sphere, settings.features.localIntensityRadiusMm ?? PEAK_RADIUS_MM) + 2 * Math.max(...inPlane) + CROP_MARGIN_MM;
    const ringReach = Math.max(0, ...(r.rings ?? []).map((w) => w + (r.ringInnerMarginMm ?? 0)));
    const groups: Array<{ image: Image; needed: Box; regions: Array<[string, Mask]> }> = [];

    const tumourBox = boundingBox([input.tumour]);
    if (!tumourBox) checkMask(img, input.tumour, { caseId, maskName: 'tumour mask' }); // throws EMPTY_MASK
    const tBox = growBox(tumourBox!, img, ringReach + reach);
    const tImg = cropImage(img, tBox);
    const tumourCheck = checkMask(tImg, cropMask(input.tumour, tBox), { caseId, minPixels: r.minPixels, components: r.components, maskName: 'tumour mask' });
    warnings.push(...tumourCheck.warnings);
    const tumour = tumourCheck.mask;
    const tumourGroup: Array<[string, Mask]> = [];
    if (names.includes('tumour')) tumourGroup.push(['tumour', tumour]);
    // Rings come from a distance transform over the tumour's box grown by the widest ring (and a
    // voxel): every ring voxel lies inside it, and the transform costs a fraction of the whole crop's.
    const ringBox = growBox(boundingBox([tumour])!, tumour, ringReach + Math.max(...inPlane));
    const ringTumour = cropMask(tumour, ringBox);
    const liver = input.liver ? cropMask(cropMask(input.liver, tBox), ringBox) : undefined;
    for (const w of r.rings ?? []) {
      const ring = peritumoralRing(ringTumour, w, { innerMarginMm: r.ringInnerMarginMm, clipTo: liver });
      tumourGroup.push([ringName(w, r.ringInnerMarginMm ?? 0), uncropMask(ring, ringBox, tumour)]);
    }
    groups.push({ image: tImg, needed: neededBox(tumourBox!, img, ringReach + read, tBox), regions: tumourGroup });

    if (names.includes('parenchyma') && input.parenchyma) {
      const pb = boundingBox([input.parenchyma]);
      if (!pb) checkMask(img, input.parenchyma, { caseId, maskName: 'parenchyma mask' }); // throws EMPTY_MASK
      const pBox = growBox(pb!, img, reach);
      const pImg = cropImage(img, pBox);
      const p = checkMask(pImg, cropMask(input.parenchyma, pBox), { caseId, minPixels: r.minPixels, components: 'all', maskName: 'parenchyma mask' });
      warnings.push(...p.warnings);
      groups.push({ image: pImg, needed: neededBox(pb!, img, read, pBox), regions: [['parenchyma', p.mask]] });
    }
    const regionPixels: Record<string, number> = {};
    for (const g of groups) {
      for (const [name, m] of g.regions) {
        regionPixels[name] = m === tumour ? tumourCheck.voxels : countInside(m.data);
        if (regionPixels[name] === 0) {
          throw new SonomicsError('EMPTY_MASK', `the ${name} region is empty in case ${caseId} (ring clipped away by the liver mask or the image border?); check the masks or drop the region from the settings.`);
        }
      }
    }

    // Per region, the feature values of each image with its column-name prefix: the names are
    // built once, in the final column order, at the end (one insertion per column).
    const perRegion = new Map<string, Array<[prefix: string, values: Record<string, number>]>>();
    // PyRadiomics columns read a subset of our features: families may skip the rest.
    const only = settings.names === 'pyradiomics' ? pyradiomicsIds(pyradiomicsClasses(settings)) : undefined;
    for (const g of groups) {
      const image = g.image;
      for (const [name] of g.regions) perRegion.set(name, []);
      // Resampling interpolates from a source window wider than the sphere (a cubic spline's
      // prefilter reads all of it): then the whole crop is filtered, as before regions existed.
      // Features read only the needed box (the feature engine's crop lies inside it): with filters
      // that need the whole image (PyRadiomics' LoG and wavelet) the group's crop is the whole
      // frame, and cropping each image here spares the engine whole-frame passes per image. The
      // engine's own crop is the same either way, so the values are too. applyFilters crops the
      // images it makes (no whole-frame copies of filtered images).
      const box = settings.features.resampling || sameBox(g.needed, image) ? undefined : g.needed;
      const images = applyFilters(image, settings.images, settings.features.resampling ? undefined : g.needed, box);
      const original = box ? images[settings.images.findIndex((s) => s.type === 'original')] ?? cropImage(image, box) : image;
      // Each region's mask, and (PyRadiomics mode) its re-segmentation on the original image, made
      // once for all filtered images.
      const regions = g.regions.map(([name, whole]): [string, Mask, () => Mask] => {
        const m = box ? cropMask(whole, box) : whole;
        let reseg: Mask | undefined;
        return [name, m, () => (reseg ??= resegmentedLikePyradiomics(original, m, settings.features.resegmentation))];
      });
      // PyRadiomics' resegmentShape: shape too reads the re-segmented mask (featureextractor.execute)
      const reshape = settings.pyradiomics?.resegmentShape === true;
      // PyRadiomics computes shape before (and whatever) the image types: without Original in a
      // parameter file's imageType it still writes original_shape*; shape alone on the original here
      if (shapeWithoutOriginal(settings)) {
        const shapeSettings = { ...settings.features, families: ['morphology' as const], ...(reshape ? { resegmentation: undefined } : {}) };
        for (const [region, mask, pyradiomicsMask] of regions) {
          const m = reshape ? pyradiomicsMask() : maskInResegmentedBox(mask, pyradiomicsMask());
          const values = plane && original.size[2] > 1 ? extractFeatures(fromForce2DPlane(original, plane), fromForce2DPlane(m, plane), shapeSettings, only) : extractFeatures(original, m, shapeSettings, only);
          perRegion.get(region)!.push([`${region}_original_`, values]);
        }
      }
      for (const [s, spec] of settings.images.entries()) {
        const imageName = filterName(spec);
        const filtered = images[s]!;
        const featureSettings = spec.type === 'original' ? (reshape ? { ...settings.features, resegmentation: undefined } : settings.features) : {
          ...settings.features,
          // Shape does not change with the filter: computed once, on the original image.
          families: (settings.features.families ?? FAMILY_NAMES).filter((f) => f !== 'morphology'),
          discretisation: settings.filteredDiscretisation ?? settings.features.discretisation,
          resegmentation: undefined,
        };
        for (const [region, mask, pyradiomicsMask] of regions) {
          const m = (spec.type !== 'original' || reshape) && settings.pyradiomics ? pyradiomicsMask() : mask;
          const shaped = spec.type === 'original' && (featureSettings.families ?? FAMILY_NAMES).includes('morphology');
          // PyRadiomics' shape without resegmentShape: the original mask cut to the re-segmented box
          const shapeMask = shaped && !reshape && settings.pyradiomics ? maskInResegmentedBox(mask, pyradiomicsMask()) : m;
          if (oneAxis) {
            // force2D on a 2D file: first order and texture with each row (column) a slice; shape2D on the image as given
            const rest = (featureSettings.families ?? FAMILY_NAMES).filter((f) => f !== 'morphology');
            const values = extractFeatures(toForce2DPlane(filtered, oneAxis), toForce2DPlane(m, oneAxis), { ...featureSettings, families: rest }, only);
            perRegion.get(region)!.push([`${region}_${imageName}_`, shaped ? { ...extractFeatures(filtered, shapeMask, { ...featureSettings, families: ['morphology'] }, only), ...values } : values]);
            continue;
          }
          let values = extractFeatures(filtered, m, featureSettings, only);
          // 3D shape as PyRadiomics computes it, on the volume as given: its mesh is not symmetric
          // under axis permutations (brain1: MeshVolume 0.2 % apart), so it is recomputed there
          if (shaped && plane && filtered.size[2] > 1) {
            values = { ...values, ...extractFeatures(fromForce2DPlane(filtered, plane), fromForce2DPlane(shapeMask, plane), { ...featureSettings, families: ['morphology'], resegmentation: undefined }, only) };
          } else if (shapeMask !== m) {
            values = { ...values, ...extractFeatures(filtered, shapeMask, { ...featureSettings, families: ['morphology'], resegmentation: undefined }, only) };
          }
          perRegion.get(region)!.push([`${region}_${imageName}_`, values]);
        }
      }
    }
    // PyRadiomics' diagnostics describe the image and mask as loaded (before normalisation, resampling, crops)
    // (the tumour mask's bounding box and components are this case's when no resampling or crop
    // replaced the mask: its check counted the components with the same full connectivity, on a
    // crop holding every inside voxel)
    const diagnostics = settingsIn.diagnostics
      ? pyradiomicsDiagnostics(given.image, given.tumour, { versions: opts.versions ?? {}, settings: settingsIn.pyradiomics?.configuration?.setting, imageTypes: settingsIn.pyradiomics?.configuration?.imageType, ...(input.tumour === given.tumour ? { maskBox: tumourBox!, components: tumourCheck.componentSizes.length } : {}) })
      : undefined;
    const diag = diagnostics ? { diagnostics } : {};
    if (settings.names === 'pyradiomics') return { features: pyradiomicsColumns(settings, names, perRegion), warnings, regionPixels, ...diag };
    // Columns in plan order: regions (tumour, rings, parenchyma), then images, then families.
    const features: Record<string, number> = {};
    for (const name of names) {
      for (const [prefix, values] of perRegion.get(name) ?? []) for (const k in values) features[prefix + k] = values[k]!;
    }
    if (opts.perturbation) warnings.push(`mask perturbation: ${opts.perturbation}`);
    return { features: pixelUnits ? pixelNames(features) : features, warnings, regionPixels, ...diag };
  } catch (err) {
    throw inCase(caseId, err);
  }
}

/**
 * Columns under PyRadiomics names: per region (prefixed `{region}_` only when there are several),
 * shape first (PyRadiomics computes it before the image types), then each image type's classes.
 */
function pyradiomicsColumns(settings: ExtractionSettings, regions: string[], perRegion: Map<string, Array<[string, Record<string, number>]>>): Record<string, number> {
  const classes = pyradiomicsClasses(settings);
  const shapeFirst = [...classes.filter((c) => c.cls === 'shape' || c.cls === 'shape2D'), ...classes.filter((c) => c.cls !== 'shape' && c.cls !== 'shape2D')];
  const imageNames = [...(shapeWithoutOriginal(settings) ? ['original'] : []), ...settings.images.map((spec, i) => settings.pyradiomics?.imageNames?.[i] ?? pyradiomicsImageName(spec, filterName(spec)))];
  const out: Record<string, number> = {};
  for (const region of regions) {
    const prefix = regions.length > 1 ? `${region}_` : '';
    const list = perRegion.get(region) ?? [];
    const byImage = list.map(([, values], i) => pyradiomicsValues(values, imageNames[i]!, shapeFirst));
    for (const cols of byImage) for (const k in cols) out[prefix + k] = cols[k]!;
  }
  return out;
}

/**
 * A PyRadiomics parameter file whose imageType lacks Original but whose featureClass has shape or
 * shape2D: PyRadiomics still computes shape (featureextractor.execute runs computeShape before the
 * image types loop) and writes it as original_shape*.
 */
function shapeWithoutOriginal(settings: ExtractionSettings): boolean {
  return Boolean(settings.pyradiomics?.configuration) && !settings.images.some((spec) => spec.type === 'original')
    && pyradiomicsClasses(settings).some((c) => c.cls === 'shape' || c.cls === 'shape2D');
}

/** The PyRadiomics classes and features written: the parameter file's, else every class. */
function pyradiomicsClasses(settings: ExtractionSettings): ClassSelection[] {
  return settings.pyradiomics?.classes ?? (everyClass ??= PYRADIOMICS_CLASSES.map((cls) => ({ cls, features: allFeatures(cls) })));
}

/** Every class with all its features, made once (names.ts keeps column names per feature list). */
let everyClass: ClassSelection[] | undefined;

/**
 * PyRadiomics re-segments once, on the original image, and every filtered image then uses that
 * mask (featureextractor.execute: `mask = resegmentedMask` before the image types loop); sonomics'
 * engine re-segments only the original image. The mask a filtered image gets in PyRadiomics mode.
 */
function resegmentedLikePyradiomics(original: Image, mask: Mask, reseg: ExtractionSettings['features']['resegmentation']): Mask {
  if (!reseg || !(reseg.range || reseg.sigmaRange || reseg.relativeRange || reseg.outlierSigma !== undefined)) return mask;
  return { ...mask, data: resegment(Float64Array.from(original.data), mask.data, reseg) };
}

/**
 * The mask PyRadiomics computes shape on when it re-segments without resegmentShape: the original
 * mask cropped to the re-segmented mask's bounding box (featureextractor.execute re-runs checkMask
 * on the re-segmented mask and passes that box to computeShape, which crops the original mask to it
 * with cropToTumorMask). The same mask object when the box did not shrink (no re-segmentation, or
 * none at the box's edges), so shape is then computed once, as before.
 */
function maskInResegmentedBox(mask: Mask, resegmented: Mask): Mask {
  if (resegmented === mask) return mask;
  const box = boundingBox([resegmented]), whole = boundingBox([mask]);
  if (!box || !whole || sameBoxes(box, whole)) return mask;
  return uncropMask(cropMask(mask, box), box, mask);
}

const sameBoxes = (a: Box, b: Box): boolean => a.lo.every((v, i) => v === b.lo[i]) && a.hi.every((v, i) => v === b.hi[i]);

/**
 * The tumour mask on the image grid as PyRadiomics' checkMask leaves it. With resampledPixelSpacing
 * PyRadiomics builds the new grid from the mask's own geometry and never compares it with the
 * image's; our resampling starts from the image grid, so there a mask on another grid is refused.
 */
function pyradiomicsMaskGrid(img: Image, mask: Mask, py: NonNullable<ExtractionSettings['pyradiomics']>, resampling: boolean, caseId: string): Mask {
  if (!resampling) return maskOnImageGrid(img, mask, { caseId, maskName: 'tumour mask', tolerance: py.geometryTolerance, correctMask: py.correctMask });
  const miss = geometryMismatch(img, mask, py.geometryTolerance);
  if (miss) {
    throw new SonomicsError('MASK_MISMATCH', `the tumour mask's ${miss.field} [${miss.mask.join(', ')}] differs from the image's [${miss.image.join(', ')}] in case ${caseId}: with resampledPixelSpacing sonomics needs the mask on the image grid (PyRadiomics would build the new grid from the mask's geometry, which sonomics does not); resample the mask onto the image grid first, or remove resampledPixelSpacing and set correctMask: true.`, { subject: caseId });
  }
  return mask;
}

/**
 * How far (mm) a filter's output at a pixel depends on other pixels: the crop margin needed.
 * Infinity (filters that use the whole image, e.g. Simoncelli or the PyRadiomics transforms
 * scaled by the image maximum) keeps the whole image.
 */
export function reachMm(images: FilterSpec[], spacing: Image['spacing']): number {
  return Math.max(0, ...images.map((s) => filterReachMm(s, spacing)));
}

/**
 * The part of a group's crop (in crop coordinates) whose filtered values features can read: the
 * regions' box grown by `marginMm`, within the crop. Outside it filters may leave 0.
 */
function neededBox(regionBox: Box, img: Image, marginMm: number, crop: Box): Box {
  const grown = growBox(regionBox, img, marginMm);
  const lo = [0, 1, 2].map((a) => Math.max(grown.lo[a]!, crop.lo[a]!) - crop.lo[a]!) as Box['lo'];
  const hi = [0, 1, 2].map((a) => Math.min(grown.hi[a]!, crop.hi[a]!) - crop.lo[a]!) as Box['hi'];
  return { lo, hi };
}

/** Whether `box` covers the whole of `img`. */
function sameBox(box: Box, img: Image): boolean {
  return [0, 1, 2].every((a) => box.lo[a] === 0 && box.hi[a] === img.size[a]);
}

