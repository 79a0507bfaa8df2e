/**
 * One case through the extraction plan: check the masks, build the regions (tumour, peri-tumoural
 * rings in mm, parenchyma), make each requested image (original and filtered) once, and compute
 * the features of every region on every image. Names: `{region}_{image}_{family}_{feature}`.
 */
import { SonomicsError, inCase } from '../core/errors.ts';
import { extractFeatures } from '../features/pipeline.ts';
import { applyFilter, filterName, type FilterSpec } from '../filters/index.ts';
import { boundingBox, cropImage, cropMask, growBox } from '../image/crop.ts';
import type { Image, Mask } from '../image/image.ts';
import { checkMask } from '../roi/checks.ts';
import { peritumoralRing } from '../roi/ring.ts';
import { ringName } from '../roi/regions.ts';
import { regionNames, type ExtractionSettings } from './settings.ts';

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
}

export interface CaseFeatures {
  features: Record<string, number>;
  warnings: string[];
  /** Pixel counts of the regions (for reports and QA). */
  regionPixels: Record<string, number>;
}

/** Extra crop margin beyond the filter's own reach (mm), so borders never touch the regions. */
const CROP_MARGIN_MM = 5;

export function extractCase(input: CaseImages, settings: ExtractionSettings, opts: CaseOptions): CaseFeatures {
  const { caseId } = opts;
  try {
    const warnings: string[] = [];
    const r = settings.regions;
    const tumourCheck = checkMask(input.image, input.tumour, { caseId, minPixels: r.minPixels, components: r.components, maskName: 'tumour mask' });
    warnings.push(...tumourCheck.warnings);
    const tumour = tumourCheck.mask;
    const regions: Array<[string, Mask]> = [];
    const names = regionNames(settings, Boolean(input.parenchyma));
    if (names.includes('tumour')) regions.push(['tumour', tumour]);
    let liver = input.liver;
    if (liver) liver = checkMask(input.image, liver, { caseId, minPixels: 1, components: 'all', maskName: 'liver mask' }).mask;
    for (const w of r.rings ?? []) {
      const ring = peritumoralRing(tumour, w, { innerMarginMm: r.ringInnerMarginMm, clipTo: liver });
      regions.push([ringName(w, r.ringInnerMarginMm ?? 0), ring]);
    }
    if (names.includes('parenchyma') && input.parenchyma) {
      const p = checkMask(input.image, input.parenchyma, { caseId, minPixels: r.minPixels, components: 'all', maskName: 'parenchyma mask' });
      warnings.push(...p.warnings);
      regions.push(['parenchyma', p.mask]);
    }
    for (const [name, m] of regions) {
      if (!m.data.some((v) => v)) {
        throw new SonomicsError('EMPTY_MASK', `the ${name} region is empty (ring clipped away by the liver mask or image border?); check the masks or drop the region from the settings.`);
      }
    }

    // Work on the part of the image around the regions: far faster than whole ultrasound frames.
    const box = growBox(boundingBox(regions.map(([, m]) => m))!, input.image, reachMm(settings.images, Math.max(...input.image.spacing.slice(0, input.image.size[2] > 1 ? 3 : 2))) + CROP_MARGIN_MM);
    const image = cropImage(input.image, box);
    const cropped = regions.map(([name, m]) => [name, cropMask(m, box)] as const);

    const perRegion = new Map<string, Record<string, number>>(cropped.map(([name]) => [name, {}]));
    for (const spec of settings.images) {
      const imageName = filterName(spec);
      const filtered = spec.type === 'original' ? image : applyFilter(image, spec);
      const featureSettings = spec.type === 'original' ? settings.features : {
        ...settings.features,
        // Shape does not change with the filter: computed once, on the original image.
        families: (settings.features.families ?? ALL_BUT_NONE).filter((f) => f !== 'morphology'),
        discretisation: settings.filteredDiscretisation ?? settings.features.discretisation,
        resegmentation: undefined,
      };
      for (const [region, mask] of cropped) {
        const values = extractFeatures(filtered, mask, featureSettings);
        const out = perRegion.get(region)!;
        for (const [k, v] of Object.entries(values)) out[`${region}_${imageName}_${k}`] = v;
      }
    }
    const features: Record<string, number> = {};
    for (const [, values] of perRegion) Object.assign(features, values);
    const regionPixels = Object.fromEntries(cropped.map(([name, m]) => [name, count(m.data)]));
    if (opts.perturbation) warnings.push(`mask perturbation: ${opts.perturbation}`);
    return { features, warnings, regionPixels };
  } catch (err) {
    throw inCase(caseId, err);
  }
}

const ALL_BUT_NONE = [
  'morphology', 'local_intensity', 'intensity_statistics', 'intensity_histogram', 'intensity_volume_histogram',
  'glcm', 'glrlm', 'glszm', 'gldzm', 'ngtdm', 'ngldm',
] as const satisfies NonNullable<ExtractionSettings['features']['families']>;

/** How far (mm) a filter's output at a pixel depends on other pixels: the crop margin needed. */
export function reachMm(images: FilterSpec[], maxSpacingMm: number): number {
  let reach = 0;
  // Voxel-based filters (wavelets level ≤ 2, Laws with energy maps, LBP, mean) reach ≤ 20 voxels.
  const voxelReach = 20 * maxSpacingMm;
  for (const s of images) {
    if (s.type === 'log' || s.type === 'gaussian') reach = Math.max(reach, (s.truncate ?? 4) * s.sigmaMm);
    else if (s.type === 'gabor') reach = Math.max(reach, 4 * s.sigmaMm);
    else if (s.type !== 'original') reach = Math.max(reach, voxelReach);
  }
  return reach;
}

function count(d: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < d.length; i++) n += d[i] ? 1 : 0;
  return n;
}
