/**
 * The texture kernels in WebAssembly (AssemblyScript; compiled by scripts/build-wasm.mjs into
 * src/features/texture/kernels-wasm.ts, the module as base64). Why: on the first lesion of a
 * process V8 interprets, then compiles, each JavaScript loop; a WebAssembly function is compiled
 * once, before its first call, in well under a millisecond (Liftoff), so the first lesion runs
 * compiled code and later lesions do not wait for TurboFan either.
 *
 * Values: every kernel here mirrors its JavaScript twin in src/features/texture/ operation for
 * operation: the same f64 operations on the same operands in the same order (WebAssembly
 * arithmetic is IEEE 754 binary64 with round-to-nearest, as JavaScript's; no fused multiply-add;
 * Binaryen does not reassociate floating point), and log2 is JavaScript's own Math.log2 (imported),
 * so the features are bit-identical. Counts are integers and exact either way.
 *
 * Memory: JavaScript lays out every array in the module's memory (src/features/texture/kernels.ts)
 * and passes byte addresses; nothing here allocates.
 */

// JavaScript's Math.log2 (AssemblyScript's own log2 may differ in the last bit).
// @ts-ignore: decorator
@external("env", "log2")
declare function jsLog2(x: f64): f64;

@inline function f64At(base: usize, k: i32): f64 { return load<f64>(base + (<usize>k << 3)); }
@inline function setF64(base: usize, k: i32, v: f64): void { store<f64>(base + (<usize>k << 3), v); }
@inline function i32At(base: usize, k: i32): i32 { return load<i32>(base + (<usize>k << 2)); }
@inline function setI32(base: usize, k: i32, v: i32): void { store<i32>(base + (<usize>k << 2), v); }

/**
 * log2(c / total), remembered per integer count c < memoLength (count-log2.ts): memo holds NaN
 * until a count's value is computed.
 */
function log2Share(memo: usize, memoLength: i32, total: f64, c: f64): f64 {
  if (c < <f64>memoLength && c == Math.floor(c)) {
    const k = <i32>c;
    let v = f64At(memo, k);
    if (v != v) { v = jsLog2(c / total); setF64(memo, k, v); }
    return v;
  }
  return jsLog2(c / total);
}

/** Memo length of count-log2.ts countLog2(total): min(1024, max(1, ⌈total⌉ + 1)). */
function memoLength(total: f64): i32 {
  return <i32>Math.min(1024, Math.max(1, Math.ceil(total) + 1));
}

/** NaN-fill n f64 slots. */
function fillNaN(base: usize, n: i32): void {
  for (let k = 0; k < n; k++) setF64(base, k, NaN);
}

/**
 * size-features.ts sizeMatrixFeatures on a rows × cols count matrix at `counts`: writes the 17
 * values to `out` in the order of SIZE_FEATURE_KEYS (kernels.ts). Scratch: rows + cols + 1024 f64.
 */
export function sizeFeatures(counts: usize, rows: i32, cols: i32, nVoxels: f64, out: usize, scratch: usize): void {
  const rowSum = scratch, colSum = scratch + (<usize>rows << 3), memo = colSum + (<usize>cols << 3);
  memory.fill(rowSum, 0, <usize>(rows + cols) << 3);
  let ns = 0.0, se = 0.0, le = 0.0, lge = 0.0, hge = 0.0, slge = 0.0, shge = 0.0, llge = 0.0, lhge = 0.0, ent = 0.0, energy = 0.0;
  let sumI = 0.0, sumI2 = 0.0, sumJ = 0.0, sumJ2 = 0.0;
  for (let r = 0; r < rows; r++) {
    const i = <f64>(r + 1), i2 = i * i, base = r * cols;
    for (let k = 0; k < cols; k++) {
      const s = f64At(counts, base + k);
      if (s == 0) continue;
      const j = <f64>(k + 1), j2 = j * j;
      ns += s;
      setF64(rowSum, r, f64At(rowSum, r) + s);
      setF64(colSum, k, f64At(colSum, k) + s);
      se += s / j2;
      le += s * j2;
      lge += s / i2;
      hge += s * i2;
      slge += s / (i2 * j2);
      shge += (s * i2) / j2;
      llge += (s * j2) / i2;
      lhge += s * i2 * j2;
      sumI += s * i;
      sumI2 += s * i2;
      sumJ += s * j;
      sumJ2 += s * j2;
    }
  }
  let gnu = 0.0, snu = 0.0;
  for (let r = 0; r < rows; r++) { const t = f64At(rowSum, r); gnu += t * t; }
  for (let k = 0; k < cols; k++) { const t = f64At(colSum, k); snu += t * t; }
  const ml = memoLength(ns);
  fillNaN(memo, ml);
  const n = rows * cols;
  for (let q = 0; q < n; q++) {
    const s = f64At(counts, q);
    if (s == 0) continue;
    const p = s / ns;
    ent -= p * log2Share(memo, ml, ns, s);
    energy += p * p;
  }
  const muI = sumI / ns, muJ = sumJ / ns;
  setF64(out, 0, se / ns);
  setF64(out, 1, le / ns);
  setF64(out, 2, lge / ns);
  setF64(out, 3, hge / ns);
  setF64(out, 4, slge / ns);
  setF64(out, 5, shge / ns);
  setF64(out, 6, llge / ns);
  setF64(out, 7, lhge / ns);
  setF64(out, 8, gnu / ns);
  setF64(out, 9, gnu / (ns * ns));
  setF64(out, 10, snu / ns);
  setF64(out, 11, snu / (ns * ns));
  setF64(out, 12, ns / nVoxels);
  setF64(out, 13, Math.max(0, sumI2 / ns - muI * muI));
  setF64(out, 14, Math.max(0, sumJ2 / ns - muJ * muJ));
  setF64(out, 15, ent);
  setF64(out, 16, energy);
}

/**
 * glrlm.ts countRunsByBits: run lengths walking against the direction, one count per run start,
 * into the f64 counts at `c` (Ng × cols). `len` is i32 scratch over the working grid. Returns the
 * longest run (the trimmed matrix's width, as trimColumns finds it).
 */
export function countRunsByBits(bits: usize, levels: usize, idx: usize, len: usize, off: i32, fwd: i32, back: i32, start: i32, end: i32, c: usize, cols: i32): i32 {
  const step = off > 0 ? -1 : 1;
  let longest = 0;
  for (let q = off > 0 ? end - 1 : start; q >= start && q < end; q += step) {
    const i = i32At(idx, q), m = <u32>i32At(bits, i);
    const l = 1 + <i32>((m >>> <u32>fwd) & 1) * i32At(len, i + off);
    setI32(len, i, l);
    const cell = (i32At(levels, i) - 1) * cols + l - 1;
    const starts = <i32>(((m >>> <u32>back) & 1) ^ 1);
    setF64(c, cell, f64At(c, cell) + <f64>starts);
    const counted = l * starts;
    longest = counted > longest ? counted : longest;
  }
  return longest;
}

// Number.MIN_VALUE · 2⁶⁰ = 2⁻¹⁰¹⁴ (exact) and Number.EPSILON, as linalg.ts uses them.
const TINY: f64 = 4.9406564584124654e-324 * 1152921504606846976.0;
const EPS: f64 = 2.220446049250313e-16;

/**
 * glcm.ts maximalCorrelation: √λ₂ of S = A Aᵀ, A(r, k) = p(i,k) / √(p_x(i) p_y(k)) over the levels
 * present, λ₂ by linalg.ts tridiagonalise + tridiagonalEigenvalue. `c` holds the Ng × Ng counts,
 * px / py the marginals; scratch: 2·Ng i32 + (2·Ng² + 6·Ng) f64.
 */
export function maximalCorrelation(c: usize, ng: i32, total: f64, px: usize, py: usize, scratch: usize): f64 {
  const rows = scratch, cols = rows + (<usize>ng << 2);
  let n = 0, m = 0;
  for (let i = 0; i < ng; i++) if (f64At(px, i) > 0) { setI32(rows, n, i); n++; }
  for (let k = 0; k < ng; k++) if (f64At(py, k) > 0) { setI32(cols, m, k); m++; }
  if (n < 2) return 1;
  const a = cols + (<usize>ng << 2), colScale = a + (<usize>(n * m) << 3), s = colScale + (<usize>m << 3);
  for (let k = 0; k < m; k++) setF64(colScale, k, 1 / Math.sqrt(f64At(py, i32At(cols, k))));
  for (let r = 0; r < n; r++) {
    const i = i32At(rows, r), rowScale = 1 / Math.sqrt(f64At(px, i));
    for (let k = 0; k < m; k++) setF64(a, r * m + k, ((f64At(c, i * ng + i32At(cols, k)) / total) * rowScale) * f64At(colScale, k));
  }
  for (let r = 0; r < n; r++) {
    for (let t = 0; t <= r; t++) setF64(s, r * n + t, rowDot(a, r * m, t * m, m));
  }
  const d = s + (<usize>(n * n) << 3), e = d + (<usize>n << 3), v = e + (<usize>n << 3), w = v + (<usize>n << 3), e2 = w + (<usize>n << 3);
  tridiagonalise(s, n, d, e, v, w);
  return Math.sqrt(Math.max(0, tridiagonalEigenvalue(d, e, n, n - 2, e2)));
}

/** glcm.ts rowDot: Σ_k a[x + k] a[y + k] with two running sums. */
function rowDot(a: usize, x: i32, y: i32, m: i32): f64 {
  let s0 = 0.0, s1 = 0.0, k = 0;
  for (; k + 1 < m; k += 2) { s0 += f64At(a, x + k) * f64At(a, y + k); s1 += f64At(a, x + k + 1) * f64At(a, y + k + 1); }
  if (k < m) s0 += f64At(a, x + k) * f64At(a, y + k);
  return s0 + s1;
}

/** linalg.ts tridiagonalise, in place on the lower triangle of `a` (n × n). */
function tridiagonalise(a: usize, n: i32, d: usize, e: usize, v: usize, w: usize): void {
  setF64(e, 0, 0);
  for (let i = n - 1; i >= 2; i--) {
    const row = i * n, l = i - 1;
    let amax = 0.0;
    for (let c = 0; c <= l; c++) { const x = Math.abs(f64At(a, row + c)); if (x > amax) amax = x; }
    if (amax == 0) { setF64(e, i, 0); continue; }
    let sigma2 = 0.0;
    for (let c = 0; c <= l; c++) { const x = f64At(a, row + c) / amax; setF64(v, c, x); sigma2 += x * x; }
    const sigma = Math.sqrt(sigma2), xl = f64At(v, l);
    const s = xl >= 0 ? sigma : -sigma;
    setF64(e, i, -s * amax);
    setF64(v, l, xl + s);
    const beta = 1 / (sigma * (sigma + Math.abs(xl)));
    for (let j = 0; j <= l; j++) setF64(w, j, 0);
    let vw = 0.0;
    for (let j = 0; j <= l; j++) {
      const rj = j * n, vj = f64At(v, j);
      let sum = 0.0;
      for (let c = 0; c < j; c++) { const b = f64At(a, rj + c); sum += b * f64At(v, c); setF64(w, c, f64At(w, c) + b * vj); }
      setF64(w, j, f64At(w, j) + (sum + f64At(a, rj + j) * vj));
    }
    for (let j = 0; j <= l; j++) { setF64(w, j, f64At(w, j) * beta); vw += f64At(v, j) * f64At(w, j); }
    const half = (beta * vw) / 2;
    for (let j = 0; j <= l; j++) setF64(w, j, f64At(w, j) - half * f64At(v, j));
    for (let j = 0; j <= l; j++) {
      const rj = j * n, vj = f64At(v, j), qj = f64At(w, j);
      for (let c = 0; c <= j; c++) setF64(a, rj + c, f64At(a, rj + c) - (vj * f64At(w, c) + qj * f64At(v, c)));
    }
  }
  if (n > 1) setF64(e, 1, f64At(a, n));
  for (let i = 0; i < n; i++) setF64(d, i, f64At(a, i * n + i));
}

/** linalg.ts tridiagonalEigenvalue: bisection on Sturm counts. */
function tridiagonalEigenvalue(d: usize, e: usize, n: i32, rank: i32, e2: usize): f64 {
  let lo = Infinity, hi = -Infinity, maxE2 = 0.0;
  for (let i = 0; i < n; i++) {
    const left = i > 0 ? Math.abs(f64At(e, i)) : 0, right = i + 1 < n ? Math.abs(f64At(e, i + 1)) : 0;
    const di = f64At(d, i);
    if (di - left - right < lo) lo = di - left - right;
    if (di + left + right > hi) hi = di + left + right;
    const ei = f64At(e, i);
    setF64(e2, i, i > 0 ? ei * ei : 0);
    if (f64At(e2, i) > maxE2) maxE2 = f64At(e2, i);
  }
  const pivmin = TINY * Math.max(1, maxE2);
  const span = Math.max(Math.abs(lo), Math.abs(hi));
  lo -= 2 * EPS * span + pivmin;
  hi += 2 * EPS * span + pivmin;
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi || hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) return mid;
    if (sturmCount(d, e2, n, mid, pivmin) > rank) hi = mid;
    else lo = mid;
  }
  return unreachable();
}

/** linalg.ts sturmCount. */
function sturmCount(d: usize, e2: usize, n: i32, x: f64, pivmin: f64): i32 {
  let q = f64At(d, 0) - x;
  if (Math.abs(q) < pivmin) q = -pivmin;
  let count = q < 0 ? 1 : 0;
  for (let i = 1; i < n; i++) {
    q = f64At(d, i) - x - f64At(e2, i) / q;
    if (Math.abs(q) < pivmin) q = -pivmin;
    if (q < 0) count++;
  }
  return count;
}

// JavaScript's Math.exp (for the GLCM's second information correlation).
// @ts-ignore: decorator
@external("env", "exp")
declare function jsExp(x: f64): f64;

/** Number of values glcmFeatures writes: the 25 IBSI features in glcm.ts FEATURES order, then MCC. */
const GLCM_OUTPUTS = 26;

/**
 * glcm.ts glcmFeatures on the Ng × Ng counts at `c`: the 25 IBSI values (FEATURES order) and, when
 * `mcc` is 1, the maximal correlation coefficient, to `out`. `flat` is the correlation of a matrix
 * without spread (NaN or PyRadiomics' 1). Scratch: (4·Ng² + 16·Ng + 1025) f64.
 */
export function glcmFeatures(c: usize, ng: i32, flat: f64, mcc: i32, out: usize, scratch: usize): void {
  const cells = ng * ng;
  let total = 0.0;
  for (let k = 0; k < cells; k++) total += f64At(c, k);
  const px = scratch, py = px + (<usize>ng << 3), pdiff = py + (<usize>ng << 3), psum = pdiff + (<usize>ng << 3);
  const p = psum + (<usize>(2 * ng + 1) << 3), logPxy = p + (<usize>cells << 3);
  const dId = logPxy + (<usize>cells << 3), dIdn = dId + (<usize>ng << 3), dIdm = dIdn + (<usize>ng << 3), dIdmn = dIdm + (<usize>ng << 3);
  const memo = dIdmn + (<usize>ng << 3), rest = memo + (1024 << 3);
  memory.fill(px, 0, <usize>(5 * ng + 1 + 2 * cells) << 3);
  const ml = memoLength(total);
  fillNaN(memo, ml);
  const ngf = <f64>ng;
  for (let k = 0; k < ng; k++) {
    const kf = <f64>k;
    setF64(dId, k, 1 + kf);
    setF64(dIdn, k, 1 + kf / ngf);
    setF64(dIdm, k, 1 + kf * kf);
    setF64(dIdmn, k, 1 + (kf * kf) / (ngf * ngf));
  }
  let jointMax = 0.0, hxy = 0.0, asm = 0.0, contrast = 0.0, dissim = 0.0, id = 0.0, idn = 0.0, idm = 0.0, idmn = 0.0, autocorr = 0.0;
  for (let i = 1; i <= ng; i++) {
    const row = (i - 1) * ng;
    for (let j = 1; j <= ng; j++) {
      const n = f64At(c, row + j - 1);
      const pij = n / total;
      if (pij == 0) continue;
      setF64(p, row + j - 1, pij);
      setF64(px, i - 1, f64At(px, i - 1) + pij);
      setF64(py, j - 1, f64At(py, j - 1) + pij);
      const k = i > j ? i - j : j - i;
      const kf = <f64>k;
      setF64(pdiff, k, f64At(pdiff, k) + pij);
      setF64(psum, i + j, f64At(psum, i + j) + pij);
      if (pij > jointMax) jointMax = pij;
      hxy -= pij * log2Share(memo, ml, total, n);
      asm += pij * pij;
      contrast += kf * kf * pij;
      dissim += kf * pij;
      id += pij / f64At(dId, k);
      idn += pij / f64At(dIdn, k);
      idm += pij / f64At(dIdm, k);
      idmn += pij / f64At(dIdmn, k);
      autocorr += <f64>i * <f64>j * pij;
    }
  }
  let muX = 0.0, muY = 0.0, hx = 0.0, hy = 0.0;
  for (let i = 1; i <= ng; i++) {
    const a = f64At(px, i - 1), b = f64At(py, i - 1);
    muX += <f64>i * a;
    muY += <f64>i * b;
    if (a > 0) hx -= a * jsLog2(a);
    if (b > 0) hy -= b * jsLog2(b);
  }
  marginalProductLogs(px, py, ng, logPxy);
  let varX = 0.0, varY = 0.0, covar = 0.0, joint = 0.0, clusterT = 0.0, clusterS = 0.0, clusterP = 0.0, hxy1 = 0.0, hxy2 = 0.0;
  for (let i = 1; i <= ng; i++) {
    const a = f64At(px, i - 1), row = (i - 1) * ng, fi = <f64>i;
    varX += (fi - muX) * (fi - muX) * a;
    varY += (fi - muY) * (fi - muY) * f64At(py, i - 1);
    for (let j = 1; j <= ng; j++) {
      const pxy = a * f64At(py, j - 1);
      const lg = f64At(logPxy, row + j - 1);
      if (pxy > 0) hxy2 -= pxy * lg;
      const pij = f64At(p, row + j - 1);
      if (pij == 0) continue;
      if (pxy > 0) hxy1 -= pij * lg;
      const fj = <f64>j;
      covar += (fi - muX) * (fj - muY) * pij;
      joint += (fi - muX) * (fi - muX) * pij;
      const t = <f64>(i + j) - muX - muY;
      clusterT += t * t * pij;
      clusterS += t * t * t * pij;
      clusterP += t * t * t * t * pij;
    }
  }
  let diffAvg = 0.0, diffEnt = 0.0, invVar = 0.0;
  for (let k = 0; k < ng; k++) {
    const q = f64At(pdiff, k), kf = <f64>k;
    diffAvg += kf * q;
    if (q > 0) diffEnt -= q * jsLog2(q);
    if (k > 0) invVar += q / (kf * kf);
  }
  let diffVar = 0.0;
  for (let k = 0; k < ng; k++) { const kf = <f64>k; diffVar += (kf - diffAvg) * (kf - diffAvg) * f64At(pdiff, k); }
  let sumAvg = 0.0, sumEnt = 0.0;
  for (let k = 2; k <= 2 * ng; k++) {
    const q = f64At(psum, k);
    sumAvg += <f64>k * q;
    if (q > 0) sumEnt -= q * jsLog2(q);
  }
  let sumVar = 0.0;
  for (let k = 2; k <= 2 * ng; k++) { const kf = <f64>k; sumVar += (kf - sumAvg) * (kf - sumAvg) * f64At(psum, k); }
  const hmax = Math.max(hx, hy);
  const sd = Math.sqrt(varX * varY);
  setF64(out, 0, jointMax);
  setF64(out, 1, muX);
  setF64(out, 2, joint);
  setF64(out, 3, hxy);
  setF64(out, 4, diffAvg);
  setF64(out, 5, diffVar);
  setF64(out, 6, diffEnt);
  setF64(out, 7, sumAvg);
  setF64(out, 8, sumVar);
  setF64(out, 9, sumEnt);
  setF64(out, 10, asm);
  setF64(out, 11, contrast);
  setF64(out, 12, dissim);
  setF64(out, 13, id);
  setF64(out, 14, idn);
  setF64(out, 15, idm);
  setF64(out, 16, idmn);
  setF64(out, 17, invVar);
  setF64(out, 18, sd > 0 ? covar / sd : flat);
  setF64(out, 19, autocorr);
  setF64(out, 20, clusterT);
  setF64(out, 21, clusterS);
  setF64(out, 22, clusterP);
  setF64(out, 23, hmax > 0 ? (hxy - hxy1) / hmax : 0);
  setF64(out, 24, Math.sqrt(Math.max(0, 1 - jsExp(-2 * (hxy2 - hxy)))));
  setF64(out, 25, mcc ? maximalCorrelation(c, ng, total, px, py, rest) : NaN);
}

/** glcm.ts marginalProductLogs: log2(p_x(i) p_y(j)) where positive; the upper half only when p_x = p_y bit for bit. */
function marginalProductLogs(px: usize, py: usize, ng: i32, out: usize): void {
  let symmetric = true;
  for (let i = 0; i < ng; i++) if (reinterpret<i64>(f64At(px, i)) != reinterpret<i64>(f64At(py, i))) { symmetric = false; break; }
  for (let i = 0; i < ng; i++) {
    const a = f64At(px, i);
    for (let j = symmetric ? i : 0; j < ng; j++) {
      const pxy = a * f64At(py, j);
      if (pxy > 0) setF64(out, i * ng + j, jsLog2(pxy));
    }
  }
  if (symmetric) for (let i = 1; i < ng; i++) for (let j = 0; j < i; j++) setF64(out, i * ng + j, f64At(out, j * ng + i));
}

/**
 * same-level.ts computeBits: for every ROI voxel i (idx[0 .. nIdx)), bit k set when the neighbour
 * i + offs[k] has i's grey level; written to `bits` (u32 over the working grid, zero elsewhere:
 * the caller zeroes it).
 */
export function sameLevelBits(levels: usize, idx: usize, nIdx: i32, offs: usize, nOffs: i32, bits: usize): void {
  for (let q = 0; q < nIdx; q++) {
    const i = i32At(idx, q), a = i32At(levels, i);
    let m: u32 = 0;
    for (let k = 0; k < nOffs; k++) m |= <u32>(i32At(levels, i + i32At(offs, k)) == a) << <u32>k;
    setI32(bits, i, <i32>m);
  }
}

/**
 * zones.ts computeZones: flood fill along the same-level bits. label (i32 over the grid) must hold
 * −1; level, size and slice get one entry per zone (room for nIdx each); stack has room for nIdx.
 * Returns the number of zones.
 */
export function labelZones(levels: usize, idx: usize, nIdx: i32, offs: usize, bits: usize, plane: i32, label: usize, stack: usize, level: usize, size: usize, slice: usize): i32 {
  let count = 0;
  for (let q = 0; q < nIdx; q++) {
    const s = i32At(idx, q);
    if (i32At(label, s) != -1) continue;
    setI32(label, s, count);
    let top = 0, members = 0;
    setI32(stack, top++, s);
    while (top > 0) {
      const i = i32At(stack, --top);
      members++;
      for (let m = <u32>i32At(bits, i); m != 0; m &= m - 1) {
        const j = i + i32At(offs, <i32>ctz<u32>(m));
        if (i32At(label, j) == -1) { setI32(label, j, count); setI32(stack, top++, j); }
      }
    }
    setI32(level, count, i32At(levels, s));
    setI32(size, count, members);
    setI32(slice, count, s / plane);
    count++;
  }
  return count;
}

/**
 * ngtdm.ts accumulate: per ROI voxel q ∈ [start, end) the sum and number of ROI neighbours; s_i +=
 * |i − sum / w| and n_i += 1 when w > 0, else n_i += isolated. Returns 1 when some voxel had a
 * neighbour. s, n: Ng f64 each (zeroed by the caller).
 */
export function ngtdmAccumulate(levels: usize, idx: usize, offs: usize, nOffs: i32, start: i32, end: i32, s: usize, n: usize, isolated: f64): i32 {
  let any = 0;
  for (let q = start; q < end; q++) {
    const i = i32At(idx, q);
    const a = i32At(levels, i);
    let sum = 0, w = 0;
    for (let k = 0; k < nOffs; k++) {
      const b = i32At(levels, i + i32At(offs, k));
      sum += b;
      w += <i32>(b > 0);
    }
    if (w == 0) { setF64(n, a - 1, f64At(n, a - 1) + isolated); continue; }
    setF64(s, a - 1, f64At(s, a - 1) + Math.abs(<f64>a - <f64>sum / <f64>w));
    setF64(n, a - 1, f64At(n, a - 1) + 1);
    any = 1;
  }
  return any;
}

/**
 * ngldm.ts ngldmMatrix with δ = 1, a = 0: dependence count 1 + popcount(same-level bits) into c
 * (Ng × cols f64, zeroed). Returns the largest dependence count (the trimmed width).
 */
export function ngldmCounts(levels: usize, idx: usize, bits: usize, start: i32, end: i32, c: usize, cols: i32): i32 {
  let widest = 0;
  for (let q = start; q < end; q++) {
    const i = i32At(idx, q);
    const k = <i32>popcnt<u32>(<u32>i32At(bits, i));
    const cell = (i32At(levels, i) - 1) * cols + k;
    setF64(c, cell, f64At(c, cell) + 1);
    widest = k + 1 > widest ? k + 1 : widest;
  }
  return widest;
}

/** Keep the first `width` of `cols` columns of the rows × cols f64 matrix at c, rows packed from c on (matrix.ts trimColumns). */
export function compactColumns(c: usize, rows: i32, cols: i32, width: i32): void {
  if (width == cols) return;
  for (let r = 1; r < rows; r++) memory.copy(c + (<usize>(r * width) << 3), c + (<usize>(r * cols) << 3), <usize>width << 3);
}

/**
 * glcm.ts glcmMatrices: the co-occurrence counts of nd directions (flat offsets offs) over the ROI
 * voxels q ∈ [start, end), counted one way into the i32 block `all` (nd × Ng², zeroed), then each
 * direction's f64 matrix into `out` (nd × Ng², zeroed) with Pᵀ added when `symmetric`. pairs[k]
 * (i32) gets each direction's number of pairs.
 */
export function glcmMatrices(levels: usize, idx: usize, offs: usize, nd: i32, start: i32, end: i32, ng: i32, symmetric: i32, all: usize, out: usize, pairs: usize): void {
  const size = ng * ng;
  for (let q = start; q < end; q++) {
    const i = i32At(idx, q);
    const base = (i32At(levels, i) - 1) * ng - 1;
    for (let k = 0; k < nd; k++) {
      const b = i32At(levels, i + i32At(offs, k));
      if (b != 0) { const cell = k * size + base + b; setI32(all, cell, i32At(all, cell) + 1); }
    }
  }
  for (let k = 0; k < nd; k++) {
    const o = k * size;
    let count = 0;
    for (let a = 0; a < ng; a++) {
      for (let b = 0; b < ng; b++) {
        const n = i32At(all, o + a * ng + b);
        if (n == 0) continue;
        count += n;
        setF64(out, o + a * ng + b, f64At(out, o + a * ng + b) + <f64>n);
        if (symmetric) setF64(out, o + b * ng + a, f64At(out, o + b * ng + a) + <f64>n);
      }
    }
    setI32(pairs, k, count);
  }
}

/**
 * ngtdm.ts ngtdmFeatures on s_i, n_i (Ng f64 each at s, n): coarseness, contrast, busyness,
 * complexity, strength to `out`. Scratch: 3·Ng f64 (the present levels, p_i and s_i).
 */
export function ngtdmFeatures(s: usize, n: usize, ng: i32, out: usize, scratch: usize): void {
  let nvc = 0.0, sTotal = 0.0;
  for (let k = 0; k < ng; k++) { nvc += f64At(n, k); sTotal += f64At(s, k); }
  const lv = scratch, p = lv + (<usize>ng << 3), sp = p + (<usize>ng << 3);
  let ngp = 0;
  for (let k = 0; k < ng; k++) {
    if (f64At(n, k) > 0) { setF64(lv, ngp, <f64>(k + 1)); setF64(p, ngp, f64At(n, k) / nvc); setF64(sp, ngp, f64At(s, k)); ngp++; }
  }
  let ps = 0.0;
  for (let a = 0; a < ngp; a++) ps += f64At(p, a) * f64At(sp, a);
  let contrastSum = 0.0, busyDen = 0.0, complexity = 0.0, strengthNum = 0.0;
  for (let a = 0; a < ngp; a++) {
    const la = f64At(lv, a), pa = f64At(p, a), sa = f64At(sp, a);
    for (let b = 0; b < ngp; b++) {
      const lb = f64At(lv, b), pb = f64At(p, b), sb = f64At(sp, b);
      const d = la - lb; // an integer difference, exact
      contrastSum += pa * pb * d * d;
      busyDen += Math.abs(la * pa - lb * pb);
      complexity += (Math.abs(d) * (pa * sa + pb * sb)) / (pa + pb);
      strengthNum += (pa + pb) * d * d;
    }
  }
  const ngpf = <f64>ngp;
  setF64(out, 0, ps > 0 ? 1 / ps : 1e6);
  setF64(out, 1, ngp > 1 ? (contrastSum / (ngpf * (ngpf - 1))) * (sTotal / nvc) : 0);
  setF64(out, 2, busyDen > 0 ? ps / busyDen : 0);
  setF64(out, 3, complexity / nvc);
  setF64(out, 4, sTotal > 0 ? strengthNum / sTotal : 0);
}

/**
 * volume.ts textureVolume, first pass: the bounding box of the intensity ROI (levels > 0) ∪ the
 * morphological mask (when hasMorph) of the sx × sy × sz grid, the ROI voxel count and the largest
 * level, as 8 i32 to `out`: x0, y0, z0, x1, y1, z1, count, maxLevel.
 */
export function roiExtent(lv: usize, mm: usize, hasMorph: i32, sx: i32, sy: i32, sz: i32, out: usize): void {
  let x0 = sx, y0 = sy, z0 = sz, x1 = -1, y1 = -1, z1 = -1, count = 0, maxLevel = 0;
  for (let z = 0; z < sz; z++) {
    for (let y = 0; y < sy; y++) {
      const row = sx * (y + sy * z);
      let first = -1, last = -1;
      for (let x = 0; x < sx; x++) {
        const l = i32At(lv, row + x);
        if (l > 0) {
          count++;
          if (l > maxLevel) maxLevel = l;
        } else if (!hasMorph || load<u8>(mm + <usize>(row + x)) == 0) continue;
        if (first < 0) first = x;
        last = x;
      }
      if (first < 0) continue;
      if (first < x0) x0 = first;
      if (last > x1) x1 = last;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (z < z0) z0 = z;
      z1 = z;
    }
  }
  setI32(out, 0, x0); setI32(out, 1, y0); setI32(out, 2, z0);
  setI32(out, 3, x1); setI32(out, 4, y1); setI32(out, 5, z1);
  setI32(out, 6, count); setI32(out, 7, maxLevel);
}

/**
 * volume.ts textureVolume, second pass: the box x0..x1 × y0..y1 × z0..z1 copied into the padded
 * X × Y × Z grid (levels i32 and morph u8, both zeroed by the caller), the ROI voxels' flat indices
 * in ascending order and each slice's first position (sliceStart, Z + 1 i32).
 */
export function fillVolume(lv: usize, mm: usize, hasMorph: i32, sx: i32, sy: i32, x0: i32, y0: i32, z0: i32, x1: i32, y1: i32, z1: i32, padXY: i32, padZ: i32, X: i32, Y: i32, Z: i32, levels: usize, morph: usize, roiIndex: usize, sliceStart: usize): void {
  let q = 0;
  for (let z = z0; z <= z1; z++) {
    const zz = z - z0 + padZ;
    setI32(sliceStart, zz, q);
    for (let y = y0; y <= y1; y++) {
      const src = x0 + sx * (y + sy * z);
      const dst = padXY + X * (y - y0 + padXY + Y * zz);
      for (let x = 0; x <= x1 - x0; x++) {
        const l = i32At(lv, src + x);
        if (l > 0) {
          setI32(levels, dst + x, l);
          store<u8>(morph + <usize>(dst + x), 1);
          setI32(roiIndex, q++, dst + x);
        } else if (hasMorph && load<u8>(mm + <usize>(src + x)) != 0) {
          store<u8>(morph + <usize>(dst + x), 1);
        }
      }
    }
  }
  for (let zz = z1 - z0 + 1 + padZ; zz <= Z; zz++) setI32(sliceStart, zz, q);
}

/** The largest of n i32 at `a` (0 when n = 0). */
export function maxI32(a: usize, n: i32): i32 {
  let m = 0;
  for (let k = 0; k < n; k++) { const x = i32At(a, k); m = x > m ? x : m; }
  return m;
}

/** glszm.ts zoneMatrix: one count per zone k < n at (level[k] − 1, second[k] − 1) of the Ng × cols f64 matrix c (zeroed). */
export function zoneCounts(level: usize, second: usize, n: i32, c: usize, cols: i32): void {
  for (let k = 0; k < n; k++) {
    const cell = (i32At(level, k) - 1) * cols + i32At(second, k) - 1;
    setF64(c, cell, f64At(c, cell) + 1);
  }
}
