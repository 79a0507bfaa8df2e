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
  return new SmoSolver(Q, yIn, Cp, Cn, eps).solve(shrinking);
}

/**
 * The solver's state and steps as a class rather than closures inside solveSmo: closures are new
 * function objects on every call, so V8's optimised code (which inlines them by identity) was
 * thrown away at the next fit ("wrong call target") and each fit's loop ran unoptimised at first,
 * boxing its doubles. Methods are shared by every instance. Same steps, same arithmetic.
 */
class SmoSolver {
  readonly l: number;
  readonly y: Int8Array;
  readonly idx: Int32Array;   // position → original index (active_set)
  readonly alpha: Float64Array;
  readonly pvec: Float64Array;
  readonly status: Uint8Array;
  readonly G: Float64Array;
  readonly Gbar: Float64Array;
  readonly QD: Float64Array;
  activeSize: number;
  unshrink = false;
  outI = -1;
  outJ = -1;

  constructor(readonly Q: KernelRowCache, yIn: Int8Array, readonly Cp: number, readonly Cn: number, readonly eps: number) {
    const l = yIn.length;
    this.l = l;
    this.y = Int8Array.from(yIn);
    this.idx = new Int32Array(l);
    for (let i = 0; i < l; i++) this.idx[i] = i;
    this.alpha = new Float64Array(l);
    this.pvec = new Float64Array(l).fill(-1);
    this.status = new Uint8Array(l);
    this.G = new Float64Array(l);
    this.Gbar = new Float64Array(l);
    this.QD = Q.diag;
    this.activeSize = l;
    // (α starts at 0, so the initial gradient is just p = −1.)
    for (let i = 0; i < l; i++) { this.updateStatus(i); this.G[i] = this.pvec[i]!; this.Gbar[i] = 0; }
  }

  getC(i: number): number { return this.y[i]! > 0 ? this.Cp : this.Cn; }
  updateStatus(i: number): void {
    const a = this.alpha[i]!;
    this.status[i] = a >= this.getC(i) ? UPPER : a <= 0 ? LOWER : FREE;
  }
  isUpper(i: number): boolean { return this.status[i] === UPPER; }
  isLower(i: number): boolean { return this.status[i] === LOWER; }

  swap(i: number, j: number): void {
    const { y, G, status, alpha, pvec, idx, Gbar } = this;
    let t: number;
    t = y[i]!; y[i] = y[j]!; y[j] = t;
    t = G[i]!; G[i] = G[j]!; G[j] = t;
    t = status[i]!; status[i] = status[j]!; status[j] = t;
    t = alpha[i]!; alpha[i] = alpha[j]!; alpha[j] = t;
    t = pvec[i]!; pvec[i] = pvec[j]!; pvec[j] = t;
    t = idx[i]!; idx[i] = idx[j]!; idx[j] = t;
    t = Gbar[i]!; Gbar[i] = Gbar[j]!; Gbar[j] = t;
  }

  reconstructGradient(): void {
    const { l, G, Gbar, pvec, status, alpha, idx, Q } = this;
    const activeSize = this.activeSize;
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
  }

  /** WSS3; sets outI/outJ and returns false, or returns true when optimal. */
  selectWorkingSet(): boolean {
    const { y, G, idx, QD, Q } = this;
    const activeSize = this.activeSize;
    let Gmax = -Infinity, Gmax2 = -Infinity;
    let GmaxIdx = -1, GminIdx = -1;
    let objDiffMin = Infinity;
    for (let t = 0; t < activeSize; t++) {
      if (y[t] === 1) {
        if (!this.isUpper(t) && -G[t]! >= Gmax) { Gmax = -G[t]!; GmaxIdx = t; }
      } else if (!this.isLower(t) && G[t]! >= Gmax) { Gmax = G[t]!; GmaxIdx = t; }
    }
    const i = GmaxIdx;
    const Qi = i !== -1 ? Q.row(idx[i]!) : null;
    // Loop invariants (gradDiff > 0 implies i ≠ −1): QD_i and 2·y_i, as (2.0 · y_i) · Q_ij.
    const QDi = i !== -1 ? QD[idx[i]!]! : 0;
    const twoYi = i !== -1 ? 2.0 * y[i]! : 0;
    for (let j = 0; j < activeSize; j++) {
      if (y[j] === 1) {
        if (!this.isLower(j)) {
          const gradDiff = Gmax + G[j]!;
          if (G[j]! >= Gmax2) Gmax2 = G[j]!;
          if (gradDiff > 0) {
            const quad = QDi + QD[idx[j]!]! - twoYi * Qi![idx[j]!]!;
            const objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
            if (objDiff <= objDiffMin) { GminIdx = j; objDiffMin = objDiff; }
          }
        }
      } else if (!this.isUpper(j)) {
        const gradDiff = Gmax - G[j]!;
        if (-G[j]! >= Gmax2) Gmax2 = -G[j]!;
        if (gradDiff > 0) {
          const quad = QDi + QD[idx[j]!]! + twoYi * Qi![idx[j]!]!;
          const objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
          if (objDiff <= objDiffMin) { GminIdx = j; objDiffMin = objDiff; }
        }
      }
    }
    if (Gmax + Gmax2 < this.eps || GminIdx === -1) return true;
    this.outI = GmaxIdx;
    this.outJ = GminIdx;
    return false;
  }

  beShrunk(i: number, Gmax1: number, Gmax2: number): boolean {
    const G = this.G;
    if (this.isUpper(i)) return this.y[i] === 1 ? -G[i]! > Gmax1 : -G[i]! > Gmax2;
    if (this.isLower(i)) return this.y[i] === 1 ? G[i]! > Gmax2 : G[i]! > Gmax1;
    return false;
  }

  doShrinking(): void {
    const { y, G, l } = this;
    let Gmax1 = -Infinity, Gmax2 = -Infinity;
    for (let i = 0; i < this.activeSize; i++) {
      if (y[i] === 1) {
        if (!this.isUpper(i) && -G[i]! >= Gmax1) Gmax1 = -G[i]!;
        if (!this.isLower(i) && G[i]! >= Gmax2) Gmax2 = G[i]!;
      } else {
        if (!this.isUpper(i) && -G[i]! >= Gmax2) Gmax2 = -G[i]!;
        if (!this.isLower(i) && G[i]! >= Gmax1) Gmax1 = G[i]!;
      }
    }
    if (!this.unshrink && Gmax1 + Gmax2 <= this.eps * 10) {
      this.unshrink = true;
      this.reconstructGradient();
      this.activeSize = l;
    }
    for (let i = 0; i < this.activeSize; i++) {
      if (!this.beShrunk(i, Gmax1, Gmax2)) continue;
      this.activeSize--;
      while (this.activeSize > i) {
        if (!this.beShrunk(this.activeSize, Gmax1, Gmax2)) { this.swap(i, this.activeSize); break; }
        this.activeSize--;
      }
    }
  }

  /** One SMO step on the pair (i, j): LIBSVM's analytic update with bound clipping, then G and G_bar. */
  step(i: number, j: number): void {
    const { y, G, Gbar, alpha, idx, QD, Q, l } = this;
    const Qi = Q.row(idx[i]!), Qj = Q.row(idx[j]!);
    const Ci = this.getC(i), Cj = this.getC(j);
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
    const activeSize = this.activeSize;
    for (let k = 0; k < activeSize; k++) {
      const o = idx[k]!;
      G[k] += Qi[o]! * dAi + Qj[o]! * dAj;
    }
    const ui = this.isUpper(i), uj = this.isUpper(j);
    this.updateStatus(i);
    this.updateStatus(j);
    if (ui !== this.isUpper(i)) {
      if (ui) for (let k = 0; k < l; k++) Gbar[k] -= Ci * Qi[idx[k]!]!;
      else for (let k = 0; k < l; k++) Gbar[k] += Ci * Qi[idx[k]!]!;
    }
    if (uj !== this.isUpper(j)) {
      if (uj) for (let k = 0; k < l; k++) Gbar[k] -= Cj * Qj[idx[k]!]!;
      else for (let k = 0; k < l; k++) Gbar[k] += Cj * Qj[idx[k]!]!;
    }
  }

  solve(shrinking: boolean): SolverResult {
    const l = this.l;
    let iter = 0;
    const maxIter = Math.max(10_000_000, 100 * l);
    let counter = Math.min(l, 1000) + 1;
    while (iter < maxIter) {
      if (--counter === 0) {
        counter = Math.min(l, 1000);
        if (shrinking) this.doShrinking();
      }
      if (this.selectWorkingSet()) {
        this.reconstructGradient();
        this.activeSize = l;
        if (this.selectWorkingSet()) break;
        counter = 1; // do shrinking next iteration
      }
      ++iter;
      this.step(this.outI, this.outJ);
    }
    if (iter >= maxIter && this.activeSize < l) {
      this.reconstructGradient();
      this.activeSize = l;
    }
    // calculate_rho
    const { y, G, alpha, idx } = this;
    let ub = Infinity, lb = -Infinity, sumFree = 0, nrFree = 0;
    for (let i = 0; i < this.activeSize; i++) {
      const yG = y[i]! * G[i]!;
      if (this.isUpper(i)) {
        if (y[i] === -1) ub = Math.min(ub, yG); else lb = Math.max(lb, yG);
      } else if (this.isLower(i)) {
        if (y[i] === 1) ub = Math.min(ub, yG); else lb = Math.max(lb, yG);
      } else { nrFree++; sumFree += yG; }
    }
    const rho = nrFree > 0 ? sumFree / nrFree : (ub + lb) / 2;
    const out = new Float64Array(l);
    for (let i = 0; i < l; i++) out[idx[i]!] = alpha[i]!;
    return { alpha: out, rho, iterations: iter };
  }
}
