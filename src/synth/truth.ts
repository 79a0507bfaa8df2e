/**
 * The known truth of the synthetic CRLM cohort: clinical variables, latent imaging properties
 * and the logistic model that turns them into 2-year intrahepatic recurrence.
 *
 *   logit P(recurrence) = β0 + C + I
 *   C = Σ βk·xk over the six clinical predictors (binary)
 *   I = γ·(0.40·z(halo) + 0.25·z(irregularity) + 0.20·z(heterogeneity) + 0.15·z(coarseness)) / norm
 *
 * where z(·) are the latent imaging properties standardised by their population moments, and norm
 * makes the bracket unit-variance. The coefficients were calibrated by Monte Carlo (see
 * test/synth/truth.test.ts) so that in large samples the true-risk AUCs are about 0.70 (C alone),
 * 0.74 (I alone) and 0.81 (C + I), with a recurrence rate of about 45 %: the figures published
 * for the CRLM study (clinical 0.706, radiomics 0.744, cRadiomics 0.811).
 */
import type { Random } from '../core/random.ts';

export type LesionLook = 'hypoechoic' | 'target' | 'hyperechoic' | 'calcified';

export interface Patient {
  /** Six clinical predictors of the CRLM study. */
  nodePositive: 0 | 1;
  synchronous: 0 | 1;
  bilobar: 0 | 1;
  preopChemo: 0 | 1;
  targetedDrugs: 0 | 1;
  ca199: number; // U/mL
  /** Descriptive variables. */
  age: number;
  sex: 'M' | 'F';
  cea: number; // ng/mL
  /** Latent imaging properties that shape the pictures. */
  haloMm: number; // hypoechoic halo thickness, 0 = none
  irregularity: number; // 0..1, boundary and halo irregularity
  heterogeneity: number; // 0..1, internal heterogeneity of the tumour
  coarseness: number; // 0..1, parenchymal coarseness
  steatosis: number; // 0..1, parenchymal brightness (not prognostic)
  diameterMm: number;
  look: LesionLook;
  /** Linear predictors and truth. */
  clinicalLp: number;
  imagingLp: number;
  risk: number;
  recurrence: 0 | 1;
}

export const TRUTH = {
  intercept: -2.15,
  clinical: { nodePositive: 1.0, synchronous: 0.72, bilobar: 1.0, preopChemo: 0.54, targetedDrugs: 0.63, ca199Over200: 1.45 },
  imagingScale: 1.12,
  imagingWeights: { halo: 0.4, irregularity: 0.25, heterogeneity: 0.2, coarseness: 0.15 },
  prevalence: { nodePositive: 0.55, synchronous: 0.45, bilobar: 0.35, preopChemo: 0.6, targetedDrugsGivenChemo: 0.5 },
} as const;

/** Population moments of the latents, used to standardise them (analytic, see draw functions). */
// 60 % have a halo, Uniform(1, 3) mm thick: thinner rims are below the lateral resolution of a
// 3–5 MHz probe (PSF σ 0.75–1 mm) and would be invisible, unlike the risk they carried.
const HALO_SHARE = 0.6, HALO_MIN_MM = 1, HALO_MAX_MM = 3;
const HALO_MID = (HALO_MIN_MM + HALO_MAX_MM) / 2, HALO_WIDTH = HALO_MAX_MM - HALO_MIN_MM;
const HALO_MEAN = HALO_SHARE * HALO_MID;
const HALO_SD = Math.sqrt(HALO_SHARE * (HALO_MID * HALO_MID + (HALO_WIDTH * HALO_WIDTH) / 12) - HALO_MEAN * HALO_MEAN);
const U_SD = Math.sqrt(1 / 12); // Uniform(0,1)

export function drawPatient(rng: Random): Patient {
  const b = (p: number): 0 | 1 => (rng.next() < p ? 1 : 0);
  const P = TRUTH.prevalence;
  const nodePositive = b(P.nodePositive);
  const synchronous = b(P.synchronous);
  const bilobar = b(P.bilobar);
  const preopChemo = b(P.preopChemo);
  const targetedDrugs = preopChemo ? b(P.targetedDrugsGivenChemo) : 0;
  // CA19-9: log-normal, median 25 U/mL; about 10 % above 200 U/mL, more often when node-positive.
  const ca199 = round1(Math.exp(Math.log(25) + 1.45 * rng.normal() + 0.35 * nodePositive));
  const cea = round1(Math.exp(Math.log(6) + 1.1 * rng.normal() + 0.3 * synchronous));
  const age = Math.round(Math.min(85, Math.max(30, 60 + 10 * rng.normal())));
  const sex = rng.next() < 0.6 ? 'M' : 'F';

  const haloMm = rng.next() < HALO_SHARE ? HALO_MIN_MM + HALO_WIDTH * rng.next() : 0;
  const irregularity = rng.next();
  const heterogeneity = rng.next();
  const coarseness = rng.next();
  const steatosis = rng.next();
  const diameterMm = Math.round(10 * Math.min(60, Math.max(8, Math.exp(Math.log(22) + 0.4 * rng.normal())))) / 10;
  const u = rng.next();
  const look: LesionLook = haloMm > 0 ? 'target' : u < 0.55 ? 'hypoechoic' : u < 0.85 ? 'hyperechoic' : 'calcified';

  const C = TRUTH.clinical;
  const clinicalLp =
    C.nodePositive * nodePositive + C.synchronous * synchronous + C.bilobar * bilobar +
    C.preopChemo * preopChemo + C.targetedDrugs * targetedDrugs + C.ca199Over200 * (ca199 > 200 ? 1 : 0);
  const W = TRUTH.imagingWeights;
  const norm = Math.hypot(W.halo, W.irregularity, W.heterogeneity, W.coarseness);
  const imagingLp = (TRUTH.imagingScale / norm) * (
    W.halo * ((haloMm - HALO_MEAN) / HALO_SD) +
    W.irregularity * ((irregularity - 0.5) / U_SD) +
    W.heterogeneity * ((heterogeneity - 0.5) / U_SD) +
    W.coarseness * ((coarseness - 0.5) / U_SD));
  const risk = 1 / (1 + Math.exp(-(TRUTH.intercept + clinicalLp + imagingLp)));
  const recurrence = rng.next() < risk ? 1 : 0;
  return {
    nodePositive, synchronous, bilobar, preopChemo, targetedDrugs, ca199, age, sex, cea,
    haloMm, irregularity, heterogeneity, coarseness, steatosis, diameterMm, look,
    clinicalLp, imagingLp, risk, recurrence,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
