// Mann–Whitney, t tests, BH / Bonferroni against R (univariate_synth.json, univariate_ties.json).
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { mannWhitney, pAdjust, tTest } from '../../src/stats/index.ts';
import { expectAllClose, expectClose, expectP, oracleCsv, oracleJson } from './stats-helpers.ts';

const ABS = { abs: 1e-12 }; // U, AUC (README)
const STAT = { rel: 1e-9 }; // t statistics and Welch df (same rule as the p-values)

function groups(rows: Record<string, number>[], col: string): { x1: number[]; x0: number[] } {
  return { x1: rows.filter((r) => r.y === 1).map((r) => r[col]!), x0: rows.filter((r) => r.y === 0).map((r) => r[col]!) };
}

describe.skipIf(!HAS_SHARED)('stats oracle: univariate_synth.json', () => {
  const o = oracleJson('univariate_synth.json');
  const rows = oracleCsv('data', 'synth_train.csv');

  it('Mann–Whitney U, normal (cc / no cc) and exact p for all 40 features', () => {
    o.features.forEach((f: string, i: number) => {
      const { x1, x0 } = groups(rows, f);
      expect(x1.length).toBe(o.n1[i]);
      expect(x0.length).toBe(o.n0[i]);
      const cc = mannWhitney(x1, x0, { exact: false, correct: true });
      const nocc = mannWhitney(x1, x0, { exact: false, correct: false });
      expectClose(cc.u, o.U1[i], ABS, `${f} U1`);
      expectClose(cc.u0, o.U0[i], ABS, `${f} U0`);
      expectClose(cc.auc, o.auc_equiv[i], ABS, `${f} auc`);
      expectP(cc.p, o.p_normal_cc[i], `${f} p cc`);
      expectP(nocc.p, o.p_normal_nocc[i], `${f} p no cc`);
      if (o.p_exact[i] === null) {
        // R gives no exact p with ties; we fall back to the normal approximation like R.
        expect(mannWhitney(x1, x0, { exact: true }).method, `${f} ties → normal`).toBe('normal');
      } else {
        const ex = mannWhitney(x1, x0, { exact: true });
        expect(ex.method).toBe('exact');
        expectP(ex.p, o.p_exact[i], `${f} p exact`);
      }
    });
  });

  it('Welch and Student t for all 40 features', () => {
    o.features.forEach((f: string, i: number) => {
      const { x1, x0 } = groups(rows, f);
      const w = tTest(x1, x0, { welch: true });
      expectClose(w.t, o.welch_t[i], STAT, `${f} welch t`);
      expectClose(w.df, o.welch_df[i], STAT, `${f} welch df`);
      expectP(w.p, o.welch_p[i], `${f} welch p`);
      const s = tTest(x1, x0, { welch: false });
      expectClose(s.t, o.student_t[i], STAT, `${f} student t`);
      expect(s.df).toBe(x1.length + x0.length - 2);
      expectP(s.p, o.student_p[i], `${f} student p`);
    });
  });

  it('BH and Bonferroni adjustment of the normal (cc) p-values', () => {
    // Adjust R's own p-values so this checks p.adjust alone.
    expectAllClose(pAdjust(o.p_normal_cc, 'BH'), o.p_normal_cc_bh, { rel: 1e-12 }, 'BH');
    expectAllClose(pAdjust(o.p_normal_cc, 'bonferroni'), o.p_normal_cc_bonferroni, { rel: 1e-12 }, 'bonferroni');
    // And end to end from our p-values (rel 1e-9 as p-values).
    const ours = o.features.map((f: string) => {
      const { x1, x0 } = groups(rows, f);
      return mannWhitney(x1, x0, { exact: false, correct: true }).p;
    });
    expectAllClose(pAdjust(ours, 'BH'), o.p_normal_cc_bh, { rel: 1e-9 }, 'BH end to end');
  });
});

describe.skipIf(!HAS_SHARED)('stats oracle: univariate_ties.json', () => {
  const o = oracleJson('univariate_ties.json');
  const rows = oracleCsv('data', 'delong_scores.csv');
  for (const name of ['score_a', 'score_b', 'score_c']) {
    it(`${name}: tie-corrected normal approximation`, () => {
      const b = o[name];
      const { x1, x0 } = groups(rows, name);
      expect([x1.length, x0.length]).toEqual([b.n1, b.n0]);
      const cc = mannWhitney(x1, x0, { correct: true });
      const nocc = mannWhitney(x1, x0, { correct: false });
      expect(cc.method).toBe('normal'); // ties: R never uses the exact distribution
      expect(b.has_ties).toBe(true);
      expect(b.p_exact).toBeNull();
      expectClose(cc.u, b.U1, ABS, 'U1');
      expectClose(cc.u0, b.U0, ABS, 'U0');
      expectClose(cc.auc, b.auc_equiv, ABS, 'auc');
      expectP(cc.p, b.p_normal_cc, 'p cc');
      expectP(nocc.p, b.p_normal_nocc, 'p no cc');
    });
  }
  it('small_exact: default is exact for n < 50 without ties', () => {
    const s = o.small_exact;
    const def = mannWhitney(s.x1, s.x0);
    expect(def.method).toBe('exact');
    expectClose(def.u, s.W, ABS, 'W');
    expectP(def.p, s.p_exact, 'p exact');
    expectP(mannWhitney(s.x1, s.x0, { exact: false }).p, s.p_normal_cc, 'p normal cc');
  });
});
