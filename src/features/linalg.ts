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
