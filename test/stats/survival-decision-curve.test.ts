// Decision curve at a horizon for a time-to-event outcome (Vickers et al. 2008): a hand-computed
// case (Kaplan–Meier and Aalen–Johansen), and properties — treat-none is 0, a model treating
// everyone is the treat-all line, and with no censoring before the horizon the curve is the
// binary decision curve of "event by the horizon".
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.ts';
import { decisionCurve, survivalDecisionCurve } from '../../src/stats/index.ts';

// time, status, predicted risk by 10
const TIME = [5, 8, 12, 3, 15, 20];
const STATUS = [1, 0, 0, 1, 0, 0];
const RISK = [0.9, 0.8, 0.7, 0.4, 0.3, 0.1];

describe('survivalDecisionCurve', () => {
  it('matches a hand computation (Kaplan–Meier among the treated)', () => {
    const c = survivalDecisionCurve({ time: TIME, status: STATUS }, RISK, 10, { thresholds: [0.2, 0.5, 0.95] });
    // Whole cohort: KM drops at 3 (5/6) and 5 (× 4/5): S(10) = 2/3, F = 1/3.
    expect(c.eventRisk).toBeCloseTo(1 / 3, 15);
    const [p20, p50, p95] = c.points;
    // p_t = 0.2: treated = first five (q = 5/6); KM 4/5 at 3, 3/5 at 5 → F₊ = 2/5.
    expect(p20!.treated).toBeCloseTo(5 / 6, 15);
    expect(p20!.eventRiskTreated).toBeCloseTo(2 / 5, 15);
    expect(p20!.netBenefit).toBeCloseTo((5 / 6) * (2 / 5) - (5 / 6) * (3 / 5) * 0.25, 15); // 5/24
    expect(p20!.treatAll).toBeCloseTo(1 / 3 - (2 / 3) * 0.25, 15); // 1/6
    // p_t = 0.5: treated = risks 0.9, 0.8, 0.7 (q = 1/2); KM 2/3 at 5 → F₊ = 1/3; NB = 1/6 − 1/3 = −1/6.
    expect(p50!.eventRiskTreated).toBeCloseTo(1 / 3, 15);
    expect(p50!.netBenefit).toBeCloseTo(-1 / 6, 15);
    expect(p50!.treatAll).toBeCloseTo(-1 / 3, 15);
    // Nobody at or above 0.95: NB = 0.
    expect(p95!.treated).toBe(0);
    expect(p95!.netBenefit).toBe(0);
    for (const p of c.points) expect(p.treatNone).toBe(0);
  });

  it('with a competing event uses the Aalen–Johansen incidence, not 1 − KM', () => {
    const status = [1, 0, 0, 2, 0, 0]; // the case at 3 dies first
    const km = survivalDecisionCurve({ time: TIME, status }, RISK, 10, { thresholds: [0.2] });
    const aj = survivalDecisionCurve({ time: TIME, status }, RISK, 10, { thresholds: [0.2], competing: true });
    // Whole cohort: AJ F(10) = S(5−)·1/5 = (5/6)(1/5) = 1/6; KM censors the death: F = 1/5.
    expect(aj.eventRisk).toBeCloseTo(1 / 6, 15);
    expect(km.eventRisk).toBeCloseTo(1 / 5, 15);
    expect(aj.estimator).toBe('aalen-johansen');
    // Treated (first five): AJ F₊ = (4/5)(1/4) = 1/5; NB = (5/6)(1/5) − (5/6)(4/5)(1/4) = 1/6 − 1/6 = 0.
    expect(aj.points[0]!.eventRiskTreated).toBeCloseTo(1 / 5, 15);
    expect(aj.points[0]!.netBenefit).toBeCloseTo(0, 15);
  });

  it('equals the binary decision curve when no one is censored before the horizon', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnd = new Random(seed);
      const n = 80, horizon = 10;
      const time: number[] = [], status: number[] = [], risk: number[] = [], y: number[] = [];
      for (let i = 0; i < n; i++) {
        const r = Math.round(rnd.next() * 100) / 100; // ties on purpose
        const t = 1 + rnd.next() * 20;
        // Events before the horizon or anyone after it; censorings only beyond the horizon.
        const s = t <= horizon ? 1 : rnd.next() < 0.5 ? 1 : 0;
        time.push(t); status.push(s); risk.push(r); y.push(t <= horizon && s === 1 ? 1 : 0);
      }
      const surv = survivalDecisionCurve({ time, status }, risk, horizon);
      const bin = decisionCurve(y, risk);
      surv.points.forEach((p, k) => {
        expect(p.netBenefit).toBeCloseTo(bin[k]!.netBenefit, 12);
        expect(p.treatAll).toBeCloseTo(bin[k]!.treatAll, 12);
      });
    }
  });

  it('a model that treats everyone is the treat-all line; treat-none is 0 everywhere', () => {
    const rnd = new Random(7);
    const n = 60;
    const time = Array.from({ length: n }, () => 0.5 + rnd.next() * 30);
    const status = Array.from({ length: n }, () => rnd.int(3)); // censored, event, competing
    const everyone = new Array<number>(n).fill(1);
    for (const competing of [false, true]) {
      const c = survivalDecisionCurve({ time, status }, everyone, 12, { competing });
      for (const p of c.points) {
        expect(p.treated).toBe(1);
        expect(p.netBenefit).toBeCloseTo(p.treatAll, 14);
        expect(p.treatNone).toBe(0);
      }
      // Treat-all at threshold 0 is the event probability itself.
      expect(survivalDecisionCurve({ time, status }, everyone, 12, { competing, thresholds: [0] }).points[0]!.treatAll).toBeCloseTo(c.eventRisk, 15);
    }
  });

  it('refuses a linear predictor, a mismatched length and a bad horizon, naming them', () => {
    expect(() => survivalDecisionCurve({ time: TIME, status: STATUS }, [2, 1, 0, -1, 0, 0], 10)).toThrow(/risk\[0\] is 2.*not a linear predictor/);
    expect(() => survivalDecisionCurve({ time: TIME, status: STATUS }, [0.5], 10)).toThrow(/6 subjects but 1 predicted risks/);
    expect(() => survivalDecisionCurve({ time: TIME, status: STATUS }, RISK, 0)).toThrow(/horizon 0/);
  });
});
