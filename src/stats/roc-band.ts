/**
 * A pointwise confidence band for an ROC curve: at each fixed specificity, the percentile interval
 * of the sensitivity over stratified bootstrap resamples (pROC's ci.se, Robin et al. 2011, BMC
 * Bioinformatics 12:77; Fawcett 2006 §7 "vertical averaging"). Seeded with sonomics' Random.
 */
import { Random } from '../core/random.ts';
import { quantile7Sorted } from '../math/quantile.ts';
import { splitByOutcome } from './validate.ts';

export interface RocBand {
  specificity: number[];
  lower: number[];
  upper: number[];
  replicates: number;
  level: number;
}

/**
 * The best sensitivity with specificity ≥ s: the cut lies just above the k-th smallest control
 * (k = ⌈s·n0⌉), so cases tied with that control count as negative (the conservative side).
 */
function sensitivityAt(posSorted: Float64Array, negSorted: Float64Array, specs: number[]): number[] {
  const n0 = negSorted.length, n1 = posSorted.length;
  return specs.map((s) => {
    // Smallest number of controls at or below the threshold giving specificity ≥ s.
    const k = Math.min(n0, Math.ceil(s * n0 - 1e-9));
    if (k === 0) return 1;
    const thr = negSorted[k - 1]!;
    let lo = 0, hi = n1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (posSorted[mid]! <= thr) lo = mid + 1; else hi = mid; }
    return (n1 - lo) / n1;
  });
}

export function rocBand(y: ArrayLike<number>, score: ArrayLike<number>, o: { replicates?: number; seed?: number; level?: number; points?: number } = {}): RocBand {
  const { cases, controls } = splitByOutcome('rocBand', y, score);
  const B = o.replicates ?? 500;
  const level = o.level ?? 0.95;
  const m = o.points ?? 51;
  const specificity = Array.from({ length: m }, (_, i) => i / (m - 1));
  const rng = new Random(o.seed ?? 1);
  const draws: number[][] = specificity.map(() => []);
  const pos = new Float64Array(cases.length), neg = new Float64Array(controls.length);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < pos.length; i++) pos[i] = cases[rng.int(cases.length)]!;
    for (let i = 0; i < neg.length; i++) neg[i] = controls[rng.int(controls.length)]!;
    pos.sort(); neg.sort();
    sensitivityAt(pos, neg, specificity).forEach((v, i) => draws[i]!.push(v));
  }
  const a = (1 - level) / 2;
  const lower: number[] = [], upper: number[] = [];
  for (const d of draws) {
    const s = Float64Array.from(d).sort();
    lower.push(quantile7Sorted(s, a));
    upper.push(quantile7Sorted(s, 1 - a));
  }
  return { specificity, lower, upper, replicates: B, level };
}
