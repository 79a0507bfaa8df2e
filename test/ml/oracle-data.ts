/**
 * Inputs and comparison helpers for the src/ml oracle suites (test/oracles/ml-*.test.ts):
 * the oracle CSV data as matrices, the JSON with "Inf"/"NaN" strings decoded, and
 * element-wise closeness checks that report the worst element.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { sharedPath } from '../helpers/shared.ts';

export interface Table { header: string[]; rows: number[][] }

export function oracleTable(name: string): Table {
  const lines = readFileSync(sharedPath('oracles', 'data', name), 'utf8').trim().split(/\r?\n/);
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',').map(Number)) };
}

export function columns(t: Table, names: string[]): number[][] {
  const idx = names.map((n) => {
    const i = t.header.indexOf(n);
    if (i < 0) throw new Error(`column ${n} not found`);
    return i;
  });
  return t.rows.map((r) => idx.map((i) => r[i]!));
}

export function column(t: Table, name: string): number[] {
  return columns(t, [name]).map((r) => r[0]!);
}

export function mlOracle(name: string): any {
  const text = readFileSync(sharedPath('oracles', 'expected', name), 'utf8');
  return JSON.parse(text, (_k, v) => (v === 'Inf' ? Infinity : v === '-Inf' ? -Infinity : v === 'NaN' ? NaN : v));
}

/**
 * Every element within abs OR rel of the expected value (|a − e| ≤ max(abs, rel·|e|));
 * equal infinities pass. Fails with the worst element named.
 */
export function expectClose(actual: ArrayLike<number> | number, expected: ArrayLike<number> | number, tol: { abs?: number; rel?: number }, label: string): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const e = typeof expected === 'number' ? [expected] : Array.from(expected);
  expect(a.length, `${label}: length`).toBe(e.length);
  let worst = -1, worstExcess = 0;
  for (let i = 0; i < e.length; i++) {
    const x = a[i]!, y = e[i]!;
    if (x === y) continue;
    const allowed = Math.max(tol.abs ?? 0, (tol.rel ?? 0) * Math.abs(y));
    const err = Math.abs(x - y);
    if (!(err <= allowed)) {
      const excess = Number.isFinite(err) ? err / (allowed || Number.MIN_VALUE) : Infinity;
      if (worst < 0 || excess > worstExcess) { worst = i; worstExcess = excess; }
    }
  }
  if (worst >= 0) {
    expect.fail(`${label}: element ${worst} is ${a[worst]} but expected ${e[worst]} (tolerance ${JSON.stringify(tol)})`);
  }
}

export function expectCloseMatrix(actual: ArrayLike<number>[], expected: ArrayLike<number>[], tol: { abs?: number; rel?: number }, label: string): void {
  expect(actual.length, `${label}: rows`).toBe(expected.length);
  actual.forEach((row, i) => expectClose(row, expected[i]!, tol, `${label}[${i}]`));
}
