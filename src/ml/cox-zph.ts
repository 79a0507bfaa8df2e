/**
 * Test of the proportional-hazards assumption of a Cox model (Grambsch & Therneau 1994, Biometrika
 * 81:515), in the score-test form of R's cox.zph (survival 3.x): each covariate x_j gets a
 * time-varying companion x_j·g(t), with g the centred transform of time (default "km": 1 − the
 * left-continuous Kaplan–Meier at the event times, centred over the events), and the score test of
 * γ = 0 at (β̂, γ = 0) is
 *   U_γ = Σ_events g_k·(x_i − x̄(t_k)) (scaled-Schoenfeld numerator),
 *   I = [Σ V_k, Σ g_k V_k; Σ g_k V_k, Σ g_k² V_k] (V_k = risk-set covariance of x at t_k, e^{x'β̂} weights),
 *   per covariate χ² = u_jᵀ I_jj⁻¹ u_j on the 2 × 2 block of (x_j, x_j g), df 1; global χ² = Uᵀ I⁻¹ U
 *   with U = (0, U_γ), df p.
 * Tied events are handled as Breslow's approximation does (each event at its time with the same
 * risk set); R's cox.zph on an Efron fit uses Efron's weights, so with many ties the statistics
 * differ slightly. A small p-value says the effect of that covariate changes over follow-up.
 */
import { SonomicsError } from '../core/errors.ts';
import { pchisq } from '../stats/distributions.ts';
import { checkSurvival, type SurvivalData } from '../stats/survival/data.ts';
import { solveSymmetric } from '../stats/survival/linear.ts';
import { checkMatrix, type Matrix } from './matrix.ts';

export type ZphTransform = 'km' | 'identity' | 'log' | 'rank';

export interface CoxZphTest {
  terms: { name: string; chisq: number; df: number; p: number }[];
  global: { chisq: number; df: number; p: number };
  transform: ZphTransform;
}

export function coxZph(model: { coef: number[]; names: string[] }, X: Matrix, d: SurvivalData, opts: { transform?: ZphTransform } = {}): CoxZphTest {
  const [n, p] = checkMatrix(X, 'coxZph');
  if (checkSurvival('coxZph', d) !== n) throw new SonomicsError('BAD_INPUT', `coxZph: X has ${n} rows but there are ${d.time.length} times`);
  if (p !== model.coef.length) throw new SonomicsError('BAD_INPUT', `coxZph: X has ${p} columns, the model ${model.coef.length}`);
  const transform = opts.transform ?? 'km';
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d.time[a]! - d.time[b]! || a - b);
  const e = Array.from(X, (r) => { let s = 0; for (let j = 0; j < p; j++) s += r[j]! * model.coef[j]!; return Math.exp(s); });
  // Event times (one entry per event) with the risk-set mean and covariance of x, and the KM.
  const evT: number[] = [], resid: number[][] = [], covs: number[][][] = [], kmLeft: number[] = [];
  let km = 1, atRisk = n;
  for (let a = 0; a < n; ) {
    const t = d.time[order[a]!]!;
    let b = a, dd = 0;
    while (b < n && d.time[order[b]!] === t) { if (d.status[order[b]!] === 1) dd++; b++; }
    if (dd > 0) {
      let s0 = 0;
      const s1 = new Array<number>(p).fill(0), s2 = Array.from({ length: p }, () => new Array<number>(p).fill(0));
      for (let c = a; c < n; c++) {
        const i = order[c]!;
        s0 += e[i]!;
        for (let j = 0; j < p; j++) { s1[j] += e[i]! * X[i]![j]!; for (let l = 0; l <= j; l++) s2[j]![l] += e[i]! * X[i]![j]! * X[i]![l]!; }
      }
      const mean = s1.map((v) => v / s0);
      const V = Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, l) => (j >= l ? s2[j]![l]! : s2[l]![j]!) / s0 - mean[j]! * mean[l]!));
      for (let c = a; c < b; c++) {
        const i = order[c]!;
        if (d.status[i] !== 1) continue;
        evT.push(t); kmLeft.push(km); covs.push(V);
        resid.push(mean.map((mu, j) => X[i]![j]! - mu));
      }
      km *= 1 - dd / atRisk;
    }
    atRisk -= b - a;
    a = b;
  }
  const m = evT.length;
  if (m < 2) throw new SonomicsError('ONE_CLASS', 'coxZph: needs at least two events');
  let g: number[];
  if (transform === 'km') g = kmLeft.map((s) => 1 - s);
  else if (transform === 'identity') g = evT.slice();
  else if (transform === 'log') g = evT.map(Math.log);
  else g = evT.map((_, k) => k + 1);
  const gm = g.reduce((a, b) => a + b, 0) / m;
  g = g.map((v) => v - gm);
  const U = new Array<number>(2 * p).fill(0);
  const I = Array.from({ length: 2 * p }, () => new Array<number>(2 * p).fill(0));
  for (let k = 0; k < m; k++) {
    const gk = g[k]!, V = covs[k]!;
    for (let j = 0; j < p; j++) {
      U[p + j] += gk * resid[k]![j]!;
      for (let l = 0; l < p; l++) {
        I[j]![l] += V[j]![l]!;
        I[j]![p + l] += gk * V[j]![l]!;
        I[p + j]![l] += gk * V[j]![l]!;
        I[p + j]![p + l] += gk * gk * V[j]![l]!;
      }
    }
  }
  const terms = model.names.map((name, j) => {
    const idx = [j, p + j];
    const B = idx.map((r) => idx.map((c) => I[r]![c]!));
    const u = idx.map((r) => U[r]!);
    const x = solveSymmetric(B, u);
    const chisq = u[0]! * x[0]! + u[1]! * x[1]!;
    return { name, chisq, df: 1, p: pchisq(chisq, 1, true) };
  });
  const x = solveSymmetric(I, U);
  const chisq = U.reduce((s, v, k) => s + v * x[k]!, 0);
  return { terms, global: { chisq, df: p, p: pchisq(chisq, p, true) }, transform };
}
