// Kaplan–Meier (survfit) and the G-rho tests (survdiff) against surv_km_synth.json.
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { expectAllClose, expectClose, expectP, oracleJson } from './stats-helpers.ts';
import { na, survCohort } from './surv-helpers.ts';
import { kaplanMeier, kaplanMeierAt, logRankTest, type SurvivalCI } from '../../src/stats/index.ts';

const TOL = { abs: 1e-12 };

describe.skipIf(!HAS_SHARED)('Kaplan–Meier and log-rank vs survival (surv_km_synth.json)', () => {
  const ref = HAS_SHARED ? oracleJson('surv_km_synth.json') : null;
  const data = HAS_SHARED ? survCohort('train') : null;

  function compareCurve(curve: any, time: number[], status: number[], conf: SurvivalCI, label: string): void {
    const km = kaplanMeier({ time, status }, { conf });
    expect(km.n).toBe(curve.n);
    expect(km.events).toBe(curve.events);
    expect(km.time).toEqual(curve.time);
    expect(km.nRisk).toEqual(curve.n_risk);
    expect(km.nEvent).toEqual(curve.n_event);
    expect(km.nCensor).toEqual(curve.n_censor);
    expectAllClose(km.surv, curve.surv, TOL, `${label} surv`);
    expectAllClose(km.stdErr, curve.std_err, TOL, `${label} std_err`);
    expectAllClose(km.cumhaz, curve.cumhaz, TOL, `${label} cumhaz`);
    expectAllClose(km.stdChaz, curve.std_chaz, TOL, `${label} std_chaz`);
    expectAllClose(km.lower, curve.lower.map(na), TOL, `${label} lower`);
    expectAllClose(km.upper, curve.upper.map(na), TOL, `${label} upper`);
    expect(km.median, `${label} median`).toEqual(na(curve.median));
    expect(km.medianLower, `${label} median_lcl`).toEqual(na(curve.median_lcl));
    expect(km.medianUpper, `${label} median_ucl`).toEqual(na(curve.median_ucl));
    const at = kaplanMeierAt(km, curve.at_times.times);
    expectAllClose(at.map((a) => a.surv), curve.at_times.surv, TOL, `${label} at surv`);
    expectAllClose(at.map((a) => a.stdErrSurv), curve.at_times.std_err_surv, TOL, `${label} at se`);
    expectAllClose(at.map((a) => a.lower), curve.at_times.lower, TOL, `${label} at lower`);
    expectAllClose(at.map((a) => a.upper), curve.at_times.upper, TOL, `${label} at upper`);
    expect(at.map((a) => a.nRisk)).toEqual(curve.at_times.n_risk);
  }

  for (const conf of ['log-log', 'log'] as const) {
    it(`overall curve, conf.type = "${conf}"`, () => {
      compareCurve(ref.overall[conf].curves.all, data!.time, data!.status, conf, `all ${conf}`);
    });
    it(`curves by c1, conf.type = "${conf}"`, () => {
      const c1 = data!.col('c1');
      for (const g of [0, 1]) {
        const idx = c1.map((v, i) => (v === g ? i : -1)).filter((i) => i >= 0);
        compareCurve(ref.by_group[conf].curves[`c1=${g}`], idx.map((i) => data!.time[i]!), idx.map((i) => data!.status[i]!), conf, `c1=${g} ${conf}`);
      }
    });
  }

  for (const rho of [0, 1]) {
    it(`survdiff rho = ${rho}`, () => {
      const r = ref.logrank[`rho_${rho}`];
      const t = logRankTest({ time: data!.time, status: data!.status }, data!.col('c1'), { rho });
      expect(t.groups.map((g) => `c1=${g}`)).toEqual(r.groups);
      expect(t.n).toEqual(r.n);
      expectAllClose(t.observed, r.observed, TOL, 'observed');
      expectAllClose(t.expected, r.expected, TOL, 'expected');
      expectAllClose(t.variance.flat(), r.var.flat(), TOL, 'var');
      expectClose(t.chisq, r.chisq, TOL, 'chisq');
      expect(t.df).toBe(r.df);
      expectP(t.p, r.p, 'p');
    });
  }
});
