/**
 * Safe skipping of gradient computations in the KKT check after each λ. The check needs
 * g_j = |x̃_jᵀ r|/n for every feature outside the working set (r = y − μ or the gaussian residual),
 * which costs p·n per λ — with p ≫ n and a loose threshold it is a third of the path. Between two
 * checks the gradient can move by at most ‖x̃_j‖₂·‖Δr‖₂/n (Cauchy–Schwarz), so a feature whose last
 * exact gradient plus the accumulated movement stays below both the KKT bound λα and the next λ's
 * strong-rule cut α(2λ_next − λ) can neither violate KKT nor enter the next working set: its
 * gradient need not be computed (the bound is stored in its place). The decisions are the same as
 * with every gradient computed, so the path is unchanged. (The same idea as the "dynamic"
 * safe screening rules of El Ghaoui et al. 2012 and Fercoq et al. 2015, applied to the KKT check.)
 */
export class GradientBounds {
  private readonly lastG: Float64Array;   // |g_j| at its last exact computation
  private readonly at: Float64Array;      // the accumulated ‖Δr‖₂ at that moment
  private readonly scale: Float64Array;   // ‖x̃_j‖₂ / n
  private readonly prev: Float64Array;    // r at the previous check
  private moved = 0;                      // Σ ‖Δr‖₂ over the checks so far
  private started = false;

  constructor(xs: Float64Array, n: number, p: number) {
    this.lastG = new Float64Array(p);
    this.at = new Float64Array(p);
    this.scale = new Float64Array(p);
    this.prev = new Float64Array(n);
    this.at.fill(-1);
    for (let j = 0; j < p; j++) {
      let ss = 0;
      const off = j * n;
      for (let i = 0; i < n; i++) ss += xs[off + i]! * xs[off + i]!;
      this.scale[j] = Math.sqrt(ss) / n;
    }
  }

  /** Registers the residual of this check (call once per check, before `bound`). */
  advance(r: Float64Array): void {
    if (this.started) {
      let ss = 0;
      for (let i = 0; i < r.length; i++) { const d = r[i]! - this.prev[i]!; ss += d * d; }
      this.moved += Math.sqrt(ss);
    }
    this.prev.set(r);
    this.started = true;
  }

  /** Upper bound on |g_j| now (Infinity before j's first exact computation). */
  bound(j: number): number {
    if (this.at[j]! < 0) return Infinity;
    const b = this.lastG[j]! + (this.moved - this.at[j]!) * this.scale[j]!;
    return b * (1 + 1e-12) + 1e-15; // margin for rounding in the sums
  }

  record(j: number, g: number): void {
    this.lastG[j] = g;
    this.at[j] = this.moved;
  }
}
