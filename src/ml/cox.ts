/**
 * Cox proportional-hazards regression as R's coxph (survival 3.5): Newton–Raphson on the
 * partial likelihood (Efron or Breslow ties, cox-risk-sets.ts) from β = 0 with step halving,
 * stopping when |1 − ℓ_old/ℓ_new| ≤ eps (coxph.control's rule; default 1e-12 here instead of
 * 1e-9, for number-for-number agreement); SEs from the inverse information at β̂; Wald z and
 * p = 2Φ(−|z|), hazard ratios with Wald CIs; the likelihood-ratio, Wald (β̂ᵀ I β̂) and score
 * (U(0)ᵀ I(0)⁻¹ U(0), the log-rank test for one binary covariate) tests; and the baseline
 * cumulative hazard at x = 0 (basehaz(fit, centered = FALSE)), Efron-corrected for an efron fit.
 * Status 1 is the event; every other status (censored, competing) counts as censored.
 */
import { SonomicsError } from '../core/errors.ts';
import { checkSurvival, type SurvivalData } from '../stats/survival/data.ts';
import { invertSymmetric, solveSymmetric } from '../stats/survival/linear.ts';
import { pchisq, pNormalTwoSided } from '../stats/distributions.ts';
import { checkMatrix, type Matrix } from './matrix.ts';
import { baselineIncrements, coxLikelihood, timeGroups, type CoxTies } from './cox-risk-sets.ts';

export interface CoxTest {
  statistic: number;
  df: number;
  p: number;
}

export interface CoxModel {
  kind: 'cox';
  ties: CoxTies;
  names: string[];
  coef: number[];
  se: number[];
  z: number[];
  p: number[];
  hazardRatio: number[];
  hrLower: number[];
  hrUpper: number[];
  vcov: number[][];
  /** coxph's `means`: column means, except 0 for 0/1 covariates (survival 3.x). */
  means: number[];
  n: number;
  nEvents: number;
  loglikNull: number;
  loglik: number;
  iterations: number;
  converged: boolean;
  tests: { likelihoodRatio: CoxTest; wald: CoxTest; score: CoxTest };
  /** Baseline cumulative hazard H₀(t) at x = 0, at every distinct observed time. */
  baseline: { time: number[]; cumhaz: number[]; nRisk: number[]; nEvent: number[]; nCensor: number[] };
}

export interface CoxOptions {
  ties?: CoxTies;
  names?: string[];
  /** Relative log-likelihood change that stops the iterations (default 1e-12). */
  eps?: number;
  maxIter?: number;
}

const Z975 = 1.959963984540054;

export function coxPH(X: Matrix, d: SurvivalData, opts: CoxOptions = {}): CoxModel {
  const [n, p] = checkMatrix(X, 'coxPH');
  if (checkSurvival('coxPH', d) !== n) throw new SonomicsError('BAD_INPUT', `coxPH: X has ${n} rows but there are ${d.time.length} survival times`);
  const ties = opts.ties ?? 'efron';
  if (ties !== 'efron' && ties !== 'breslow') throw new SonomicsError('BAD_SETTINGS', `coxPH: ties must be "efron" or "breslow", got "${ties}"`);
  const names = opts.names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (names.length !== p) throw new SonomicsError('BAD_INPUT', `coxPH: ${names.length} names for ${p} columns`);
  const eps = opts.eps ?? 1e-12;
  const maxIter = opts.maxIter ?? 50;
  const event = new Uint8Array(n);
  let nEvents = 0;
  for (let i = 0; i < n; i++) { event[i] = d.status[i] === 1 ? 1 : 0; nEvents += event[i]!; }
  if (nEvents === 0) throw new SonomicsError('ONE_CLASS', 'coxPH: no events (status 1) in the data; a Cox model needs at least one');

  // Centre every column at its mean (numerical range of e^η); β is unchanged by centring.
  const centre = new Array<number>(p).fill(0);
  for (let j = 0; j < p; j++) { let s = 0; for (let i = 0; i < n; i++) s += X[i]![j]!; centre[j] = s / n; }
  const xc = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    let v = 0;
    for (let i = 0; i < n; i++) { xc[j * n + i] = X[i]![j]! - centre[j]!; v += xc[j * n + i]! ** 2; }
    if (!(v > 0)) throw new SonomicsError('BAD_INPUT', `coxPH: covariate "${names[j]}" is constant; remove it (its coefficient is not identifiable)`);
  }
  const groups = timeGroups(d.time);
  let beta = new Array<number>(p).fill(0);
  let cur = coxLikelihood(xc, n, p, event, groups, beta, ties);
  const nullFit = cur;
  let iterations = 0, converged = false;
  for (; iterations < maxIter; ) {
    iterations++;
    const step = solveSymmetric(cur.information, cur.score);
    let trial = beta.map((b, j) => b + step[j]!);
    let next = coxLikelihood(xc, n, p, event, groups, trial, ties);
    // Step halving while the likelihood decreases (coxph does the same).
    for (let h = 0; h < 30 && !(next.loglik >= cur.loglik) ; h++) {
      trial = trial.map((b, j) => (b + beta[j]!) / 2);
      next = coxLikelihood(xc, n, p, event, groups, trial, ties);
    }
    const done = Math.abs(1 - cur.loglik / next.loglik) <= eps;
    beta = trial;
    cur = next;
    if (done) { converged = true; break; }
  }
  if (!converged) {
    throw new SonomicsError('NOT_CONVERGED', `coxPH: no convergence in ${maxIter} iterations; a covariate may separate the events (infinite hazard ratio) — check the covariates or drop the offending one`);
  }
  if (beta.some((b) => !Number.isFinite(b))) throw new SonomicsError('NOT_CONVERGED', 'coxPH: coefficients became infinite; a covariate separates the events');
  const vcov = invertSymmetric(cur.information);
  const se = vcov.map((r, j) => Math.sqrt(r[j]!));
  const z = beta.map((b, j) => b / se[j]!);
  const means = centre.map((m, j) => (isBinary(X, j) ? 0 : m));
  const lr = 2 * (cur.loglik - nullFit.loglik);
  const infoBeta = cur.information.map((row) => row.reduce((s, v, c) => s + v * beta[c]!, 0));
  const wald = beta.reduce((s, b, j) => s + b * infoBeta[j]!, 0);
  const u0 = nullFit.score;
  const x0 = solveSymmetric(nullFit.information, u0);
  const scoreStat = u0.reduce((s, u, j) => s + u * x0[j]!, 0);
  const test = (statistic: number): CoxTest => ({ statistic, df: p, p: pchisq(statistic, p, true) });

  // Baseline at x = 0: increments computed with centred risk scores, rescaled by e^{−c'β}.
  const shift = centre.reduce((s, c, j) => s + c * beta[j]!, 0);
  const rc = new Float64Array(n);
  for (let i = 0; i < n; i++) { let e = 0; for (let j = 0; j < p; j++) e += beta[j]! * xc[j * n + i]!; rc[i] = Math.exp(e); }
  const inc = baselineIncrements(d.time, event, rc, ties);
  const scale = Math.exp(-shift);
  let H = 0;
  const cumhaz = inc.increment.map((v) => (H += v * scale));
  return {
    kind: 'cox', ties, names, coef: beta, se, z, p: z.map(pNormalTwoSided),
    hazardRatio: beta.map(Math.exp), hrLower: beta.map((b, j) => Math.exp(b - Z975 * se[j]!)), hrUpper: beta.map((b, j) => Math.exp(b + Z975 * se[j]!)),
    vcov, means, n, nEvents, loglikNull: nullFit.loglik, loglik: cur.loglik, iterations, converged,
    tests: { likelihoodRatio: test(lr), wald: test(wald), score: test(scoreStat) },
    baseline: { time: inc.time, cumhaz, nRisk: inc.nRisk, nEvent: inc.nEvent, nCensor: inc.nCensor },
  };
}

function isBinary(X: Matrix, j: number): boolean {
  for (let i = 0; i < X.length; i++) { const v = X[i]![j]; if (v !== 0 && v !== 1) return false; }
  return true;
}

/** x'β with the raw (uncentred) covariates, the scale of the baseline hazard at x = 0. */
export function coxLinearPredictor(model: Pick<CoxModel, 'coef'>, X: Matrix): number[] {
  const [, p] = checkMatrix(X, 'coxLinearPredictor');
  if (p !== model.coef.length) throw new SonomicsError('BUNDLE_MISMATCH', `coxLinearPredictor: ${p} covariates given, the model has ${model.coef.length}`);
  return Array.from(X, (row) => { let s = 0; for (let j = 0; j < p; j++) s += row[j]! * model.coef[j]!; return s; });
}

/** Baseline cumulative hazard H₀(t) (step function, value at the last time ≤ t). */
export function baselineCumhazAt(baseline: { time: ArrayLike<number>; cumhaz: ArrayLike<number> }, t: number): number {
  let lo = 0, hi = baseline.time.length;
  while (lo < hi) { const m = (lo + hi) >>> 1; if (baseline.time[m]! <= t) lo = m + 1; else hi = m; }
  return lo === 0 ? 0 : baseline.cumhaz[lo - 1]!;
}

/** S(t | x) = exp(−H₀(t)·e^{x'β}) for each row (rows × times). */
export function coxSurvival(model: Pick<CoxModel, 'coef' | 'baseline'>, X: Matrix, times: number[]): number[][] {
  const lp = coxLinearPredictor(model, X);
  const H0 = times.map((t) => baselineCumhazAt(model.baseline, t));
  return lp.map((e) => H0.map((h) => Math.exp(-h * Math.exp(e))));
}
