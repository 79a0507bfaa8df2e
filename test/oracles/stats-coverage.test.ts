// Every stats oracle file in ../shared/oracles/expected is compared by a stats-*.test.ts suite:
// the directory listing must equal the list the suites iterate over (STATS_ORACLES).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, REPO_ROOT, sharedPath } from '../helpers/shared.ts';
import { PREDICTION_SETS, STATS_ORACLES } from './stats-helpers.ts';

// Files of src/ml (glmnet, logistic, cv_glm, svm, combat, sklearn folds) belong to the ml suites.
const STATS_PATTERN = /^(roc_|calibration_|dca_|icc|univariate_|contingency)/;

describe.skipIf(!HAS_SHARED)('stats oracle coverage', () => {
  it('the suites cover every stats oracle file and every prediction CSV', () => {
    const onDisk = readdirSync(sharedPath('oracles', 'expected')).filter((f) => STATS_PATTERN.test(f)).sort();
    const covered = Object.values(STATS_ORACLES).flat().sort();
    expect(covered).toEqual(onDisk);
    const predictions = readdirSync(sharedPath('oracles', 'expected', 'predictions')).sort();
    expect(predictions).toEqual(PREDICTION_SETS.map((s) => `synth_true5_${s}.csv`).sort());
  });

  it('each group is opened by its suite', () => {
    const suite: Record<keyof typeof STATS_ORACLES, string> = {
      roc: 'stats-roc.test.ts',
      calibration: 'stats-calibration.test.ts',
      dca: 'stats-calibration.test.ts',
      icc: 'stats-icc.test.ts',
      univariate: 'stats-univariate.test.ts',
      contingency: 'stats-contingency.test.ts',
    };
    for (const [group, files] of Object.entries(STATS_ORACLES)) {
      const text = readFileSync(join(REPO_ROOT, 'test', 'oracles', suite[group as keyof typeof STATS_ORACLES]), 'utf8');
      for (const f of files) {
        // Literal name, or the calibration/dca template over PREDICTION_SETS.
        const templated = f.replace(/_(cv|test|train)\.json$/, '_${set}.json');
        expect(text.includes(f) || text.includes(templated), `${f} in ${suite[group as keyof typeof STATS_ORACLES]}`).toBe(true);
      }
    }
  });
});
