// Harrell's, Uno's and the S, S/G concordance with truncation, against surv_concordance_synth.json.
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { expectAllClose, expectClose, oracleJson } from './stats-helpers.ts';
import { survCohort } from './surv-helpers.ts';
import { concordance, type TimeWeight } from '../../src/stats/index.ts';

const VARIANTS: Record<string, { timewt: TimeWeight; ymax?: number }> = {
  harrell: { timewt: 'n' }, harrell_ymax36: { timewt: 'n', ymax: 36 }, uno: { timewt: 'n/G2' }, uno_ymax36: { timewt: 'n/G2', ymax: 36 },
  S: { timewt: 'S' }, S_over_G: { timewt: 'S/G' },
};

describe.skipIf(!HAS_SHARED)('concordance vs survival (surv_concordance_synth.json)', () => {
  const ref = HAS_SHARED ? oracleJson('surv_concordance_synth.json') : null;
  for (const set of ['train', 'external'] as const) {
    for (const [name, opts] of Object.entries(VARIANTS)) {
      it(`${set}: ${name}`, () => {
        const r = ref.sets[set][name];
        const data = survCohort(set);
        const c = concordance({ time: data.time, status: data.status }, ref.sets[set].risk, opts);
        expectClose(c.concordance, r.concordance, { abs: 1e-12 }, 'C');
        for (const [ours, theirs] of [[c.concordant, r.concordant], [c.discordant, r.discordant], [c.tiedX, r.tied_x], [c.tiedY, r.tied_y], [c.tiedXY, r.tied_xy]]) {
          expectClose(ours!, theirs, { rel: 1e-12, abs: 1e-12 }, 'count');
        }
        expectClose(c.variance, r.var, { rel: 1e-10 }, 'var');
        expectClose(c.se, r.se, { rel: 1e-10 }, 'se');
        expectAllClose(c.dfbeta, r.dfbeta, { abs: 1e-12 }, 'dfbeta');
        expectAllClose(c.influence.flat(), r.influence.flat(), { rel: 1e-12, abs: 1e-12 }, 'influence');
        const tw = r.time_weights;
        expect(c.timeWeights.etime).toEqual(tw.etime);
        expect(c.timeWeights.nRisk).toEqual(tw.n_risk);
        expectAllClose(c.timeWeights.sLeft, tw.S_left, { abs: 1e-12 }, 'S_left');
        expectAllClose(c.timeWeights.gLeft, tw.G_left, { abs: 1e-12 }, 'G_left');
        expectAllClose(c.timeWeights.weight, tw.weight, { rel: 1e-12 }, 'weight');
      });
    }
  }
});
