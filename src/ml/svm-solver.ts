/**
 * SMO solver for the C-SVC dual, a port of LIBSVM 3.x `Solver::Solve` (Fan, Chen & Lin 2005,
 * "Working set selection using second order information for training SVM", JMLR 6):
 *   min ½ αᵀQα − eᵀα   s.t.  yᵀα = 0,  0 ≤ α_i ≤ C_i.
 * Working-set selection WSS3 (maximal violating i, then j minimising the second-order objective
 * decrease), LIBSVM's bound clipping, τ = 1e-12 for non-PD pairs, shrinking with the
 * be_shrunk / unshrink-at-10·eps rule and gradient reconstruction from G_bar, stopping when
 * m(α) − M(α) < eps. rho from the free variables' mean of y_i G_i (or the midpoint of the bounds).
 * Following the same steps in the same order reproduces LIBSVM's iterates and so its decision
 * values to rounding.
 */
import { KernelRowCache } from './svm-kernel.ts';

const TAU = 1e-12;
const LOWER = 0, UPPER = 1, FREE = 2;

export interface SolverResult {
  alpha: Float64Array; // in the caller's sample order, ≥ 0
  rho: number;
  iterations: number;
}

export function solveSmo(Q: KernelRowCache, yIn: Int8Array, Cp: number, Cn: number, eps: number, shrinking: boolean): SolverResult {
  const l = yIn.length;
  const y = Int8Array.from(yIn);
  const idx = Int32Array.from({ length: l }, (_, i) => i); // position → original index (active_set)
  const alpha = new Float64Array(l);
  const pvec = new Float64Array(l).fill(-1);
  const status = new Uint8Array(l);
  const G = new Float64Array(l);
  const Gbar = new Float64Array(l);
  const QD = Q.diag;
  let activeSize = l;
  let unshrink = false;

  const getC = (i: number): number => (y[i]! > 0 ? Cp : Cn);
  const updateStatus = (i: number): void => {
    status[i] = alpha[i]! >= getC(i) ? UPPER : alpha[i]! <= 0 ? LOWER : FREE;
  };
  const isUpper = (i: number): boolean => status[i] === UPPER;
  const isLower = (i: number): boolean => status[i] === LOWER;
  const swap = (i: number, j: number): void => {
    let t: number;
    t = y[i]!; y[i] = y[j]!; y[j] = t;
    t = G[i]!; G[i] = G[j]!; G[j] = t;
    t = status[i]!; status[i] = status[j]!; status[j] = t;
    t = alpha[i]!; alpha[i] = alpha[j]!; alpha[j] = t;
    t = pvec[i]!; pvec[i] = pvec[j]!; pvec[j] = t;
    t = idx[i]!; idx[i] = idx[j]!; idx[j] = t;
    t = Gbar[i]!; Gbar[i] = Gbar[j]!; Gbar[j] = t;
  };

  for (let i = 0; i < l; i++) { updateStatus(i); G[i] = pvec[i]!; Gbar[i] = 0; }
  // (α starts at 0, so the initial gradient is just p = −1.)

  const reconstructGradient = (): void => {
    if (activeSize === l) return;
    for (let j = activeSize; j < l; j++) G[j] = Gbar[j]! + pvec[j]!;
    let nrFree = 0;
    for (let j = 0; j < activeSize; j++) if (status[j] === FREE) nrFree++;
    if (nrFree * l > 2 * activeSize * (l - activeSize)) {
      for (let i = activeSize; i < l; i++) {
        const Qi = Q.row(idx[i]!);
        for (let j = 0; j < activeSize; j++) if (status[j] === FREE) G[i] += alpha[j]! * Qi[idx[j]!]!;
      }
    } else {
      for (let i = 0; i < activeSize; i++) {
        if (status[i] !== FREE) continue;
        const Qi = Q.row(idx[i]!);
        const ai = alpha[i]!;
        for (let j = activeSize; j < l; j++) G[j] += ai * Qi[idx[j]!]!;
      }
    }
  };

  let outI = -1, outJ = -1;
  const selectWorkingSet = (): boolean => {
    let Gmax = -Infinity, Gmax2 = -Infinity;
    let GmaxIdx = -1, GminIdx = -1;
    let objDiffMin = Infinity;
    for (let t = 0; t < activeSize; t++) {
      if (y[t] === 1) {
        if (!isUpper(t) && -G[t]! >= Gmax) { Gmax = -G[t]!; GmaxIdx = t; }
      } else if (!isLower(t) && G[t]! >= Gmax) { Gmax = G[t]!; GmaxIdx = t; }
    }
    const i = GmaxIdx;
    const Qi = i !== -1 ? Q.row(idx[i]!) : null;
    for (let j = 0; j < activeSize; j++) {
      if (y[j] === 1) {
        if (!isLower(j)) {
          const gradDiff = Gmax + G[j]!;
          if (G[j]! >= Gmax2) Gmax2 = G[j]!;
          if (gradDiff > 0) {
            const quad = QD[idx[i]!]! + QD[idx[j]!]! - 2.0 * y[i]! * Qi![idx[j]!]!;
            const objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
            if (objDiff <= objDiffMin) { GminIdx = j; objDiffMin = objDiff; }
          }
        }
      } else if (!isUpper(j)) {
        const gradDiff = Gmax - G[j]!;
        if (-G[j]! >= Gmax2) Gmax2 = -G[j]!;
        if (gradDiff > 0) {
          const quad = QD[idx[i]!]! + QD[idx[j]!]! + 2.0 * y[i]! * Qi![idx[j]!]!;
          const objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
          if (objDiff <= objDiffMin) { GminIdx = j; objDiffMin = objDiff; }
        }
      }
    }
    if (Gmax + Gmax2 < eps || GminIdx === -1) return true;
    outI = GmaxIdx;
    outJ = GminIdx;
    return false;
  };

  const beShrunk = (i: number, Gmax1: number, Gmax2: number): boolean => {
    if (isUpper(i)) return y[i] === 1 ? -G[i]! > Gmax1 : -G[i]! > Gmax2;
    if (isLower(i)) return y[i] === 1 ? G[i]! > Gmax2 : G[i]! > Gmax1;
    return false;
  };

  const doShrinking = (): void => {
    let Gmax1 = -Infinity, Gmax2 = -Infinity;
    for (let i = 0; i < activeSize; i++) {
      if (y[i] === 1) {
        if (!isUpper(i) && -G[i]! >= Gmax1) Gmax1 = -G[i]!;
        if (!isLower(i) && G[i]! >= Gmax2) Gmax2 = G[i]!;
      } else {
        if (!isUpper(i) && -G[i]! >= Gmax2) Gmax2 = -G[i]!;
        if (!isLower(i) && G[i]! >= Gmax1) Gmax1 = G[i]!;
      }
    }
    if (!unshrink && Gmax1 + Gmax2 <= eps * 10) {
      unshrink = true;
      reconstructGradient();
      activeSize = l;
    }
    for (let i = 0; i < activeSize; i++) {
      if (!beShrunk(i, Gmax1, Gmax2)) continue;
      activeSize--;
      while (activeSize > i) {
        if (!beShrunk(activeSize, Gmax1, Gmax2)) { swap(i, activeSize); break; }
        activeSize--;
      }
    }
  };

  let iter = 0;
  const maxIter = Math.max(10_000_000, 100 * l);
  let counter = Math.min(l, 1000) + 1;
  while (iter < maxIter) {
    if (--counter === 0) {
      counter = Math.min(l, 1000);
      if (shrinking) doShrinking();
    }
    if (selectWorkingSet()) {
      reconstructGradient();
      activeSize = l;
      if (selectWorkingSet()) break;
      counter = 1; // do shrinking next iteration
    }
    ++iter;
    const i = outI, j = outJ;
    const Qi = Q.row(idx[i]!), Qj = Q.row(idx[j]!);
    const Ci = getC(i), Cj = getC(j);
    const oldAi = alpha[i]!, oldAj = alpha[j]!;
    const Qij = Qi[idx[j]!]!;
    if (y[i] !== y[j]) {
      let quad = QD[idx[i]!]! + QD[idx[j]!]! + 2 * Qij;
      if (quad <= 0) quad = TAU;
      const delta = (-G[i]! - G[j]!) / quad;
      const diff = alpha[i]! - alpha[j]!;
      alpha[i] += delta;
      alpha[j] += delta;
      if (diff > 0) {
        if (alpha[j]! < 0) { alpha[j] = 0; alpha[i] = diff; }
      } else if (alpha[i]! < 0) { alpha[i] = 0; alpha[j] = -diff; }
      if (diff > Ci - Cj) {
        if (alpha[i]! > Ci) { alpha[i] = Ci; alpha[j] = Ci - diff; }
      } else if (alpha[j]! > Cj) { alpha[j] = Cj; alpha[i] = Cj + diff; }
    } else {
      let quad = QD[idx[i]!]! + QD[idx[j]!]! - 2 * Qij;
      if (quad <= 0) quad = TAU;
      const delta = (G[i]! - G[j]!) / quad;
      const sum = alpha[i]! + alpha[j]!;
      alpha[i] -= delta;
      alpha[j] += delta;
      if (sum > Ci) {
        if (alpha[i]! > Ci) { alpha[i] = Ci; alpha[j] = sum - Ci; }
      } else if (alpha[j]! < 0) { alpha[j] = 0; alpha[i] = sum; }
      if (sum > Cj) {
        if (alpha[j]! > Cj) { alpha[j] = Cj; alpha[i] = sum - Cj; }
      } else if (alpha[i]! < 0) { alpha[i] = 0; alpha[j] = sum; }
    }
    const dAi = alpha[i]! - oldAi, dAj = alpha[j]! - oldAj;
    for (let k = 0; k < activeSize; k++) {
      const o = idx[k]!;
      G[k] += Qi[o]! * dAi + Qj[o]! * dAj;
    }
    const ui = isUpper(i), uj = isUpper(j);
    updateStatus(i);
    updateStatus(j);
    if (ui !== isUpper(i)) {
      if (ui) for (let k = 0; k < l; k++) Gbar[k] -= Ci * Qi[idx[k]!]!;
      else for (let k = 0; k < l; k++) Gbar[k] += Ci * Qi[idx[k]!]!;
    }
    if (uj !== isUpper(j)) {
      if (uj) for (let k = 0; k < l; k++) Gbar[k] -= Cj * Qj[idx[k]!]!;
      else for (let k = 0; k < l; k++) Gbar[k] += Cj * Qj[idx[k]!]!;
    }
  }
  if (iter >= maxIter && activeSize < l) {
    reconstructGradient();
    activeSize = l;
  }
  // calculate_rho
  let ub = Infinity, lb = -Infinity, sumFree = 0, nrFree = 0;
  for (let i = 0; i < activeSize; i++) {
    const yG = y[i]! * G[i]!;
    if (isUpper(i)) {
      if (y[i] === -1) ub = Math.min(ub, yG); else lb = Math.max(lb, yG);
    } else if (isLower(i)) {
      if (y[i] === 1) ub = Math.min(ub, yG); else lb = Math.max(lb, yG);
    } else { nrFree++; sumFree += yG; }
  }
  const rho = nrFree > 0 ? sumFree / nrFree : (ub + lb) / 2;
  const out = new Float64Array(l);
  for (let i = 0; i < l; i++) out[idx[i]!] = alpha[i]!;
  return { alpha: out, rho, iterations: iter };
}
