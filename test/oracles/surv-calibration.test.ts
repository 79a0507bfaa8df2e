// Calibration at the 24-month horizon on the external set (surv_calibration_synth.json).
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { expectAllClose, expectClose, expectP, oracleJson } from './stats-helpers.ts';
import { COX_TERMS, survCohort } from './surv-helpers.ts';
import { baselineCumhazAt, coxCalibrationSlope, coxLinearPredictor, coxPH } from '../../src/ml/index.ts';
import { observedExpected, survivalCalibration } from '../../src/stats/index.ts';

describe.skipIf(!HAS_SHARED)('survival calibration at t = 24 vs R (surv_calibration_synth.json)', () => {
  const ref = HAS_SHARED ? oracleJson('surv_calibration_synth.json') : null;
  const train = HAS_SHARED ? survCohort('train') : null;
  const ext = HAS_SHARED ? survCohort('external') : null;
  const t = 24;

  it('risk-group table and overall observed/expected from the predicted risks in the file', () => {
    const c = survivalCalibration({ time: ext!.time, status: ext!.status }, ref.predicted_risk, t);
    const dz = ref.deciles;
    expectAllClose(c.breaks, dz.breaks, { abs: 1e-12 }, 'breaks');
    expect(c.group).toEqual(dz.group_1based);
    expect(c.groups.map((g) => g.n)).toEqual(dz.n);
    expectAllClose(c.groups.map((g) => g.meanPredicted), dz.mean_pred, { abs: 1e-12 }, 'mean_pred');
    expectAllClose(c.groups.map((g) => g.observed), dz.obs_km, { abs: 1e-12 }, 'obs_km');
    expectAllClose(c.groups.map((g) => g.observedSe), dz.obs_km_se, { abs: 1e-12 }, 'obs_km_se');
    expect(c.groups.map((g) => g.eventsByT)).toEqual(dz.events_by_t);
    expect(c.groups.map((g) => g.nRiskAtT)).toEqual(dz.n_risk_at_t);
    expectClose(c.overall.observed, ref.overall.observed_km, { abs: 1e-12 }, 'observed');
    expectClose(c.overall.expected, ref.overall.expected_mean_pred, { abs: 1e-12 }, 'expected');
    expectClose(c.overall.ratio, ref.overall.ratio_obs_over_exp, { abs: 1e-12 }, 'ratio');
  });

  it('predicted risks, O/E from cumulative hazards and the calibration slope from our own Cox fit', () => {
    const m = coxPH(train!.matrix(COX_TERMS), { time: train!.time, status: train!.status }, { ties: 'efron' });
    const lp = coxLinearPredictor(m, ext!.matrix(COX_TERMS));
    expectAllClose(lp, ref.lp_uncentered, { rel: 1e-8, abs: 1e-10 }, 'lp');
    expectClose(baselineCumhazAt(m.baseline, t), ref.H0_at_t, { rel: 1e-8 }, 'H0(24)');
    const pred = lp.map((e) => 1 - Math.exp(-baselineCumhazAt(m.baseline, t) * Math.exp(e)));
    expectAllClose(pred, ref.predicted_risk, { rel: 1e-8 }, 'predicted risk');
    const oe = observedExpected({ time: ext!.time, status: ext!.status }, (i, s) => baselineCumhazAt(m.baseline, s) * Math.exp(lp[i]!), t);
    expect(oe.observed).toBe(ref.oe_cumhaz.observed);
    expectClose(oe.expected, ref.oe_cumhaz.expected, { rel: 1e-8 }, 'E');
    expectClose(oe.ratio, ref.oe_cumhaz.ratio, { rel: 1e-8 }, 'O/E');
    const s = coxCalibrationSlope(ref.lp_uncentered, { time: ext!.time, status: ext!.status });
    const r = ref.slope;
    expectClose(s.slope, r.slope, { abs: 1e-8 }, 'slope');
    expectClose(s.se, r.se, { abs: 1e-8 }, 'se');
    expectClose(s.lower, r.ci95_lower, { abs: 1e-8 }, 'lower');
    expectClose(s.upper, r.ci95_upper, { abs: 1e-8 }, 'upper');
    expectP(s.pVs0, r.p_vs_0, 'p vs 0');
    expectP(s.pVs1, r.p_vs_1, 'p vs 1');
    expectClose(s.loglik, r.loglik_final, { abs: 1e-9 }, 'loglik');
    expectClose(s.loglikNull, r.loglik_null, { abs: 1e-9 }, 'loglik null');
  });
});
