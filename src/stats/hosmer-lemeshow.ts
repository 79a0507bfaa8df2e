/**
 * Hosmer–Lemeshow goodness-of-fit test, a line-for-line port of ResourceSelection::hoslem.test
 * (Lele, Keim & Solymos), the variant most R users report:
 *   breaks = unique(quantile(p, probs = seq(0, 1, 1/g)))   (type 7)
 *   groups = cut(p, breaks, include.lowest = TRUE)          (right-closed intervals)
 *   χ² = Σ over groups and both outcome columns (O − E)² / E,   df = g − 2 (g as requested,
 *   even if fewer distinct groups result), p = P(χ²_df > χ²).
 * `pDfG` uses df = g, the convention some authors use for external validation.
 */
import { pchisq } from './distributions.ts';
import { quantile7Sorted } from '../math/quantile.ts';

export interface HosmerLemeshowGroup {
  n: number;
  observedEvents: number;
  expectedEvents: number;
  observedNonEvents: number;
  expectedNonEvents: number;
  meanPredicted: number;
  observedRate: number;
}

export interface HosmerLemeshow {
  chi2: number;
  df: number;
  p: number;
  pDfG: number;
  g: number;
  breaks: number[];
  groups: HosmerLemeshowGroup[];
}

/** Quantile-group breaks of p as hoslem.test builds them (probabilities i·(1/g), like R's seq). */
export function quantileBreaks(p: ArrayLike<number>, g: number): number[] {
  const sorted = Float64Array.from(p).sort();
  const step = 1 / g;
  const out: number[] = [];
  for (let i = 0; i <= g; i++) {
    const q = quantile7Sorted(sorted, Math.min(1, i * step));
    if (out.length === 0 || out[out.length - 1] !== q) out.push(q);
  }
  return out;
}

/** Group index of v under cut(breaks, include.lowest = TRUE, right = TRUE), or −1 outside. */
export function cutIndex(v: number, breaks: number[]): number {
  const k = breaks.length - 1;
  if (v < breaks[0]! || v > breaks[k]!) return -1;
  if (v === breaks[0]) return 0;
  // first i with v <= breaks[i+1] (binary search)
  let lo = 0;
  let hi = k - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= breaks[mid + 1]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function quantileGroups(y: ArrayLike<number>, p: ArrayLike<number>, g: number): { breaks: number[]; groups: HosmerLemeshowGroup[] } {
  const breaks = quantileBreaks(p, g);
  const k = Math.max(1, breaks.length - 1);
  const groups: HosmerLemeshowGroup[] = Array.from({ length: k }, () => ({
    n: 0, observedEvents: 0, expectedEvents: 0, observedNonEvents: 0, expectedNonEvents: 0, meanPredicted: 0, observedRate: 0,
  }));
  for (let i = 0; i < p.length; i++) {
    const gi = breaks.length === 1 ? 0 : cutIndex(p[i]!, breaks);
    const grp = groups[gi]!;
    grp.n++;
    grp.observedEvents += y[i]!;
    grp.observedNonEvents += 1 - y[i]!;
    grp.expectedEvents += p[i]!;
    grp.expectedNonEvents += 1 - p[i]!;
  }
  for (const grp of groups) {
    grp.meanPredicted = grp.expectedEvents / grp.n;
    grp.observedRate = grp.observedEvents / grp.n;
  }
  return { breaks, groups };
}

export function hosmerLemeshow(y: ArrayLike<number>, p: ArrayLike<number>, g = 10): HosmerLemeshow {
  const { breaks, groups } = quantileGroups(y, p, g);
  let chi2 = 0;
  for (const grp of groups) {
    chi2 += (grp.observedNonEvents - grp.expectedNonEvents) ** 2 / grp.expectedNonEvents;
    chi2 += (grp.observedEvents - grp.expectedEvents) ** 2 / grp.expectedEvents;
  }
  const df = g - 2;
  return { chi2, df, p: pchisq(chi2, df, true), pDfG: pchisq(chi2, g, true), g, breaks, groups };
}
