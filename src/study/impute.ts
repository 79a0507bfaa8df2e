/**
 * Simple imputation fitted on training data only (used inside every training fold):
 * continuous variables and features → median; binary → the more frequent value (0 on a tie);
 * categorical → the most frequent level (its dummy pattern). Applied as fill values per design column.
 */
import { median } from '../math/quantile.ts';
import type { VariableSpec } from './variables.ts';

/** Median of the observed (non-missing) values; NaN when none is observed. */
function observedMedian(v: number[]): number {
  return median(v.filter((x) => !Number.isNaN(x)));
}

export function fitImputer(records: Array<Record<string, number>>, variables: VariableSpec[], features: string[]): Record<string, number> {
  const fill: Record<string, number> = {};
  for (const v of variables) {
    if (v.type === 'continuous') { fill[v.design[0]!] = observedMedian(records.map((r) => r[v.design[0]!]!)); continue; }
    if (v.type === 'binary') {
      let ones = 0, zeros = 0;
      for (const r of records) { const x = r[v.design[0]!]; if (x === 1) ones++; else if (x === 0) zeros++; }
      fill[v.design[0]!] = ones > zeros ? 1 : 0;
      continue;
    }
    // categorical: count levels through their dummy patterns (all zero = reference level)
    const counts = new Array<number>(v.design.length + 1).fill(0);
    for (const r of records) {
      const d = v.design.map((n) => r[n]!);
      if (d.some(Number.isNaN)) continue;
      const j = d.indexOf(1);
      counts[j + 1]++;
    }
    const best = counts.indexOf(Math.max(...counts));
    v.design.forEach((n, j) => { fill[n] = j + 1 === best ? 1 : 0; });
  }
  for (const f of features) fill[f] = observedMedian(records.map((r) => r[f]!));
  return fill;
}

export function applyImputer(records: Array<Record<string, number>>, fill: Record<string, number> | undefined): Array<Record<string, number>> {
  if (!fill) return records;
  return records.map((r) => {
    const o = { ...r };
    for (const k of Object.keys(o)) if (Number.isNaN(o[k]) && fill[k] !== undefined) o[k] = fill[k]!;
    return o;
  });
}
