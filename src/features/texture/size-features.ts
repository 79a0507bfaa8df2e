/**
 * The feature set shared by GLRLM (§3.7), GLSZM (§3.8), GLDZM (§3.9) and NGLDM (§3.11) of
 * the IBSI 1 manual: all four are matrices of counts over grey level i (rows) and a second
 * index j ≥ 1 (run length, zone size, zone distance, dependence count), with the same
 * emphases, non-uniformities, percentage, variances and entropy. Each family renames them.
 */
import type { CountMatrix } from './matrix.ts';
import { countLog2, log2Share } from './count-log2.ts';
import { textureArena } from './kernels.ts';

export interface SizeMatrixFeatures {
  /** Σ s/j² / N_s (short runs / small zones / small distances / low dependence). */
  smallEmphasis: number;
  /** Σ s·j² / N_s */
  largeEmphasis: number;
  /** Σ s/i² / N_s */
  lowGreyEmphasis: number;
  /** Σ s·i² / N_s */
  highGreyEmphasis: number;
  smallLowGreyEmphasis: number;
  smallHighGreyEmphasis: number;
  largeLowGreyEmphasis: number;
  largeHighGreyEmphasis: number;
  /** Σ_i (Σ_j s)² / N_s and its normalised form / N_s² */
  greyNonUniformity: number;
  greyNonUniformityNorm: number;
  /** Σ_j (Σ_i s)² / N_s and / N_s² */
  sizeNonUniformity: number;
  sizeNonUniformityNorm: number;
  /** N_s / N_v */
  percentage: number;
  greyVariance: number;
  sizeVariance: number;
  /** −Σ p log2 p */
  entropy: number;
  /** Σ p² (NGLDM dependence count energy) */
  energy: number;
}

/** The features of m: by the WebAssembly kernel (assembly/texture.ts sizeFeatures) when there is one, else here. */
export function sizeMatrixFeatures(m: CountMatrix): SizeMatrixFeatures {
  return sizeMatrixFeaturesWasm(m) ?? sizeMatrixFeaturesJs(m);
}

/** The kernel's 17 outputs, in its order; null when the kernels are missing or out of memory. */
function sizeMatrixFeaturesWasm(m: CountMatrix): SizeMatrixFeatures | null {
  const arena = textureArena();
  if (arena === null) return null;
  const { rows, cols } = m, mark = arena.mark();
  const counts = arena.alloc(8 * rows * cols), out = arena.alloc(8 * 17), scratch = arena.alloc(8 * (rows + cols + 1024));
  if (counts < 0 || out < 0 || scratch < 0) { arena.release(mark); return null; }
  arena.f64(counts, rows * cols).set(m.counts);
  arena.k.sizeFeatures(counts, rows, cols, m.nVoxels, out, scratch);
  const f = arena.f64(out, 17);
  arena.release(mark);
  return {
    smallEmphasis: f[0]!,
    largeEmphasis: f[1]!,
    lowGreyEmphasis: f[2]!,
    highGreyEmphasis: f[3]!,
    smallLowGreyEmphasis: f[4]!,
    smallHighGreyEmphasis: f[5]!,
    largeLowGreyEmphasis: f[6]!,
    largeHighGreyEmphasis: f[7]!,
    greyNonUniformity: f[8]!,
    greyNonUniformityNorm: f[9]!,
    sizeNonUniformity: f[10]!,
    sizeNonUniformityNorm: f[11]!,
    percentage: f[12]!,
    greyVariance: f[13]!,
    sizeVariance: f[14]!,
    entropy: f[15]!,
    energy: f[16]!,
  };
}

/** The JavaScript twin of the kernel (and the fallback without WebAssembly). */
export function sizeMatrixFeaturesJs(m: CountMatrix): SizeMatrixFeatures {
  const { rows, cols, counts } = m;
  const rowSum = new Float64Array(rows), colSum = new Float64Array(cols);
  let ns = 0, se = 0, le = 0, lge = 0, hge = 0, slge = 0, shge = 0, llge = 0, lhge = 0, ent = 0, energy = 0;
  let sumI = 0, sumI2 = 0, sumJ = 0, sumJ2 = 0;
  for (let r = 0; r < rows; r++) {
    const i = r + 1, i2 = i * i, base = r * cols;
    for (let k = 0; k < cols; k++) {
      const s = counts[base + k]!;
      if (s === 0) continue;
      const j = k + 1, j2 = j * j;
      ns += s;
      rowSum[r] += s;
      colSum[k] += s;
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
  let gnu = 0, snu = 0;
  for (let r = 0; r < rows; r++) gnu += rowSum[r]! * rowSum[r]!;
  for (let k = 0; k < cols; k++) snu += colSum[k]! * colSum[k]!;
  const logs = countLog2(ns);
  for (let q = 0; q < counts.length; q++) {
    const s = counts[q]!;
    if (s === 0) continue;
    const p = s / ns;
    ent -= p * log2Share(logs, s); // = Math.log2(s / ns), remembered per count
    energy += p * p;
  }
  const muI = sumI / ns, muJ = sumJ / ns;
  return {
    smallEmphasis: se / ns,
    largeEmphasis: le / ns,
    lowGreyEmphasis: lge / ns,
    highGreyEmphasis: hge / ns,
    smallLowGreyEmphasis: slge / ns,
    smallHighGreyEmphasis: shge / ns,
    largeLowGreyEmphasis: llge / ns,
    largeHighGreyEmphasis: lhge / ns,
    greyNonUniformity: gnu / ns,
    greyNonUniformityNorm: gnu / (ns * ns),
    sizeNonUniformity: snu / ns,
    sizeNonUniformityNorm: snu / (ns * ns),
    percentage: ns / m.nVoxels,
    // Σ (i − μ)² p = E[i²] − μ²; clamped against rounding below zero.
    greyVariance: Math.max(0, sumI2 / ns - muI * muI),
    sizeVariance: Math.max(0, sumJ2 / ns - muJ * muJ),
    entropy: ent,
    energy,
  };
}
