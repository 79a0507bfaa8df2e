// ICC (six forms) against psych::ICC(lmer = FALSE) and the published Shrout & Fleiss values (icc.json).
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { icc, iccAnova, iccValue } from '../../src/stats/index.ts';
import { expectClose, expectP, oracleCsv, oracleJson } from './stats-helpers.ts';

const ABS = { abs: 1e-12 }; // ICC point estimates, mean squares (README)
const F = { rel: 1e-9 }; // F statistics (ratios of mean squares)
// CI bounds are built on F quantiles (qf), which we invert to full precision; R's qf has
// ~1e-15 relative error, and the bound formulas amplify it by at most ~1e3 (small F − 1), so
// rel 1e-9 (the README's p-value/distribution rule) applies.
const CI = { rel: 1e-9, abs: 1e-12 };

function wide(rows: Record<string, number>[], cols: string[]): number[][] {
  return rows.map((r) => cols.map((c) => r[c]!));
}

function checkBlock(label: string, ratings: number[][], block: any): void {
  expect(ratings.length, `${label} n`).toBe(block.n_subjects);
  expect(ratings[0]!.length, `${label} k`).toBe(block.k_raters);
  const a = iccAnova(ratings);
  const an = block.anova;
  expectClose(a.msr, an.MSR, { rel: 1e-12, abs: 1e-12 }, `${label} MSR`);
  expectClose(a.msc, an.MSC, { rel: 1e-12, abs: 1e-12 }, `${label} MSC`);
  expectClose(a.mse, an.MSE, { rel: 1e-12, abs: 1e-12 }, `${label} MSE`);
  expectClose(a.msw, an.MSW, { rel: 1e-12, abs: 1e-12 }, `${label} MSW`);
  const rows = icc(ratings);
  const ps = block.psych;
  expect(rows.map((r) => r.type)).toEqual(ps.type);
  rows.forEach((r, i) => {
    const l = `${label} ${r.type}`;
    expectClose(r.icc, ps.ICC[i], ABS, `${l} icc`);
    expectClose(r.f, ps.F[i], F, `${l} F`);
    expect(r.df1, `${l} df1`).toBe(ps.df1[i]);
    expect(r.df2, `${l} df2`).toBe(ps.df2[i]);
    expectP(r.p, ps.p[i], `${l} p`);
    expectClose(r.lower, ps.lower[i], CI, `${l} lower`);
    expectClose(r.upper, ps.upper[i], CI, `${l} upper`);
  });
  expectClose(iccValue(ratings, 'ICC2'), an.ICC_A1, ABS, `${label} ICC(A,1)`);
  expectClose(iccValue(ratings, 'ICC3k'), an.ICC_Ck, ABS, `${label} ICC(C,k)`);
  expectClose(iccValue(ratings, 'ICC1'), an.ICC1_1, ABS, `${label} ICC(1,1)`);
}

describe.skipIf(!HAS_SHARED)('stats oracle: icc.json (psych::ICC)', () => {
  const o = oracleJson('icc.json');

  it('Shrout & Fleiss (1979) 6 × 4, and the published two-decimal values', () => {
    const ratings = wide(oracleCsv('data', 'icc_shrout_fleiss.csv'), ['r1', 'r2', 'r3', 'r4']);
    checkBlock('shrout_fleiss', ratings, o.shrout_fleiss);
    const pub = o.shrout_fleiss.published;
    const got = icc(ratings);
    const order = ['ICC1_1', 'ICC2_1', 'ICC3_1', 'ICC1_k', 'ICC2_k', 'ICC3_k'];
    got.forEach((r, i) => expect(Math.round(r.icc * 100) / 100, order[i]).toBe(pub[order[i]!]));
  });

  it('30 subjects × 3 raters with rater bias', () => {
    checkBlock('raters30x3', wide(oracleCsv('data', 'icc_raters.csv'), ['r1', 'r2', 'r3']), o.raters30x3);
  });

  const long = oracleCsv('data', 'icc_readers_long.csv');
  for (const f of Object.keys(o.readers_per_feature)) {
    it(`readers, feature ${f} (reliability from ≈1 down to ≈0)`, () => {
      const subjects = [...new Set(long.map((r) => r.subject!))].sort((a, b) => a - b);
      const ratings = subjects.map((s) =>
        [1, 2].map((reader) => long.find((r) => r.subject === s && r.reader === reader)![f]!),
      );
      checkBlock(f, ratings, o.readers_per_feature[f]);
    });
  }
});
