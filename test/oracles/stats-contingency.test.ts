// Chi-square (with Yates) and Fisher exact against R (contingency.json).
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { chiSquare, fisherExact } from '../../src/stats/index.ts';
import { expectClose, expectP, oracleJson } from './stats-helpers.ts';

describe.skipIf(!HAS_SHARED)('stats oracle: contingency.json', () => {
  const o = oracleJson('contingency.json');
  for (const [name, t] of Object.entries<any>(o.tables)) {
    it(`${name}: chisq.test (correct TRUE/FALSE) and fisher.test`, () => {
      const yates = chiSquare(t.table, { correct: true });
      const plain = chiSquare(t.table, { correct: false });
      yates.expected.forEach((row, i) => row.forEach((e, j) => expectClose(e, t.expected[i][j], { abs: 1e-12 }, `expected[${i}][${j}]`)));
      expectClose(yates.chi2, t.chisq_yates, { rel: 1e-12, abs: 1e-12 }, 'chi2 yates');
      expectClose(plain.chi2, t.chisq, { rel: 1e-12, abs: 1e-12 }, 'chi2');
      expect(plain.df).toBe(t.df);
      expectP(yates.p, t.p_chisq_yates, 'p yates');
      expectP(plain.p, t.p_chisq, 'p');
      const f = fisherExact(t.table);
      expectP(f.p, t.p_fisher, 'p fisher');
      if ('fisher_or_conditional_mle' in t) {
        // The conditional MLE is R's uniroot root (tol ε^¼); we run the same zeroin from the same
        // bracket, so the iterates agree and only the hypergeometric densities' last bits differ.
        expectClose(f.oddsRatio!, t.fisher_or_conditional_mle, { rel: 1e-9 }, 'conditional MLE OR');
        expectClose(f.ci![0], t.fisher_or_ci95[0], { rel: 1e-9 }, 'OR CI lower');
        expectClose(f.ci![1], t.fisher_or_ci95[1], { rel: 1e-9 }, 'OR CI upper');
        expectClose(f.sampleOddsRatio!, t.sample_or, { rel: 1e-14 }, 'sample OR');
      } else {
        expect(f.oddsRatio, 'no OR beyond 2 × 2').toBeUndefined();
      }
    });
  }
});
