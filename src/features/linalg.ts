/** Eigenvalues of a symmetric 3×3 matrix (cyclic Jacobi rotations), sorted descending. */
export function symmetricEigenvalues3(m: number[]): [number, number, number] {
  const a = [[m[0]!, m[1]!, m[2]!], [m[3]!, m[4]!, m[5]!], [m[6]!, m[7]!, m[8]!]];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a[0]![1]! ** 2 + a[0]![2]! ** 2 + a[1]![2]! ** 2;
    if (off < 1e-30 * (a[0]![0]! ** 2 + a[1]![1]! ** 2 + a[2]![2]! ** 2 + 1e-300)) break;
    for (const [p, q] of [[0, 1], [0, 2], [1, 2]] as const) {
      const apq = a[p]![q]!;
      if (apq === 0) continue;
      const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[k]![p]!, akq = a[k]![q]!;
        a[k]![p] = c * akp - s * akq;
        a[k]![q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p]![k]!, aqk = a[q]![k]!;
        a[p]![k] = c * apk - s * aqk;
        a[q]![k] = s * apk + c * aqk;
      }
    }
  }
  return [a[0]![0]!, a[1]![1]!, a[2]![2]!].sort((x, y) => y - x) as [number, number, number];
}

/**
 * Eigenvalues of a symmetric n×n matrix (row-major), unsorted: Householder reduction to
 * tridiagonal form, then the implicit QL iteration with Wilkinson shifts (Golub & Van Loan,
 * Matrix Computations, §8.3; the tred2/tqli scheme without eigenvectors). O(n³), a few µs for
 * the 32 × 32 matrices of GLCM MCC.
 */
export function symmetricEigenvalues(m: Float64Array, n: number): number[] {
  const a = Float64Array.from(m);
  const d = new Float64Array(n), e = new Float64Array(n);
  // Householder: zero row i left of the sub-diagonal, for i = n-1 … 1
  for (let i = n - 1; i > 0; i--) {
    const l = i - 1;
    let h = 0, scale = 0;
    if (l > 0) {
      for (let k = 0; k <= l; k++) scale += Math.abs(a[i * n + k]!);
      if (scale === 0) e[i] = a[i * n + l]!;
      else {
        for (let k = 0; k <= l; k++) { a[i * n + k]! /= scale; h += a[i * n + k]! * a[i * n + k]!; }
        let f = a[i * n + l]!;
        const g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        a[i * n + l] = f - g;
        f = 0;
        for (let j = 0; j <= l; j++) {
          let gg = 0;
          for (let k = 0; k <= j; k++) gg += a[j * n + k]! * a[i * n + k]!;
          for (let k = j + 1; k <= l; k++) gg += a[k * n + j]! * a[i * n + k]!;
          e[j] = gg / h;
          f += e[j]! * a[i * n + j]!;
        }
        const hh = f / (h + h);
        for (let j = 0; j <= l; j++) {
          const fj = a[i * n + j]!;
          const gj = (e[j] = e[j]! - hh * fj);
          for (let k = 0; k <= j; k++) a[j * n + k] = a[j * n + k]! - (fj * e[k]! + gj * a[i * n + k]!);
        }
      }
    } else e[i] = a[i * n + l]!;
    d[i] = h;
  }
  // the reduced matrix's diagonal (no eigenvectors wanted: only the diagonal is kept)
  for (let i = 0; i < n; i++) d[i] = a[i * n + i]!;
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  for (let l = 0; l < n; l++) {
    for (let iter = 0; ; iter++) {
      let mm = l;
      for (; mm < n - 1; mm++) {
        const dd = Math.abs(d[mm]!) + Math.abs(d[mm + 1]!);
        if (Math.abs(e[mm]!) <= Number.EPSILON * dd) break;
      }
      if (mm === l || iter > 60) break;
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = hypot2(g, 1);
      g = d[mm]! - d[l]! + e[l]! / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
      let s = 1, c = 1, p = 0;
      let i = mm - 1;
      for (; i >= l; i--) {
        let f = s * e[i]!;
        const b = c * e[i]!;
        e[i + 1] = r = hypot2(f, g);
        if (r === 0) { d[i + 1] = d[i + 1]! - p; e[mm] = 0; break; }
        s = f / r; c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        f = 0;
      }
      if (r === 0 && i >= l) continue;
      d[l] = d[l]! - p; e[l] = g; e[mm] = 0;
    }
  }
  return Array.from(d);
}

/**
 * The k-th largest eigenvalue (k = 1: the largest) of a symmetric n×n matrix, row-major; only its
 * lower triangle is read and `m` is left as it was. Householder tridiagonalisation, then bisection
 * on Sturm counts for that one eigenvalue (Golub & Van Loan, Matrix Computations, §8.3.1 and
 * §8.4.1; the count as LAPACK's dstebz takes it). Why not symmetricEigenvalues: GLCM MCC wants only
 * λ₂ of 4 matrices of up to 32 × 32 per image, and the implicit QL pass for every eigenvalue cost
 * as much as the reduction. The reduction here runs along rows of the lower triangle (contiguous
 * reads; tred2's column reads were half its time). The result agrees with symmetricEigenvalues to
 * round-off (|Δλ| of the order of ε·‖m‖), not bit for bit.
 */
export function kthLargestEigenvalue(m: Float64Array, n: number, k: number): number {
  if (!(k >= 1 && k <= n)) throw new RangeError(`kthLargestEigenvalue: k = ${k} is outside 1..${n}`);
  const d = new Float64Array(n), e = new Float64Array(n);
  tridiagonalise(m, n, d, e);
  return tridiagonalEigenvalue(d, e, n, n - k);
}

/**
 * Householder reduction of the symmetric matrix m (lower triangle, row-major) to tridiagonal form:
 * diagonal d[0..n), off-diagonal e[i] coupling i − 1 and i (e[0] = 0). Rows are reduced from the
 * last one up (as tred2), so the Householder vector of row i is that row's contiguous part left of
 * the diagonal, and the symmetric product and rank-2 update sweep rows of the lower triangle.
 */
export function tridiagonalise(m: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  const a = Float64Array.from(m.subarray(0, n * n));
  const v = new Float64Array(n), w = new Float64Array(n);
  e[0] = 0;
  for (let i = n - 1; i >= 2; i--) {
    const row = i * n, l = i - 1;
    // x = A(i, 0..l), scaled by its largest magnitude (no under/overflow in σ²)
    let amax = 0;
    for (let c = 0; c <= l; c++) { const x = Math.abs(a[row + c]!); if (x > amax) amax = x; }
    if (amax === 0) { e[i] = 0; continue; }
    let sigma2 = 0;
    for (let c = 0; c <= l; c++) { const x = a[row + c]! / amax; v[c] = x; sigma2 += x * x; }
    const sigma = Math.sqrt(sigma2), xl = v[l]!;
    const s = xl >= 0 ? sigma : -sigma;
    e[i] = -s * amax; // H x = −sign(x_l)‖x‖ e_l
    v[l] = xl + s;
    const beta = 1 / (sigma * (sigma + Math.abs(xl))); // 2 / vᵀv
    // w = β B v over the leading (l+1)² block B, one sweep of its lower triangle
    for (let j = 0; j <= l; j++) w[j] = 0;
    let vw = 0;
    for (let j = 0; j <= l; j++) {
      const rj = j * n, vj = v[j]!;
      let sum = 0;
      for (let c = 0; c < j; c++) { const b = a[rj + c]!; sum += b * v[c]!; w[c] += b * vj; }
      w[j] += sum + a[rj + j]! * vj;
    }
    for (let j = 0; j <= l; j++) { w[j] *= beta; vw += v[j]! * w[j]!; }
    // B ← H B H = B − v qᵀ − q vᵀ with q = w − (β vᵀw / 2) v
    const half = (beta * vw) / 2;
    for (let j = 0; j <= l; j++) w[j] -= half * v[j]!;
    for (let j = 0; j <= l; j++) {
      const rj = j * n, vj = v[j]!, qj = w[j]!;
      for (let c = 0; c <= j; c++) a[rj + c] -= vj * w[c]! + qj * v[c]!;
    }
  }
  if (n > 1) e[1] = a[n]!;
  for (let i = 0; i < n; i++) d[i] = a[i * n + i]!;
}

/**
 * The eigenvalue of index `rank` in ascending order (0 = the smallest) of the symmetric
 * tridiagonal matrix (d, e), by bisection: the number of eigenvalues below x is the number of
 * negative pivots of T − xI (Sturm), and the bracket from Gershgorin's discs halves until its ends
 * are adjacent doubles or within 2ε of each other.
 */
export function tridiagonalEigenvalue(d: Float64Array, e: Float64Array, n: number, rank: number): number {
  const e2 = new Float64Array(n);
  let lo = Infinity, hi = -Infinity, maxE2 = 0;
  for (let i = 0; i < n; i++) {
    const left = i > 0 ? Math.abs(e[i]!) : 0, right = i + 1 < n ? Math.abs(e[i + 1]!) : 0;
    if (d[i]! - left - right < lo) lo = d[i]! - left - right;
    if (d[i]! + left + right > hi) hi = d[i]! + left + right;
    e2[i] = i > 0 ? e[i]! * e[i]! : 0;
    if (e2[i]! > maxE2) maxE2 = e2[i]!;
  }
  const pivmin = Number.MIN_VALUE * 2 ** 60 * Math.max(1, maxE2); // keeps 1/q finite (dstebz's safmin·max e²)
  const span = Math.max(Math.abs(lo), Math.abs(hi));
  lo -= 2 * Number.EPSILON * span + pivmin;
  hi += 2 * Number.EPSILON * span + pivmin;
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi || hi - lo <= 2 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi))) return mid;
    if (sturmCount(d, e2, n, mid, pivmin) > rank) hi = mid;
    else lo = mid;
  }
}

/** Number of eigenvalues of the tridiagonal (d, e²) below x: the negative pivots of its LDLᵀ. */
function sturmCount(d: Float64Array, e2: Float64Array, n: number, x: number, pivmin: number): number {
  let q = d[0]! - x;
  if (Math.abs(q) < pivmin) q = -pivmin;
  let count = q < 0 ? 1 : 0;
  for (let i = 1; i < n; i++) {
    q = d[i]! - x - e2[i]! / q;
    if (Math.abs(q) < pivmin) q = -pivmin;
    if (q < 0) count++;
  }
  return count;
}

/**
 * √(a² + b²) exactly as V8's Math.hypot computes it (builtins/math.tq: scale by the larger
 * magnitude, Kahan-compensated sum of squares), so results keep their bits; as a plain function it
 * is inlined and allocates nothing, where the builtin call cost most of the QL iteration's time.
 */
export function hypot2(a: number, b: number): number {
  const x = Math.abs(a), y = Math.abs(b);
  if (x === Infinity || y === Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  const max = x > y ? x : y;
  if (max === 0) return 0;
  // the compensated sum of two terms: its correction after the first term is exactly 0
  const nx = x / max, ny = y / max;
  return Math.sqrt(nx * nx + ny * ny) * max;
}

/**
 * Covariance of the voxel centres of a mask, in mm: denominator N − 1 (as numpy.cov; default) or
 * N (PyRadiomics shape, which divides the centred coordinates by √N).
 */
export function positionCovariance(size: [number, number, number], spacing: [number, number, number], mask: Uint8Array, divisor: 'n-1' | 'n' = 'n-1'): { cov: number[]; centre: [number, number, number]; n: number } {
  // Scalars and an unrolled outer product, no per-voxel array: the same operations in the same
  // order as the textbook double loop over r, k (identical bits), several times faster.
  const [X, Y, Z] = size, [sx, sy, sz] = spacing;
  let n = 0, s0 = 0, s1 = 0, s2 = 0;
  for (let z = 0, i = 0; z < Z; z++) for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++, i++) {
    if (!mask[i]) continue;
    n++; s0 += x * sx; s1 += y * sy; s2 += z * sz;
  }
  const c: [number, number, number] = [s0 / n, s1 / n, s2 / n];
  const [c0, c1, c2] = c;
  let v00 = 0, v01 = 0, v02 = 0, v11 = 0, v12 = 0, v22 = 0;
  for (let z = 0, i = 0; z < Z; z++) for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++, i++) {
    if (!mask[i]) continue;
    const d0 = x * sx - c0, d1 = y * sy - c1, d2 = z * sz - c2;
    v00 += d0 * d0; v01 += d0 * d1; v02 += d0 * d2;
    v11 += d1 * d1; v12 += d1 * d2; v22 += d2 * d2;
  }
  const denominator = divisor === 'n' ? n : Math.max(1, n - 1);
  // symmetric: d_r·d_k and d_k·d_r are the same product (IEEE multiplication commutes)
  const cov = [v00, v01, v02, v01, v11, v12, v02, v12, v22].map((v) => v / denominator);
  return { cov, centre: c, n };
}
