/**
 * Intensity-histogram features (IBSI 1 manual §3.4, family ZVCW) on the discretised
 * intensities X_d of the intensity mask. The histogram runs over bins 1..N_g, empty bins
 * included (they matter for the gradient features, §3.4.20–23).
 */
import type { RoiContext } from './context.ts';
import { descriptive } from './stats-util.ts';
import { countInside } from '../image/image.ts';
import type { FamilyValues, FeatureDef } from './types.ts';
import { defineFamily } from './family.ts';

export const FEATURES: FeatureDef[] = [
  { name: 'mean', ibsiCode: 'X6K6', unit: '' },
  { name: 'variance', ibsiCode: 'CH89', unit: '' },
  { name: 'skewness', ibsiCode: '88K1', unit: '' },
  { name: 'kurtosis', ibsiCode: 'C3I7', unit: '' },
  { name: 'median', ibsiCode: 'WIFQ', unit: '' },
  { name: 'minimum', ibsiCode: '1PR8', unit: '' },
  { name: 'p10', ibsiCode: 'GPMT', unit: '' },
  { name: 'p90', ibsiCode: 'OZ0C', unit: '' },
  { name: 'maximum', ibsiCode: '3NCY', unit: '' },
  { name: 'mode', ibsiCode: 'AMMC', unit: '' },
  { name: 'interquartile_range', ibsiCode: 'WR0O', unit: '' },
  { name: 'range', ibsiCode: '5Z3W', unit: '' },
  { name: 'mean_absolute_deviation', ibsiCode: 'D2ZX', unit: '' },
  { name: 'robust_mean_absolute_deviation', ibsiCode: 'WRZB', unit: '' },
  { name: 'median_absolute_deviation', ibsiCode: '4RNL', unit: '' },
  { name: 'coefficient_of_variation', ibsiCode: 'CWYJ', unit: '' },
  { name: 'quartile_coefficient_of_dispersion', ibsiCode: 'SLWD', unit: '' },
  { name: 'entropy', ibsiCode: 'TLU2', unit: '', pyradiomics: 'Entropy' },
  { name: 'uniformity', ibsiCode: 'BJ5W', unit: '', pyradiomics: 'Uniformity' },
  { name: 'maximum_histogram_gradient', ibsiCode: '12CE', unit: '' },
  { name: 'maximum_histogram_gradient_intensity', ibsiCode: '8E6O', unit: '' },
  { name: 'minimum_histogram_gradient', ibsiCode: 'VQB3', unit: '' },
  { name: 'minimum_histogram_gradient_intensity', ibsiCode: 'RHQZ', unit: '' },
];

/** The features that need `descriptive` on the grey levels (the mode's tie-break needs their mean). */
const DESCRIPTIVE = FEATURES.map((f) => f.name).filter((n) => n !== 'entropy' && n !== 'uniformity' && !n.includes('histogram_gradient'));

export function computeIntensityHistogram(ctx: RoiContext): FamilyValues {
  const { levels, nLevels } = ctx.discretised();
  const mask = ctx.roi.intensityMask;
  // the shared counting loop (one compile per process, not one inside this larger function)
  const n = countInside(mask);
  const hist = new Float64Array(nLevels + 1);
  // PyRadiomics reads only the entropy and uniformity: the statistics of the levels (and the
  // copies they need) are skipped when nobody reads them (RoiContext.wanted).
  const statistics = DESCRIPTIVE.some((name) => ctx.wanted('intensity_histogram', name));
  const out: FamilyValues = statistics ? describeLevels(levels, mask, n, nLevels, hist) : countLevels(levels, mask, hist);
  if (statistics) {
    // mode: highest count; ties → bin closest to the mean, left one when equidistant (§3.4.10)
    let best = 1;
    for (let i = 2; i <= nLevels; i++) {
      if (hist[i]! > hist[best]!) best = i;
      else if (hist[i] === hist[best] && Math.abs(i - out.mean!) < Math.abs(best - out.mean!)) best = i;
    }
    out.mode = best;
  }
  let entropy = 0, uniformity = 0;
  for (let i = 1; i <= nLevels; i++) {
    const p = hist[i]! / n;
    if (p > 0) entropy -= p * Math.log2(p);
    uniformity += p * p;
  }
  out.entropy = entropy;
  out.uniformity = uniformity;
  // histogram gradient H'(i): forward/backward difference at the ends, central inside (§3.4.20)
  const grad = (i: number): number => {
    if (nLevels === 1) return 0;
    if (i === 1) return hist[2]! - hist[1]!;
    if (i === nLevels) return hist[nLevels]! - hist[nLevels - 1]!;
    return (hist[i + 1]! - hist[i - 1]!) / 2;
  };
  let gmax = -Infinity, gmin = Infinity, imax = 1, imin = 1;
  for (let i = 1; i <= nLevels; i++) {
    const g = grad(i);
    if (g > gmax) { gmax = g; imax = i; }
    if (g < gmin) { gmin = g; imin = i; }
  }
  out.maximum_histogram_gradient = gmax;
  out.maximum_histogram_gradient_intensity = imax;
  out.minimum_histogram_gradient = gmin;
  out.minimum_histogram_gradient_intensity = imin;
  const ordered: FamilyValues = {};
  for (const f of FEATURES) if (f.name in out) ordered[f.name] = out[f.name]!;
  return ordered;
}

/** The level histogram (into `hist`) and the descriptive statistics of the levels. */
function describeLevels(levels: Int32Array, mask: Uint8Array, n: number, nLevels: number, hist: Float64Array): FamilyValues {
  const values = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    values[k++] = levels[i]!;
    hist[levels[i]!]!++;
  }
  // grey levels are small integers: the sorted order comes from the counts (no comparison sort)
  let sorted = new Float64Array(n);
  let filled = 0;
  for (let l = 1; l <= nLevels; l++) sorted.fill(l, filled, (filled += hist[l]!));
  if (filled !== n) sorted = Float64Array.from(values).sort(); // a level outside 1..N_g: not expected, stay exact
  const out: FamilyValues = { ...descriptive(values, sorted) };
  delete out.energy;
  delete out.root_mean_square;
  return out;
}

/** The level histogram only (into `hist`). */
function countLevels(levels: Int32Array, mask: Uint8Array, hist: Float64Array): FamilyValues {
  for (let i = 0; i < mask.length; i++) if (mask[i]) hist[levels[i]!]!++;
  return {};
}

/** This family's entry in the family registry (src/features/families.ts); IBSI 1 §3.4. */
export const INTENSITY_HISTOGRAM_FAMILY = defineFamily({ family: 'intensity_histogram', title: 'intensity histogram', kind: 'roi', features: FEATURES, compute: computeIntensityHistogram });
