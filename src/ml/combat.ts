/**
 * ComBat harmonisation (Johnson, Li & Rabinovic 2007, Biostatistics 8:118), reproducing
 * sva::ComBat 3.46 (and neuroCombat, same equations), but split into fit and apply so that a
 * model fitted on training data can harmonise new samples from the same batches.
 *   design D = [batch indicators, covariates];  B̂ = (DᵀD)⁻¹Dᵀx  per feature;
 *   grand mean = Σ_b (n_b/N) B̂_b;  var_pooled = mean of squared residuals (divisor N, as sva);
 *   standardised z = (x − grand mean − covariates·B̂_cov) / √var_pooled;
 *   γ̂_bg = batch mean of z, δ̂_bg = batch sample variance (n_b − 1);
 *   priors: γ̄_b, τ²_b (sample variance over features), inverse-gamma a_b, b_b by moments;
 *   parametric EB: iterate γ* = (n τ² γ̂ + δ* γ̄)/(n τ² + δ*), δ* = (½Σ(z − γ*)² + b)/(n/2 + a − 1)
 *     from (γ̂, δ̂), stopping when max(|Δγ|/γ_old, |Δδ|/δ_old) ≤ 1e-4 — with sva's quirk that
 *     γ_old has no abs(), so negative ratios never keep it iterating (reproduced on purpose);
 *   non-parametric EB: sva's int.eprior (likelihood-weighted average over the other features);
 *   mean-only: δ* = 1 and γ* = (τ² γ̂ + γ̄)/(τ² + 1) (parametric) or int.eprior with δ̂ = 1.
 *   adjusted = (z − γ*_b)/√δ*_b · √var_pooled + grand mean + covariates·B̂_cov.
 */
import { SonomicsError } from '../core/errors.ts';
import { checkMatrix, type Matrix } from './matrix.ts';
import { choleskySolve } from './lasso-polish.ts';

export interface CombatModel {
  batches: string[];
  batchSizes: number[];
  nCovariates: number;
  parametric: boolean;
  meanOnly: boolean;
  grandMean: number[];
  varPooled: number[];
  /** Covariate effects: covariateEffects[c][g]. */
  covariateEffects: number[][];
  /** Per batch (rows in `batches` order) × feature. */
  gammaHat: number[][];
  deltaHat: number[][];
  gammaBar: number[];
  t2: number[];
  aPrior: number[];
  bPrior: number[];
  gammaStar: number[][];
  deltaStar: number[][];
  iterations: number[];
}

export interface CombatOptions {
  covariates?: number[][];
  parametric?: boolean;
  meanOnly?: boolean;
  /** EB convergence tolerance (sva: 1e-4). */
  conv?: number;
}

export function combatFit(X: Matrix, batch: (string | number)[], opts: CombatOptions = {}): CombatModel {
  const [n, p] = checkMatrix(X, 'combatFit');
  if (batch.length !== n) throw new SonomicsError('BAD_INPUT', `combatFit: ${batch.length} batch labels for ${n} samples.`);
  const parametric = opts.parametric ?? true;
  const meanOnly = opts.meanOnly ?? false;
  const conv = opts.conv ?? 1e-4;
  const cov = opts.covariates ?? [];
  const q = cov.length ? cov[0]!.length : 0;
  if (cov.length && cov.length !== n) throw new SonomicsError('BAD_INPUT', `combatFit: covariates have ${cov.length} rows for ${n} samples.`);
  // Batch levels sorted like R's factor levels (numeric when all numeric).
  const labels = batch.map(String);
  const levels = [...new Set(labels)].sort((a, b) => (isNum(a) && isNum(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  const nb = levels.length;
  if (nb < 2) throw new SonomicsError('BAD_INPUT', 'combatFit: only one batch; ComBat needs at least two.');
  const bIdx = labels.map((l) => levels.indexOf(l));
  const sizes = levels.map((_, b) => bIdx.filter((v) => v === b).length);
  for (let b = 0; b < nb; b++) if (sizes[b]! < 2) throw new SonomicsError('BAD_INPUT', `combatFit: batch '${levels[b]}' has ${sizes[b]} sample; each batch needs at least 2.`);

  // Design D (n × m) and B̂ = (DᵀD)⁻¹ Dᵀ x_g.
  const m = nb + q;
  const D = (i: number, c: number): number => (c < nb ? (bIdx[i] === c ? 1 : 0) : cov[i]![c - nb]!);
  const DtD = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let c = 0; c < m; c++) { let s = 0; for (let i = 0; i < n; i++) s += D(i, a) * D(i, c); DtD[a * m + c] = s; }
  const Bhat: number[][] = Array.from({ length: m }, () => new Array<number>(p).fill(0));
  for (let g = 0; g < p; g++) {
    const rhs = new Float64Array(m);
    for (let a = 0; a < m; a++) { let s = 0; for (let i = 0; i < n; i++) s += D(i, a) * X[i]![g]!; rhs[a] = s; }
    const sol = choleskySolve(DtD, rhs, m);
    if (!sol) throw new SonomicsError('BAD_INPUT', 'combatFit: the covariates are collinear with the batches; drop the confounded covariates.');
    for (let a = 0; a < m; a++) Bhat[a]![g] = sol[a]!;
  }
  const grandMean = new Array<number>(p).fill(0);
  for (let g = 0; g < p; g++) { let s = 0; for (let b = 0; b < nb; b++) s += (sizes[b]! / n) * Bhat[b]![g]!; grandMean[g] = s; }
  const varPooled = new Array<number>(p).fill(0);
  for (let g = 0; g < p; g++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let fit = 0;
      for (let a = 0; a < m; a++) fit += D(i, a) * Bhat[a]![g]!;
      s += (X[i]![g]! - fit) ** 2;
    }
    varPooled[g] = s / n;
  }
  const covariateEffects = Bhat.slice(nb);
  const model: CombatModel = {
    batches: levels, batchSizes: sizes, nCovariates: q, parametric, meanOnly, grandMean, varPooled, covariateEffects,
    gammaHat: [], deltaHat: [], gammaBar: [], t2: [], aPrior: [], bPrior: [], gammaStar: [], deltaStar: [], iterations: [],
  };
  const Z = standardise(model, X, cov);
  const members = levels.map((_, b) => bIdx.map((v, i) => (v === b ? i : -1)).filter((i) => i >= 0));
  for (let b = 0; b < nb; b++) {
    const rows = members[b]!;
    const gh = new Array<number>(p), dh = new Array<number>(p);
    for (let g = 0; g < p; g++) {
      let s = 0;
      for (const i of rows) s += Z[i]![g]!;
      const mean = s / rows.length;
      gh[g] = mean;
      let v = 0;
      for (const i of rows) v += (Z[i]![g]! - mean) ** 2;
      dh[g] = meanOnly ? 1 : v / (rows.length - 1);
    }
    model.gammaHat.push(gh);
    model.deltaHat.push(dh);
    const gbar = mean(gh);
    model.gammaBar.push(gbar);
    model.t2.push(variance(gh));
    // aprior/bprior (method of moments for the inverse gamma), on δ̂.
    const md = mean(dh), vd = variance(dh);
    model.aPrior.push((2 * vd + md * md) / vd);
    model.bPrior.push((md * vd + md ** 3) / vd);
  }
  for (let b = 0; b < nb; b++) {
    const rows = members[b]!;
    const gh = model.gammaHat[b]!, dh = model.deltaHat[b]!;
    const gbar = model.gammaBar[b]!, t2 = model.t2[b]!, a = model.aPrior[b]!, bp = model.bPrior[b]!;
    let gs: number[], ds: number[], its = 0;
    if (parametric && meanOnly) {
      gs = gh.map((v) => (t2 * v + gbar) / (t2 + 1));
      ds = new Array<number>(p).fill(1);
    } else if (parametric) {
      const nB = rows.length;
      let gOld = gh.slice(), dOld = dh.slice();
      let change = 1;
      gs = gOld; ds = dOld;
      while (change > conv) {
        const gNew = gh.map((v, g) => (t2 * nB * v + dOld[g]! * gbar) / (t2 * nB + dOld[g]!));
        const dNew = new Array<number>(p);
        for (let g = 0; g < p; g++) {
          let s2 = 0;
          for (const i of rows) s2 += (Z[i]![g]! - gNew[g]!) ** 2;
          dNew[g] = (0.5 * s2 + bp) / (nB / 2 + a - 1);
        }
        // sva's it.sol: no abs() on the denominators (the quirk reproduced here).
        change = -Infinity;
        for (let g = 0; g < p; g++) {
          change = Math.max(change, Math.abs(gNew[g]! - gOld[g]!) / gOld[g]!, Math.abs(dNew[g]! - dOld[g]!) / dOld[g]!);
        }
        gOld = gNew; dOld = dNew; gs = gNew; ds = dNew;
        its++;
      }
    } else {
      ({ gs, ds } = intEprior(rows.map((i) => Z[i]!), gh, meanOnly ? new Array<number>(p).fill(1) : dh));
      if (meanOnly) ds = new Array<number>(p).fill(1);
    }
    model.gammaStar.push(gs);
    model.deltaStar.push(ds);
    model.iterations.push(its);
  }
  return model;
}

/** Harmonises samples with a fitted model; every batch must have been seen in the fit. */
export function combatApply(model: CombatModel, X: Matrix, batch: (string | number)[], covariates?: number[][]): number[][] {
  const [n, p] = checkMatrix(X, 'combatApply');
  if (p !== model.grandMean.length) throw new SonomicsError('BAD_INPUT', `combatApply: X has ${p} features, the model ${model.grandMean.length}.`);
  if (batch.length !== n) throw new SonomicsError('BAD_INPUT', `combatApply: ${batch.length} batch labels for ${n} samples.`);
  const cov = covariates ?? [];
  if (model.nCovariates > 0 && cov.length !== n) {
    throw new SonomicsError('BAD_INPUT', `combatApply: the model was fitted with ${model.nCovariates} covariate(s); pass them for all ${n} samples.`);
  }
  const Z = standardise(model, X, cov);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const b = model.batches.indexOf(String(batch[i]));
    if (b < 0) {
      throw new SonomicsError('BAD_INPUT', `combatApply: batch '${batch[i]}' of sample ${i} was not in the ComBat fit (batches: ${model.batches.join(', ')}); refit including it.`);
    }
    const row = new Array<number>(p);
    for (let g = 0; g < p; g++) {
      const zz = (Z[i]![g]! - model.gammaStar[b]![g]!) / Math.sqrt(model.deltaStar[b]![g]!);
      row[g] = zz * Math.sqrt(model.varPooled[g]!) + standMean(model, cov[i], g);
    }
    out.push(row);
  }
  return out;
}

function standMean(model: CombatModel, covRow: number[] | undefined, g: number): number {
  let s = model.grandMean[g]!;
  for (let c = 0; c < model.nCovariates; c++) s += covRow![c]! * model.covariateEffects[c]![g]!;
  return s;
}

function standardise(model: CombatModel, X: Matrix, cov: number[][]): number[][] {
  const p = model.grandMean.length;
  const out: number[][] = [];
  for (let i = 0; i < X.length; i++) {
    const row = new Array<number>(p);
    for (let g = 0; g < p; g++) row[g] = (X[i]![g]! - standMean(model, cov[i], g)) / Math.sqrt(model.varPooled[g]!);
    out.push(row);
  }
  return out;
}

/** sva int.eprior: for each feature, average (γ̂, δ̂) of the other features weighted by the likelihood of this feature's data. */
function intEprior(Zb: number[][], gh: number[], dh: number[]): { gs: number[]; ds: number[] } {
  const p = gh.length, nS = Zb.length;
  const gs = new Array<number>(p), ds = new Array<number>(p);
  for (let g = 0; g < p; g++) {
    let sumL = 0, sumGL = 0, sumDL = 0;
    for (let h = 0; h < p; h++) {
      if (h === g) continue;
      let s2 = 0;
      for (let i = 0; i < nS; i++) s2 += (Zb[i]![g]! - gh[h]!) ** 2;
      const d = dh[h]!;
      let L = 1 / (2 * Math.PI * d) ** (nS / 2) * Math.exp(-s2 / (2 * d));
      if (Number.isNaN(L)) L = 0;
      sumL += L; sumGL += gh[h]! * L; sumDL += d * L;
    }
    gs[g] = sumGL / sumL;
    ds[g] = sumDL / sumL;
  }
  return { gs, ds };
}

function isNum(s: string): boolean { return s.trim() !== '' && Number.isFinite(Number(s)); }
function mean(v: number[]): number { return v.reduce((a, b) => a + b, 0) / v.length; }
function variance(v: number[]): number { const m = mean(v); return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1); }
