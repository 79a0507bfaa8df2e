/**
 * Time-to-event truth of the synthetic CRLM cohort: when intrahepatic recurrence happens, with
 * death as a competing event and censoring, from the same linear predictor as the binary truth
 * (truth.ts), so the two outcomes tell one story. For a patient with η = C + I (clinical plus
 * imaging linear predictor, truth.ts) and centring constant η̄ = SURVIVAL_TRUTH.etaCentre:
 *   recurrence: Weibull cause-specific hazard h₁(t) = λ₁·k·t^(k−1)·e^(η−η̄), λ₁ = 0.009 /month^k, k = 1.2;
 *   death without recurrence (competing): exponential, h₂ = 0.004 /month (≈ 9 % by 2 years);
 *   censoring: end of study at Uniform(24, 60) months of follow-up (staggered entry) and loss to
 *   follow-up at rate 0.005 /month;
 *   time = min(T₁, T₂, C) rounded to 0.1 month (at least 0.1), status 1 / 2 / 0.
 * About 40 % recur by 24 months. The true risk by a horizon t is the cause-1 cumulative incidence
 *   F₁(t | η) = ∫₀ᵗ h₁(s)·exp(−H₁(s) − h₂s) ds (midpoint rule, 0.05-month steps),
 * and η itself is the true ranking (the true C-index and AUC(t) are computed from it).
 * Each case draws from its own random stream (stream 2 of the case), so the images, the clinical
 * table and the binary outcome are the same with or without survival times.
 */
import type { Random } from '../core/random.ts';
import type { Patient } from './truth.ts';

export const SURVIVAL_TRUTH = {
  recurrenceScale: 0.009,
  recurrenceShape: 1.2,
  deathRate: 0.004,
  lossRate: 0.005,
  followUpMin: 24,
  followUpMax: 60,
  etaCentre: 1.884,
} as const;

export interface SurvivalTruth {
  /** Months from resection to recurrence, death or censoring. */
  time: number;
  /** 0 censored, 1 intrahepatic recurrence, 2 death without recurrence. */
  status: 0 | 1 | 2;
  /** True linear predictor η − η̄ (the true risk ranking). */
  trueLp: number;
}

export function drawSurvival(p: Pick<Patient, 'clinicalLp' | 'imagingLp'>, rng: Random): SurvivalTruth {
  const S = SURVIVAL_TRUTH;
  const lp = p.clinicalLp + p.imagingLp - S.etaCentre;
  const t1 = (-Math.log(1 - rng.next()) / (S.recurrenceScale * Math.exp(lp))) ** (1 / S.recurrenceShape);
  const t2 = -Math.log(1 - rng.next()) / S.deathRate;
  const end = S.followUpMin + (S.followUpMax - S.followUpMin) * rng.next();
  const loss = -Math.log(1 - rng.next()) / S.lossRate;
  const c = Math.min(end, loss);
  const t = Math.min(t1, t2, c);
  const status: 0 | 1 | 2 = t === t1 ? 1 : t === t2 ? 2 : 0;
  return { time: Math.max(0.1, Math.round(t * 10) / 10), status, trueLp: lp };
}

/** True cumulative incidence of recurrence by `horizon` months for a true linear predictor. */
export function trueRecurrenceRisk(trueLp: number, horizon: number): number {
  const S = SURVIVAL_TRUTH;
  const k = S.recurrenceShape, lam = S.recurrenceScale * Math.exp(trueLp);
  const dt = 0.05;
  let F = 0;
  for (let s = dt / 2; s < horizon; s += dt) F += lam * k * s ** (k - 1) * Math.exp(-lam * s ** k - S.deathRate * s) * dt;
  return F;
}
