/**
 * Label-free centre harmonisation (`radiomics.harmonise`): a centre that is not in the training
 * data (an external cohort, another scanner) has its radiomics features location/scale-aligned to
 * the training centre, using only that centre's own unlabelled feature values:
 *
 *   x' = loc_ref + scale_ref · (x − loc_centre) / scale_centre          (per feature)
 *
 * 'centre-standardise': loc = mean, scale = sample SD; 'centre-robust': loc = median, scale = IQR
 * (quantile type 7, as R's default `quantile`); 'centre-quantile': each feature's within-centre
 * quantile mapped onto the training distribution (monotone, not only affine; see quantileMap). This is per-centre standardisation, the
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

export type HarmoniseMethod = 'none' | 'centre-standardise' | 'centre-robust' | 'centre-quantile';
export const HARMONISE_METHODS: readonly HarmoniseMethod[] = ['none', 'centre-standardise', 'centre-robust', 'centre-quantile'];

/** Probability grid of the stored training quantiles ('centre-quantile'): 0, 1/QN, ..., 1. */
const QN = 100;

/** Location and scale of each feature in the training centre. */
export interface CentreReference {
  method: Exclude<HarmoniseMethod, 'none'>;
  features: string[];
  location: number[];
  scale: number[];
  /** 'centre-quantile': the training quantiles (type 7) of each feature at 0, 1/100, ..., 1. */
  quantiles?: number[][];
}

interface LocationScale { location: number; scale: number }

function locationScale(values: number[], method: CentreReference['method']): LocationScale {
  const v = values.filter(Number.isFinite);
  if (v.length === 0) return { location: NaN, scale: NaN };
  if (method === 'centre-robust' || method === 'centre-quantile') {
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
  const ref: CentreReference = { method, features: [...features], location, scale };
  if (method === 'centre-quantile') {
    ref.quantiles = features.map((f) => {
      const v = records.map((r) => r[f]!).filter(Number.isFinite);
      return Array.from({ length: QN + 1 }, (_, k) => (v.length ? quantile7(v, k / QN) : NaN));
    });
  }
  return ref;
}

/**
 * Quantile mapping (Bolstad et al. 2003, Bioinformatics 19:185, applied per feature and centre):
 * a case at mid-rank r of the centre's n values sits at probability (r − ½)/n (Hazen), and takes the
 * training quantile at that probability (linear between the stored grid points). Undoes any
 * monotone distortion of a feature by the scanner, not only a location/scale change.
 */
function quantileMap(q: number[], own: number[]): number[] {
  const idx = own.map((x, i) => [x, i] as const).filter(([x]) => Number.isFinite(x)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const n = idx.length;
  const out = own.slice();
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && idx[j + 1]![0] === idx[i]![0]) j++;
    const p = ((i + j) / 2 + 0.5) / n;
    const h = p * QN, lo = Math.floor(h), hi = Math.min(QN, lo + 1);
    const v = q[lo]! + (h - lo) * (q[hi]! - q[lo]!);
    for (let k = i; k <= j; k++) out[idx[k]![1]] = v;
    i = j + 1;
  }
  return out;
}

/**
 * One centre's own statistics of the reference features, fitted from its unlabelled cases: what a
 * model bundle stores per centre so that `predict` can align a single new case of that centre exactly
 * as the study aligned the centre's cohort. 'centre-quantile' keeps the centre's own 101-point
 * quantile grid instead (a per-case mapping through it approximates the study's rank mapping).
 */
export interface CentreParameters {
  /** Cases the statistics came from. */
  n: number;
  location: number[];
  scale: number[];
  /** 'centre-quantile': the centre's own quantiles (type 7) of each feature at 0, 1/100, ..., 1. */
  quantiles?: number[][];
}

/** The smallest unlabelled reference set of a centre that `fitCentreParameters` accepts. */
export const MIN_CENTRE_CASES = 3;

/** A centre's own location/scale (and quantile grid) of the reference features. */
export function fitCentreParameters(ref: CentreReference, records: Array<Record<string, number>>, centre = 'centre', min = MIN_CENTRE_CASES): CentreParameters {
  if (records.length < min) {
    throw new SonomicsError('BAD_INPUT', `${centre}: centre harmonisation (${ref.method}) estimates the centre's feature location/scale from its own cases and needs at least ${min} of them (got ${records.length}); pass all of the centre's cases together.`, { subject: centre });
  }
  const location: number[] = [];
  const scale: number[] = [];
  for (const f of ref.features) {
    const ls = locationScale(records.map((r) => r[f]!), ref.method);
    location.push(ls.location);
    scale.push(ls.scale);
  }
  const p: CentreParameters = { n: records.length, location, scale };
  if (ref.method === 'centre-quantile') {
    p.quantiles = ref.features.map((f) => {
      const v = records.map((r) => r[f]!).filter(Number.isFinite);
      return Array.from({ length: QN + 1 }, (_, k) => (v.length ? quantile7(v, k / QN) : NaN));
    });
  }
  return p;
}

/**
 * Align records of a centre with its stored parameters, one case at a time (what `predict` does).
 * For the location/scale methods this is the same arithmetic as harmoniseCentre, so a case gets
 * bit for bit the value the study gave it.
 */
export function applyCentreParameters(ref: CentreReference, params: CentreParameters, records: Array<Record<string, number>>): Array<Record<string, number>> {
  const out = records.map((r) => ({ ...r }));
  ref.features.forEach((f, j) => {
    for (const r of out) {
      const x = r[f];
      if (x === undefined || !Number.isFinite(x)) continue;
      r[f] = ref.quantiles && params.quantiles ? gridMap(params.quantiles[j]!, ref.quantiles[j]!, x) : affine(ref, params, j, x);
    }
  });
  return out;
}

/** x' = loc_ref + scale_ref · (x − loc_centre) / scale_centre (see the top of this file). */
function affine(ref: CentreReference, own: { location: number[]; scale: number[] }, j: number, x: number): number {
  // A feature constant within the centre (scale 0) can only be shifted; a constant reference
  // likewise maps every case to its location.
  const s = own.scale[j]!;
  const ratio = s > 0 && Number.isFinite(s) ? ref.scale[j]! / s : 1;
  return ref.location[j]! + ratio * (x - own.location[j]!);
}

/**
 * One value through the quantile grids: its probability in the centre's grid (linear between grid
 * points, clamped to [0, 1]), then the training quantile at that probability.
 */
function gridMap(own: number[], train: number[], x: number): number {
  let p: number;
  if (x <= own[0]!) p = 0;
  else if (x >= own[QN]!) p = 1;
  else {
    let k = 0;
    while (k < QN - 1 && own[k + 1]! <= x) k++;
    const span = own[k + 1]! - own[k]!;
    p = (k + (span > 0 ? (x - own[k]!) / span : 0)) / QN;
  }
  const h = p * QN, lo = Math.floor(h), hi = Math.min(QN, lo + 1);
  return train[lo]! + (h - lo) * (train[hi]! - train[lo]!);
}

/**
 * Align the records of ONE centre to the reference (returns new records; other columns are copied).
 * Needs several cases of the centre at once (its statistics come from them).
 */
export function harmoniseCentre(ref: CentreReference, records: Array<Record<string, number>>, centre = 'centre'): Array<Record<string, number>> {
  return harmoniseCentreWith(ref, records, centre).records;
}

/** harmoniseCentre, also returning the centre's parameters (the bundle stores them). */
export function harmoniseCentreWith(ref: CentreReference, records: Array<Record<string, number>>, centre = 'centre'): { records: Array<Record<string, number>>; params: CentreParameters } {
  const params = fitCentreParameters(ref, records, centre);
  if (!ref.quantiles) return { records: applyCentreParameters(ref, params, records), params };
  // The study maps a centre's cases by their ranks within the centre (exact for the cohort at hand).
  const out = records.map((r) => ({ ...r }));
  ref.features.forEach((f, j) => {
    const mapped = quantileMap(ref.quantiles![j]!, records.map((r) => r[f]!));
    out.forEach((r, i) => { r[f] = mapped[i]!; });
  });
  return { records: out, params };
}

/** Harmonise a cohort centre by centre (batch labels, or the whole cohort as one centre). */
export function harmoniseCohort(ref: CentreReference, records: Array<Record<string, number>>, centres: string[] | undefined, cohort: string): Array<Record<string, number>> {
  return harmoniseCohortWith(ref, records, centres, cohort).records;
}

/**
 * harmoniseCohort, also returning each centre's parameters keyed by its name: the batch label, or
 * the cohort name when the cohort is one centre.
 */
export function harmoniseCohortWith(ref: CentreReference, records: Array<Record<string, number>>, centres: string[] | undefined, cohort: string): { records: Array<Record<string, number>>; params: Record<string, CentreParameters> } {
  if (!centres) {
    const h = harmoniseCentreWith(ref, records, cohort);
    return { records: h.records, params: { [cohort]: h.params } };
  }
  const out = new Array<Record<string, number>>(records.length);
  const params: Record<string, CentreParameters> = {};
  for (const c of [...new Set(centres)]) {
    const idx = centres.flatMap((x, i) => (x === c ? [i] : []));
    const h = harmoniseCentreWith(ref, idx.map((i) => records[i]!), `${cohort}, centre ${c}`);
    idx.forEach((i, k) => { out[i] = h.records[k]!; });
    params[c] = h.params;
  }
  return { records: out, params };
}
