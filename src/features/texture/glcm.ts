/**
 * Grey level co-occurrence matrix (GLCM) features, IBSI 1 manual §3.6 (family code LFYI).
 * Symmetric counting (each pair counted in both orders), Chebyshev distance δ (default 1)
 * along the 4 in-plane or 13 volumetric directions; entropies in log2.
 */
import { directionalPlan } from './aggregation.ts';
import { DIRECTIONS_2D, DIRECTIONS_3D, directionLength, directionsWithin, flatOffset, scaledMatrix, type Direction } from './directions.ts';
import { SonomicsError } from '../../core/errors.ts';
import { countMatrix, mergeMatrices, type CountMatrix } from './matrix.ts';
import { runDirectional } from './runner.ts';
import { cachedTextureVolume, roiBox, roiRange, type TextureVolume } from './volume.ts';
import type { DiscretisedRoi, FamilyValues, FeatureDef, TextureAggregation, TextureOptions } from '../types.ts';
import { neighbourReach, shellNeighbours, textureDistance, textureShells } from './options.ts';
import { kthLargestEigenvalue } from '../linalg.ts';
import { countLog2, log2Share } from './count-log2.ts';
import { defineFamily } from '../family.ts';
import { textureArena } from './kernels.ts';

export const FEATURES: FeatureDef[] = [
  { name: 'joint_maximum', ibsiCode: 'GYBY', unit: '' },
  { name: 'joint_average', ibsiCode: '60VM', unit: '', pyradiomics: 'JointAverage' },
  { name: 'joint_variance', ibsiCode: 'UR99', unit: '', pyradiomics: 'SumSquares' },
  { name: 'joint_entropy', ibsiCode: 'TU9B', unit: '', pyradiomics: 'JointEntropy' },
  { name: 'difference_average', ibsiCode: 'TF7R', unit: '', pyradiomics: 'DifferenceAverage' },
  { name: 'difference_variance', ibsiCode: 'D3YU', unit: '', pyradiomics: 'DifferenceVariance' },
  { name: 'difference_entropy', ibsiCode: 'NTRS', unit: '', pyradiomics: 'DifferenceEntropy' },
  { name: 'sum_average', ibsiCode: 'ZGXS', unit: '', pyradiomics: 'SumAverage' },
  { name: 'sum_variance', ibsiCode: 'OEEB', unit: '' },
  { name: 'sum_entropy', ibsiCode: 'P6QZ', unit: '', pyradiomics: 'SumEntropy' },
  { name: 'angular_second_moment', ibsiCode: '8ZQL', unit: '', pyradiomics: 'JointEnergy' },
  { name: 'contrast', ibsiCode: 'ACUI', unit: '', pyradiomics: 'Contrast' },
  { name: 'dissimilarity', ibsiCode: '8S9J', unit: '' },
  { name: 'inverse_difference', ibsiCode: 'IB1Z', unit: '', pyradiomics: 'Id' },
  { name: 'normalised_inverse_difference', ibsiCode: 'NDRX', unit: '', pyradiomics: 'Idn' },
  { name: 'inverse_difference_moment', ibsiCode: 'WF0Z', unit: '', pyradiomics: 'Idm' },
  { name: 'normalised_inverse_difference_moment', ibsiCode: '1QCO', unit: '', pyradiomics: 'Idmn' },
  { name: 'inverse_variance', ibsiCode: 'E8JP', unit: '', pyradiomics: 'InverseVariance' },
  { name: 'correlation', ibsiCode: 'NI2N', unit: '', pyradiomics: 'Correlation' },
  { name: 'autocorrelation', ibsiCode: 'QWB0', unit: '', pyradiomics: 'Autocorrelation' },
  { name: 'cluster_tendency', ibsiCode: 'DG8W', unit: '', pyradiomics: 'ClusterTendency' },
  { name: 'cluster_shade', ibsiCode: '7NFM', unit: '', pyradiomics: 'ClusterShade' },
  { name: 'cluster_prominence', ibsiCode: 'AE86', unit: '', pyradiomics: 'ClusterProminence' },
  { name: 'information_correlation_1', ibsiCode: 'R8DG', unit: '', pyradiomics: 'Imc1' },
  { name: 'information_correlation_2', ibsiCode: 'JN9H', unit: '', pyradiomics: 'Imc2' },
  // PyRadiomics only (TextureOptions.mcc)
  { name: 'maximal_correlation_coefficient', ibsiCode: '', unit: '', pyradiomics: 'MCC', pyradiomicsOnly: true },
];
const NAMES = FEATURES.map((f) => f.name);
const IBSI_NAMES = NAMES.filter((n) => n !== 'maximal_correlation_coefficient');

/**
 * Co-occurrence counts of direction d at distance δ in slice z (z = -1: whole volume).
 * Rows and columns are grey levels 1..Ng (row-major, index (i-1)·Ng + (j-1)).
 */
export function glcmMatrix(v: TextureVolume, d: Direction, distance: number, z: number, symmetric = true): CountMatrix | null {
  return glcmMatrices(v, [d], distance, z, symmetric)[0]!;
}

/** The matrices of several directions in one pass over the ROI voxels (null when empty). */
export function glcmMatrices(v: TextureVolume, dirs: readonly Direction[], distance: number, z: number, symmetric = true): (CountMatrix | null)[] {
  return glcmMatricesWasm(v, dirs, distance, z, symmetric) ?? glcmMatricesJs(v, dirs, distance, z, symmetric);
}

/** The matrices by the WebAssembly kernel (assembly/texture.ts glcmMatrices), copied out; null without the kernels or memory. */
function glcmMatricesWasm(v: TextureVolume, dirs: readonly Direction[], distance: number, z: number, symmetric: boolean): (CountMatrix | null)[] | null {
  const arena = textureArena();
  if (arena === null) return null;
  arena.forVolume(v);
  const lv = arena.place(v.levels), idx = arena.place(v.roiIndex);
  if (lv < 0 || idx < 0) return null;
  const ng = v.nLevels, nd = dirs.length, size = ng * ng, mark = arena.mark();
  const offs = arena.alloc(4 * nd), all = arena.alloc(4 * nd * size), out = arena.alloc(8 * nd * size), pairs = arena.alloc(4 * nd);
  if (offs < 0 || all < 0 || out < 0 || pairs < 0) { arena.release(mark); return null; }
  const offsets = arena.i32(offs, nd);
  dirs.forEach((d, k) => { offsets[k] = flatOffset(d, distance, v.X, v.Y); });
  arena.i32(all, nd * size).fill(0);
  arena.f64(out, nd * size).fill(0);
  const [start, end] = roiRange(v, z);
  arena.k.glcmMatrices(lv, idx, offs, nd, start, end, ng, symmetric ? 1 : 0, all, out, pairs);
  const counts = arena.f64(out, nd * size), pairCounts = arena.i32(pairs, nd);
  const matrices = dirs.map((_, k) => (pairCounts[k]! > 0 ? { counts: counts.slice(k * size, (k + 1) * size), rows: ng, cols: ng, nVoxels: 0 } : null));
  arena.release(mark);
  return matrices;
}

/** The JavaScript twin of the kernel (and the fallback without WebAssembly). */
export function glcmMatricesJs(v: TextureVolume, dirs: readonly Direction[], distance: number, z: number, symmetric = true): (CountMatrix | null)[] {
  const ng = v.nLevels, nd = dirs.length, size = ng * ng;
  // One flat block for all directions: block k holds direction k, counted one way only.
  const all = new Int32Array(nd * size);
  const offs = Int32Array.from(dirs, (d) => flatOffset(d, distance, v.X, v.Y));
  const lv = v.levels, idx = v.roiIndex;
  const [start, end] = roiRange(v, z);
  for (let q = start; q < end; q++) {
    const i = idx[q]!;
    const base = (lv[i]! - 1) * ng - 1;
    for (let k = 0; k < nd; k++) {
      const b = lv[i + offs[k]!]!; // in bounds: ROI voxels lie ≥ δ from the padded edge
      if (b !== 0) all[k * size + base + b]++;
    }
  }
  const out: (CountMatrix | null)[] = [];
  for (let k = 0; k < nd; k++) {
    const m = countMatrix(ng, ng);
    const c = m.counts, o = k * size;
    let pairs = 0;
    for (let a = 0; a < ng; a++) {
      for (let b = 0; b < ng; b++) {
        const n = all[o + a * ng + b]!;
        if (n === 0) continue;
        pairs += n;
        c[a * ng + b] += n;
        if (symmetric) c[b * ng + a] += n; // P + Pᵀ: each pair counted in both orders
      }
    }
    out.push(pairs > 0 ? m : null);
  }
  return out;
}

/**
 * IBSI 1 §3.6.1–3.6.25 on one (possibly merged) GLCM. Every sum takes its terms in the textbook
 * order (rows i, then columns j), so the values keep their bits; what is shared instead of
 * recomputed: p(i,j) (one division per cell), log2 p per distinct count (count-log2.ts), the
 * per-|i − j| denominators, and log2(p_x(i) p_y(j)), of which a symmetric GLCM (p_x = p_y, bit for
 * bit, as both sum the same terms in the same order) needs only the upper half.
 */
export function glcmFeatures(m: CountMatrix, options: TextureOptions = {}): FamilyValues {
  return glcmFeaturesWasm(m, options) ?? glcmFeaturesJs(m, options);
}

/** The WebAssembly kernel (assembly/texture.ts glcmFeatures); null without the kernels or memory. */
function glcmFeaturesWasm(m: CountMatrix, options: TextureOptions): FamilyValues | null {
  const arena = textureArena();
  if (arena === null) return null;
  const ng = m.rows, cells = ng * ng, mark = arena.mark();
  const c = arena.alloc(8 * cells), out = arena.alloc(8 * 26), scratch = arena.alloc(8 * (4 * cells + 16 * ng + 1025));
  if (c < 0 || out < 0 || scratch < 0) { arena.release(mark); return null; }
  arena.f64(c, cells).set(m.counts);
  arena.k.glcmFeatures(c, ng, options.flatCorrelation === 'one' ? 1 : NaN, options.mcc ? 1 : 0, out, scratch);
  const f = arena.f64(out, 26);
  arena.release(mark);
  // a literal in FEATURES order (not a loop over the names: a keyed store per name made this
  // wrapper one of the costliest TurboFan compiles of the first lesions)
  const values: FamilyValues = {
    joint_maximum: f[0]!,
    joint_average: f[1]!,
    joint_variance: f[2]!,
    joint_entropy: f[3]!,
    difference_average: f[4]!,
    difference_variance: f[5]!,
    difference_entropy: f[6]!,
    sum_average: f[7]!,
    sum_variance: f[8]!,
    sum_entropy: f[9]!,
    angular_second_moment: f[10]!,
    contrast: f[11]!,
    dissimilarity: f[12]!,
    inverse_difference: f[13]!,
    normalised_inverse_difference: f[14]!,
    inverse_difference_moment: f[15]!,
    normalised_inverse_difference_moment: f[16]!,
    inverse_variance: f[17]!,
    correlation: f[18]!,
    autocorrelation: f[19]!,
    cluster_tendency: f[20]!,
    cluster_shade: f[21]!,
    cluster_prominence: f[22]!,
    information_correlation_1: f[23]!,
    information_correlation_2: f[24]!,
  };
  if (options.mcc) values.maximal_correlation_coefficient = f[25]!;
  return values;
}

/** The JavaScript twin of the kernel (and the fallback without WebAssembly). */
export function glcmFeaturesJs(m: CountMatrix, options: TextureOptions = {}): FamilyValues {
  const ng = m.rows, c = m.counts;
  let total = 0;
  for (let k = 0; k < c.length; k++) total += c[k]!;
  const px = new Float64Array(ng), py = new Float64Array(ng);
  const pdiff = new Float64Array(ng), psum = new Float64Array(2 * ng + 1);
  const p = new Float64Array(ng * ng);
  const logs = countLog2(total);
  // 1 + k, 1 + k/Ng, 1 + k², 1 + k²/Ng² per k = |i − j|: the same expressions, computed once
  const dId = new Float64Array(ng), dIdn = new Float64Array(ng), dIdm = new Float64Array(ng), dIdmn = new Float64Array(ng);
  for (let k = 0; k < ng; k++) { dId[k] = 1 + k; dIdn[k] = 1 + k / ng; dIdm[k] = 1 + k * k; dIdmn[k] = 1 + (k * k) / (ng * ng); }
  let jointMax = 0, hxy = 0, asm = 0, contrast = 0, dissim = 0, id = 0, idn = 0, idm = 0, idmn = 0, autocorr = 0;
  for (let i = 1; i <= ng; i++) {
    const row = (i - 1) * ng;
    for (let j = 1; j <= ng; j++) {
      const n = c[row + j - 1]!;
      const pij = n / total;
      if (pij === 0) continue;
      p[row + j - 1] = pij;
      px[i - 1] += pij;
      py[j - 1] += pij;
      const k = Math.abs(i - j);
      pdiff[k] += pij;
      psum[i + j] += pij;
      if (pij > jointMax) jointMax = pij;
      hxy -= pij * log2Share(logs, n);
      asm += pij * pij;
      contrast += k * k * pij;
      dissim += k * pij;
      id += pij / dId[k]!;
      idn += pij / dIdn[k]!;
      idm += pij / dIdm[k]!;
      idmn += pij / dIdmn[k]!;
      autocorr += i * j * pij;
    }
  }
  let muX = 0, muY = 0, hx = 0, hy = 0;
  for (let i = 1; i <= ng; i++) {
    const a = px[i - 1]!, b = py[i - 1]!;
    muX += i * a;
    muY += i * b;
    if (a > 0) hx -= a * Math.log2(a);
    if (b > 0) hy -= b * Math.log2(b);
  }
  const logPxy = marginalProductLogs(px, py, ng);
  let varX = 0, varY = 0, covar = 0, joint = 0, clusterT = 0, clusterS = 0, clusterP = 0, hxy1 = 0, hxy2 = 0;
  for (let i = 1; i <= ng; i++) {
    const a = px[i - 1]!, row = (i - 1) * ng;
    varX += (i - muX) * (i - muX) * a;
    varY += (i - muY) * (i - muY) * py[i - 1]!;
    for (let j = 1; j <= ng; j++) {
      const pxy = a * py[j - 1]!;
      const lg = logPxy[row + j - 1]!;
      if (pxy > 0) hxy2 -= pxy * lg;
      const pij = p[row + j - 1]!;
      if (pij === 0) continue;
      if (pxy > 0) hxy1 -= pij * lg;
      covar += (i - muX) * (j - muY) * pij;
      joint += (i - muX) * (i - muX) * pij;
      const t = i + j - muX - muY;
      clusterT += t * t * pij;
      clusterS += t * t * t * pij;
      clusterP += t * t * t * t * pij;
    }
  }
  let diffAvg = 0, diffEnt = 0, invVar = 0;
  for (let k = 0; k < ng; k++) {
    const q = pdiff[k]!;
    diffAvg += k * q;
    if (q > 0) diffEnt -= q * Math.log2(q);
    if (k > 0) invVar += q / (k * k);
  }
  let diffVar = 0;
  for (let k = 0; k < ng; k++) diffVar += (k - diffAvg) * (k - diffAvg) * pdiff[k]!;
  let sumAvg = 0, sumEnt = 0;
  for (let k = 2; k <= 2 * ng; k++) {
    const q = psum[k]!;
    sumAvg += k * q;
    if (q > 0) sumEnt -= q * Math.log2(q);
  }
  let sumVar = 0;
  for (let k = 2; k <= 2 * ng; k++) sumVar += (k - sumAvg) * (k - sumAvg) * psum[k]!;
  const hmax = Math.max(hx, hy);
  const sd = Math.sqrt(varX * varY);
  // A single-level matrix has no spread: IBSI leaves correlation undefined (NaN, left out of
  // averages); PyRadiomics sets it to 1 (glcm.getCorrelationFeatureValue).
  const flat = options.flatCorrelation === 'one' ? 1 : NaN;
  const values: FamilyValues = {
    joint_maximum: jointMax,
    joint_average: muX,
    joint_variance: joint,
    joint_entropy: hxy,
    difference_average: diffAvg,
    difference_variance: diffVar,
    difference_entropy: diffEnt,
    sum_average: sumAvg,
    sum_variance: sumVar,
    sum_entropy: sumEnt,
    angular_second_moment: asm,
    contrast,
    dissimilarity: dissim,
    inverse_difference: id,
    normalised_inverse_difference: idn,
    inverse_difference_moment: idm,
    normalised_inverse_difference_moment: idmn,
    inverse_variance: invVar,
    correlation: sd > 0 ? covar / sd : flat,
    autocorrelation: autocorr,
    cluster_tendency: clusterT,
    cluster_shade: clusterS,
    cluster_prominence: clusterP,
    information_correlation_1: hmax > 0 ? (hxy - hxy1) / hmax : 0,
    information_correlation_2: Math.sqrt(Math.max(0, 1 - Math.exp(-2 * (hxy2 - hxy)))),
  };
  if (options.mcc) values.maximal_correlation_coefficient = maximalCorrelation(c, ng, total, px, py);
  return values;
}

/**
 * log2(p_x(i) p_y(j)) for every cell with a positive product (0 elsewhere, never read). When
 * p_x = p_y bit for bit (a symmetric GLCM) the product is symmetric in i, j (IEEE multiplication
 * commutes), so the lower half copies the upper.
 */
function marginalProductLogs(px: Float64Array, py: Float64Array, ng: number): Float64Array {
  const out = new Float64Array(ng * ng);
  let symmetric = true;
  for (let i = 0; i < ng; i++) if (!Object.is(px[i], py[i])) { symmetric = false; break; }
  for (let i = 0; i < ng; i++) {
    const a = px[i]!;
    for (let j = symmetric ? i : 0; j < ng; j++) {
      const pxy = a * py[j]!;
      if (pxy > 0) out[i * ng + j] = Math.log2(pxy);
    }
  }
  if (symmetric) for (let i = 1; i < ng; i++) for (let j = 0; j < i; j++) out[i * ng + j] = out[j * ng + i]!;
  return out;
}

/**
 * Maximal correlation coefficient (Haralick 1973; PyRadiomics glcm.getMCCFeatureValue): the
 * square root of the second-largest eigenvalue of Q(i, j) = Σ_k p(i,k) p(j,k) / (p_x(i) p_y(k)).
 * Q = D⁻¹ P E⁻¹ Pᵀ (D = diag p_x, E = diag p_y) is similar to the symmetric S = A Aᵀ with
 * A = D^-½ P E^-½ (entries p(i,k) / √(p_x(i) p_y(k))), so its eigenvalues are S's, over the levels
 * present. S is a plain Gram matrix of A's rows (no division per term), and only λ₂ is solved for
 * (kthLargestEigenvalue). One level → 1. The value agrees with the full eigen-decomposition to
 * round-off, within 1e-12 relative (test/features/mcc.test.ts).
 */
function maximalCorrelation(c: Float64Array, ng: number, total: number, px: Float64Array, py: Float64Array): number {
  return maximalCorrelationWasm(c, ng, total, px, py) ?? maximalCorrelationJs(c, ng, total, px, py);
}

/** The WebAssembly kernel (assembly/texture.ts maximalCorrelation); null without the kernels or memory. */
function maximalCorrelationWasm(c: Float64Array, ng: number, total: number, px: Float64Array, py: Float64Array): number | null {
  const arena = textureArena();
  if (arena === null) return null;
  const mark = arena.mark();
  const at = arena.alloc(8 * (c.length + 2 * ng)), scratch = arena.alloc(8 * ng + 8 * (2 * ng * ng + 6 * ng)); // 2·Ng i32, then A, column scales, S, d, e, v, w, e²
  if (at < 0 || scratch < 0) { arena.release(mark); return null; }
  const mem = arena.f64(at, c.length + 2 * ng);
  mem.set(c);
  mem.set(px, c.length);
  mem.set(py, c.length + ng);
  const value = arena.k.maximalCorrelation(at, ng, total, at + 8 * c.length, at + 8 * (c.length + ng), scratch);
  arena.release(mark);
  return value;
}

/** The JavaScript twin of the kernel (and the fallback without WebAssembly). */
export function maximalCorrelationJs(c: Float64Array, ng: number, total: number, px: Float64Array, py: Float64Array): number {
  const rows: number[] = [], cols: number[] = [];
  for (let i = 0; i < ng; i++) if (px[i]! > 0) rows.push(i);
  for (let k = 0; k < ng; k++) if (py[k]! > 0) cols.push(k);
  const n = rows.length, m = cols.length;
  if (n < 2) return 1;
  const a = new Float64Array(n * m), colScale = new Float64Array(m);
  for (let k = 0; k < m; k++) colScale[k] = 1 / Math.sqrt(py[cols[k]!]!);
  for (let r = 0; r < n; r++) {
    const i = rows[r]!, rowScale = 1 / Math.sqrt(px[i]!);
    for (let k = 0; k < m; k++) a[r * m + k] = (c[i * ng + cols[k]!]! / total) * rowScale * colScale[k]!;
  }
  const s = new Float64Array(n * n); // lower triangle of A Aᵀ
  for (let r = 0; r < n; r++) {
    for (let t = 0; t <= r; t++) s[r * n + t] = rowDot(a, r * m, t * m, m);
  }
  return Math.sqrt(Math.max(0, kthLargestEigenvalue(s, n, 2)));
}

/** Σ_k a[x + k] a[y + k] with two running sums (half the add-latency chain). */
function rowDot(a: Float64Array, x: number, y: number, m: number): number {
  let s0 = 0, s1 = 0, k = 0;
  for (; k + 1 < m; k += 2) { s0 += a[x + k]! * a[y + k]!; s1 += a[x + k + 1]! * a[y + k + 1]!; }
  if (k < m) s0 += a[x + k]! * a[y + k]!;
  return s0 + s1;
}

export function computeGlcm(roi: DiscretisedRoi, aggregation: TextureAggregation, options: TextureOptions = {}): FamilyValues {
  const plan = directionalPlan('GLCM', aggregation);
  const weighting = options.directionWeighting;
  if (weighting && !plan.mergeDirections) throw new SonomicsError('BAD_SETTINGS', `GLCM: direction weighting '${weighting}' weights the direction matrices of a sum; use a merged aggregation ('3D, merged' or '2.5D, merged'), not '${aggregation}'`);
  const distance = textureDistance(options, 'GLCM');
  const shells = textureShells(options, 'GLCM');
  // With shells the directions are whole offsets (step 1) reaching up to the largest shell.
  const reach = neighbourReach(distance, shells, roi.size), step = shells ? 1 : distance;
  const v = cachedTextureVolume(roi, reach, plan.volumetric ? reach : 0);
  const symmetric = options.symmetric ?? true;
  const all = plan.volumetric ? DIRECTIONS_3D : DIRECTIONS_2D;
  const dirs = shells
    ? shellNeighbours(shells, roiBox(v), plan.volumetric, true, 'GLCM')
    : options.dropFlatDirections ? directionsWithin(all, roi.size) : all;
  // All directions of a slice (or of the volume) are counted in one pass and handed out per direction.
  let unit = NaN, unitMatrices: (CountMatrix | null)[] = [];
  return runDirectional(v, plan, dirs, {
    build: (d, z) => {
      if (z !== unit) { unit = z; unitMatrices = glcmMatrices(v, dirs, step, z, symmetric); }
      const m = unitMatrices[dirs.indexOf(d)]!;
      // PyRadiomics weightingNorm for the GLCM: w = exp(−‖d‖²), ‖d‖ in mm (glcm._calculateMatrix)
      return weighting ? scaledMatrix(m, Math.exp(-(directionLength(d, roi.spacing, weighting) ** 2))) : m;
    },
    merge: mergeMatrices,
    features: options.mcc && !flatRoi(v) ? (m) => pyradiomicsMcc(glcmFeatures(m, options), m) : (m) => glcmFeatures(m, options),
    names: options.mcc ? NAMES : IBSI_NAMES,
  });
}

/** True when every ROI voxel has the same grey level. */
function flatRoi(v: TextureVolume): boolean {
  const lv = v.levels, idx = v.roiIndex, first = lv[idx[0]!]!;
  for (let q = 1; q < idx.length; q++) if (lv[idx[q]!] !== first) return false;
  return true;
}

/**
 * PyRadiomics' MCC is 1 only for a flat ROI (one grey level, so Q has one eigenvalue). In a ROI of
 * several levels, a matrix whose pairs all start from one level (a sparse direction, e.g. a long
 * distance-shell offset) leaves Q one non-zero entry, so its second eigenvalue and MCC are 0
 * (glcm.getMCCFeatureValue); glcmFeatures, seeing one level, gives 1.
 */
function pyradiomicsMcc(values: FamilyValues, m: CountMatrix): FamilyValues {
  if (values.maximal_correlation_coefficient !== 1) return values;
  const ng = m.rows, c = m.counts;
  let rows = 0;
  for (let i = 0; i < ng && rows < 2; i++) {
    for (let j = 0; j < ng; j++) if (c[i * ng + j]! > 0) { rows++; break; }
  }
  if (rows < 2) values.maximal_correlation_coefficient = 0;
  return values;
}

/** This family's entry in the family registry (src/features/families.ts); IBSI 1 §3.6. */
export const GLCM_FAMILY = defineFamily({ family: 'glcm', title: 'GLCM', kind: 'texture', directional: true, features: FEATURES, pyradiomicsClass: 'glcm', compute: computeGlcm });
