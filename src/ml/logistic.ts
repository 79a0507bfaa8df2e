/**
 * Unpenalised logistic regression by IRLS, as R's glm(family = binomial()):
 * each step solves the weighted least-squares problem √W X β = √W z by Householder QR
 * (R uses LINPACK dqrdc2 QR too), stops when |dev − dev_old| / (|dev| + 0.1) < epsilon
 * (glm.control; we default to 1e-12 rather than R's 1e-8 for number-for-number agreement),
 * and reports Wald SE from (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ, z, two-sided p = 2Φ(−|z|), odds ratios and the
 * Wald CI exp(β ± z₀.₉₇₅·SE).
 */
import { SonomicsError } from '../core/errors.ts';
import { checkBinary, checkMatrix, type Matrix } from './matrix.ts';
import { profileBounds } from './logistic-profile.ts';
import { deviance, invertUpper, irls, leastSquaresQR } from './irls.ts';

export interface LogisticModel {
  names: string[];
  coef: number[];
  se: number[];
  z: number[];
  p: number[];
  oddsRatio: number[];
  orLower: number[];
  orUpper: number[];
  deviance: number;
  nullDeviance: number;
  aic: number;
  iterations: number;
  converged: boolean;
  /** Covariance matrix of the coefficients (intercept first). */
  vcov: number[][];
  /** Profile-likelihood 95 % OR bounds (only with `profile: true`). */
  orProfileLower?: number[];
  orProfileUpper?: number[];
}

const Z975 = 1.959963984540054;

/**
 * Maximum-likelihood logistic regression (R's glm, binomial). `firth: true` maximises Firth's
 * penalised likelihood l(β) + ½·log|I(β)| instead (Firth 1993, Biometrika 80:27; Heinze & Schemper
 * 2002, Stat Med 21:2409; R's logistf without profile CIs): finite estimates under separation,
 * where the ML estimates run off to ±∞. Its SEs and Wald p-values come from I(β̂)⁻¹, as logistf's
 * vcov; the deviance reported is the unpenalised one at β̂.
 */
export function logisticRegression(X: Matrix, y: ArrayLike<number>, opts: { names?: string[]; epsilon?: number; maxit?: number; profile?: boolean; firth?: boolean } = {}): LogisticModel {
  const [n, p] = checkMatrix(X, 'logisticRegression');
  const yy = checkBinary(y, n, 'logisticRegression');
  const k = p + 1;
  const names = ['(Intercept)', ...(opts.names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`))];
  if (names.length !== k) throw new SonomicsError('BAD_INPUT', `logisticRegression: ${names.length - 1} names for ${p} columns.`);
  const eps = opts.epsilon ?? 1e-12;
  const maxit = opts.maxit ?? 100;
  // Design matrix, column-major, with the intercept column first.
  const D = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    D[i] = 1;
    for (let j = 0; j < p; j++) D[(j + 1) * n + i] = X[i]![j]!;
  }
  const fit = opts.firth ? firthIrls(D, n, k, yy, maxit) : irls(D, n, k, yy, null, eps, maxit);
  const beta = fit.beta, R = fit.R, converged = fit.converged, iter = fit.iterations, devOld = fit.deviance;
  // vcov = (RᵀR)⁻¹ with R from the last WLS (weights at the previous iterate, as glm reports).
  const Rinv = invertUpper(R, k);
  const vcov: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) {
    let s = 0;
    for (let m = Math.max(a, c); m < k; m++) s += Rinv[a * k + m]! * Rinv[c * k + m]!;
    vcov[a]![c] = s;
  }
  const coef = Array.from(beta);
  const se = coef.map((_, j) => Math.sqrt(vcov[j]![j]!));
  const z = coef.map((b, j) => b / se[j]!);
  const pv = z.map((v) => 2 * normalUpper(Math.abs(v)));
  let nullMu = 0;
  for (let i = 0; i < n; i++) nullMu += yy[i]!;
  nullMu /= n;
  const nullDeviance = deviance(yy, new Float64Array(n).fill(nullMu));
  const profile = opts.profile ? profileBounds(D, n, k, yy, coef, se, devOld, Z975) : null;
  return {
    ...(profile ? { orProfileLower: profile.lower.map(Math.exp), orProfileUpper: profile.upper.map(Math.exp) } : {}),
    names,
    coef,
    se,
    z,
    p: pv,
    oddsRatio: coef.map(Math.exp),
    orLower: coef.map((b, j) => Math.exp(b - Z975 * se[j]!)),
    orUpper: coef.map((b, j) => Math.exp(b + Z975 * se[j]!)),
    deviance: devOld,
    nullDeviance,
    aic: devOld + 2 * k,
    iterations: iter,
    converged,
    vcov,
  };
}

/** Linear predictor β₀ + Xβ. */
export function logisticLinearPredictor(model: { coef: number[] }, X: Matrix): number[] {
  const [n, p] = checkMatrix(X, 'logisticLinearPredictor');
  if (p + 1 !== model.coef.length) throw new SonomicsError('BAD_INPUT', `predictLogistic: X has ${p} columns, the model ${model.coef.length - 1}.`);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let e = model.coef[0]!;
    for (let j = 0; j < p; j++) e += model.coef[j + 1]! * X[i]![j]!;
    out[i] = e;
  }
  return out;
}

/** Predicted probabilities 1 / (1 + e^(−lp)). */
export function predictLogistic(model: { coef: number[] }, X: Matrix): number[] {
  return logisticLinearPredictor(model, X).map((e) => 1 / (1 + Math.exp(-e)));
}


/**
 * Firth's penalised likelihood by IRLS on a modified working response (Heinze & Schemper 2002,
 * eq. 3): z = η + (y − μ + h(½ − μ)) / w, with h the diagonal of the hat matrix
 * W^½X(XᵀWX)⁻¹XᵀW^½ at the current μ. As R's logistf: each step is capped at 5 per coefficient
 * and halved until the modified score U*(β) shrinks (max norm). A case with hat value near 1 (a
 * lone exposed case) doubles the curvature the Fisher step assumes, so plain steps overshoot by
 * 2× and oscillate about the optimum; halving lands on it. Converged when max|U*| < 1e-12.
 * R is the QR factor of W^½X at β̂, so (RᵀR)⁻¹ = I(β̂)⁻¹.
 */
function firthIrls(D: Float64Array, n: number, k: number, yy: Float64Array, maxit: number):
  { beta: Float64Array; R: Float64Array; deviance: number; converged: boolean; iterations: number } {
  // μ, W^½X, its QR factor, the hat diagonal and the modified score U*(β) at β.
  const evaluate = (beta: Float64Array) => {
    const mu = new Float64Array(n), eta = new Float64Array(n), A = new Float64Array(n * k), h = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let j = 0; j < k; j++) e += D[j * n + i]! * beta[j]!;
      eta[i] = e;
      const m = 1 / (1 + Math.exp(-e));
      mu[i] = m;
      const sw = Math.sqrt(m * (1 - m));
      for (let j = 0; j < k; j++) A[j * n + i] = sw * D[j * n + i]!;
    }
    const R = leastSquaresQR(A.slice(), new Float64Array(n), n, k).R;
    const Rinv = invertUpper(R, k);
    const score = new Float64Array(k);
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let hi = 0;
      for (let c = 0; c < k; c++) {
        let acc = 0;
        for (let m = 0; m <= c; m++) acc += A[m * n + i]! * Rinv[m * k + c]!;
        hi += acc * acc;
      }
      h[i] = hi;
      const r = yy[i]! - mu[i]! + hi * (0.5 - mu[i]!);
      for (let j = 0; j < k; j++) score[j] = score[j]! + D[j * n + i]! * r;
    }
    for (let j = 0; j < k; j++) norm = Math.max(norm, Math.abs(score[j]!));
    return { mu, eta, A, R, h, norm };
  };
  let beta: Float64Array = new Float64Array(k);
  let s = evaluate(beta);
  let converged = s.norm < 1e-12;
  let iter = 0;
  for (iter = 1; iter <= maxit && !converged; iter++) {
    const { mu, eta, A, h } = s;
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const w = mu[i]! * (1 - mu[i]!);
      b[i] = Math.sqrt(w) * (eta[i]! + (yy[i]! - mu[i]! + h[i]! * (0.5 - mu[i]!)) / w);
    }
    const target = leastSquaresQR(A.slice(), b, n, k).beta;
    const delta = new Float64Array(k);
    let big = 0;
    for (let j = 0; j < k; j++) { delta[j] = target[j]! - beta[j]!; big = Math.max(big, Math.abs(delta[j]!)); }
    if (big > 5) for (let j = 0; j < k; j++) delta[j] = (delta[j]! * 5) / big;
    let next = beta.map((v, j) => v + delta[j]!);
    let trial = evaluate(next);
    // Halve while the modified score does not shrink (it is linear in the error near β̂, so this
    // stays decidable in floating point where the flat penalised likelihood would not).
    for (let halve = 0; halve < 40 && !(trial.norm < s.norm); halve++) {
      for (let j = 0; j < k; j++) delta[j] = delta[j]! / 2;
      next = beta.map((v, j) => v + delta[j]!);
      trial = evaluate(next);
    }
    let change = 0;
    for (let j = 0; j < k; j++) change = Math.max(change, Math.abs(delta[j]!) / Math.max(1, Math.abs(next[j]!)));
    if (!Number.isFinite(change)) throw new SonomicsError('NOT_CONVERGED', 'logisticRegression (Firth): the estimates became non-finite; check the predictors for constant or collinear columns.');
    if (!(trial.norm < s.norm)) { converged = s.norm < 1e-8; break; } // no further progress possible
    beta = next;
    s = trial;
    converged = s.norm < 1e-12 || change < 1e-13;
  }
  let dev = 0;
  for (let i = 0; i < n; i++) dev -= 2 * (yy[i]! === 1 ? Math.log(s.mu[i]!) : Math.log(1 - s.mu[i]!));
  return { beta, R: s.R, deviance: dev, converged, iterations: Math.min(iter, maxit) };
}

/** Upper normal tail Φ(−x) for x ≥ 0, via erfc (W. J. Cody's rational approximations, |rel err| < 1e-15). */
export function normalUpper(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}

function erfc(x: number): number {
  // Cody (1969) erfc for x ≥ 0 in three ranges.
  const ax = Math.abs(x);
  let r: number;
  if (ax < 0.5) {
    const t = ax * ax;
    const top = (((0.1857777061846032 * t + 3.161123743870566) * t + 113.8641541510502) * t + 377.485237685302) * t + 3209.377589138469;
    const bot = (((t + 23.60129095234412) * t + 244.0246379344442) * t + 1282.616526077372) * t + 2844.236833439171;
    r = 1 - (ax * top) / bot;
  } else if (ax < 4) {
    const top = (((((((2.15311535474403846e-8 * ax + 0.564188496988670089) * ax + 8.88314979438837594) * ax + 66.1191906371416295) * ax + 298.635138197400131) * ax + 881.95222124176909) * ax + 1712.04761263407058) * ax + 2051.07837782607147) * ax + 1230.33935479799725;
    const bot = (((((((ax + 15.7449261107098347) * ax + 117.693950891312499) * ax + 537.181101862009858) * ax + 1621.38957456669019) * ax + 3290.79923573345963) * ax + 4362.61909014324716) * ax + 3439.36767414372164) * ax + 1230.33935480374942;
    r = expSplit(ax) * (top / bot);
  } else {
    const z = 1 / (ax * ax);
    const top = ((((0.0163153871373020978 * z + 0.305326634961232344) * z + 0.360344899949804439) * z + 0.125781726111229246) * z + 0.0160837851487422766) * z + 0.000658749161529837803;
    const bot = ((((z + 2.56852019228982242) * z + 1.87295284992346725) * z + 0.527905102951428412) * z + 0.0605183413124413191) * z + 0.00233520497626869185;
    r = (expSplit(ax) / ax) * (0.564189583547756287 - (z * top) / bot);
  }
  return x < 0 ? 2 - r : r;
}

/** exp(−x²) computed with Cody's split to keep relative accuracy for large x. */
function expSplit(x: number): number {
  const xs = Math.trunc(x * 16) / 16;
  const del = (x - xs) * (x + xs);
  return Math.exp(-xs * xs) * Math.exp(-del);
}
