/**
 * The feature pipeline: image + mask + settings → IBSI 1 processing (preprocess/prepare.ts)
 * → the requested families → `{family}_{feature}` values.
 * `computeFamilies` is the lower-level call the IBSI harness uses: it returns every family
 * with its aggregation(s) kept apart.
 */
import type { Image, Mask, Vec3 } from '../image/image.ts';
import type { RoiContext } from './context.ts';
import { discretise, type Discretised } from './discretise.ts';
import { SonomicsError } from '../core/errors.ts';
import { FAMILY_NAMES, featureFamily } from './families.ts';
import { boxSize, cropData, maskBox } from './preprocess/grid.ts';
import { normaliseImage } from './preprocess/normalise.ts';
import { prepareRoi } from './preprocess/prepare.ts';
import { descriptiveRanks, maskedValues, partiallySorted, sortedCopy } from './stats-util.ts';
import { defaultAggregation, resolveSettings, type FamilyName, type FeatureSettings } from './settings.ts';
import type { DiscretisedRoi, FamilyValues, TextureAggregation, TextureOptions } from './types.ts';

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
  /**
   * The `{family}_{feature}` ids the caller reads. Families may then leave out features not
   * listed when that saves work (the histogram family skips its descriptive statistics when
   * PyRadiomics reads only its entropy and uniformity); every listed one is still computed.
   */
  only?: ReadonlySet<string>;
}

export function buildContext(image: Image, mask: Mask, settings: FeatureSettings, only?: ReadonlySet<string>): RoiContext {
  const roi = prepareRoi(image, mask, settings);
  let cached: Discretised | undefined;
  let values: Float64Array | undefined, sorted: Float64Array | undefined, ordered: Float64Array | undefined;
  const d = settings.discretisation ?? { method: 'FBN', value: 32 };
  const intensities = (): Float64Array => (values ??= maskedValues(roi.image, roi.intensityMask));
  return {
    roi,
    settings,
    discretised: () => (cached ??= discretise(roi.image, roi.intensityMask, d, settings.resegmentation?.range?.[0], settings.conventions?.binEdges)),
    intensities,
    // statistics and the IVH both need the sorted intensities: sort once per ROI
    sortedIntensities: () => (sorted ??= sortedCopy(intensities())),
    orderedIntensities: () => sorted ?? (ordered ??= partiallySorted(intensities(), descriptiveRanks(intensities().length))),
    wanted: only ? (family, name) => only.has(`${family}_${name}`) : () => true,
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

/**
 * Settings resolved before, by their content: extraction hands the engine the same settings for
 * every case and image, and checking them against the schema each time cost ≈ 0.2 ms per image
 * (the features of an original BUS-BRA lesion cost ≈ 3 ms). The key is the settings as JSON, with
 * what JSON cannot tell apart (NaN, ±Infinity, undefined) spelled out, so different settings never
 * share an entry; the resolved settings are read only (families read ctx.settings).
 */
const RESOLVED = new Map<string, FeatureSettings>();
const RESOLVED_MAX = 64;

function settingsKey(_key: string, v: unknown): unknown {
  if (v === undefined) return '#undefined';
  if (typeof v === 'number' && !Number.isFinite(v)) return `#${v}`;
  if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return `#${typeof v}:${String(v)}`;
  return v;
}

function resolvedSettings(input: Partial<FeatureSettings>): FeatureSettings {
  let key: string;
  try {
    key = JSON.stringify(input, settingsKey);
  } catch {
    return resolveSettings(input); // not JSON (a cycle): the schema check says what is wrong, uncached
  }
  const hit = RESOLVED.get(key);
  if (hit) return hit;
  const settings = resolveSettings(input); // throws BAD_SETTINGS: nothing cached
  if (RESOLVED.size >= RESOLVED_MAX) RESOLVED.clear();
  RESOLVED.set(key, settings);
  return settings;
}

export function computeFamilies(image: Image, mask: Mask, settingsIn: Partial<FeatureSettings>, request: FamilyRequest = {}): FamilyResult[] {
  const settings = resolvedSettings(settingsIn);
  const ctx = buildContext(settings.normalisation ? normaliseImage(image, settings.normalisation) : image, mask, settings, request.only);
  const families = request.families ?? settings.families ?? [...FAMILY_NAMES];
  const out: FamilyResult[] = [];
  let tex: DiscretisedRoi | undefined;
  const c = settings.conventions ?? {};
  const options: TextureOptions = {
    distance: settings.texture?.distance ?? 1,
    ...(settings.texture?.distanceShells ? { distanceShells: settings.texture.distanceShells } : {}),
    ngldmCoarseness: settings.texture?.ngldmCoarseness ?? 0,
    symmetric: settings.texture?.symmetric ?? true,
    ...(settings.texture?.directionWeighting ? { directionWeighting: settings.texture.directionWeighting } : {}),
    ...(c.flatCorrelation ? { flatCorrelation: c.flatCorrelation } : {}),
    ...(c.pyradiomicsFeatures ? { mcc: true } : {}),
    ...(c.ngtdmIsolated ? { ngtdmIsolated: c.ngtdmIsolated } : {}),
    ...(c.flatDirections === 'drop' ? { dropFlatDirections: true } : {}),
  };
  for (const name of families) {
    const family = featureFamily(name);
    if (!family) throw new SonomicsError('BAD_SETTINGS', `feature family "${name}" is not registered; use one of ${FAMILY_NAMES.join(', ')}.`, { subject: name });
    if (family.kind === 'roi') {
      out.push({ family: name, aggregation: '', values: yielded(name, '', family.compute(ctx)) });
      continue;
    }
    tex ??= textureInput(ctx);
    const aggs = request.aggregations?.[name] ?? [settings.texture?.aggregation?.[name] ?? defaultAggregation(name, settings.dimension)];
    for (const aggregation of aggs) out.push({ family: name, aggregation, values: yielded(name, aggregation, family.compute(tex, aggregation, options)) });
  }
  return out;
}

/**
 * A registered family must yield values: an empty result means its compute function is missing
 * or broken (a family that silently yields nothing would drop all its columns from every table).
 */
function yielded(family: FamilyName, aggregation: TextureAggregation | '', values: FamilyValues | undefined): FamilyValues {
  if (!values || Object.keys(values).length === 0) {
    const how = aggregation ? ` (aggregation '${aggregation}')` : '';
    throw new SonomicsError('INTERNAL', `feature family "${family}"${how} yielded no values; its compute function in the family registry (src/features/families.ts) is missing or broken.`, { subject: family });
  }
  return values;
}

/**
 * Extract every requested feature of one ROI: `{family}_{feature}` → value. Texture uses one
 * aggregation per family (settings.texture.aggregation, else defaultAggregation). With `only`,
 * features outside it may be missing (FamilyRequest.only).
 */
export function extractFeatures(image: Image, mask: Mask, settings: Partial<FeatureSettings>, only?: ReadonlySet<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of computeFamilies(image, mask, settings, only ? { only } : {})) {
    const ids = featureIds(r.family);
    for (const k in r.values) {
      let id = ids.get(k);
      if (id === undefined) ids.set(k, (id = `${r.family}_${k}`));
      out[id] = r.values[k]!;
    }
  }
  return out;
}

/**
 * `{family}_{feature}` ids by feature, per family, made once: a new string per feature, image and
 * case, which V8 then looks up as a property key, cost as much as copying the values.
 */
const FEATURE_IDS = new Map<string, Map<string, string>>();
function featureIds(family: string): Map<string, string> {
  let ids = FEATURE_IDS.get(family);
  if (!ids) FEATURE_IDS.set(family, (ids = new Map()));
  return ids;
}
