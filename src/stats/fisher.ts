/**
 * Fisher's exact test, as R's fisher.test(table) (two-sided):
 * - p = Σ P(tables with the observed margins whose probability ≤ P_obs·(1 + 1e-7));
 *   2 × 2 via the hypergeometric support, r × c by enumerating every table with the observed
 *   margins (R uses the FEXACT network algorithm; the sum is the same, enumeration is fine for
 *   the small tables this test is meant for, with a guard on the table count).
 * - 2 × 2 only: the conditional maximum-likelihood odds ratio (the root of E[X | ψ] = x under the
 *   noncentral hypergeometric), found with R's uniroot/zeroin and its default tolerance so the
 *   value is R's to ~1e-15, and the conditional (Cornfield-type) CI by the same root finder.
 *   `sampleOddsRatio` = ad / bc is scipy's fisher_exact statistic.
 */
import { SonomicsError } from '../core/errors.ts';
import { lgamma } from './special.ts';
import { checkTable } from './chi-square.ts';
import { zeroin } from './zeroin.ts';

export interface FisherExact {
  p: number;
  oddsRatio?: number;
  ci?: [number, number];
  sampleOddsRatio?: number;
}

const REL_ERR = 1 + 1e-7;
const UNIROOT_TOL = Math.pow(2.220446049250313e-16, 0.25);
const DBL_EPS = 2.220446049250313e-16;

function lchoose(n: number, k: number): number {
  return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
}

export function fisherExact(table: number[][], opts: { level?: number; maxTables?: number } = {}): FisherExact {
  const { rows, cols } = checkTable('fisherExact', table);
  if (rows.length === 2 && cols.length === 2) return fisher2x2(table, opts.level ?? 0.95);
  return { p: fisherRxC(table, rows, cols, opts.maxTables ?? 5e6) };
}

function fisher2x2(table: number[][], level: number): FisherExact {
  const x = table[0]![0]!;
  const m = table[0]![0]! + table[1]![0]!; // column 1 total
  const n = table[0]![1]! + table[1]![1]!; // column 2 total
  const k = table[0]![0]! + table[0]![1]!; // row 1 total
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const support: number[] = [];
  const logdc: number[] = [];
  for (let s = lo; s <= hi; s++) {
    support.push(s);
    logdc.push(lchoose(m, s) + lchoose(n, k - s) - lchoose(m + n, k));
  }
  const dnhyper = (ncp: number): number[] => {
    const d = logdc.map((l, i) => l + Math.log(ncp) * support[i]!);
    const mx = Math.max(...d);
    const e = d.map((v) => Math.exp(v - mx));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  };
  const mnhyper = (ncp: number): number => {
    if (ncp === 0) return lo;
    if (ncp === Infinity) return hi;
    const d = dnhyper(ncp);
    let s = 0;
    for (let i = 0; i < d.length; i++) s += support[i]! * d[i]!;
    return s;
  };
  const pnhyper = (q: number, ncp: number, upperTail: boolean): number => {
    if (ncp === 1) {
      // Central hypergeometric tails straight from the log densities.
      let s = 0;
      for (let i = 0; i < support.length; i++) if (upperTail ? support[i]! >= q : support[i]! <= q) s += Math.exp(logdc[i]!);
      return s;
    }
    if (ncp === 0) return upperTail ? Number(q <= lo) : Number(q >= lo);
    if (ncp === Infinity) return upperTail ? Number(q <= hi) : Number(q >= hi);
    const d = dnhyper(ncp);
    let s = 0;
    for (let i = 0; i < d.length; i++) if (upperTail ? support[i]! >= q : support[i]! <= q) s += d[i]!;
    return s;
  };
  // Two-sided p (R: relErr 1 + 1e-7 on the observed density).
  const d1 = dnhyper(1);
  const dObs = d1[x - lo]! * REL_ERR;
  let p = 0;
  for (const v of d1) if (v <= dObs) p += v;
  p = Math.min(1, p);

  const uniroot = (f: (t: number) => number, a: number, b: number): number => zeroin(f, a, b, f(a), f(b), UNIROOT_TOL);
  const mle = (): number => {
    if (x === lo) return 0;
    if (x === hi) return Infinity;
    const mu = mnhyper(1);
    if (mu > x) return uniroot((t) => mnhyper(t) - x, 0, 1);
    if (mu < x) return 1 / uniroot((t) => mnhyper(1 / t) - x, DBL_EPS, 1);
    return 1;
  };
  const alpha = (1 - level) / 2;
  const ncpU = (): number => {
    if (x === hi) return Infinity;
    const pv = pnhyper(x, 1, false);
    if (pv < alpha) return uniroot((t) => pnhyper(x, t, false) - alpha, 0, 1);
    if (pv > alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t, false) - alpha, DBL_EPS, 1);
    return 1;
  };
  const ncpL = (): number => {
    if (x === lo) return 0;
    const pv = pnhyper(x, 1, true);
    if (pv > alpha) return uniroot((t) => pnhyper(x, t, true) - alpha, 0, 1);
    if (pv < alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t, true) - alpha, DBL_EPS, 1);
    return 1;
  };
  const [[a, b], [c, d]] = table as [[number, number], [number, number]];
  return { p, oddsRatio: mle(), ci: [ncpL(), ncpU()], sampleOddsRatio: (a * d) / (b * c) };
}

/** Exact r × c p-value by enumerating all tables with the observed margins. */
function fisherRxC(table: number[][], rows: number[], cols: number[], maxTables: number): number {
  const r = rows.length;
  const c = cols.length;
  const n = rows.reduce((s, v) => s + v, 0);
  const lf = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) lf[i] = lf[i - 1]! + Math.log(i);
  let constant = -lf[n]!;
  for (const v of rows) constant += lf[v]!;
  for (const v of cols) constant += lf[v]!;
  let obs = constant;
  for (const row of table) for (const v of row) obs -= lf[v]!;
  const threshold = obs + Math.log(REL_ERR);
  let total = 0;
  let count = 0;
  const colLeft = cols.slice();
  // Fill row by row, cell by cell; the last row and the last column are forced by the margins.
  const recurse = (i: number, j: number, rowLeft: number, acc: number): void => {
    if (i === r - 1) {
      // last row = remaining column totals
      let s = acc;
      for (let jj = 0; jj < c; jj++) s -= lf[colLeft[jj]!]!;
      if (++count > maxTables) {
        throw new SonomicsError('BAD_INPUT', `fisherExact: more than ${maxTables} tables share these margins; use chiSquare for a table this large`);
      }
      if (s <= threshold) total += Math.exp(s);
      return;
    }
    if (j === c - 1) {
      const v = rowLeft;
      if (v > colLeft[j]!) return;
      colLeft[j]! -= v;
      recurse(i + 1, 0, rows[i + 1]!, acc - lf[v]!);
      colLeft[j]! += v;
      return;
    }
    // Remaining capacity of the columns after j bounds the smallest feasible value.
    let restCap = 0;
    for (let jj = j + 1; jj < c; jj++) restCap += colLeft[jj]!;
    const vmin = Math.max(0, rowLeft - restCap);
    const vmax = Math.min(rowLeft, colLeft[j]!);
    for (let v = vmin; v <= vmax; v++) {
      colLeft[j]! -= v;
      recurse(i, j + 1, rowLeft - v, acc - lf[v]!);
      colLeft[j]! += v;
    }
  };
  recurse(0, 0, rows[0]!, constant);
  return Math.min(1, total);
}
