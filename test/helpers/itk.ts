/**
 * ITK itself as a reference for the filters PyRadiomics runs through SimpleITK (LoG, gradient):
 * scripts/oracles/itk_filters.cxx compiled against Debian's libinsighttoolkit5-dev (ITK 5.2) with
 * g++, once per source version into a temporary directory shared by the test processes. Missing headers or compiler on a
 * developer's machine: the suite skips and says why; under CI=true (.ci/run installs them) that
 * is an error, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IN_CI, REPO_ROOT } from './shared.ts';

const INCLUDE = '/usr/include/ITK-5.2';
const LIBS = ['ITKSmoothing', 'ITKCommon', 'itksys', 'itkvnl', 'itkvnl_algo', 'itkv3p_netlib'].map((l) => `-l${l}-5.2`);

export const HAS_ITK = existsSync(join(INCLUDE, 'itkLaplacianRecursiveGaussianImageFilter.h')) && spawnSync('g++', ['--version']).status === 0;

if (!HAS_ITK) {
  const msg = '[sonomics tests] ITK 5.2 headers or g++ not found (Debian: apt-get install libinsighttoolkit5-dev g++)';
  if (IN_CI) throw new Error(`${msg}, and CI=true: the ITK oracle for PyRadiomics' LoG and gradient must run on CI, not skip.`);
  console.warn(`${msg}: the ITK oracle suite is skipped.`);
}

let built: string | undefined;

/**
 * Path of the compiled oracle, built on first use (≈ 15 s of CPU) into a temporary directory named by
 * the source's and flags' hash, so that later test processes (each vitest file is one) reuse it.
 */
export function itkOracle(): string {
  if (built) return built;
  const source = join(REPO_ROOT, 'scripts', 'oracles', 'itk_filters.cxx');
  const args = ['-O2', '-std=c++17', `-I${INCLUDE}`, source, ...LIBS, '-lpthread'];
  const key = createHash('sha256').update(readFileSync(source)).update(args.join(' ')).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `sonomics-itk-${key}`);
  const exe = join(dir, 'itk_filters');
  if (!existsSync(exe)) {
    const work = mkdtempSync(join(tmpdir(), 'sonomics-itk-build-'));
    const r = spawnSync('g++', [...args, '-o', join(work, 'itk_filters')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`building the ITK oracle failed:\n${r.stderr}`);
    // atomic: a process that lost the race keeps the other's build
    try { renameSync(work, dir); } catch { rmSync(work, { recursive: true, force: true }); }
  }
  built = exe;
  return exe;
}
