/**
 * Table 1: baseline characteristics by cohort and, in the main cohort, by outcome.
 * Binary / categorical: n (%), chi-square test (Yates-corrected for 2×2, as R's chisq.test), or
 * Fisher's exact test when an expected count is < 5. Continuous: median (IQR) with Mann–Whitney
 * (normal approximation, continuity-corrected, as R's wilcox.test with ties) or, for variables
 * declared summary: mean, mean ± SD with Welch's t-test. p-values are given for two-group comparisons.
 */
import { quantile7Sorted } from '../math/quantile.ts';
import { chiSquare, fisherExact, mannWhitney, tTest } from '../stats/index.ts';
import type { CohortData } from './data.ts';
import { compareLevels, type VariableSpec } from './variables.ts';
import type { VariableConfig } from './config.ts';

export interface Table1Row {
  variable: string;
  level?: string;
  cells: string[];
  p?: number;
  test?: string;
}

export interface Table1 {
  title: string;
  groups: Array<{ label: string; n: number }>;
  rows: Table1Row[];
}

interface Group { label: string; columns: Record<string, number[]>; y: number[]; rows: number[] }

const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const pct = (k: number, n: number) => `${k} (${n > 0 ? ((100 * k) / n).toFixed(1) : '0.0'}%)`;

function levelOf(v: VariableSpec, cols: Record<string, number[]>, i: number): string | undefined {
  if (v.type !== 'categorical') {
    const x = cols[v.design[0]!]![i]!;
    return Number.isNaN(x) ? undefined : String(x);
  }
  const d = v.design.map((n) => cols[n]![i]!);
  if (d.some(Number.isNaN)) return undefined;
  const j = d.indexOf(1);
  return v.levels![j + 1];
}

function countTest(table: number[][]): { p: number; test: string } {
  const kept = table.filter((r) => r.some((x) => x > 0));
  const colsKept = kept[0]!.map((_, j) => j).filter((j) => kept.some((r) => r[j]! > 0));
  const t = kept.map((r) => colsKept.map((j) => r[j]!));
  if (t.length < 2 || t[0]!.length < 2) return { p: NaN, test: '' };
  const chi = chiSquare(t, { correct: true });
  const small = chi.expected.some((r) => r.some((e) => e < 5));
  if (small) return { p: fisherExact(t).p, test: 'Fisher' };
  return { p: chi.p, test: 'χ²' };
}

function buildTable(title: string, groups: Group[], variables: VariableSpec[], configs: VariableConfig[], outcomeRow: boolean): Table1 {
  const rows: Table1Row[] = [];
  const two = groups.length === 2;
  if (outcomeRow) {
    const counts = groups.map((g) => g.rows.reduce((s, i) => s + g.y[i]!, 0));
    const t = countTest(groups.map((g, k) => [counts[k]!, g.rows.length - counts[k]!]));
    rows.push({ variable: 'Outcome (events)', cells: groups.map((g, k) => pct(counts[k]!, g.rows.length)), ...(two ? t : {}) });
  }
  for (const v of variables) {
    const conf = configs.find((c) => c.name === v.name);
    const vals = groups.map((g) => g.rows.map((i) => levelOf(v, g.columns, i)));
    if (v.type === 'continuous') {
      const nums = vals.map((vs) => vs.filter((x): x is string => x !== undefined).map(Number).sort((a, b) => a - b));
      const useMean = conf?.summary === 'mean';
      const cells = nums.map((xs) => {
        if (xs.length === 0) return '–';
        if (useMean) {
          const m = xs.reduce((a, b) => a + b, 0) / xs.length;
          const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
          return `${fmt(m)} ± ${fmt(sd)}`;
        }
        return `${fmt(quantile7Sorted(xs, 0.5))} (${fmt(quantile7Sorted(xs, 0.25))}–${fmt(quantile7Sorted(xs, 0.75))})`;
      });
      let p: number | undefined, test: string | undefined;
      if (two && nums[0]!.length > 1 && nums[1]!.length > 1) {
        if (useMean) { p = tTest(nums[0]!, nums[1]!, { welch: true }).p; test = 'Welch t'; }
        else { p = mannWhitney(nums[0]!, nums[1]!, { correct: true }).p; test = 'Mann–Whitney'; }
      }
      rows.push({ variable: `${v.name}, ${useMean ? 'mean ± SD' : 'median (IQR)'}`, cells, p, test });
    } else {
      // A table lists levels in their natural order; the reference level leads only the design (spec.levels).
      const levels = v.type === 'categorical' ? [...v.levels!].sort(compareLevels) : ['1', '0'];
      const table = levels.map((l) => vals.map((vs) => vs.filter((x) => x === l).length));
      const t = countTest(table);
      const label = v.derive ? `${v.name} (${v.derive.text})` : v.name;
      if (v.type === 'binary') {
        rows.push({ variable: label, cells: groups.map((_, k) => pct(table[0]![k]!, vals[k]!.filter((x) => x !== undefined).length)), ...(two ? t : {}) });
      } else {
        rows.push({ variable: label, cells: groups.map(() => ''), ...(two ? t : {}) });
        levels.forEach((l, li) => rows.push({ variable: label, level: l, cells: groups.map((_, k) => pct(table[li]![k]!, vals[k]!.filter((x) => x !== undefined).length)) }));
      }
    }
    const missing = vals.map((vs) => vs.filter((x) => x === undefined).length);
    if (missing.some((m) => m > 0)) rows.push({ variable: v.name, level: 'missing', cells: missing.map(String) });
  }
  return { title, groups: groups.map((g) => ({ label: g.label, n: g.rows.length })), rows };
}

export function table1(cohorts: CohortData[], variables: VariableSpec[], configs: VariableConfig[]): Table1[] {
  const all = (c: CohortData) => c.y.map((_, i) => i);
  const out: Table1[] = [];
  if (cohorts.length > 1) {
    out.push(buildTable('By cohort', cohorts.map((c) => ({ label: cohortLabel(c.name, c.role), columns: c.columns, y: c.y, rows: all(c) })), variables, configs, true));
  }
  const main = cohorts.find((c) => c.role === 'main')!;
  const idx0 = all(main).filter((i) => main.y[i] === 0);
  const idx1 = all(main).filter((i) => main.y[i] === 1);
  out.push(buildTable(`By outcome (${main.name} cohort)`, [
    { label: 'No event (y = 0)', columns: main.columns, y: main.y, rows: idx0 },
    { label: 'Event (y = 1)', columns: main.columns, y: main.y, rows: idx1 },
  ], variables, configs, false));
  return out;
}

/** "centre B (external)", without repeating a role the cohort's name already states ("centre A (main)"). */
export function cohortLabel(name: string, role: string): string {
  return name.toLowerCase().includes(role.toLowerCase()) ? name : `${name} (${role})`;
}
