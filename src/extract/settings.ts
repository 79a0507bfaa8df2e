/**
 * Extraction settings: which regions, which images (original and filtered), and the feature
 * settings. One plain JSON object (from YAML or JSON), validated with messages that name the
 * setting and say what to write; its canonical hash identifies a feature table.
 */
import { SonomicsError } from '../core/errors.ts';
import { resolveSettings, type FeatureSettings } from '../features/settings.ts';
import { filterName, validateFilterSpec, type FilterSpec } from '../filters/index.ts';
import { ringName } from '../roi/regions.ts';

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
  /** IBSI feature settings (dimension, discretisation, families, resampling, ...). */
  features: FeatureSettings;
  /**
   * Per-image overrides of the discretisation (filtered images have other intensity ranges, so
   * FBS widths chosen for the original rarely fit them; FBN is the usual choice there).
   */
  filteredDiscretisation?: FeatureSettings['discretisation'];
}

export const DEFAULT_EXTRACTION: ExtractionSettings = {
  regions: { tumour: true, rings: [5], parenchyma: true, components: 'all', minPixels: 20 },
  images: [{ type: 'original' }],
  features: resolveSettings({ dimension: '2D', discretisation: { method: 'FBN', value: 32 } }),
};

/** Validates a parsed settings file and fills defaults; `where` names the file in messages. */
export function resolveExtractionSettings(input: unknown, where = 'extraction settings'): ExtractionSettings {
  const bad = (msg: string): never => {
    throw new SonomicsError('BAD_SETTINGS', `${where}: ${msg}`);
  };
  if (input === undefined || input === null) return structuredClone(DEFAULT_EXTRACTION);
  if (typeof input !== 'object' || Array.isArray(input)) bad('must be an object with keys regions, images, features');
  const o = input as Record<string, unknown>;
  const known = new Set(['regions', 'images', 'features', 'filteredDiscretisation', 'description']);
  for (const k of Object.keys(o)) if (!known.has(k)) bad(`unknown key '${k}' (known: ${[...known].join(', ')})`);

  const r = { ...DEFAULT_EXTRACTION.regions, ...((o.regions as RegionSettings | undefined) ?? {}) };
  if (r.rings !== undefined && (!Array.isArray(r.rings) || r.rings.some((w) => !(typeof w === 'number' && w > 0)))) {
    bad('regions.rings must be a list of positive widths in mm, e.g. [5] or [2, 5]');
  }
  if (r.components !== 'all' && r.components !== 'largest') bad(`regions.components must be 'all' or 'largest'`);
  if (!(Number.isInteger(r.minPixels) && r.minPixels! >= 1)) bad('regions.minPixels must be a positive integer');
  if (!r.tumour && !(r.rings?.length) && !r.parenchyma) bad('no region selected: enable regions.tumour, regions.rings or regions.parenchyma');

  const images = (o.images as FilterSpec[] | undefined) ?? [{ type: 'original' }];
  if (!Array.isArray(images) || images.length === 0) bad('images must be a non-empty list, e.g. [{ type: original }, { type: log, sigmaMm: 2 }]');
  const names = new Set<string>();
  for (const [i, spec] of images.entries()) {
    if (!spec || typeof spec !== 'object' || typeof spec.type !== 'string') bad(`images[${i}] must be an object with a 'type' (original, log, wavelet, ...)`);
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
  const features = resolveSettings(o.features as Partial<FeatureSettings> | undefined, `${where}: features`);
  const out: ExtractionSettings = { regions: r, images, features };
  if (o.filteredDiscretisation !== undefined) {
    const fd = o.filteredDiscretisation as FeatureSettings['discretisation'];
    resolveSettings({ ...features, discretisation: fd }, `${where}: filteredDiscretisation`);
    out.filteredDiscretisation = fd;
  }
  return out;
}

/** Region names as they appear in feature names: tumour, ring5mm, parenchyma. */
export function regionNames(s: ExtractionSettings, hasParenchyma: boolean): string[] {
  const names: string[] = [];
  if (s.regions.tumour !== false) names.push('tumour');
  for (const w of s.regions.rings ?? []) names.push(ringName(w, s.regions.ringInnerMarginMm ?? 0));
  if (s.regions.parenchyma !== false && hasParenchyma) names.push('parenchyma');
  return names;
}
