// Every src/ml oracle file in ../shared/oracles/expected is opened by an ml-*.test.ts suite.
// (The stats files — roc_, calibration_, dca_, icc, univariate_, contingency — belong to stats-*.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, REPO_ROOT, sharedPath } from '../helpers/shared.ts';
import { mlOracle } from '../ml/oracle-data.ts';

const ML_SUITES: Record<string, string[]> = {
  'ml-glmnet.test.ts': ['glmnet_synth_${family}.json'],
  'ml-logistic.test.ts': ['logistic_synth_true5.json', 'cv_glm_synth_true5.json'],
  'ml-svm.test.ts': ['svm_synth_${kernelName}.json'],
  'ml-folds.test.ts': ['sklearn_stratified_kfold.json'],
  'ml-combat.test.ts': ['combat_two_centre.json', 'combat_synth_train_external.json'],
};
const ML_FILES = [
  'glmnet_synth_binomial.json', 'glmnet_synth_gaussian.json', 'logistic_synth_true5.json', 'cv_glm_synth_true5.json',
  'svm_synth_radial.json', 'svm_synth_linear.json', 'sklearn_stratified_kfold.json', 'combat_two_centre.json',
  'combat_synth_train_external.json',
];

describe.skipIf(!HAS_SHARED)('ml oracle coverage', () => {
  it('the ml files on disk are exactly the ones our suites compare', () => {
    const onDisk = readdirSync(sharedPath('oracles', 'expected'))
      .filter((f) => /^(glmnet_|logistic_|cv_glm_|svm_|sklearn_|combat_)/.test(f)).sort();
    expect(onDisk).toEqual([...ML_FILES].sort());
  });

  it('each suite names its files', () => {
    for (const [suite, names] of Object.entries(ML_SUITES)) {
      const text = readFileSync(join(REPO_ROOT, 'test', 'oracles', suite), 'utf8');
      for (const n of names) expect(text.includes(n), `${n} in ${suite}`).toBe(true);
    }
  });

  it('versions.json: the reference versions our conventions follow', () => {
    const v = JSON.stringify(mlOracle('versions.json'));
    for (const needle of ['4.1', '1.7', '1.2.1', '3.46']) expect(v).toContain(needle);
  });
});
