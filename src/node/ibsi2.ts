/**
 * IBSI 2 compliance, Node side: reads the reference data from the shared folder and runs the
 * library harness (src/features/ibsi/ibsi2.ts) on it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SonomicsError } from '../core/errors.ts';
import type { Image } from '../image/image.ts';
import { readNifti } from '../io/nifti.ts';
import { IBSI2_PHASE1, IBSI2_PHASE1_SKIPPED, IBSI2_PHASE2_2D, IBSI2_PHASE2_3D, type Phase1Config } from '../filters/ibsi2-configs.ts';
import {
  ctPhantom1mm, ctPhantomSlices, parsePhase2References, phase1Row, runPhase2Config,
  type CtPhantom, type Ibsi2Result, type Phase1Row, type Phase2Reference, type Phase2Row,
} from '../features/ibsi/ibsi2.ts';

export {
  intensityStatistics, INTENSITY_STATISTICS, runPhase2Config, ibsi2JsonLines, ibsi2Text,
  type CtPhantom, type Ibsi2Result, type Phase1Row, type Phase2Row,
} from '../features/ibsi/ibsi2.ts';

function ibsi2Dir(sharedDir: string): string {
  const dir = join(sharedDir, 'refdata', 'ibsi', 'ibsi2');
  if (!existsSync(dir)) throw new SonomicsError('FILE_NOT_FOUND', `IBSI 2 reference data not found at ${dir}: pass the shared data folder (the one holding refdata/)`);
  return dir;
}

function nifti(path: string): Image {
  if (!existsSync(path)) throw new SonomicsError('FILE_NOT_FOUND', `IBSI 2 file missing: ${path}`);
  return readNifti(readFileSync(path), path);
}

export function runPhase1Test(sharedDir: string, c: Phase1Config): Phase1Row {
  const dir = ibsi2Dir(sharedDir);
  const img = nifti(join(dir, 'digital_phantoms', c.phantom, 'image.nii.gz'));
  const ref = nifti(join(dir, 'reference_response_maps', `${c.test.replace(/\./g, '_')}-ValidCRM.nii.gz`));
  return phase1Row(c, img, ref);
}

function ctPhantomDir(sharedDir: string): string {
  return join(sharedDir, 'refdata', 'ibsi', 'ibsi1', 'ct_phantom', 'nifti');
}

/** The IBSI CT phantom cut to the GTV's slices (2D configurations). */
export function loadCtPhantomSlices(sharedDir: string): CtPhantom {
  const dir = ctPhantomDir(sharedDir);
  return ctPhantomSlices(nifti(join(dir, 'image.nii.gz')), nifti(join(dir, 'mask.nii.gz')), `${dir}/mask.nii.gz`);
}

/** The IBSI CT phantom resampled to 1 mm around the GTV (3D configurations); marginMm = Infinity: the whole grid. */
export function loadCtPhantom1mm(sharedDir: string, marginMm = 24): CtPhantom {
  const dir = ctPhantomDir(sharedDir);
  return ctPhantom1mm(nifti(join(dir, 'image.nii.gz')), nifti(join(dir, 'mask.nii.gz')), marginMm, `${dir}/mask.nii.gz`);
}

function readPhase2References(sharedDir: string): Phase2Reference[] {
  return parsePhase2References(readFileSync(join(ibsi2Dir(sharedDir), 'reference_values', 'ibsi2_phase2_reference_values.csv'), 'utf8'));
}

/** The shared data folder (holding refdata/): $SONOMICS_SHARED or ../shared next to the repository. */
export function defaultSharedDir(): string {
  return process.env.SONOMICS_SHARED ?? new URL('../../../shared', import.meta.url).pathname;
}

export interface Ibsi2Options {
  /** Run phase 2 configurations A (2D CT phantom), default true. */
  phase2?: boolean;
  /** Also run configurations B (3D, 1 mm resampling; minutes, not seconds), default false. */
  phase2_3d?: boolean;
  /** Called after each phase-1 test / phase-2 configuration (progress). */
  onProgress?: (what: string) => void;
}

const SIMONCELLI_3D = new Set(['8.B', '9.B']);

export function runIbsi2Compliance(sharedDir: string = defaultSharedDir(), options: Ibsi2Options = {}): Ibsi2Result {
  const phase1 = IBSI2_PHASE1.map((c) => {
    const r = runPhase1Test(sharedDir, c);
    options.onProgress?.(c.test);
    return r;
  });
  const phase2: Phase2Row[] = [];
  const phase2Skipped: Ibsi2Result['phase2Skipped'] = [];
  if (options.phase2 !== false) {
    const refs = readPhase2References(sharedDir);
    const ct = loadCtPhantomSlices(sharedDir);
    for (const c of IBSI2_PHASE2_2D) {
      phase2.push(...runPhase2Config(ct, c.config, refs));
      options.onProgress?.(c.config);
    }
    if (options.phase2_3d) {
      // Local filters: a window around the GTV with a margin beyond every kernel's support.
      // The Simoncelli wavelet is global (Fourier domain, periodic), so it needs the whole grid.
      const window = loadCtPhantom1mm(sharedDir);
      let whole: CtPhantom | undefined;
      for (const c of IBSI2_PHASE2_3D) {
        const ct3 = SIMONCELLI_3D.has(c.config) ? (whole ??= loadCtPhantom1mm(sharedDir, Infinity)) : window;
        phase2.push(...runPhase2Config(ct3, c.config, refs));
        options.onProgress?.(c.config);
      }
    } else {
      for (const c of IBSI2_PHASE2_3D) phase2Skipped.push({ config: c.config, reason: '3D configuration (1 mm tricubic resampling) not requested: add --with-3d' });
    }
  }
  return { phase1, phase1Skipped: IBSI2_PHASE1_SKIPPED, phase2, phase2Skipped };
}

