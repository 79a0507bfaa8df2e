// Aalen–Johansen cumulative incidence with Gray's variance, Gray's test (cmprsk::cuminc) and the
// Fine–Gray model (cmprsk::crr) against surv_competing_synth.json.
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { expectAllClose, expectClose, expectP, oracleJson } from './stats-helpers.ts';
import { survCohort } from './surv-helpers.ts';
import { aalenJohansen, cumulativeIncidenceAt, grayTest, type CumulativeIncidence } from '../../src/stats/index.ts';
import { fineGray } from '../../src/ml/index.ts';
import { COX_TERMS } from './surv-helpers.ts';

/** cuminc's plotting vectors: time 0, each jump twice (before/after), then the last follow-up time. */
function raw(ci: CumulativeIncidence): { time: number[]; est: number[]; var: number[] } {
  const out = { time: [0], est: [0], var: [0] };
  let f = 0, v = 0;
  ci.time.forEach((t, k) => {
    out.time.push(t, t); out.est.push(f, ci.est[k]!); out.var.push(v, ci.variance[k]!);
    f = ci.est[k]!; v = ci.variance[k]!;
  });
  out.time.push(ci.lastTime); out.est.push(f); out.var.push(v);
  return out;
}

describe.skipIf(!HAS_SHARED)('competing risks vs cmprsk (surv_competing_synth.json)', () => {
  const ref = HAS_SHARED ? oracleJson('surv_competing_synth.json') : null;
  const data = HAS_SHARED ? survCohort('train') : null;
  const TOL = { abs: 1e-12 };

  function compare(curve: any, time: number[], status: number[], cause: number, label: string): void {
    const ci = aalenJohansen({ time, status }, cause);
    expect(ci.time, label).toEqual(curve.jumps.time);
    expectAllClose(ci.est, curve.jumps.est, TOL, `${label} est`);
    expectAllClose(ci.variance, curve.jumps.var, TOL, `${label} var`);
    const r = raw(ci);
    expect(r.time).toEqual(curve.raw.time);
    expectAllClose(r.est, curve.raw.est, TOL, `${label} raw est`);
    expectAllClose(r.var, curve.raw.var, TOL, `${label} raw var`);
    const at = cumulativeIncidenceAt(ci, curve.at_times.times);
    expectAllClose(at.map((a) => a.est), curve.at_times.est, TOL, `${label} at est`);
    expectAllClose(at.map((a) => a.variance), curve.at_times.var, TOL, `${label} at var`);
  }

  it('cuminc by c1, both causes', () => {
    const c1 = data!.col('c1');
    for (const key of Object.keys(ref.cuminc.curves)) {
      const [g, cause] = key.split(' ').map(Number);
      const idx = c1.map((v, i) => (v === g ? i : -1)).filter((i) => i >= 0);
      compare(ref.cuminc.curves[key], idx.map((i) => data!.time[i]!), idx.map((i) => data!.status[i]!), cause!, key);
    }
  });

  it('cuminc without groups, both causes, and survfit’s Aalen–Johansen CIFs', () => {
    for (const key of Object.keys(ref.cuminc.overall.curves)) {
      const cause = Number(key.split(' ')[1]);
      compare(ref.cuminc.overall.curves[key], data!.time, data!.status, cause, `overall ${key}`);
    }
    const aj = ref.survfit_aalen_johansen;
    for (const cause of [1, 2]) {
      const ci = aalenJohansen({ time: data!.time, status: data!.status }, cause);
      const at = cumulativeIncidenceAt(ci, aj.time);
      expectAllClose(at.map((a) => a.est), aj[`cif_cause${cause}`], TOL, `survfit cif ${cause}`);
    }
  });

  it("Gray's test for each cause", () => {
    const g = ref.cuminc.gray_test;
    g.cause.forEach((cause: number, k: number) => {
      const t = grayTest({ time: data!.time, status: data!.status }, data!.col('c1'), cause);
      expectClose(t.statistic, g.stat[k], { rel: 1e-8 }, `stat cause ${cause}`);
      expect(t.df).toBe(g.df[k]);
      expectP(t.p, g.p[k], `p cause ${cause}`);
    });
  });

  it('Fine–Gray (crr): coefficients, sandwich SEs with the censoring term, z, p, log-likelihoods', () => {
    const r = ref.crr;
    const m = fineGray(data!.matrix(COX_TERMS), { time: data!.time, status: data!.status }, { names: [...COX_TERMS] });
    expect(m.names).toEqual(r.terms);
    expectAllClose(m.coef, r.coef, { rel: 1e-6 }, 'coef');
    expectAllClose(m.subdistributionHR, r.subdistribution_hr, { rel: 1e-6 }, 'sHR');
    expectAllClose(m.se, r.se, { rel: 1e-6 }, 'se');
    expectAllClose(m.vcov.flat(), r.var.flat(), { rel: 1e-6 }, 'var');
    expectAllClose(m.z, r.z, { rel: 1e-6 }, 'z');
    // p inherits the coefficients' rel 1e-6 (README: crr coef rel 1e-6), so not the usual 1e-9.
    m.p.forEach((p, k) => expectClose(p, r.p[k], { rel: 1e-5 }, `p[${k}]`));
    expectClose(m.loglik, r.loglik, { abs: 1e-6 }, 'loglik');
    expectClose(m.loglikNull, r.loglik_null, { abs: 1e-9 }, 'loglik null');
  });
});
