/**
 * Plain-language descriptions of extraction settings for the methods: every region, image (filter
 * with all its parameters), discretisation and feature option that ran, in words a paper can use.
 */
import type { ExtractionSettings } from '../extract/settings.ts';
import { featureFamily } from '../features/families.ts';
import { ALL_FAMILIES, defaultAggregation, PEAK_RADIUS_MM, TEXTURE_FAMILIES, type FamilyName } from '../features/settings.ts';
import { filterName, type FilterSpec } from '../filters/index.ts';
import { filterOf } from '../filters/registry.ts';

/** Parameters in words (the rest are printed as key = value). */
const PARAM_TEXT: Record<string, (v: unknown) => string> = {
  sigmaMm: (v) => `σ = ${v} mm`, lambdaMm: (v) => `λ = ${v} mm`, truncate: (v) => `truncated at ${v} σ`, dims: (v) => `${v}`,
  boundary: (v) => `${v} boundary`, support: (v) => `support ${v} voxels`, kernels: (v) => `kernels ${v}`,
  rotationInvariant: (v) => (v ? 'rotation invariant' : 'not rotation invariant'), pooling: (v) => `${v} pooling`,
  energyDelta: (v) => `energy window δ = ${v}`, gamma: (v) => `γ = ${v}`, thetaDeg: (v) => `θ = ${v}°`, thetaStepDeg: (v) => `θ step ${v}°`,
  planes: (v) => `${v} planes`, response: (v) => `${v} response`, family: (v) => `${v}`, subband: (v) => `sub-band ${v}`,
  level: (v) => `level ${v}`, radius: (v) => `radius ${v}`, samples: (v) => `${v} samples`,
  convention: (v) => (v === 'pyradiomics' ? 'computed as PyRadiomics does' : 'IBSI 2 definition'),
};

/**
 * True for filters with IBSI 2 reference values that sonomics reproduces (docs/filters.md;
 * test/filters/ibsi2-*.test.ts); PyRadiomics' variants (convention 'pyradiomics') are not IBSI 2.
 */
export function isIbsi2Filter(spec: FilterSpec): boolean {
  return filterOf(spec).ibsi2 && (spec as { convention?: string }).convention !== 'pyradiomics';
}

/** The filter's name in words ('Laplacian of Gaussian (LoG)'). */
export function filterTitle(spec: FilterSpec): string {
  return filterOf(spec).title;
}

export function describeFilter(spec: FilterSpec): string {
  const def = filterOf(spec);
  const params = Object.entries(spec).filter(([k]) => k !== 'type').map(([k, v]) => (PARAM_TEXT[k] ? PARAM_TEXT[k](v) : `${k} = ${Array.isArray(v) ? v.join('/') : String(v)}`));
  if (def.boundaryDefault && !('boundary' in spec)) params.push('mirror boundary (default)');
  return `${def.title}${params.length ? ` (${params.join(', ')})` : ''} → feature-name part "${filterName(spec)}"`;
}

export function familyName(f: FamilyName): string {
  return featureFamily(f)?.title ?? f;
}

export function familiesOf(s: ExtractionSettings): FamilyName[] {
  return s.features.families ?? [...ALL_FAMILIES];
}

export function describeDiscretisation(d: { method: string; value?: number } | undefined): string {
  if (!d) return 'fixed bin number, 32 bins (default)';
  if (d.method === 'FBN') return `fixed bin number (FBN), ${d.value} bins`;
  if (d.method === 'FBS') return `fixed bin size (FBS), width ${d.value} intensity units`;
  return 'none (intensities used as they are)';
}

/** Every feature option that ran, as short clauses (texture aggregation, distances, resampling, ...). */
export function featureOptions(s: ExtractionSettings): string[] {
  const f = s.features;
  const fams = familiesOf(s);
  const out: string[] = [`${f.dimension} feature computation`];
  out.push(f.resampling
    ? `resampling to ${f.resampling.spacing.join(' × ')} mm (image interpolation ${f.resampling.imageInterpolation ?? 'linear'}, mask interpolation ${f.resampling.maskInterpolation ?? 'linear'}, partial-volume threshold ${f.resampling.partialVolumeThreshold ?? 0.5})`
    : 'no resampling (native pixel spacing)');
  out.push(f.roundIntensities ? 'intensities rounded to integers' : 'intensities not rounded');
  const rs = f.resegmentation;
  out.push(rs && (rs.range || rs.outlierSigma) ? `re-segmentation${rs.range ? ` to the range [${rs.range.map((v) => (v === null ? 'open' : v)).join(', ')}]` : ''}${rs.outlierSigma ? ` excluding intensities beyond μ ± ${rs.outlierSigma}σ` : ''} (original image only)` : 'no re-segmentation');
  out.push(`discretisation of the original image: ${describeDiscretisation(f.discretisation)}`);
  if (s.images.some((i) => i.type !== 'original')) out.push(`discretisation of filtered images: ${describeDiscretisation(s.filteredDiscretisation ?? f.discretisation)}`);
  if (fams.includes('intensity_volume_histogram')) out.push(`intensity-volume histogram discretisation: ${f.ivhDiscretisation ? describeDiscretisation(f.ivhDiscretisation) : 'none (intensity step 1)'}`);
  const tex = fams.filter((x) => TEXTURE_FAMILIES.includes(x));
  if (tex.length) {
    out.push(`texture aggregation ${tex.map((t) => `${familyName(t)} "${f.texture?.aggregation?.[t] ?? defaultAggregation(t, f.dimension)}"`).join(', ')}`);
    const shells = f.texture?.distanceShells;
    const reach = shells ? `neighbours at Chebyshev distance ${shells.join(', ')} only (PyRadiomics distances; GLRLM and GLSZM at 1)` : `neighbourhood distance ${f.texture?.distance ?? 1} (Chebyshev)`;
    out.push(`texture ${reach}${tex.includes('ngldm') ? `, NGLDM coarseness ${f.texture?.ngldmCoarseness ?? 0}` : ''}`);
  }
  if (fams.includes('local_intensity')) out.push(`local-intensity sphere radius ${(f.localIntensityRadiusMm ?? PEAK_RADIUS_MM).toFixed(2)} mm`);
  if (s.images.some((i) => i.type !== 'original') && fams.includes('morphology')) out.push('shape features computed once, on the original image');
  return out;
}

export function describeRegions(s: ExtractionSettings): string[] {
  const r = s.regions;
  const out: string[] = [];
  if (r.tumour !== false) out.push(`the tumour (${r.components === 'largest' ? 'largest connected component' : 'all connected components'})`);
  for (const w of r.rings ?? []) out.push(`a ${w} mm peri-tumoural ring${r.ringInnerMarginMm ? ` starting ${r.ringInnerMarginMm} mm outside the boundary` : ' outside the tumour boundary'} (distance transform in mm)`);
  if (r.parenchyma !== false) out.push('the disease-free parenchyma (its own mask, a sampling region)');
  return out;
}
