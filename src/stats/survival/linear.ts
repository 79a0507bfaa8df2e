/**
 * Small dense linear algebra for the survival models (dimensions = number of covariates or
 * groups): Cholesky with a pivot tolerance, so a rank-deficient matrix gives the generalised
 * inverse survival's coxph and survdiff use (a column whose pivot falls below tol is dropped).
 */
import { SonomicsError } from '../../core/errors.ts';

/**
 * Cholesky LDLᵀ of a symmetric positive semi-definite matrix (survival's cholesky2): returns the
 * factor, with columns whose pivot is ≤ tol·(largest diagonal) marked singular (zeroed).
 */
export function cholesky(A: number[][], tol = 1e-13): { L: number[][]; D: number[]; singular: boolean[] } {
  const p = A.length;
  const L = A.map((r) => r.slice());
  const D = new Array<number>(p).fill(0);
  const singular = new Array<boolean>(p).fill(false);
  let eps = 0;
  for (let i = 0; i < p; i++) eps = Math.max(eps, Math.abs(A[i]![i]!));
  eps = eps === 0 ? tol : eps * tol;
  for (let i = 0; i < p; i++) {
    let piv = L[i]![i]!;
    for (let k = 0; k < i; k++) piv -= L[i]![k]! * L[i]![k]! * D[k]!;
    if (!(piv > eps)) { singular[i] = true; D[i] = 0; for (let j = i + 1; j < p; j++) L[j]![i] = 0; continue; }
    D[i] = piv;
    for (let j = i + 1; j < p; j++) {
      let v = L[j]![i]!;
      for (let k = 0; k < i; k++) v -= L[j]![k]! * L[i]![k]! * D[k]!;
      L[j]![i] = v / piv;
    }
  }
  for (let i = 0; i < p; i++) { L[i]![i] = 1; for (let j = i + 1; j < p; j++) L[i]![j] = 0; }
  return { L, D, singular };
}

/** x = A⁻ b for symmetric PSD A (singular directions get 0). */
export function solveSymmetric(A: number[][], b: number[], tol = 1e-13): number[] {
  return solveFactored(cholesky(A, tol), b);
}

/** x = A⁻ b from A's `cholesky` factor (to solve several right-hand sides with one factorisation). */
export function solveFactored(factor: ReturnType<typeof cholesky>, b: number[]): number[] {
  const { L, D, singular } = factor;
  const p = b.length;
  const y = b.slice();
  for (let i = 0; i < p; i++) for (let k = 0; k < i; k++) y[i] -= L[i]![k]! * y[k]!;
  for (let i = 0; i < p; i++) y[i] = singular[i] ? 0 : y[i]! / D[i]!;
  for (let i = p - 1; i >= 0; i--) for (let k = i + 1; k < p; k++) y[i] -= L[k]![i]! * y[k]!;
  for (let i = 0; i < p; i++) if (singular[i]) y[i] = 0;
  return y;
}

/** A⁻ for symmetric PSD A, column by column. */
export function invertSymmetric(A: number[][], tol = 1e-13): number[][] {
  const p = A.length;
  const cols = Array.from({ length: p }, (_, j) => solveSymmetric(A, Array.from({ length: p }, (_, i) => (i === j ? 1 : 0)), tol));
  return Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => cols[j]![i]!));
}

export function assertSquare(what: string, A: number[][]): void {
  if (A.some((r) => r.length !== A.length)) throw new SonomicsError('INTERNAL', `${what}: matrix is not square`);
}
