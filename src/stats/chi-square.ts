/**
 * Pearson's chi-square test of independence for an r × c table, as R's chisq.test(table,
 * correct): expected E = row·col / n; with `correct` (default true) and a 2 × 2 table the Yates
 * continuity correction is applied, capped as R does: Σ (|O − E| − min(0.5, |O − E|))² / E.
 * Larger tables ignore `correct`. df = (r − 1)(c − 1); p = P(χ²_df > X²).
 */
import { SonomicsError } from '../core/errors.ts';
import { pchisq } from './distributions.ts';

export interface ChiSquare {
  chi2: number;
  df: number;
  p: number;
  expected: number[][];
  yates: boolean;
}

export function checkTable(what: string, table: number[][]): { rows: number[]; cols: number[]; n: number } {
  const r = table.length;
  const c = r ? table[0]!.length : 0;
  if (r < 2 || c < 2) throw new SonomicsError('BAD_INPUT', `${what}: needs at least a 2 × 2 table, got ${r} × ${c}`);
  const rows = new Array<number>(r).fill(0);
  const cols = new Array<number>(c).fill(0);
  let n = 0;
  table.forEach((row, i) => {
    if (row.length !== c) throw new SonomicsError('BAD_INPUT', `${what}: row ${i} has ${row.length} cells, expected ${c}`);
    row.forEach((v, j) => {
      if (!(Number.isInteger(v) && v >= 0)) throw new SonomicsError('BAD_INPUT', `${what}: cell [${i}][${j}] is ${v}; counts must be non-negative integers`);
      rows[i]! += v;
      cols[j]! += v;
      n += v;
    });
  });
  if (n === 0) throw new SonomicsError('BAD_INPUT', `${what}: the table is empty`);
  return { rows, cols, n };
}

export function chiSquare(table: number[][], opts: { correct?: boolean } = {}): ChiSquare {
  const { rows, cols, n } = checkTable('chiSquare', table);
  const yates = (opts.correct ?? true) && rows.length === 2 && cols.length === 2;
  const expected = rows.map((ri) => cols.map((cj) => (ri * cj) / n));
  let chi2 = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < cols.length; j++) {
      const e = expected[i]![j]!;
      let d = Math.abs(table[i]![j]! - e);
      if (yates) d -= Math.min(0.5, d);
      chi2 += (d * d) / e;
    }
  }
  const df = (rows.length - 1) * (cols.length - 1);
  return { chi2, df, p: pchisq(chi2, df, true), expected, yates };
}
