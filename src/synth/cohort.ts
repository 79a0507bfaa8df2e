/**
 * The synthetic two-centre CRLM ultrasound cohort: patients with known truth, their B-mode images
 * and the masks a reader would draw. Cases are made one at a time (memory stays flat for 10,000
 * cases) and each case has its own random stream derived from (seed, case index), so any case can
 * be regenerated alone and the cohort is identical however it is produced.
 */
import { Random } from '../core/random.ts';
import { createImage, createMask, type Image, type Mask } from '../image/image.ts';
import { buildScene } from './anatomy.ts';
import { formBMode } from './bmode.ts';
import { SCANNERS, type ScannerProfile } from './scanners.ts';
import { drawPatient, type Patient } from './truth.ts';
import { drawSurvival, type SurvivalTruth } from './survival-truth.ts';

export interface SynthOptions {
  nMain?: number;
  nExternal?: number;
  seed?: number;
}

export interface SynthCase {
  caseId: string;
  cohort: 'main' | 'external';
  centre: string;
  scanner: ScannerProfile;
  patient: Patient;
}

export interface SynthImages {
  image: Image;
  tumour: Mask;
  parenchyma: Mask;
  /** 8-bit grey pixels, as written to PNG/DICOM. */
  pixels: Uint8Array;
}

/** The case list with clinical data and truth (cheap: no images). */
export function synthCohort(opts: SynthOptions = {}): SynthCase[] {
  const nMain = opts.nMain ?? 224, nExternal = opts.nExternal ?? 54, seed = opts.seed ?? 2024;
  const cases: SynthCase[] = [];
  for (let k = 0; k < nMain + nExternal; k++) {
    const cohort = k < nMain ? 'main' : 'external';
    const scanner = SCANNERS[cohort];
    const rng = caseRandom(seed, k, 0);
    const id = cohort === 'main' ? `A${String(k + 1).padStart(4, '0')}` : `B${String(k - nMain + 1).padStart(4, '0')}`;
    cases.push({ caseId: id, cohort, centre: scanner.centre, scanner, patient: drawPatient(rng) });
  }
  return cases;
}

/**
 * Recurrence times with competing death and censoring for the cases of synthCohort (survival-truth.ts),
 * from each case's own stream 2: adding them changes nothing else about the cohort.
 */
export function synthSurvival(cases: SynthCase[], seed = 2024): SurvivalTruth[] {
  return cases.map((c, k) => drawSurvival(c.patient, caseRandom(seed, k, 2)));
}

/** The raw 8-bit pixels and 0/1 masks of one case, x fastest (what the file writers need). */
export interface SynthPixels {
  width: number;
  height: number;
  pixels: Uint8Array;
  tumour: Uint8Array;
  parenchyma: Uint8Array;
}

/** The B-mode pixels and masks of one case as plain arrays (deterministic in seed and case index). */
export function synthPixels(c: SynthCase, seed: number, index: number): SynthPixels {
  const rng = caseRandom(seed, index, 1);
  const s = c.scanner;
  const scene = buildScene(c.patient, s, rng);
  const pixels = formBMode(scene, s, rng, 0.4 * c.patient.steatosis);
  return { width: s.width, height: s.height, pixels, tumour: scene.tumour, parenchyma: scene.parenchyma };
}

/** The B-mode image and masks of one case (deterministic in seed and case index). */
export function synthImages(c: SynthCase, seed: number, index: number): SynthImages {
  const { pixels, tumour, parenchyma } = synthPixels(c, seed, index);
  const s = c.scanner;
  const size: [number, number, number] = [s.width, s.height, 1];
  const spacing: [number, number, number] = [s.spacingMm, s.spacingMm, 1];
  const data = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) data[i] = pixels[i]!;
  const image = createImage(size, spacing, data);
  image.spacingSource = 'synthetic';
  return { image, tumour: createMask(size, spacing, tumour), parenchyma: createMask(size, spacing, parenchyma), pixels };
}

function caseRandom(seed: number, index: number, stream: number): Random {
  // Mix seed, case index and stream into one 32-bit seed (odd multipliers keep it a bijection per part).
  return new Random((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35)) >>> 0);
}
