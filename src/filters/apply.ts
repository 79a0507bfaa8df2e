/**
 * `applyFilter(image, spec)`: one entry point for every registered filter and transform. The
 * output has the input's geometry (response maps are not resampled or cropped).
 */
import { cropImage, type Box } from '../image/crop.ts';
import type { Image } from '../image/image.ts';
import { filterOf, type FilterSpec } from './registry.ts';
import { toFloat64, withData, withDataCropped } from './volume.ts';

export { gaborThetas } from './registered/gabor.ts';

/**
 * The filtered values as Float64 (for callers that keep working in double precision).
 * `region`: the caller needs only these voxels; the LoG and separable wavelets then leave the
 * others 0 (values inside equal the whole computation's), other filters compute everything.
 */
export function filterData(image: Image, spec: FilterSpec, region?: Box): Float64Array {
  return filterOf(spec).apply(toFloat64(image), image, spec, region);
}

export function applyFilter(image: Image, spec: FilterSpec, region?: Box): Image {
  return withData(image, filterData(image, spec, region));
}

/**
 * Every image of an extraction plan from one input, in plan order ('original' is the input
 * itself). Work shared between images is done once: the Float64 copy of the input, and what a
 * filter's `applyMany` shares between specs of that filter (2D wavelet sub-bands of the same
 * family, level and boundary share their y passes). `region` as in filterData. `crop` (inside
 * `region`): return every image cropped to it, equal to cropImage of the whole one, without
 * whole-image Float32 copies of the filtered images.
 */
export function applyFilters(image: Image, specs: FilterSpec[], region?: Box, crop?: Box): Image[] {
  const original = crop ? cropImage(image, crop) : image;
  const wrap = (data: Float64Array) => (crop ? withDataCropped(image, data, crop) : withData(image, data));
  const out: Array<Image | undefined> = specs.map((s) => (s.type === 'original' ? original : undefined));
  if (out.every((o) => o)) return out as Image[];
  const defs = specs.map((spec) => filterOf(spec));
  const d = toFloat64(image);
  const byType = new Map<string, number[]>();
  specs.forEach((spec, i) => { if (!out[i] && defs[i]!.applyMany) byType.set(spec.type, [...(byType.get(spec.type) ?? []), i]); });
  for (const members of byType.values()) {
    const shared = defs[members[0]!]!.applyMany!(d, image, members.map((i) => specs[i]!), region);
    shared.forEach((data, k) => { if (data) out[members[k]!] = wrap(data); });
  }
  specs.forEach((spec, i) => { if (!out[i]) out[i] = wrap(defs[i]!.apply(d, image, spec, region)); });
  return out as Image[];
}
