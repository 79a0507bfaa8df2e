/**
 * Kernels and the kernel-row cache for the SMO solver.
 * Following LIBSVM (Chang & Lin, svm.cpp): during training the RBF kernel is evaluated as
 * exp(−γ(‖x_i‖² + ‖x_j‖² − 2⟨x_i, x_j⟩)) with precomputed squared norms, and Q rows are stored as
 * 32-bit floats (LIBSVM's `Qfloat`), which we reproduce with Math.fround so the optimiser follows
 * the same path; prediction uses exp(−γ‖x − z‖²) in double precision (Kernel::k_function).
 */
export type KernelType = 'linear' | 'rbf';

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

/** Kernel value as LIBSVM's k_function (prediction). */
export function kernelValue(kernel: KernelType, gamma: number, a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (kernel === 'linear') return dot(a, b);
  let s = 0;
  for (let k = 0; k < a.length; k++) { const d = a[k]! - b[k]!; s += d * d; }
  return Math.exp(-gamma * s);
}

/**
 * Q_ij = y_i y_j K(x_i, x_j) rows, by original sample index, in Float32Array (LIBSVM's Qfloat),
 * computed on demand and kept in a least-recently-used cache bounded by `cacheBytes`.
 */
export class KernelRowCache {
  private readonly rows = new Map<number, Float32Array>();
  private readonly maxRows: number;
  /** Rows by index when all l rows fit in the cache (never evicted then). */
  private readonly all: Array<Float32Array | undefined> | null;
  private readonly xsq: Float64Array | null;
  readonly diag: Float64Array;

  constructor(
    private readonly X: ArrayLike<ArrayLike<number>>,
    private readonly y: Int8Array,
    private readonly kernel: KernelType,
    private readonly gamma: number,
    cacheBytes: number,
    /** Optional l × l inner products ⟨x_i, x_j⟩ (`gramMatrix(X)`), shared by several γ. */
    private readonly dots: Float64Array | null = null,
  ) {
    const l = X.length;
    this.maxRows = Math.max(2, Math.floor(cacheBytes / (4 * l)));
    this.all = l <= this.maxRows ? new Array<Float32Array | undefined>(l) : null;
    this.xsq = kernel === 'rbf' ? Float64Array.from({ length: l }, (_, i) => this.dotAt(i, i)) : null;
    this.diag = Float64Array.from({ length: l }, (_, i) => this.k(i, i));
  }

  private dotAt(i: number, j: number): number {
    return this.dots ? this.dots[i * this.X.length + j]! : dot(this.X[i]!, this.X[j]!);
  }

  /** Training-time kernel, LIBSVM's Kernel::kernel_linear / kernel_rbf. */
  k(i: number, j: number): number {
    const d = this.dotAt(i, j);
    if (this.kernel === 'linear') return d;
    return Math.exp(-this.gamma * (this.xsq![i]! + this.xsq![j]! - 2 * d));
  }

  row(i: number): Float32Array {
    // Every row fits (the usual case, l ≤ cacheBytes / 4l): a plain array, no LRU bookkeeping —
    // the SMO loop asks for two or three rows per iteration.
    if (this.all) return this.all[i] ?? (this.all[i] = this.computeRow(i));
    const hit = this.rows.get(i);
    if (hit) {
      this.rows.delete(i);
      this.rows.set(i, hit); // move to most-recent
      return hit;
    }
    const out = this.computeRow(i);
    if (this.rows.size >= this.maxRows) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(i, out);
    return out;
  }

  private computeRow(i: number): Float32Array {
    const l = this.X.length;
    const out = new Float32Array(l);
    const yi = this.y[i]!;
    for (let j = 0; j < l; j++) out[j] = yi * this.y[j]! * this.k(i, j);
    return out;
  }
}

/**
 * All inner products ⟨x_i, x_j⟩ (row-major l × l) computed with `dot`, so a KernelRowCache built
 * on them gives bit-identical kernel values; lets a grid search compute them once per fold.
 */
export function gramMatrix(X: ArrayLike<ArrayLike<number>>): Float64Array {
  const l = X.length;
  const out = new Float64Array(l * l);
  for (let i = 0; i < l; i++) {
    for (let j = 0; j <= i; j++) out[i * l + j] = out[j * l + i] = dot(X[i]!, X[j]!);
  }
  return out;
}
