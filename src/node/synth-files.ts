/**
 * Writes a synthetic cohort to disk: PNG and DICOM images, tumour and parenchyma masks (PNG),
 * clinical.csv, manifest.csv and truth.json. Cases are made in worker processes, one file set per
 * case, so 10,000 cases need no more memory than one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { synthCohort, synthPixels, type SynthCase } from '../synth/cohort.ts';
import { writeUsDicom } from '../synth/dicom-us.ts';
import { encodeMaskPng } from '../synth/mask-png.ts';
import { encodePng } from '../io/png-write.ts';
import { TRUTH } from '../synth/truth.ts';
import { runPool, taskModule } from './pool.ts';
import { Progress } from './progress.ts';

export interface WriteSynthOptions {
  outDir: string;
  nMain?: number;
  nExternal?: number;
  seed?: number;
  /** Image formats to write; default both. The manifest points at the first. */
  formats?: Array<'png' | 'dicom'>;
  workers?: number;
  progress?: boolean;
}

export interface SynthTask {
  outDir: string;
  seed: number;
  index: number;
  c: SynthCase;
  formats: Array<'png' | 'dicom'>;
}

/** Worker task: make and write one case's images and masks. */
export function synthCaseTask(t: SynthTask): { caseId: string; tumourPixels: number; parenchymaPixels: number } {
  const { width: w, height: h, tumour, parenchyma, pixels } = synthPixels(t.c, t.seed, t.index);
  const id = t.c.caseId;
  if (t.formats.includes('png')) writeFileSync(join(t.outDir, 'images', `${id}.png`), encodePng({ width: w, height: h, channels: 1, bitDepth: 8, data: pixels, level: 1 }));
  if (t.formats.includes('dicom')) {
    writeFileSync(join(t.outDir, 'images', `${id}.dcm`), writeUsDicom({
      caseId: id, width: w, height: h, pixels, spacingMm: t.c.scanner.spacingMm,
      region: { x0: 0, y0: 0, x1: w - 1, y1: h - 1 },
      manufacturer: `sonomics synthetic scanner ${t.c.centre}`, institution: `Centre ${t.c.centre}`,
    }));
  }
  // Masks: a run-length PNG encoder made for binary masks (8× faster than general deflate, smaller files).
  writeFileSync(join(t.outDir, 'masks', `${id}_tumour.png`), encodeMaskPng(tumour, w, h));
  writeFileSync(join(t.outDir, 'masks', `${id}_parenchyma.png`), encodeMaskPng(parenchyma, w, h));
  return { caseId: id, tumourPixels: count(tumour), parenchymaPixels: count(parenchyma) };
}

export async function writeSynthCohort(opts: WriteSynthOptions): Promise<{ cases: SynthCase[]; seconds: number }> {
  const t0 = Date.now();
  const seed = opts.seed ?? 2024;
  const formats = opts.formats ?? ['png', 'dicom'];
  const cases = synthCohort({ nMain: opts.nMain, nExternal: opts.nExternal, seed });
  mkdirSync(join(opts.outDir, 'images'), { recursive: true });
  mkdirSync(join(opts.outDir, 'masks'), { recursive: true });
  writeFileSync(join(opts.outDir, 'clinical.csv'), clinicalCsv(cases));
  // One table per cohort as well: a study config lists each cohort's tables.
  writeFileSync(join(opts.outDir, 'clinical_main.csv'), clinicalCsv(cases.filter((c) => c.cohort === 'main')));
  writeFileSync(join(opts.outDir, 'clinical_external.csv'), clinicalCsv(cases.filter((c) => c.cohort === 'external')));
  const imageExt = formats[0] === 'dicom' ? 'dcm' : 'png';
  writeFileSync(join(opts.outDir, 'manifest.csv'), manifestCsv(cases, imageExt));
  writeFileSync(join(opts.outDir, 'truth.json'), JSON.stringify(truthJson(cases, seed), null, 2) + '\n');

  const progress = opts.progress === false ? null : new Progress('synth', cases.length);
  const failures: string[] = [];
  await runPool<SynthTask, unknown>({
    module: taskModule('./synth-files', import.meta.url),
    fn: 'synthCaseTask',
    inputs: cases.map((c, index) => ({ outDir: opts.outDir, seed, index, c, formats })),
    workers: opts.workers ?? availableParallelism(),
    onDone: (i, outcome) => {
      if (!outcome.ok) failures.push(`${cases[i]!.caseId}: ${outcome.error.message}`);
      progress?.tick(outcome.ok);
    },
  });
  progress?.finish();
  if (failures.length) throw new Error(`synthetic cases failed: ${failures.join('; ')}`);
  return { cases, seconds: (Date.now() - t0) / 1000 };
}

export function clinicalCsv(cases: SynthCase[]): string {
  const head = 'case_id,cohort,centre,age,sex,cea,ca199,node_positive,synchronous,bilobar,preop_chemo,targeted_drugs,recurrence_2y';
  const rows = cases.map(({ caseId, cohort, centre, patient: p }) =>
    [caseId, cohort, centre, p.age, p.sex, p.cea, p.ca199, p.nodePositive, p.synchronous, p.bilobar, p.preopChemo, p.targetedDrugs, p.recurrence].join(','));
  return [head, ...rows].join('\n') + '\n';
}

export function manifestCsv(cases: SynthCase[], imageExt: 'png' | 'dcm'): string {
  // PNGs carry no pixel size: the manifest gives each case its scanner's (the DICOMs carry their own).
  const png = imageExt === 'png';
  const head = `case_id,cohort,image,tumour_mask,parenchyma_mask${png ? ',spacing_mm' : ''}`;
  const rows = cases.map(({ caseId, cohort, scanner }) => [caseId, cohort, `images/${caseId}.${imageExt}`, `masks/${caseId}_tumour.png`, `masks/${caseId}_parenchyma.png`, ...(png ? [String(scanner.spacingMm)] : [])].join(','));
  return [head, ...rows].join('\n') + '\n';
}

function truthJson(cases: SynthCase[], seed: number): unknown {
  return {
    generator: 'sonomics synth',
    seed,
    model: 'logit P(recurrence) = intercept + clinical_lp + imaging_lp (see src/synth/truth.ts)',
    coefficients: TRUTH,
    cases: cases.map(({ caseId, cohort, centre, patient: p }) => ({
      case_id: caseId, cohort, centre, look: p.look, diameter_mm: p.diameterMm, halo_mm: round(p.haloMm), irregularity: round(p.irregularity),
      heterogeneity: round(p.heterogeneity), coarseness: round(p.coarseness), steatosis: round(p.steatosis),
      clinical_lp: round(p.clinicalLp), imaging_lp: round(p.imagingLp), risk: round(p.risk), recurrence: p.recurrence,
    })),
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function count(m: Uint8Array): number {
  // Masks are mostly empty: skip 4 pixels at a time where they are all 0.
  const words = m.byteOffset % 4 === 0 ? new Uint32Array(m.buffer, m.byteOffset, m.length >> 2) : new Uint32Array(0);
  let n = 0;
  for (let w = 0; w < words.length; w++) {
    if (words[w] === 0) continue;
    for (let i = 4 * w; i < 4 * w + 4; i++) n += m[i] ? 1 : 0;
  }
  for (let i = 4 * words.length; i < m.length; i++) n += m[i] ? 1 : 0;
  return n;
}
