// Shared set-up of the study tests: the synthetic oracle cohorts as a study config with small grids.
import { parseStudyConfig, type StudyConfig } from '../../src/study/config.ts';
import { readTableFile } from '../../src/node/study-files.ts';
import type { Table } from '../../src/tables/table.ts';
import { sharedPath } from '../helpers/shared.ts';

export const TRAIN = sharedPath('oracles', 'data', 'synth_train.csv');
export const FOLDS = sharedPath('oracles', 'data', 'synth_train_folds.csv');
export const EXTERNAL = sharedPath('oracles', 'data', 'synth_external.csv');

/** Small grids so the suite stays fast. */
export function synthConfig(over: Record<string, unknown> = {}, evaluation: Record<string, unknown> = { foldColumn: 'fold5' }): StudyConfig {
  return parseStudyConfig({
    title: 'synth test study',
    seed: 7,
    data: {
      id: 'id',
      outcome: 'y',
      cohorts: [
        { name: 'train', role: 'main', tables: [TRAIN, FOLDS] },
        { name: 'external', role: 'external', tables: [EXTERNAL] },
      ],
    },
    clinical: { variables: [{ name: 'age', type: 'continuous', summary: 'mean' }, { name: 'sex', type: 'binary' }, { name: 'stage', type: 'categorical' }] },
    radiomics: { include: ['f??'] },
    svm: { C: [1, 10], gamma: [0.02, 0.1] },
    innerFolds: 3,
    evaluation,
    // real extraction settings: the study config validates this section at every depth (issue #14)
    extraction: { description: 'synthetic', features: { discretisation: { method: 'FBS', value: 25 } } },
    ...over,
  });
}

export function synthTables(): Record<string, Table> {
  return { [TRAIN]: readTableFile(TRAIN), [FOLDS]: readTableFile(FOLDS), [EXTERNAL]: readTableFile(EXTERNAL) };
}

/** AUC by counting case–control pairs (ties ½): independent of src/stats. */
export function pairCountAuc(y: number[], p: number[]): number {
  let s = 0, n = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue;
      n++;
      s += p[i]! > p[j]! ? 1 : p[i] === p[j] ? 0.5 : 0;
    }
  }
  return s / n;
}
