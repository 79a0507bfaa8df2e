/**
 * What PyRadiomics' intensity transforms (square, square root, logarithm, exponential; math in
 * ../transforms.ts) share on the settings side: no keys, a pointwise map rescaled by the image's
 * maximum |value| — so each value depends on the whole image (reach Infinity), and no boundary.
 */
import { s } from '../../core/schema.ts';
import { defineFilter, type FilterDef } from '../filter.ts';
import type { Box } from '../../image/crop.ts';
import type { Vec3 } from '../../image/image.ts';

export function defineIntensityTransform<T extends string>(type: T, title: string, transform: (d: Float64Array, size?: Vec3, region?: Box) => Float64Array): FilterDef<{ type: T }> {
  return defineFilter<{ type: T }>({
    type,
    title,
    ibsi2: false,
    boundaryDefault: false,
    examples: [{ type }],
    settings: s.obj({}),
    validate: () => {},
    name: () => type,
    reachMm: () => Infinity,
    pyradiomicsName: () => type, // square, squareroot, logarithm, exponential as PyRadiomics names them
    // a region: square, square root and exponential map only its voxels (transforms.ts)
    apply: (data, { size }, _spec, region) => transform(data, size, region),
  });
}
