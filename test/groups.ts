/**
 * The three groups of test files (vitest projects; npm scripts test:unit, test:ref, test:slow;
 * `npm test` runs all of them):
 *
 * - **unit**: self-contained and quick — the repository is all they read;
 * - **ref**: agreement with reference data in ../shared (IBSI values and phantoms, R and
 *   scikit-learn oracles, BUS-BRA, DICOM samples). A file is a reference suite when it calls
 *   `sharedPath(` or checks `HAS_SHARED` (test/helpers/shared.ts), so the split needs no upkeep;
 * - **slow**: end to end runs that take half a minute or more on the 2-core CI machine (the demo,
 *   extraction runs with worker processes, whole studies, IBSI 2 phase 2, the package install) and
 *   the browser tests (test/e2e, their own project with longer timeouts).
 *
 * SLOW is the one hand-kept list: the files that took a minute or more in the full suite on the
 * shared machine (docs/performance.md, "Test suite"). A slow file that also reads ../shared is
 * slow, not ref.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const SLOW = [
  'test/demo/demo.test.ts',
  'test/demo/survival-demo.test.ts',
  'test/extract/extract.test.ts',
  'test/filters/ibsi2-phase1.test.ts',
  'test/filters/ibsi2-phase2.test.ts',
  // Compiles ITK 5.2's LoG and gradient (≈ 15 s CPU) and runs them on brain1: 70 s under load.
  'test/filters/itk-oracle.test.ts',
  'test/hostile/fuzz.test.ts',
  'test/slurm/slurm.test.ts',
  'test/ibsi/ct-phantom.test.ts',
  // Six cv.glmnet-style LASSO-Cox cross-validations at the oracle's tight threshold: 40–130 s under load.
  'test/oracles/surv-glmnet-cox.test.ts',
  'test/pyradiomics/mask-geometry.test.ts',
  // PyRadiomics 3.1.0 itself (Python, C extensions built once, ITK's LoG compiled once): ≈ 40 s CPU each, 60–120 s wall under load.
  'test/pyradiomics/oracle.test.ts',
  'test/pyradiomics/oracle-3d.test.ts',
  'test/package/pack.test.ts',
  // BUS-BRA subset: extraction, the grouped lesion-level study and three patient-level studies (the
  // risk rules refit every model in inner folds for the patient-level calibration): 5–11 min under load.
  'test/safety/busbra.test.ts',
  'test/study/harmonise.test.ts',
  'test/study/heads-behaviour.test.ts',
  'test/study/model-options.test.ts',
  'test/study/study-synth.test.ts',
  // Two whole survival studies (three models, LASSO-Cox inner CV in 6 training sets each): 60–140 s under load.
  'test/study/survival/synth-study.test.ts',
];

export const E2E = ['test/e2e/**/*.test.ts'];

function testFiles(root: string, dir = join(root, 'test')): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(root, p));
    else if (name.endsWith('.test.ts')) out.push(relative(root, p).split('\\').join('/'));
  }
  return out;
}

/** Test files (repository-relative) that read ../shared, apart from the slow and browser ones. */
export function referenceFiles(root: string): string[] {
  return testFiles(root)
    .filter((f) => !f.startsWith('test/e2e/') && !SLOW.includes(f))
    .filter((f) => /\bsharedPath\(|\bHAS_SHARED\b/.test(readFileSync(join(root, f), 'utf8')));
}
