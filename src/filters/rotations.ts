/**
 * Right-angle rotations for rotation-invariant filtering (IBSI 2 reference manual, section 3.1
 * "Rotation invariance"): the filter is applied in each of the 24 orientations of a cube (3D)
 * or the 4 in-plane orientations of a square (2D), and the responses are pooled (average or
 * maximum).
 *
 * A rotation of a separable kernel k_x(x)·k_y(y)·k_z(z) is again separable: each output axis
 * receives one of the original 1D kernels, possibly flipped. We enumerate the signed
 * permutation matrices with determinant +1.
 */
import type { Axis } from './convolve.ts';

export interface AxisRotation {
  /** For output axis a, which original kernel (0 = x, 1 = y, 2 = z) lands there. */
  source: Axis[];
  /** For output axis a, whether that kernel is mirrored. */
  flip: boolean[];
}

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  const out: number[][] = [];
  items.forEach((v, i) => {
    for (const rest of permutations(items.filter((_, j) => j !== i))) out.push([v, ...rest]);
  });
  return out;
}

function parity(p: number[]): number {
  let inversions = 0;
  for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++) if (p[i]! > p[j]!) inversions++;
  return inversions % 2 === 0 ? 1 : -1;
}

/** The proper rotations of the cube (dims 3: 24) or square (dims 2: 4), identity first. */
export function rightAngleRotations(dims: 2 | 3): AxisRotation[] {
  const axes = dims === 3 ? [0, 1, 2] : [0, 1];
  const out: AxisRotation[] = [];
  for (const perm of permutations(axes)) {
    for (let signs = 0; signs < 1 << dims; signs++) {
      const flip = axes.map((a) => ((signs >> a) & 1) === 1);
      const det = parity(perm) * flip.reduce((s, f) => (f ? -s : s), 1);
      if (det === 1) out.push({ source: perm as Axis[], flip });
    }
  }
  return out;
}

export type Pooling = 'mean' | 'max' | 'min';

/** Running pool of response maps: `add` each orientation's response, then `result()`. */
export class ResponsePool {
  private acc: Float64Array | null = null;
  private count = 0;
  constructor(private readonly method: Pooling) {}

  add(r: Float64Array): void {
    this.count++;
    if (!this.acc) { this.acc = Float64Array.from(r); return; }
    const a = this.acc;
    if (this.method === 'max') for (let i = 0; i < a.length; i++) { if (r[i]! > a[i]!) a[i] = r[i]!; }
    else if (this.method === 'min') for (let i = 0; i < a.length; i++) { if (r[i]! < a[i]!) a[i] = r[i]!; }
    else for (let i = 0; i < a.length; i++) a[i]! += r[i]!;
  }

  result(): Float64Array {
    if (!this.acc) throw new Error('ResponsePool: no response was added');
    if (this.method === 'mean') for (let i = 0; i < this.acc.length; i++) this.acc[i]! /= this.count;
    return this.acc;
  }
}
