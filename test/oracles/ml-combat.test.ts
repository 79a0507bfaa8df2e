// sva 3.46 ComBat oracles: combat_two_centre.json (combat_data.csv, 40 + 30 samples) and
// combat_synth_train_external.json (synth_train = batch 1, synth_external = batch 2).
// Same stopping rule as sva (including the no-abs quirk), so the README's tolerances apply:
// intermediates before EB abs 1e-12 and adjusted values abs 1e-9 × feature scale.
// "Feature scale" = the feature's √var_pooled; the synth features have scales up to ~100
// (var_pooled up to 508, where one ulp is 1.1e-13 and summation order alone moves the result by a
// few 1e-12), so the abs-1e-12 intermediates are checked as 1e-12 × max(1, |value|).
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { column, columns, expectClose, expectCloseMatrix, mlOracle, oracleTable } from '../ml/oracle-data.ts';
import { combatApply, combatFit, type CombatOptions } from '../../src/ml/index.ts';

const EXACT = { abs: 1e-12, rel: 1e-12 };

function dataFor(file: string, features: string[]): { X: number[][]; y: number[] } {
  if (file === 'combat_two_centre.json') {
    const t = oracleTable('combat_data.csv');
    return { X: columns(t, features), y: column(t, 'y') };
  }
  const a = oracleTable('synth_train.csv'), b = oracleTable('synth_external.csv');
  return { X: [...columns(a, features), ...columns(b, features)], y: [...column(a, 'y'), ...column(b, 'y')] };
}

const VARIANTS: Record<string, (y: number[]) => CombatOptions> = {
  parametric_no_covariate: () => ({}),
  parametric_with_y: (y) => ({ covariates: y.map((v) => [v]) }),
  mean_only_with_y: (y) => ({ covariates: y.map((v) => [v]), meanOnly: true }),
  nonparametric_with_y: (y) => ({ covariates: y.map((v) => [v]), parametric: false }),
};

for (const file of ['combat_two_centre.json', 'combat_synth_train_external.json']) {
  describe.skipIf(!HAS_SHARED)(file, () => {
    const o = HAS_SHARED ? mlOracle(file) : null;
    const present = HAS_SHARED ? Object.keys(VARIANTS).filter((v) => o[v]) : [];

    it('has only variants we know how to run', () => {
      const blocks = Object.keys(o).filter((k) => o[k] && typeof o[k] === 'object' && 'call' in o[k]);
      expect(blocks.sort()).toEqual([...present].sort());
    });

    it.each(present)('%s: intermediates, EB estimates, iteration counts and adjusted data', (variant) => {
      const e = o[variant];
      const I = e.intermediates;
      const { X, y } = dataFor(file, o.features);
      const opts = VARIANTS[variant]!(y);
      const m = combatFit(X, o.batch, opts);
      expect(m.batches).toEqual(o.batch_levels);
      // Before EB: exact.
      expectClose(m.grandMean, I.grand_mean, EXACT, 'grand_mean');
      expectClose(m.varPooled, I.var_pooled, EXACT, 'var_pooled');
      expectCloseMatrix(m.gammaHat, I.gamma_hat_by_batch, EXACT, 'gamma_hat');
      expectCloseMatrix(m.deltaHat, I.delta_hat_by_batch, EXACT, 'delta_hat');
      expectClose(m.gammaBar, I.gamma_bar, EXACT, 'gamma_bar');
      expectClose(m.t2, I.t2, EXACT, 't2');
      expectClose(m.aPrior, I.a_prior, EXACT, 'a_prior');
      expectClose(m.bPrior, I.b_prior, EXACT, 'b_prior');
      if (opts.covariates) expectClose(m.covariateEffects[0]!, I.B_hat[I.B_hat.length - 1], EXACT, 'B_hat (y)');
      // EB (same stopping rule, same iteration counts).
      expect(m.iterations).toEqual(I.it_sol_iterations);
      expectCloseMatrix(m.gammaStar, I.gamma_star_by_batch, { abs: 1e-11, rel: 1e-11 }, 'gamma_star');
      expectCloseMatrix(m.deltaStar, I.delta_star_by_batch, { abs: 1e-11, rel: 1e-11 }, 'delta_star');
      const adj = combatApply(m, X, o.batch, opts.covariates);
      adj.forEach((row, i) => {
        row.forEach((v, g) => {
          const tol = 1e-9 * Math.sqrt(m.varPooled[g]!);
          if (!(Math.abs(v - e.adjusted[i][g]) <= tol)) expect.fail(`adjusted[${i}][${g}] = ${v}, expected ${e.adjusted[i][g]} (tol ${tol})`);
        });
      });
    });
  });
}

describe.skipIf(!HAS_SHARED)('ComBat fit on training data, applied to new data', () => {
  it('applying the fit to a subset reproduces the fitted adjustment; an unseen batch is a clear error', () => {
    const o = mlOracle('combat_two_centre.json');
    const { X, y } = dataFor('combat_two_centre.json', o.features);
    const m = combatFit(X, o.batch, { covariates: y.map((v) => [v]) });
    const rows = [0, 5, 45, 69];
    const adj = combatApply(m, rows.map((i) => X[i]!), rows.map((i) => o.batch[i]), rows.map((i) => [y[i]!]));
    expectCloseMatrix(adj, rows.map((i) => o.parametric_with_y.adjusted[i]), { abs: 1e-9 }, 'subset');
    expect(() => combatApply(m, [X[0]!], [3], [[0]])).toThrow(/batch '3'.*not in the ComBat fit/);
    expect(() => combatApply(m, [X[0]!], [1])).toThrow(/covariate/);
  });
});
