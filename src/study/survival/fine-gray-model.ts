/**
 * The clinical Fine–Gray model of a study with a competing event (survival.fineGray): the
 * subdistribution-hazard regression (cmprsk::crr, src/ml/fine-gray.ts) on the clinical model's
 * retained design columns of one training set, with the Breslow-type baseline cumulative
 * subdistribution hazard Λ₁(t) = Σ_{s ≤ t} d₁(s) / Σ_j w_j(s) e^{x_j'β} (cmprsk's `bfitj` jumps;
 * w_j(s) = 1 while T_j ≥ s, G(s−)/G(T_j−) after a competing event at T_j < s, 0 after censoring),
 * so that the cumulative incidence by the horizon is F₁(h | x) = 1 − exp(−Λ₁(h) e^{x'β})
 * (Fine & Gray 1999, eq. 2; predict.crr).
 */
import { baselineCumhazAt, fineGray, type FineGrayModel } from '../../ml/index.ts';
import type { SurvivalData } from '../../stats/index.ts';
import { riskSplit } from '../heads/cox.ts';

export interface FineGrayFit {
  kind: 'fine-gray';
  names: string[];
  coef: number[];
  se: number[];
  p: number[];
  subdistributionHR: number[];
  /** Baseline cumulative subdistribution hazard at x = 0, at the event times of the cause of interest. */
  baseline: { time: number[]; cumhaz: number[] };
  horizon: number;
  /** The high/low cut of the training probabilities (heads/cox.ts riskSplit). */
  threshold: number;
}

export function fitFineGrayModel(X: number[][], d: SurvivalData, names: string[], horizon: number): FineGrayFit {
  const m: FineGrayModel = fineGray(X, d, { names });
  const n = X.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d.time[a]! - d.time[b]! || a - b);
  const t = order.map((i) => d.time[i]!);
  const st = order.map((i) => d.status[i]!);
  const e = order.map((i) => Math.exp(X[i]!.reduce((s, v, k) => s + v * m.coef[k]!, 0)));
  // Censoring Kaplan–Meier at the left limit of each sorted time (as fine-gray.ts's weights).
  const gLeft = new Array<number>(n);
  let G = 1;
  for (let a = 0; a < n; ) {
    let b = a, c = 0;
    while (b < n && t[b] === t[a]) { if (st[b] === 0) c++; b++; }
    for (let k = a; k < b; k++) gLeft[k] = G;
    G *= 1 - c / (n - a);
    a = b;
  }
  const time: number[] = [], cumhaz: number[] = [];
  let H = 0;
  for (let a = 0; a < n; ) {
    let b = a, events = 0;
    while (b < n && t[b] === t[a]) { if (st[b] === 1) events++; b++; }
    if (events > 0) {
      let s0 = 0;
      for (let j = 0; j < n; j++) {
        const w = t[j]! >= t[a]! ? 1 : st[j]! >= 2 ? gLeft[a]! / gLeft[j]! : 0;
        s0 += w * e[j]!;
      }
      H += events / s0;
      time.push(t[a]!);
      cumhaz.push(H);
    }
    a = b;
  }
  const fit: FineGrayFit = { kind: 'fine-gray', names, coef: m.coef, se: m.se, p: m.p, subdistributionHR: m.subdistributionHR, baseline: { time, cumhaz }, horizon, threshold: 0.5 };
  const p = applyFineGray(fit, X).probability;
  fit.threshold = riskSplit(p);
  return fit;
}

/** x'β of one row (the Fine–Gray model's columns in its order). */
export function fineGrayLinearPredictor(coef: ArrayLike<number>, x: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += x[k]! * coef[k]!;
  return s;
}

/** F₁(t | x) = 1 − exp(−Λ₁(t)·e^{x'β}) (predict.crr); Λ₁ a right-continuous step function. */
export function fineGrayIncidence(baseline: { time: ArrayLike<number>; cumhaz: ArrayLike<number> }, lp: number, t: number): number {
  return 1 - Math.exp(-baselineCumhazAt(baseline, t) * Math.exp(lp));
}

/** x'β and the cumulative incidence by the horizon. */
export function applyFineGray(fit: FineGrayFit, X: number[][]): { risk: number[]; probability: number[] } {
  const risk = X.map((r) => fineGrayLinearPredictor(fit.coef, r));
  return { risk, probability: risk.map((lp) => fineGrayIncidence(fit.baseline, lp, fit.horizon)) };
}
