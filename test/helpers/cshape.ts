/**
 * PyRadiomics' own mesh code as a reference: upstream cshape.c v3.1.0 as vendored unchanged in
 * scripts/oracles/pyradiomics/radiomics/src, with the command-line driver of
 * scripts/oracles/pyradiomics_cshape, compiled with gcc once per test process into a temporary
 * directory. gcc missing on a developer's machine: the suite skips and says why;
 * under CI=true (.ci/run installs g++, which brings gcc) that is an error, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IN_CI, REPO_ROOT } from './shared.ts';

export const HAS_GCC = spawnSync('gcc', ['--version']).status === 0;

if (!HAS_GCC) {
  const msg = '[sonomics tests] gcc not found (Debian: apt-get install gcc)';
  if (IN_CI) throw new Error(`${msg}, and CI=true: PyRadiomics' cshape.c oracle must run on CI, not skip.`);
  console.warn(`${msg}: the PyRadiomics cshape.c oracle suite is skipped.`);
}

const DIR = join(REPO_ROOT, 'scripts', 'oracles', 'pyradiomics_cshape');
const UPSTREAM = join(REPO_ROOT, 'scripts', 'oracles', 'pyradiomics', 'radiomics', 'src');
let work: { dir: string; exe: string } | undefined;

function build(): { dir: string; exe: string } {
  if (work) return work;
  const dir = mkdtempSync(join(tmpdir(), 'sonomics-cshape-'));
  const exe = join(dir, 'cshape');
  const r = spawnSync('gcc', ['-O2', '-I', join(DIR, 'stub'), '-I', UPSTREAM, join(DIR, 'cshape_driver.c'), join(UPSTREAM, 'cshape.c'), '-lm', '-o', exe], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building PyRadiomics' cshape.c oracle failed:\n${r.stderr}`);
  work = { dir, exe };
  return work;
}

export interface CshapeResult { surfaceArea: number; volume: number; diameters: [number, number, number, number] }

/**
 * PyRadiomics' calculate_coefficients on a mask given x fastest with size and spacing [x, y, z]
 * (our layout, which is numpy's C order of the (z, y, x) array PyRadiomics passes). The mask is
 * passed as it is: crop and pad it first as PyRadiomics does.
 */
export function pyradiomicsCshape(size: [number, number, number], spacing: [number, number, number], mask: Uint8Array): CshapeResult {
  const { dir, exe } = build();
  const raw = join(dir, 'mask.raw');
  writeFileSync(raw, mask);
  // String(number) is the shortest decimal that parses back to the same double
  const r = spawnSync(exe, [raw, size[2], size[1], size[0], spacing[2], spacing[1], spacing[0]].map(String), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`PyRadiomics' cshape.c oracle failed:\n${r.stderr}`);
  const v = r.stdout.trim().split(/\s+/).map(Number);
  return { surfaceArea: v[0]!, volume: v[1]!, diameters: [v[2]!, v[3]!, v[4]!, v[5]!] };
}
