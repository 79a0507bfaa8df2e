// Cox PH (coxph, efron and breslow ties) against surv_coxph_synth.json.
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { expectAllClose, expectClose, expectP, oracleJson } from './stats-helpers.ts';
import { COX_TERMS, survCohort } from './surv-helpers.ts';
import { readFileSync } from 'node:fs';
import { sharedPath } from '../helpers/shared.ts';

/** A CSV with a text column (the truth table's variable names). */
function oracleCsvRows(...parts: string[]): Record<string, string>[] {
  const [head, ...lines] = readFileSync(sharedPath('oracles', ...parts), 'utf8').trim().split(/\r?\n/);
  const h = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [h[i]!, v])));
}
import { baselineIncrements, coxLinearPredictor, coxPH, coxSurvival } from '../../src/ml/index.ts';
import { concordance } from '../../src/stats/index.ts';

const REL = { rel: 1e-8 };

describe.skipIf(!HAS_SHARED)('Cox PH vs coxph (surv_coxph_synth.json)', () => {
  const ref = HAS_SHARED ? oracleJson('surv_coxph_synth.json') : null;
  const train = HAS_SHARED ? survCohort('train') : null;
  const external = HAS_SHARED ? survCohort('external') : null;

  for (const ties of ['efron', 'breslow'] as const) {
    describe(ties, () => {
      const r = HAS_SHARED ? ref[ties] : null;
      const fit = () => coxPH(train!.matrix(COX_TERMS), { time: train!.time, status: train!.status }, { ties, names: [...COX_TERMS] });

      it('coefficients, SEs, z, p, hazard ratios and vcov', () => {
        const m = fit();
        expect(m.names).toEqual(r.terms);
        expect(m.n).toBe(r.n);
        expect(m.nEvents).toBe(r.n_events);
        expectAllClose(m.coef, r.coef, REL, 'coef');
        expectAllClose(m.se, r.se, REL, 'se');
        expectAllClose(m.z, r.z, REL, 'z');
        m.p.forEach((p, j) => expectP(p, r.p_wald[j], `p[${j}]`));
        expectAllClose(m.hazardRatio, r.hazard_ratio, REL, 'HR');
        expectAllClose(m.hrLower, r.hr_ci95_lower, REL, 'HR lower');
        expectAllClose(m.hrUpper, r.hr_ci95_upper, REL, 'HR upper');
        expectAllClose(m.vcov.flat(), r.vcov.flat(), REL, 'vcov');
        expectAllClose(m.means, r.means, { abs: 1e-12 }, 'means');
      });

      it('log-likelihoods and the LR, Wald and score tests', () => {
        const m = fit();
        expectClose(m.loglikNull, r.loglik_null, { abs: 1e-9 }, 'loglik null');
        expectClose(m.loglik, r.loglik_final, { abs: 1e-9 }, 'loglik');
        const t = r.tests;
        for (const [ours, theirs] of [[m.tests.likelihoodRatio, t.likelihood_ratio], [m.tests.wald, t.wald], [m.tests.score, t.score_logrank]] as const) {
          expectClose(ours.statistic, theirs.statistic, REL, 'statistic');
          expect(ours.df).toBe(theirs.df);
          expectP(ours.p, theirs.p, 'p');
        }
      });

      it('baseline cumulative hazard (basehaz, centered = FALSE) with the risk-set counts', () => {
        const m = fit();
        const b = r.basehaz;
        expect(m.baseline.time).toEqual(b.time);
        expect(m.baseline.nRisk).toEqual(b.n_risk);
        expect(m.baseline.nEvent).toEqual(b.n_event);
        expect(m.baseline.nCensor).toEqual(b.n_censor);
        expectAllClose(m.baseline.cumhaz, b.cumhaz, REL, 'cumhaz');
        const ev = m.baseline.time.map((t, k) => (m.baseline.nEvent[k]! > 0 ? k : -1)).filter((k) => k >= 0);
        expect(ev.map((k) => m.baseline.time[k])).toEqual(r.basehaz_event_times.time);
        expectAllClose(ev.map((k) => m.baseline.cumhaz[k]!), r.basehaz_event_times.cumhaz, REL, 'event-time cumhaz');
      });

      it('predicted S(t|x) and risk at 12/24/36 (train rows and the external set)', () => {
        const m = fit();
        const pr = r.predict;
        const trainRows = pr.train_first.rows_1based.map((i: number) => train!.matrix(COX_TERMS)[i - 1]!);
        for (const [rows, block] of [[trainRows, pr.train_first], [external!.matrix(COX_TERMS), pr.external]] as const) {
          const lp = coxLinearPredictor(m, rows);
          expectAllClose(lp, block.lp_uncentered, { rel: 1e-8, abs: 1e-10 }, 'lp');
          const centred = lp.map((v) => v - m.means.reduce((s, mu, j) => s + mu * m.coef[j]!, 0));
          expectAllClose(centred, block.lp_centered, { rel: 1e-8, abs: 1e-10 }, 'lp centred');
          const S = coxSurvival(m, rows, pr.times);
          expectAllClose(S.flat(), block.surv.flat(), REL, 'surv');
          expectAllClose(S.flat().map((s) => 1 - s), block.risk.flat(), REL, 'risk');
        }
      });

      it("coxph's concordance (Harrell's C and its se) from the fitted linear predictor", () => {
        const m = fit();
        const lp = coxLinearPredictor(m, train!.matrix(COX_TERMS));
        expectAllClose(lp, r.lp_uncentered_train, { rel: 1e-8, abs: 1e-10 }, 'lp train');
        const c = concordance({ time: train!.time, status: train!.status }, lp);
        expect(c.concordant).toBe(r.concordance.concordant);
        expect(c.discordant).toBe(r.concordance.discordant);
        expect(c.tiedX).toBe(r.concordance.tied_x);
        expect(c.tiedY).toBe(r.concordance.tied_y);
        expectClose(c.concordance, r.concordance.c_index, { abs: 1e-10 }, 'C');
        expectClose(c.se, r.concordance.se, { rel: 1e-8 }, 'se');
      });
    });
  }

  it('efron: the plain Breslow estimator of the baseline at the efron coefficients', () => {
    const m = coxPH(train!.matrix(COX_TERMS), { time: train!.time, status: train!.status }, { ties: 'efron' });
    const lp = coxLinearPredictor(m, train!.matrix(COX_TERMS));
    const inc = baselineIncrements(train!.time, train!.status.map((s) => (s === 1 ? 1 : 0)), lp.map(Math.exp), 'breslow');
    let H = 0;
    const cum = inc.increment.map((v) => (H += v));
    const ev = inc.time.map((_, k) => (inc.nEvent[k]! > 0 ? k : -1)).filter((k) => k >= 0);
    const b = ref.efron.basehaz_breslow_estimator;
    expect(ev.map((k) => inc.time[k])).toEqual(b.time);
    expectAllClose(ev.map((k) => cum[k]!), b.cumhaz, REL, 'breslow cumhaz');
    expectAllClose(coxLinearPredictor(m, external!.matrix(COX_TERMS)), ref.lp_uncentered_external_efron, { rel: 1e-8, abs: 1e-10 }, 'lp external');
  });

  it('the generator’s true log hazard ratios (surv_synth_truth.csv) lie inside the 99.9 % Wald CIs of the efron fit', () => {
    const truth = Object.fromEntries(oracleCsvRows('data', 'surv_synth_truth.csv').map((r) => [r.variable, Number(r.true_loghr_per_unit)]));
    const m = coxPH(train!.matrix(COX_TERMS), { time: train!.time, status: train!.status }, { names: [...COX_TERMS] });
    // x09 (a true predictor) is left out of the model, which biases the others only slightly
    // (the latents are AR(1)-correlated); every term stays within 3.29 SE of its true value.
    m.names.forEach((name, j) => expect(Math.abs(m.coef[j]! - truth[name]!) / m.se[j]!, name).toBeLessThan(3.29));
  });

  it('a constant covariate or no events is a clear error', () => {
    const X = train!.matrix(COX_TERMS).map((r) => [...r, 5]);
    expect(() => coxPH(X, { time: train!.time, status: train!.status })).toThrow(/constant/);
    expect(() => coxPH(train!.matrix(COX_TERMS), { time: train!.time, status: train!.status.map(() => 0) })).toThrow(/no events/);
  });
});
