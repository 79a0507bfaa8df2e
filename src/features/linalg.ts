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
        for (let k = 0; k <= l; k++) { a[i * n + k]! /= scale; h += a[i * n + k]! ** 2; }
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
      let r = Math.hypot(g, 1);
      g = d[mm]! - d[l]! + e[l]! / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
      let s = 1, c = 1, p = 0;
      let i = mm - 1;
      for (; i >= l; i--) {
        let f = s * e[i]!;
        const b = c * e[i]!;
        e[i + 1] = r = Math.hypot(f, g);
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
 * Covariance of the voxel centres of a mask, in mm: denominator N − 1 (as numpy.cov; default) or
 * N (PyRadiomics shape, which divides the centred coordinates by √N).
 */
export function positionCovariance(size: [number, number, number], spacing: [number, number, number], mask: Uint8Array, divisor: 'n-1' | 'n' = 'n-1'): { cov: number[]; centre: [number, number, number]; n: number } {
  let n = 0;
  const s = [0, 0, 0];
  for (let z = 0, i = 0; z < size[2]; z++) for (let y = 0; y < size[1]; y++) for (let x = 0; x < size[0]; x++, i++) {
    if (!mask[i]) continue;
    n++; s[0] += x * spacing[0]; s[1] += y * spacing[1]; s[2] += z * spacing[2];
  }
  const c: [number, number, number] = [s[0]! / n, s[1]! / n, s[2]! / n];
  const cov = new Array(9).fill(0) as number[];
  for (let z = 0, i = 0; z < size[2]; z++) for (let y = 0; y < size[1]; y++) for (let x = 0; x < size[0]; x++, i++) {
    if (!mask[i]) continue;
    const d = [x * spacing[0] - c[0], y * spacing[1] - c[1], z * spacing[2] - c[2]];
    for (let r = 0; r < 3; r++) for (let k = 0; k < 3; k++) cov[3 * r + k] += d[r]! * d[k]!;
  }
  const denominator = divisor === 'n' ? n : Math.max(1, n - 1);
  for (let k = 0; k < 9; k++) cov[k] /= denominator;
  return { cov, centre: c, n };
}
