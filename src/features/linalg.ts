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

/** Eigenvalues of a symmetric n×n matrix (row-major; cyclic Jacobi rotations until the off-diagonal vanishes), unsorted. */
export function symmetricEigenvalues(m: Float64Array, n: number): number[] {
  const a = Float64Array.from(m);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0, diag = 0;
    for (let p = 0; p < n; p++) {
      diag += a[p * n + p]! ** 2;
      for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    }
    if (off <= 1e-32 * diag || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!, akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!, aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  const out: number[] = [];
  for (let p = 0; p < n; p++) out.push(a[p * n + p]!);
  return out;
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
