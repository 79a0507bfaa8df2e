// Every survival oracle file (surv_*.json) in ../shared/oracles/expected is opened by its surv-*.test.ts
// suite: the directory listing must equal SURV_ORACLES, so a new reference file cannot be left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, REPO_ROOT, sharedPath } from '../helpers/shared.ts';
import { SURV_ORACLES } from './surv-helpers.ts';
import { oracleJson } from './stats-helpers.ts';

describe.skipIf(!HAS_SHARED)('survival oracle coverage', () => {
  it('the survival files on disk are exactly the ones our suites compare', () => {
    const onDisk = readdirSync(sharedPath('oracles', 'expected')).filter((f) => /^surv_/.test(f)).sort();
    expect(onDisk).toEqual(Object.keys(SURV_ORACLES).sort());
  });

  it('each suite names its file', () => {
    for (const [file, suite] of Object.entries(SURV_ORACLES)) {
      const text = readFileSync(join(REPO_ROOT, 'test', 'oracles', suite), 'utf8');
      expect(text.includes(file), `${file} in ${suite}`).toBe(true);
    }
  });

  it('the survival data files are the ones the suites read', () => {
    const onDisk = readdirSync(sharedPath('oracles', 'data')).filter((f) => /^surv_/.test(f)).sort();
    expect(onDisk).toEqual(['surv_synth.csv', 'surv_synth_external.csv', 'surv_synth_truth.csv']);
  });

  it('the reference package versions our conventions follow', () => {
    const p = oracleJson('surv_coxph_synth.json').packages;
    expect(p.survival).toMatch(/^3\.5/);
    expect(p.glmnet).toMatch(/^4\.1/);
    expect(p.cmprsk).toMatch(/^2\.2/);
    expect(p.riskRegression).toMatch(/^2022/);
  });
});
