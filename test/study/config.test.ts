import { describe, expect, it } from 'vitest';
import { parseStudyConfig } from '../../src/study/config.ts';
import { SonomicsError } from '../../src/core/errors.ts';

const minimal = {
  data: { outcome: 'y', cohorts: [{ name: 'main', role: 'main', tables: ['a.csv'] }] },
  clinical: { variables: [{ name: 'age', type: 'continuous' }] },
  models: ['clinical'],
};

function problems(raw: unknown): string {
  try {
    parseStudyConfig(raw, 'test.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(SonomicsError);
    expect((e as SonomicsError).code).toBe('BAD_CONFIG');
    return (e as Error).message;
  }
  throw new Error('expected BAD_CONFIG');
}

describe('study config', () => {
  it('fills defaults', () => {
    const c = parseStudyConfig(minimal);
    expect(c.seed).toBe(42);
    expect(c.evaluation).toMatchObject({ folds: 5, repeats: 1, protocol: 'no-leakage' });
    expect(c.data.missing).toBe('complete-case');
    expect(c.radiomics.lambdaRule).toBe('1se');
    expect(c.radiomics.redundancy).toBe(0.9);
    expect(c.data.id).toBe('id');
  });

  it('lists every problem with its path and what to write', () => {
    const msg = problems({
      data: { cohorts: [{ name: 'a', role: 'external', tables: [] }] },
      evaluation: { folds: 1, protocol: 'optimistic' },
      svm: { C: [-1] },
      modles: [],
    });
    expect(msg).toContain('modles: unknown key');
    expect(msg).toContain('data.outcome: is required');
    expect(msg).toContain('data.cohorts[0].tables');
    expect(msg).toContain('exactly one cohort must have role: main');
    expect(msg).toContain('evaluation.folds: must be an integer in [2, 100]'); // the range has an upper limit since issue #20
    expect(msg).toContain("evaluation.protocol: must be one of 'no-leakage', 'paper'");
    expect(msg).toContain('svm.C[0]: must be in (0, 1000000]'); // bounded above since issue #20
  });

  it('requires clinical variables for the clinical and combined models', () => {
    expect(problems({ ...minimal, clinical: {}, models: ['combined'] })).toContain('combined model needs at least one clinical variable');
  });

  it('treats a derived variable as binary and requires a batch for ComBat', () => {
    const c = parseStudyConfig({ ...minimal, clinical: { variables: [{ name: 'ca', derive: 'ca199 > 200' }] } });
    expect(c.clinical.variables[0]).toMatchObject({ type: 'binary', derive: 'ca199 > 200' });
    expect(problems({ ...minimal, radiomics: { combat: true } })).toContain('needs data.batch');
  });
});
