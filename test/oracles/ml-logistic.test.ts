// R glm oracles: logistic_synth_true5.json (fit on synth_train, predictions on synth_external) and
// cv_glm_synth_true5.json (fixed-fold 10-fold CV with fold10). Tolerances from the oracle README:
// coef rel 1e-7; se, p rel 1e-6; AUC abs 1e-12.
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { column, columns, expectClose, expectCloseMatrix, mlOracle, oracleTable } from '../ml/oracle-data.ts';
import { aucMannWhitney, logisticLinearPredictor, logisticRegression, predictLogistic } from '../../src/ml/index.ts';

const NAMES = ['f01', 'f02', 'f05', 'f10', 'f20'];

describe.skipIf(!HAS_SHARED)('logistic_synth_true5.json', () => {
  it('coefficients, SE, z, Wald p, odds ratios, Wald CI, vcov, deviance, AIC and predictions match glm', () => {
    const o = mlOracle('logistic_synth_true5.json');
    const train = oracleTable('synth_train.csv');
    const test = oracleTable('synth_external.csv');
    const m = logisticRegression(columns(train, NAMES), column(train, 'y'), { names: NAMES });
    const f = o.fit;
    expect(m.names).toEqual(f.terms);
    expect(m.converged).toBe(f.converged);
    expectClose(m.coef, f.coef, { rel: 1e-7 }, 'coef');
    expectClose(m.se, f.se, { rel: 1e-6 }, 'se');
    expectClose(m.z, f.z, { rel: 1e-6 }, 'z');
    expectClose(m.p, f.p_wald, { rel: 1e-6 }, 'p_wald');
    expectClose(m.oddsRatio, f.odds_ratio, { rel: 1e-6 }, 'odds_ratio'); // exp amplifies the coef error by |β| (≈197 for the intercept)
    expectClose(m.orLower, f.or_ci95_wald_lower, { rel: 1e-6 }, 'or_ci95_wald_lower');
    expectClose(m.orUpper, f.or_ci95_wald_upper, { rel: 1e-6 }, 'or_ci95_wald_upper');
    expectCloseMatrix(m.vcov, f.vcov, { rel: 1e-6 }, 'vcov');
    expectClose(m.deviance, f.deviance, { rel: 1e-10 }, 'deviance');
    expectClose(m.nullDeviance, f.null_deviance, { rel: 1e-10 }, 'null_deviance');
    expectClose(m.aic, f.aic, { rel: 1e-10 }, 'aic');
    expectClose(-m.deviance / 2, f.loglik, { rel: 1e-10 }, 'logLik');
    expect(200 - m.coef.length).toBe(f.df_residual);
    expectClose(logisticLinearPredictor(m, columns(train, NAMES)), o.train_pred.lp, { rel: 1e-7, abs: 1e-7 }, 'train lp');
    expectClose(predictLogistic(m, columns(train, NAMES)), o.train_pred.p, { rel: 1e-7 }, 'train p');
    expectClose(logisticLinearPredictor(m, columns(test, NAMES)), o.test_pred.lp, { rel: 1e-7, abs: 1e-7 }, 'test lp');
    expectClose(predictLogistic(m, columns(test, NAMES)), o.test_pred.p, { rel: 1e-7 }, 'test p');
  });

  it('profile-likelihood OR CI agrees with MASS confint within rel 1e-3', () => {
    // MASS interpolates the profile with a spline; we solve for the bounds exactly (README: rel 1e-3).
    // For the intercept (β₀ ≈ 197) exp() turns MASS's small interpolation error on β into a
    // 0.45 % error on the OR, so the intercept is compared on the log-OR (β) scale, rel 1e-3.
    const o = mlOracle('logistic_synth_true5.json');
    const train = oracleTable('synth_train.csv');
    const m = logisticRegression(columns(train, NAMES), column(train, 'y'), { names: NAMES, profile: true });
    expectClose(m.orProfileLower!.slice(1), o.fit.or_ci95_profile_lower.slice(1), { rel: 1e-3 }, 'profile lower');
    expectClose(m.orProfileUpper!.slice(1), o.fit.or_ci95_profile_upper.slice(1), { rel: 1e-3 }, 'profile upper');
    expectClose(Math.log(m.orProfileLower![0]!), Math.log(o.fit.or_ci95_profile_lower[0]), { rel: 1e-3 }, 'intercept profile lower (log)');
    expectClose(Math.log(m.orProfileUpper![0]!), Math.log(o.fit.or_ci95_profile_upper[0]), { rel: 1e-3 }, 'intercept profile upper (log)');
  });
});

describe.skipIf(!HAS_SHARED)('cv_glm_synth_true5.json', () => {
  it('fixed-fold CV: per-fold coefficients, out-of-fold lp/p, pooled and per-fold AUC', () => {
    const o = mlOracle('cv_glm_synth_true5.json');
    const train = oracleTable('synth_train.csv');
    const X = columns(train, NAMES), y = column(train, 'y');
    const folds = column(oracleTable('synth_train_folds.csv'), 'fold10');
    expect(folds).toEqual(o.foldid);
    const oofLp = new Array<number>(200).fill(NaN);
    const perFoldAuc: number[] = [], sizes: number[] = [], cases: number[] = [];
    for (let f = 1; f <= 10; f++) {
      const tr = folds.flatMap((v, i) => (v === f ? [] : [i]));
      const te = folds.flatMap((v, i) => (v === f ? [i] : []));
      const m = logisticRegression(tr.map((i) => X[i]!), tr.map((i) => y[i]!));
      expectClose(m.coef, o.per_fold_coef[f - 1], { rel: 1e-7 }, `fold ${f} coef`);
      const lp = logisticLinearPredictor(m, te.map((i) => X[i]!));
      te.forEach((i, t) => { oofLp[i] = lp[t]!; });
      perFoldAuc.push(aucMannWhitney(te.map((i) => y[i]!), lp));
      sizes.push(te.length);
      cases.push(te.reduce((s, i) => s + y[i]!, 0));
    }
    expectClose(oofLp, o.oof_lp, { rel: 1e-7, abs: 1e-7 }, 'oof_lp');
    expectClose(oofLp.map((v) => 1 / (1 + Math.exp(-v))), o.oof_p, { rel: 1e-7 }, 'oof_p');
    expectClose(aucMannWhitney(y, oofLp), o.pooled_auc, { abs: 1e-12 }, 'pooled_auc');
    expectClose(perFoldAuc, o.per_fold_auc, { abs: 1e-12 }, 'per_fold_auc');
    const mean = perFoldAuc.reduce((a, b) => a + b, 0) / 10;
    const sd = Math.sqrt(perFoldAuc.reduce((a, b) => a + (b - mean) ** 2, 0) / 9);
    expectClose(mean, o.mean_fold_auc, { abs: 1e-12 }, 'mean_fold_auc');
    expectClose(sd, o.sd_fold_auc, { abs: 1e-12 }, 'sd_fold_auc');
    expect(sizes).toEqual(o.fold_sizes);
    expect(cases).toEqual(o.fold_case_counts);
  });
});
