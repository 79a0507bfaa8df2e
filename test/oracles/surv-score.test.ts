// IPCW weights, time-dependent AUC(t) and Brier(t) against riskRegression::Score (surv_score_synth.json),
// computed from the risk matrices in the file.
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { expectAllClose, expectClose, oracleJson } from './stats-helpers.ts';
import { survCohort } from './surv-helpers.ts';
import {
  aalenJohansen, brierScore, censoringBefore, censoringKM, censoringAt, cumulativeIncidenceAt, ipcwWeights, kaplanMeier, kaplanMeierAt, timeDependentAuc,
} from '../../src/stats/index.ts';

describe.skipIf(!HAS_SHARED)('AUC(t), Brier(t) and IPCW vs riskRegression::Score (surv_score_synth.json)', () => {
  const ref = HAS_SHARED ? oracleJson('surv_score_synth.json') : null;
  for (const set of ['external', 'train_apparent'] as const) {
    for (const setting of ['cause_specific', 'competing_risks'] as const) {
      describe(`${set}, ${setting}`, () => {
        const r = HAS_SHARED ? ref.evaluations[set][setting] : null;
        const data = HAS_SHARED ? survCohort(set === 'external' ? 'external' : 'train') : null;
        // Cause-specific: competing events recoded as censored (status01).
        const status = () => (setting === 'cause_specific' ? data!.status.map((s) => (s === 1 ? 1 : 0)) : data!.status);
        const surv = () => ({ time: data!.time, status: status() });
        const times: number[] = HAS_SHARED ? r.times : [];

        it('censoring KM and IPCW weights', () => {
          const cens = censoringKM(surv());
          expectAllClose(data!.time.map((t) => censoringBefore(cens, t)), r.ipcw.G_at_T_minus, { abs: 1e-12 }, 'G(T-)');
          expectAllClose(times.map((t) => censoringAt(cens, t)), r.ipcw.G_at_t, { abs: 1e-12 }, 'G(t)');
          const W = times.map((t) => Array.from(ipcwWeights(surv(), t, cens)));
          expectAllClose(data!.time.flatMap((_, i) => W.map((w) => w[i]!)), r.ipcw.weights.flat(), { abs: 1e-12 }, 'weights');
        });

        it('AUC(t) and its conservative (known-weights) influence-function SE', () => {
          const a = r.auc;
          for (let k = 0; k < a.model.length; k++) {
            const risk = r.risk[a.model[k]].map((row: number[]) => row[times.indexOf(a.times[k])]);
            const res = timeDependentAuc(surv(), risk, a.times[k]);
            expectClose(res.auc, a.AUC[k], { abs: 1e-12 }, `${a.model[k]} AUC(${a.times[k]})`);
            expectClose(res.se, a.se_conservative[k], { rel: 1e-10 }, `${a.model[k]} se_conservative(${a.times[k]})`);
            // Score's default SE adds the censoring-model term; it moves the SE by < 0.1 % here.
            expectClose(res.se, a.se[k], { rel: 1e-3 }, `${a.model[k]} se(${a.times[k]})`);
          }
        });

        it('Brier(t) of the models and of the null model (KM / Aalen–Johansen on the same data)', () => {
          const b = r.brier;
          const nullRisk = setting === 'cause_specific'
            ? kaplanMeierAt(kaplanMeier(surv()), times).map((x) => 1 - x.surv)
            : cumulativeIncidenceAt(aalenJohansen(surv(), 1), times).map((x) => x.est);
          expectAllClose(nullRisk, r.null_model_risk, { abs: 1e-12 }, 'null model risk');
          for (let k = 0; k < b.model.length; k++) {
            const ti = times.indexOf(b.times[k]);
            const risk = b.model[k] === 'Null model' ? data!.time.map(() => nullRisk[ti]!) : r.risk[b.model[k]].map((row: number[]) => row[ti]);
            const res = brierScore(surv(), risk, b.times[k]);
            expectClose(res.brier, b.Brier[k], { abs: 1e-12 }, `${b.model[k]} Brier(${b.times[k]})`);
            expectClose(res.se, b.se_conservative[k], { rel: 1e-10 }, `${b.model[k]} se_conservative(${b.times[k]})`);
          }
        });
      });
    }
  }

  it('a horizon without cases is a clear error', () => {
    const data = survCohort('external');
    expect(() => timeDependentAuc({ time: data.time, status: data.status }, data.time, 0.01)).toThrow(/no events before t/);
  });
});
