// LASSO-Cox path and cv.glmnet(family = "cox") against surv_glmnet_cox_synth.json.
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { expectAllClose, expectClose, oracleJson } from './stats-helpers.ts';
import { survCohort } from './surv-helpers.ts';
import { coxnetDeviance, cvLassoCox, lassoCoxLinearPredictor, lassoCoxPath, type LassoCoxPath } from '../../src/ml/index.ts';

describe.skipIf(!HAS_SHARED)('LASSO-Cox vs glmnet (surv_glmnet_cox_synth.json)', () => {
  const ref = HAS_SHARED ? oracleJson('surv_glmnet_cox_synth.json') : null;
  const data = HAS_SHARED ? survCohort('train') : null;
  const ext = HAS_SHARED ? survCohort('external') : null;
  const cols: string[] = HAS_SHARED ? ref.x_columns : [];
  const X = () => data!.matrix(cols);
  const surv = () => ({ time: data!.time, status: data!.status });
  let path: LassoCoxPath | null = null;
  const fit = (): LassoCoxPath => (path ??= lassoCoxPath(X(), surv()));

  /** Standardised coefficients β·sd_pop, the scale the README's tolerance is on. */
  const std = (beta: number[][], k: number): number[] => beta.map((b, j) => b[k]! * ref.x_sd_population[j]);

  it('standardisation, λ_max and the λ sequence with its early stop (54 λ)', () => {
    const p = fit();
    expectAllClose(p.xMean, ref.x_mean, { rel: 1e-12, abs: 1e-14 }, 'x_mean');
    expectAllClose(p.xSd, ref.x_sd_population, { rel: 1e-12 }, 'x_sd');
    expectClose(p.lambda[0]!, ref.lambda_max_computed, { rel: 1e-10 }, 'lambda_max');
    expect(p.lambda.length).toBe(ref.path_default.lambda.length);
    expectAllClose(p.lambda, ref.path_default.lambda, { rel: 1e-10 }, 'lambda');
    expectClose(p.nulldev, ref.path_tight.nulldev, { rel: 1e-12 }, 'nulldev');
    expect(p.converged).toBe(true);
  });

  it('coefficients equal path_tight within 1e-6 on the standardised scale; df and dev.ratio', () => {
    const p = fit();
    const t = ref.path_tight;
    for (let k = 0; k < t.lambda.length; k++) {
      expectAllClose(std(p.beta, k), std(t.beta, k), { abs: 1e-6 }, `beta at λ${k + 1}`);
    }
    expect(p.df).toEqual(t.df);
    expectAllClose(p.devRatio, t.dev_ratio, { abs: 1e-9 }, 'dev_ratio');
  });

  it('deviance: 2(lsat − Breslow loglik)', () => {
    const lp = X().map(() => 0);
    expectClose(coxnetDeviance(surv(), lp), ref.path_tight.nulldev, { rel: 1e-12 }, 'null deviance');
  });

  for (const block of ['cv_tight_fixed_lambda', 'cv_tight'] as const) {
    for (const type of ['deviance', 'C'] as const) {
      it(`${block}, type.measure = ${type}: cvm, cvsd, fold values, indices, coefficients and preval`, () => {
        const r = ref[block][type];
        const cv = cvLassoCox(X(), surv(), { foldId: data!.fold5, typeMeasure: type, foldLambda: block === 'cv_tight' ? 'own' : 'full' });
        expectAllClose(cv.lambda, r.lambda, { rel: 1e-10 }, 'lambda');
        expect(cv.foldWeights).toEqual(r.fold_weights);
        expectAllClose(cv.foldRaw.flat(), r.fold_raw.flat(), { rel: 1e-6 }, 'fold_raw');
        expectAllClose(cv.cvm, r.cvm, { rel: 1e-6 }, 'cvm');
        expectAllClose(cv.cvsd, r.cvsd, { rel: 1e-6 }, 'cvsd');
        expect(cv.nzero).toEqual(r.nzero);
        expect(cv.indexMin + 1).toBe(r.index_min_1based);
        expect(cv.index1se + 1).toBe(r.index_1se_1based);
        expectClose(cv.lambdaMin, r.lambda_min, { rel: 1e-10 }, 'lambda_min');
        expectClose(cv.lambda1se, r.lambda_1se, { rel: 1e-10 }, 'lambda_1se');
        expectAllClose(std(cv.fit.beta, cv.indexMin), r.coef_min.beta.map((b: number, j: number) => b * ref.x_sd_population[j]), { abs: 1e-6 }, 'coef_min');
        expectAllClose(std(cv.fit.beta, cv.index1se), r.coef_1se.beta.map((b: number, j: number) => b * ref.x_sd_population[j]), { abs: 1e-6 }, 'coef_1se');
        expect(cols.filter((_, j) => cv.fit.beta[j]![cv.indexMin] !== 0)).toEqual(r.coef_min.selected);
        // Out-of-fold linear predictors: same tolerance as the coefficients times |x| (≤ 1e-5 here).
        expectAllClose(cv.preval.map((row) => row[cv.indexMin]!), r.preval_link_min, { abs: 1e-5 }, 'preval min');
        expectAllClose(cv.preval.map((row) => row[cv.index1se]!), r.preval_link_1se, { abs: 1e-5 }, 'preval 1se');
        const lpExt = lassoCoxLinearPredictor(cv.fit, ext!.matrix(cols));
        expectAllClose(lpExt.map((row) => row[cv.indexMin]!), r.external.lp_min, { abs: 1e-5 }, 'external lp min');
        expectAllClose(lpExt.map((row) => row[cv.index1se]!), r.external.lp_1se, { abs: 1e-5 }, 'external lp 1se');
      });
    }
  }

  it('cv (glmnet default thresh): same λ.min and λ.1se indices as our converged folds', () => {
    for (const type of ['deviance', 'C'] as const) {
      const r = ref.cv[type];
      const cv = cvLassoCox(X(), surv(), { foldId: data!.fold5, typeMeasure: type });
      expect(cv.indexMin + 1).toBe(r.index_min_1based);
      expect(cv.index1se + 1).toBe(r.index_1se_1based);
      // The default-thresh fold fits are loose (KKT 8 %): cvm agrees only to a few per cent.
      expectAllClose(cv.cvm, r.cvm, { rel: 0.05 }, 'cvm');
    }
  });
});
