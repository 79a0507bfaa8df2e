/**
 * Inner-product kernels for the coordinate-descent solvers. Column j of the column-major
 * predictor matrix starts at `off` = j·n. The dot product keeps four partial sums: one long
 * chain of dependent floating-point additions is limited by the adder's latency, four
 * independent chains are not (a 3–4× faster inner loop in V8; only the rounding differs).
 * Plain top-level functions with typed-array arguments so V8 inlines them into the sweeps.
 */

/** Σ_i x[off + i] · v[i], i < n. */
export function dotCol(x: Float64Array, off: number, v: Float64Array, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += x[off + i]! * v[i]!;
    s1 += x[off + i + 1]! * v[i + 1]!;
    s2 += x[off + i + 2]! * v[i + 2]!;
    s3 += x[off + i + 3]! * v[i + 3]!;
  }
  for (; i < n; i++) s0 += x[off + i]! * v[i]!;
  return (s0 + s1) + (s2 + s3);
}

/** Σ_i w[i] · x[off + i]² (the weighted squared norm of a column). */
export function weightedSquare(x: Float64Array, off: number, w: Float64Array, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a = x[off + i]!, b = x[off + i + 1]!, c = x[off + i + 2]!, d = x[off + i + 3]!;
    s0 += w[i]! * a * a;
    s1 += w[i + 1]! * b * b;
    s2 += w[i + 2]! * c * c;
    s3 += w[i + 3]! * d * d;
  }
  for (; i < n; i++) { const a = x[off + i]!; s0 += w[i]! * a * a; }
  return (s0 + s1) + (s2 + s3);
}

/** Σ_i x[offA + i] · w[i] · x[offB + i] (a weighted inner product of two columns). */
export function weightedDot(x: Float64Array, offA: number, offB: number, w: Float64Array, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += x[offA + i]! * w[i]! * x[offB + i]!;
    s1 += x[offA + i + 1]! * w[i + 1]! * x[offB + i + 1]!;
    s2 += x[offA + i + 2]! * w[i + 2]! * x[offB + i + 2]!;
    s3 += x[offA + i + 3]! * w[i + 3]! * x[offB + i + 3]!;
  }
  for (; i < n; i++) s0 += x[offA + i]! * w[i]! * x[offB + i]!;
  return (s0 + s1) + (s2 + s3);
}

/** r[i] −= d · x[off + i]. */
export function subtractCol(r: Float64Array, d: number, x: Float64Array, off: number, n: number): void {
  for (let i = 0; i < n; i++) r[i] -= d * x[off + i]!;
}

/** r[i] −= d · w[i] · x[off + i]. */
export function subtractWeightedCol(r: Float64Array, d: number, w: Float64Array, x: Float64Array, off: number, n: number): void {
  for (let i = 0; i < n; i++) r[i] -= d * w[i]! * x[off + i]!;
}

/**
 * `subtractWeightedCol(r, d, w, x, offU, n)` followed by `dotCol(x, offD, r, n)` in one pass over r:
 * every r[i] gets the same update and the dot product the same four partial sums in the same
 * order, so the results are bit-identical to the two calls; r is read once instead of twice.
 */
export function subtractWeightedColThenDot(r: Float64Array, d: number, w: Float64Array, x: Float64Array, offU: number, offD: number, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = r[i]! - d * w[i]! * x[offU + i]!;
    const r1 = r[i + 1]! - d * w[i + 1]! * x[offU + i + 1]!;
    const r2 = r[i + 2]! - d * w[i + 2]! * x[offU + i + 2]!;
    const r3 = r[i + 3]! - d * w[i + 3]! * x[offU + i + 3]!;
    r[i] = r0; r[i + 1] = r1; r[i + 2] = r2; r[i + 3] = r3;
    s0 += x[offD + i]! * r0;
    s1 += x[offD + i + 1]! * r1;
    s2 += x[offD + i + 2]! * r2;
    s3 += x[offD + i + 3]! * r3;
  }
  for (; i < n; i++) {
    const ri = r[i]! - d * w[i]! * x[offU + i]!;
    r[i] = ri;
    s0 += x[offD + i]! * ri;
  }
  return (s0 + s1) + (s2 + s3);
}

/**
 * `subtractWeightedColThenDot` (offU ≥ 0) or `dotCol` (offU < 0) that also stores
 * `weightedSquare(x, offD, w, n) / n` in out[at]: the three sums keep their own partial sums in
 * their own order, so every value is bit-identical to the separate calls (one pass instead of two).
 */
export function dotAndWeightedSquare(r: Float64Array, d: number, w: Float64Array, x: Float64Array, offU: number, offD: number, n: number, out: Float64Array, at: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let q0 = 0, q1 = 0, q2 = 0, q3 = 0;
  let i = 0;
  if (offU >= 0) {
    for (; i + 3 < n; i += 4) {
      const w0 = w[i]!, w1 = w[i + 1]!, w2 = w[i + 2]!, w3 = w[i + 3]!;
      const r0 = r[i]! - d * w0 * x[offU + i]!;
      const r1 = r[i + 1]! - d * w1 * x[offU + i + 1]!;
      const r2 = r[i + 2]! - d * w2 * x[offU + i + 2]!;
      const r3 = r[i + 3]! - d * w3 * x[offU + i + 3]!;
      r[i] = r0; r[i + 1] = r1; r[i + 2] = r2; r[i + 3] = r3;
      const a = x[offD + i]!, b = x[offD + i + 1]!, c = x[offD + i + 2]!, e = x[offD + i + 3]!;
      s0 += a * r0; s1 += b * r1; s2 += c * r2; s3 += e * r3;
      q0 += w0 * a * a; q1 += w1 * b * b; q2 += w2 * c * c; q3 += w3 * e * e;
    }
    for (; i < n; i++) {
      const ri = r[i]! - d * w[i]! * x[offU + i]!;
      r[i] = ri;
      const a = x[offD + i]!;
      s0 += a * ri;
      q0 += w[i]! * a * a;
    }
  } else {
    for (; i + 3 < n; i += 4) {
      const a = x[offD + i]!, b = x[offD + i + 1]!, c = x[offD + i + 2]!, e = x[offD + i + 3]!;
      s0 += a * r[i]!; s1 += b * r[i + 1]!; s2 += c * r[i + 2]!; s3 += e * r[i + 3]!;
      q0 += w[i]! * a * a; q1 += w[i + 1]! * b * b; q2 += w[i + 2]! * c * c; q3 += w[i + 3]! * e * e;
    }
    for (; i < n; i++) { const a = x[offD + i]!; s0 += a * r[i]!; q0 += w[i]! * a * a; }
  }
  out[at] = ((q0 + q1) + (q2 + q3)) / n;
  return (s0 + s1) + (s2 + s3);
}

/** `subtractWeightedCol` then the plain sum Σ r[i] (one addition chain, in order), in one pass. */
export function subtractWeightedColThenSum(r: Float64Array, d: number, w: Float64Array, x: Float64Array, off: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const ri = r[i]! - d * w[i]! * x[off + i]!;
    r[i] = ri;
    s += ri;
  }
  return s;
}

/**
 * out[j] = Σ_i x[j·n + i] · v[i] for every column j < p (Xᵀv), four columns at a time so each v[i]
 * is loaded once per four products and the four sums form independent addition chains.
 */
export function crossprod(x: Float64Array, n: number, p: number, v: Float64Array, out: Float64Array): void {
  let j = 0;
  for (; j + 3 < p; j += 4) dot4(x, j * n, (j + 1) * n, (j + 2) * n, (j + 3) * n, v, n, out, j);
  for (; j < p; j++) out[j] = dotSingle(x, j * n, v, n);
}

/** out[t] = x_{cols[t]}ᵀ v for the listed columns, four at a time as `crossprod`. */
export function crossprodColumns(x: Float64Array, n: number, cols: number[], v: Float64Array, out: Float64Array): void {
  const c = cols.length;
  let t = 0;
  for (; t + 3 < c; t += 4) dot4(x, cols[t]! * n, cols[t + 1]! * n, cols[t + 2]! * n, cols[t + 3]! * n, v, n, out, t);
  for (; t < c; t++) out[t] = dotSingle(x, cols[t]! * n, v, n);
}

/** out[at..at+3] = the dot products of v with the columns starting at o0…o3 (one chain each). */
function dot4(x: Float64Array, o0: number, o1: number, o2: number, o3: number, v: Float64Array, n: number, out: Float64Array, at: number): void {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let i = 0; i < n; i++) {
    const vi = v[i]!;
    s0 += x[o0 + i]! * vi;
    s1 += x[o1 + i]! * vi;
    s2 += x[o2 + i]! * vi;
    s3 += x[o3 + i]! * vi;
  }
  out[at] = s0; out[at + 1] = s1; out[at + 2] = s2; out[at + 3] = s3;
}

/** One addition chain, so a column's sum rounds the same whether or not it was in a block of four. */
function dotSingle(x: Float64Array, off: number, v: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[off + i]! * v[i]!;
  return s;
}

/**
 * r[i] −= d · u[offU + i] (skipped when d = 0), then Σ_i x[offD + i] · r[i] with `dotCol`'s four
 * partial sums, in one pass over r (the update of one coordinate fused with the next one's
 * gradient; u is a separate array, e.g. the Hessian times a column).
 */
export function subtractThenDot(r: Float64Array, d: number, u: Float64Array, offU: number, x: Float64Array, offD: number, n: number): number {
  if (d === 0) return dotCol(x, offD, r, n);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = r[i]! - d * u[offU + i]!;
    const r1 = r[i + 1]! - d * u[offU + i + 1]!;
    const r2 = r[i + 2]! - d * u[offU + i + 2]!;
    const r3 = r[i + 3]! - d * u[offU + i + 3]!;
    r[i] = r0; r[i + 1] = r1; r[i + 2] = r2; r[i + 3] = r3;
    s0 += x[offD + i]! * r0;
    s1 += x[offD + i + 1]! * r1;
    s2 += x[offD + i + 2]! * r2;
    s3 += x[offD + i + 3]! * r3;
  }
  for (; i < n; i++) {
    const ri = r[i]! - d * u[offU + i]!;
    r[i] = ri;
    s0 += x[offD + i]! * ri;
  }
  return (s0 + s1) + (s2 + s3);
}

/** r[i] −= d · u[offU + i]. */
export function subtractAt(r: Float64Array, d: number, u: Float64Array, offU: number, n: number): void {
  for (let i = 0; i < n; i++) r[i] -= d * u[offU + i]!;
}
