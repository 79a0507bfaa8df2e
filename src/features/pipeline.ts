/**
 * The feature pipeline: image + mask + settings → IBSI 1 processing (preprocess/prepare.ts)
 * → the requested families → `{family}_{feature}` values.
 * `computeFamilies` is the lower-level call the IBSI harness uses: it returns every family
 * with its aggregation(s) kept apart.
 */
import type { Image, Mask, Vec3 } from '../image/image.ts';
import type { RoiContext } from './context.ts';
import { discretise, type Discretised } from './discretise.ts';
import { computeIntensityHistogram } from './intensity-histogram.ts';
import { computeIntensityStatistics } from './intensity-statistics.ts';
import { computeIntensityVolumeHistogram } from './intensity-volume-histogram.ts';
import { computeLocalIntensity } from './local-intensity.ts';
import { computeMorphology } from './morphology.ts';
import { boxSize, cropData, maskBox } from './preprocess/grid.ts';
import { normaliseImage } from './preprocess/normalise.ts';
import { prepareRoi } from './preprocess/prepare.ts';
import { maskedValues, sortedCopy } from './stats-util.ts';
import { ALL_FAMILIES, defaultAggregation, resolveSettings, type FamilyName, type FeatureSettings } from './settings.ts';
import { TEXTURE } from './texture-families.ts';
import type { DiscretisedRoi, FamilyValues, TextureAggregation, TextureOptions } from './types.ts';

const NON_TEXTURE: Partial<Record<FamilyName, (ctx: RoiContext) => FamilyValues>> = {
  morphology: computeMorphology,
  local_intensity: computeLocalIntensity,
  intensity_statistics: computeIntensityStatistics,
  intensity_histogram: computeIntensityHistogram,
  intensity_volume_histogram: computeIntensityVolumeHistogram,
};

export interface FamilyResult {
  family: FamilyName;
  /** Texture aggregation ('' for the non-texture families). */
  aggregation: TextureAggregation | '';
  values: FamilyValues;
}

export interface FamilyRequest {
  families?: FamilyName[];
  /** Texture aggregations per family; default: the one from settings / defaultAggregation. */
  aggregations?: Partial<Record<FamilyName, TextureAggregation[]>>;
}

export function buildContext(image: Image, mask: Mask, settings: FeatureSettings): RoiContext {
  const roi = prepareRoi(image, mask, settings);
  let cached: Discretised | undefined;
  let values: Float64Array | undefined, sorted: Float64Array | undefined;
  const d = settings.discretisation ?? { method: 'FBN', value: 32 };
  const intensities = (): Float64Array => (values ??= maskedValues(roi.image, roi.intensityMask));
  return {
    roi,
    settings,
    discretised: () => (cached ??= discretise(roi.image, roi.intensityMask, d, settings.resegmentation?.range?.[0], settings.conventions?.binEdges)),
    intensities,
    // statistics and the IVH both need the sorted intensities: sort once per ROI
    sortedIntensities: () => (sorted ??= sortedCopy(intensities())),
  };
}

/** The discretised ROI cropped to the morphological mask's bounding box (texture input). */
export function textureInput(ctx: RoiContext): DiscretisedRoi {
  const { roi } = ctx;
  const disc = ctx.discretised();
  const box = maskBox(roi.size, roi.morphMask)!;
  const size: Vec3 = boxSize(box);
  return {
    size,
    spacing: [...roi.spacing] as Vec3,
    levels: cropData(roi.size, disc.levels, box),
    nLevels: disc.nLevels,
    morphMask: cropData(roi.size, roi.morphMask, box),
  };
}

export function computeFamilies(image: Image, mask: Mask, settingsIn: Partial<FeatureSettings>, request: FamilyRequest = {}): FamilyResult[] {
  const settings = resolveSettings(settingsIn);
  const ctx = buildContext(settings.normalisation ? normaliseImage(image, settings.normalisation) : image, mask, settings);
  const families = request.families ?? settings.families ?? [...ALL_FAMILIES];
  const out: FamilyResult[] = [];
  let tex: DiscretisedRoi | undefined;
  const c = settings.conventions ?? {};
  const options: TextureOptions = {
    distance: settings.texture?.distance ?? 1,
    ngldmCoarseness: settings.texture?.ngldmCoarseness ?? 0,
    symmetric: settings.texture?.symmetric ?? true,
    ...(c.flatCorrelation ? { flatCorrelation: c.flatCorrelation } : {}),
    ...(c.pyradiomicsFeatures ? { mcc: true } : {}),
    ...(c.ngtdmIsolated ? { ngtdmIsolated: c.ngtdmIsolated } : {}),
    ...(c.flatDirections === 'drop' ? { dropFlatDirections: true } : {}),
  };
  for (const family of families) {
    const f = NON_TEXTURE[family];
    if (f) {
      out.push({ family, aggregation: '', values: f(ctx) });
      continue;
    }
    const t = TEXTURE.find((x) => x.family === family);
    if (!t) continue; // texture family not available in this build
    tex ??= textureInput(ctx);
    const aggs = request.aggregations?.[family] ?? [settings.texture?.aggregation?.[family] ?? defaultAggregation(family, settings.dimension)];
    for (const aggregation of aggs) out.push({ family, aggregation, values: t.compute(tex, aggregation, options) });
  }
  return out;
}

/**
 * Extract every requested feature of one ROI: `{family}_{feature}` → value. Texture uses one
 * aggregation per family (settings.texture.aggregation, else defaultAggregation).
 */
export function extractFeatures(image: Image, mask: Mask, settings: Partial<FeatureSettings>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of computeFamilies(image, mask, settings)) {
    for (const [k, v] of Object.entries(r.values)) out[`${r.family}_${k}`] = v;
  }
  return out;
}
