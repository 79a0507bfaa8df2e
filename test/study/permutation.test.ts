// No leakage: with the outcome permuted, the default protocol must find nothing (CV AUC ≈ 0.5),
// while the optimistic 'paper' protocol (selection on the whole cohort) is allowed to look better.
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { runStudy } from '../../src/study/run.ts';
import { MODEL_NAMES } from '../../src/study/config.ts';
import { Random } from '../../src/core/random.ts';
import { synthConfig, synthTables, TRAIN } from './helpers.ts';

describe.skipIf(!HAS_SHARED)('permutation (shuffled outcome)', () => {
  it('gives CV AUC within 0.5 ± 0.1 under the default no-leakage protocol', () => {
    const tables = synthTables();
    const t = tables[TRAIN]!;
    const y = t.rows.map((r) => r.y!);
    new Random(99).shuffle(y);
    tables[TRAIN] = { ...t, rows: t.rows.map((r, i) => ({ ...r, y: y[i]! })) };
    const result = runStudy(synthConfig({}, { folds: 5 }), tables);
    expect(result.protocol).toBe('no-leakage');
    for (const m of MODEL_NAMES) {
      const auc = result.models[m]!.cv.auc;
      console.log(`shuffled outcome: ${m} CV AUC ${auc.toFixed(3)}`);
      expect(Math.abs(auc - 0.5), m).toBeLessThan(0.1);
    }
  });
});
