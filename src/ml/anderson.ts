/**
 * Anderson extrapolation weights for a fixed-point sequence (Anderson 1965; for coordinate
 * descent: Bertrand & Massias 2021, "Anderson acceleration of coordinate descent", AISTATS,
 * Algorithm 1): from K + 1 successive iterates x⁰…x^K with differences u_k = x^k − x^{k−1},
 * c = z/Σz with (UᵀU)z = 1, and the extrapolated point is Σ_k c_k x^k (k = 1…K). On a quadratic
 * the iterates of cyclic CD follow a linear recursion, so the extrapolation lands near its limit
 * even when CD itself crawls (an ill-conditioned Gram matrix: more active features than
 * observations). The caller keeps the extrapolation only if it lowers the objective.
 */

/**
 * The weights c (length K) from iterates stored row by row: `iterates[k·m + c]`, k = 0…K.
 * Null when UᵀU is numerically singular (the iterates have stalled): then there is nothing to gain.
 */
export function andersonWeights(iterates: Float64Array, m: number, K: number): Float64Array | null {
  // G = UᵀU with a relative ridge of 1e-10·trace, as is usual for this least-squares problem.
  const G = new Float64Array(K * K);
  for (let a = 0; a < K; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const oa = (a + 1) * m, ob = (b + 1) * m;
      for (let c = 0; c < m; c++) s += (iterates[oa + c]! - iterates[oa - m + c]!) * (iterates[ob + c]! - iterates[ob - m + c]!);
      G[a * K + b] = s; G[b * K + a] = s;
    }
  }
  let trace = 0;
  for (let a = 0; a < K; a++) trace += G[a * K + a]!;
  if (!(trace > 0)) return null;
  for (let a = 0; a < K; a++) G[a * K + a] += 1e-10 * trace;
  // Cholesky solve of G z = 1.
  const z = new Float64Array(K).fill(1);
  for (let a = 0; a < K; a++) {
    for (let b = 0; b < a; b++) {
      let s = G[a * K + b]!;
      for (let c = 0; c < b; c++) s -= G[a * K + c]! * G[b * K + c]!;
      G[a * K + b] = s / G[b * K + b]!;
    }
    let d = G[a * K + a]!;
    for (let c = 0; c < a; c++) d -= G[a * K + c]! ** 2;
    if (!(d > 0)) return null;
    G[a * K + a] = Math.sqrt(d);
  }
  for (let a = 0; a < K; a++) { let s = z[a]!; for (let c = 0; c < a; c++) s -= G[a * K + c]! * z[c]!; z[a] = s / G[a * K + a]!; }
  for (let a = K - 1; a >= 0; a--) { let s = z[a]!; for (let c = a + 1; c < K; c++) s -= G[c * K + a]! * z[c]!; z[a] = s / G[a * K + a]!; }
  let sum = 0;
  for (let a = 0; a < K; a++) sum += z[a]!;
  if (!(Math.abs(sum) > 0) || !Number.isFinite(sum)) return null;
  for (let a = 0; a < K; a++) z[a] /= sum;
  return z;
}
