/**
 * Label-free centre harmonisation (`radiomics.harmonise`): a centre that is not in the training
 * data (an external cohort, another scanner) has its radiomics features location/scale-aligned to
 * the training centre, using only that centre's own unlabelled feature values:
 *
 *   x' = loc_ref + scale_ref · (x − loc_centre) / scale_centre          (per feature)
 *
 * 'centre-standardise': loc = mean, scale = sample SD; 'centre-robust': loc = median, scale = IQR
 * (quantile type 7, as R's default `quantile`). This is per-centre standardisation, the
 * location/scale part of ComBat (Johnson et al. 2007, Biostatistics 8:118, eq. 2) without the
 * empirical-Bayes shrinkage and without covariates — so it never sees an outcome. It is
 * transductive: a centre's statistics come from all of its images at once, and it assumes the
 * centres' case mixes are comparable (a shift in the patients, not only the scanner, is removed too).
 *
 * The reference is fitted on the training data of each model (inside CV: the training fold only).
 * Cases from the training centre itself are never transformed.
 */
import { SonomicsError } from '../core/errors.ts';
import { quantile7 } from '../stats/index.ts';

export type HarmoniseMethod = 'none' | 'centre-standardise' | 'centre-robust';
export const HARMONISE_METHODS: readonly HarmoniseMethod[] = ['none', 'centre-standardise', 'centre-robust'];

/** Location and scale of each feature in the training centre. */
export interface CentreReference {
  method: Exclude<HarmoniseMethod, 'none'>;
  features: string[];
  location: number[];
  scale: number[];
}

interface LocationScale { location: number; scale: number }

function locationScale(values: number[], method: CentreReference['method']): LocationScale {
  const v = values.filter(Number.isFinite);
  if (v.length === 0) return { location: NaN, scale: NaN };
  if (method === 'centre-robust') {
    return { location: quantile7(v, 0.5), scale: quantile7(v, 0.75) - quantile7(v, 0.25) };
  }
  let mean = 0;
  for (const x of v) mean += x;
  mean /= v.length;
  let ss = 0;
  for (const x of v) ss += (x - mean) ** 2;
  return { location: mean, scale: v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0 };
}

/** The training centre's location/scale of the given features (records: design-column rows). */
export function fitCentreReference(records: Array<Record<string, number>>, features: string[], method: CentreReference['method']): CentreReference {
  const location: number[] = [];
  const scale: number[] = [];
  for (const f of features) {
    const ls = locationScale(records.map((r) => r[f]!), method);
    location.push(ls.location);
    scale.push(ls.scale);
  }
  return { method, features: [...features], location, scale };
}

/**
 * Align the records of ONE centre to the reference (returns new records; other columns are copied).
 * Needs several cases of the centre at once (its statistics come from them).
 */
export function harmoniseCentre(ref: CentreReference, records: Array<Record<string, number>>, centre = 'centre'): Array<Record<string, number>> {
  if (records.length < 3) {
    throw new SonomicsError('BAD_INPUT', `${centre}: centre harmonisation (${ref.method}) estimates the centre's feature location/scale from its own cases and needs at least 3 of them (got ${records.length}); pass all of the centre's cases together.`, { subject: centre });
  }
  const out = records.map((r) => ({ ...r }));
  ref.features.forEach((f, j) => {
    const own = locationScale(records.map((r) => r[f]!), ref.method);
    // A feature constant within the centre (scale 0) can only be shifted; a constant reference
    // likewise maps every case to its location.
    const ratio = own.scale > 0 && Number.isFinite(own.scale) ? ref.scale[j]! / own.scale : 1;
    for (const r of out) {
      const x = r[f];
      if (x === undefined || !Number.isFinite(x)) continue;
      r[f] = ref.location[j]! + ratio * (x - own.location);
    }
  });
  return out;
}

/** Harmonise a cohort centre by centre (batch labels, or the whole cohort as one centre). */
export function harmoniseCohort(ref: CentreReference, records: Array<Record<string, number>>, centres: string[] | undefined, cohort: string): Array<Record<string, number>> {
  if (!centres) return harmoniseCentre(ref, records, cohort);
  const out = new Array<Record<string, number>>(records.length);
  for (const c of [...new Set(centres)]) {
    const idx = centres.flatMap((x, i) => (x === c ? [i] : []));
    const h = harmoniseCentre(ref, idx.map((i) => records[i]!), `${cohort}, centre ${c}`);
    idx.forEach((i, k) => { out[i] = h[k]!; });
  }
  return out;
}
