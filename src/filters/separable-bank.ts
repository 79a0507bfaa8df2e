/**
 * A separable filter (one 1D kernel per axis) applied in one or all right-angle orientations,
 * with the responses pooled. Shared by Laws kernels and separable wavelets.
 */
import type { Vec3 } from '../image/image.ts';
import type { BoundaryMode } from './boundary.ts';
import { convolveAxis, convolveSeparable, flipKernel, type Axis } from './convolve.ts';
import { ResponsePool, rightAngleRotations, type AxisRotation, type Pooling } from './rotations.ts';

export type KernelSet = Float64Array[]; // one per axis in use (2 for in-plane, 3 for 3D)

/** The kernels a rotation puts on each output axis. */
export function rotateKernels(kernels: KernelSet, rot: AxisRotation): KernelSet {
  return rot.source.map((src, a) => (rot.flip[a] ? flipKernel(kernels[src]!) : kernels[src]!));
}

export function toAxes(kernels: KernelSet): [Float64Array | null, Float64Array | null, Float64Array | null] {
  return [kernels[0] ?? null, kernels[1] ?? null, kernels[2] ?? null];
}

/**
 * Apply `respond(kernelsForThisOrientation)` for the identity only, or for every right-angle
 * rotation (dims 2 or 3) pooled with `pooling`.
 */
export function pooledOverRotations(
  dims: 2 | 3,
  rotationInvariant: boolean,
  pooling: Pooling,
  respond: (rot: AxisRotation) => Float64Array,
  keyOf?: (rot: AxisRotation) => string,
): Float64Array {
  const rots = rightAngleRotations(dims);
  if (!rotationInvariant) return respond(rots[0]!);
  // Rotations that give identical kernels give identical responses; each distinct filter
  // occurs equally often (orbit–stabiliser), so skipping repeats leaves mean and max unchanged.
  const seen = new Set<string>();
  const pool = new ResponsePool(pooling);
  for (const rot of rots) {
    if (keyOf) {
      const key = keyOf(rot);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    pool.add(respond(rot));
  }
  return pool.result();
}

export function kernelKey(kernels: KernelSet): string {
  return kernels.map((k) => Array.from(k).join(',')).join('|');
}

export function convolveKernelSet(data: Float64Array, size: Vec3, kernels: KernelSet, mode: BoundaryMode): Float64Array {
  return convolveSeparable(data, size, toAxes(kernels), mode);
}

/**
 * Like convolveKernelSet, but remembers the result of the first pass (the last axis, which
 * convolveSeparable applies first) per kernel: across the 24 rotations only 6 distinct kernels
 * occur on that axis, so a quarter of the 1D convolutions are saved.
 */
export class FirstPassCache {
  private readonly cache = new Map<string, Float64Array>();
  constructor(private readonly data: Float64Array, private readonly size: Vec3, private readonly mode: BoundaryMode) {}

  convolve(kernels: KernelSet): Float64Array {
    const last = kernels.length - 1;
    const key = Array.from(kernels[last]!).join(',');
    let first = this.cache.get(key);
    if (!first) {
      first = convolveAxis(this.data, this.size, last as Axis, kernels[last]!, this.mode);
      this.cache.set(key, first);
    }
    let v = first;
    for (let a = last - 1; a >= 0; a--) v = convolveAxis(v, this.size, a as Axis, kernels[a]!, this.mode);
    return v === first ? Float64Array.from(first) : v;
  }
}

export type { Axis };
