/**
 * scikit-image for the LBP2D oracle (scripts/oracles/pyradiomics_lbp2d.py): the full package or
 * only its compiled core (Debian's python3-skimage-lib, which .ci/run installs: 2 MB, where
 * python3-skimage pulls 51 packages and ~2 minutes). /usr/bin/python3 first, as test/helpers/python.ts.
 * Missing on a developer's machine: the suite skips and says why; under CI=true it is an error.
 */
import { spawnSync } from 'node:child_process';
import { IN_CI } from './shared.ts';

function probe(): string | null {
  for (const cmd of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(cmd, ['-c', 'import numpy; from skimage.feature._texture import _local_binary_pattern'], { encoding: 'utf8' });
    if (r.status === 0) return cmd;
  }
  return null;
}

/** The python3 command that has numpy and scikit-image's LBP, or null. */
export const SKIMAGE_PYTHON = probe();

if (!SKIMAGE_PYTHON) {
  const msg = '[sonomics tests] no python3 with numpy and scikit-image (Debian: apt-get install python3-skimage-lib)';
  if (IN_CI) throw new Error(`${msg}, and CI=true: the LBP2D oracle must run on CI, not skip.`);
  console.warn(`${msg}: the LBP2D oracle suite is skipped.`);
}
