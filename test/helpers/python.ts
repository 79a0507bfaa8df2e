/**
 * A Python 3 with numpy and PyWavelets for the oracle scripts in scripts/oracles (PyRadiomics'
 * wavelet decomposition computed by pywt itself). Debian's python3-pywt installs into the system
 * interpreter, so /usr/bin/python3 is tried before the `python3` on PATH (which may be a pyenv
 * without pywt). Missing on a developer's machine: the suites skip and say why; under CI=true
 * (.ci/run installs python3-pywt) a missing interpreter or module is an error, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { IN_CI } from './shared.ts';

function probe(cmd: string): string | null {
  const r = spawnSync(cmd, ['-c', 'import numpy, pywt; print(pywt.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function findPython(): { cmd: string; pywt: string } | null {
  for (const cmd of ['/usr/bin/python3', 'python3']) {
    const v = probe(cmd);
    if (v) return { cmd, pywt: v };
  }
  return null;
}

export const PYWT = findPython();

if (!PYWT) {
  const msg = '[sonomics tests] no python3 with numpy and PyWavelets (Debian: apt-get install python3-pywt)';
  if (IN_CI) throw new Error(`${msg}, and CI=true: the PyRadiomics wavelet oracle must run on CI, not skip.`);
  console.warn(`${msg}: the PyRadiomics wavelet oracle suite is skipped.`);
}
