// scikit-learn 1.2.1 oracle: sklearn_stratified_kfold.json — StratifiedKFold(k, shuffle=False)
// fold ids (1-based in the file) for synth_train at k = 5 and 10. Exact equality.
import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../helpers/shared.ts';
import { column, mlOracle, oracleTable } from '../ml/oracle-data.ts';
import { stratifiedKFold } from '../../src/ml/index.ts';

describe.skipIf(!HAS_SHARED)('sklearn_stratified_kfold.json', () => {
  it.each([5, 10])('k = %i reproduces StratifiedKFold(shuffle=False) exactly', (k) => {
    const o = mlOracle('sklearn_stratified_kfold.json');
    const y = column(oracleTable('synth_train.csv'), 'y');
    expect(stratifiedKFold(y, k).map((f) => f + 1)).toEqual(o.folds[`synth_train_k${k}`]);
  });
});
