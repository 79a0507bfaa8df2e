/**
 * Helpers for the stats oracle suites: read ../shared/oracles JSON (with "Inf"/"-Inf"/"NaN"
 * strings) and CSV, and compare numbers with the README's tolerances.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { sharedPath } from '../helpers/shared.ts';

export function oracleJson(name: string): any {
  const text = readFileSync(sharedPath('oracles', 'expected', name), 'utf8');
  return JSON.parse(text, (_k, v) => (v === 'Inf' ? Infinity : v === '-Inf' ? -Infinity : v === 'NaN' ? NaN : v));
}

/** CSV as an array of records of numbers (all oracle CSV cells are numeric). */
export function oracleCsv(...parts: string[]): Record<string, number>[] {
  const lines = readFileSync(sharedPath('oracles', ...parts), 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const rec: Record<string, number> = {};
    header.forEach((h, i) => (rec[h] = Number(cells[i])));
    return rec;
  });
}

/** Headerless numeric CSV (the bootstrap index file). */
export function oracleMatrix(...parts: string[]): number[][] {
  return readFileSync(sharedPath('oracles', ...parts), 'utf8').trim().split(/\r?\n/).map((l) => l.split(',').map(Number));
}

export function predictions(name: string): { y: number[]; p: number[]; lp: number[] } {
  const rows = oracleCsv('expected', 'predictions', name);
  return { y: rows.map((r) => r.y!), p: rows.map((r) => r.p!), lp: rows.map((r) => r.lp!) };
}

export interface Tol {
  abs?: number;
  rel?: number;
}

/** |a − e| ≤ abs, or |a − e| ≤ rel·|e|; infinities must match exactly. */
export function close(actual: number, expected: number, tol: Tol): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  const d = Math.abs(actual - expected);
  if (tol.abs !== undefined && d <= tol.abs) return true;
  if (tol.rel !== undefined && d <= tol.rel * Math.abs(expected)) return true;
  return false;
}

export function expectClose(actual: number, expected: number, tol: Tol, label: string): void {
  if (!close(actual, expected, tol)) {
    expect.fail(`${label}: got ${actual}, expected ${expected} (|diff| ${Math.abs(actual - expected)}, tol ${JSON.stringify(tol)})`);
  }
}

export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: Tol, label: string): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i]!, expected[i]!, tol, `${label}[${i}]`);
}

/** The README's p-value rule: rel 1e-9, rel 1e-6 when p < 1e-10. */
export function pTol(p: number): Tol {
  return p < 1e-10 ? { rel: 1e-6 } : { rel: 1e-9 };
}

export function expectP(actual: number, expected: number, label: string): void {
  expectClose(actual, expected, pTol(expected), label);
}

/**
 * The oracle files the stats suites compare against, by group. stats-coverage.test.ts checks
 * this list against the directory, so a new stats oracle file cannot be silently left out.
 */
export const STATS_ORACLES = {
  roc: ['roc_delong_scores.json', 'roc_models.json'],
  calibration: ['calibration_synth_true5_cv.json', 'calibration_synth_true5_test.json', 'calibration_synth_true5_train.json'],
  dca: ['dca_synth_true5_cv.json', 'dca_synth_true5_test.json', 'dca_synth_true5_train.json'],
  icc: ['icc.json'],
  univariate: ['univariate_synth.json', 'univariate_ties.json'],
  contingency: ['contingency.json'],
} as const;

/** Prediction sets (expected/predictions/synth_true5_<set>.csv) used by calibration and DCA. */
export const PREDICTION_SETS = ['cv', 'test', 'train'] as const;
