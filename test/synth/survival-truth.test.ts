// The synthetic cohort's time-to-event truth: documented rates come out, the true linear predictor
// is what a Cox model recovers, and drawing survival times leaves the binary cohort unchanged.
import { describe, expect, it } from 'vitest';
import { synthCohort, synthSurvival } from '../../src/synth/cohort.ts';
import { SURVIVAL_TRUTH, trueRecurrenceRisk } from '../../src/synth/survival-truth.ts';
import { coxPH } from '../../src/ml/index.ts';
import { aalenJohansen, concordance, cumulativeIncidenceAt, timeDependentAuc } from '../../src/stats/index.ts';

describe('synthetic survival truth', () => {
  const cases = synthCohort({ nMain: 3000, nExternal: 0, seed: 11 });
  const surv = synthSurvival(cases, 11);
  const d = { time: surv.map((s) => s.time), status: surv.map((s) => s.status) };

  it('is deterministic and leaves the binary cohort (clinical data, risk, recurrence) unchanged', () => {
    expect(synthSurvival(cases, 11)).toEqual(surv);
    expect(synthCohort({ nMain: 3000, nExternal: 0, seed: 11 })).toEqual(cases);
  });

  it('observed cumulative incidence by 24 months matches the mean true risk (Aalen–Johansen, within 3 SE)', () => {
    const obs = cumulativeIncidenceAt(aalenJohansen(d, 1), [24])[0]!;
    const expected = surv.reduce((s, v) => s + trueRecurrenceRisk(v.trueLp, 24), 0) / surv.length;
    expect(expected).toBeGreaterThan(0.3);
    expect(expected).toBeLessThan(0.5);
    expect(Math.abs(obs.est - expected)).toBeLessThan(3 * Math.sqrt(obs.variance));
    // Competing deaths: ≈ 1 − e^{−0.004·24} ≈ 9 % before recurrence or censoring within 2 years, at most.
    const deaths24 = cumulativeIncidenceAt(aalenJohansen(d, 2), [24])[0]!.est;
    expect(deaths24).toBeGreaterThan(0.03);
    expect(deaths24).toBeLessThan(1 - Math.exp(-SURVIVAL_TRUTH.deathRate * 24) + 0.02);
  });

  it('a Cox model of recurrence on the true linear predictor recovers a log hazard ratio of 1 (cause-specific hazard)', () => {
    const m = coxPH(surv.map((s) => [s.trueLp]), { time: d.time, status: d.status });
    expect(Math.abs(m.coef[0]! - 1)).toBeLessThan(3 * m.se[0]!);
  });

  it('the true risk ranks recurrence: C-index and AUC(24) of the true linear predictor', () => {
    const lp = surv.map((s) => s.trueLp);
    const c = concordance(d, lp);
    const a = timeDependentAuc(d, lp, 24);
    expect(c.concordance).toBeGreaterThan(0.7);
    expect(a.auc).toBeGreaterThan(0.7);
  });
});
