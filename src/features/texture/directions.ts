/**
 * Neighbour directions (IBSI 1 §3.6.1): 4 unique in-plane directions for 2D matrices and 13
 * unique volumetric directions for 3D ones (the other half are their opposites, which a
 * symmetric GLCM or a run length matrix counts already).
 */
export type Direction = readonly [number, number, number];

export const DIRECTIONS_2D: readonly Direction[] = [
  [1, 0, 0], [1, 1, 0], [0, 1, 0], [-1, 1, 0],
];

export const DIRECTIONS_3D: readonly Direction[] = [
  ...DIRECTIONS_2D,
  [0, 0, 1], [1, 0, 1], [-1, 0, 1], [0, 1, 1], [0, -1, 1],
  [1, 1, 1], [-1, 1, 1], [1, -1, 1], [-1, -1, 1],
];

/** Flat index offset of direction d scaled by `distance` on an X×Y×… grid. */
export function flatOffset(d: Direction, distance: number, X: number, Y: number): number {
  return distance * (d[0] + X * (d[1] + Y * d[2]));
}

/**
 * Flat offsets of every voxel within Chebyshev distance `distance` of a centre (centre
 * excluded), in-plane only when `volumetric` is false (IBSI 1 §3.10, §3.11 neighbourhoods).
 */
export function neighbourhoodOffsets(distance: number, volumetric: boolean, X: number, Y: number): Int32Array {
  const dz = volumetric ? distance : 0;
  const out: number[] = [];
  for (let z = -dz; z <= dz; z++) {
    for (let y = -distance; y <= distance; y++) {
      for (let x = -distance; x <= distance; x++) {
        if (x !== 0 || y !== 0 || z !== 0) out.push(x + X * (y + Y * z));
      }
    }
  }
  return Int32Array.from(out);
}

/** Length in mm of direction d under a norm (PyRadiomics weightingNorm), spacing [x, y, z]. */
export function directionLength(d: Direction, spacing: readonly number[], norm: 'manhattan' | 'euclidean' | 'infinity'): number {
  const c = d.map((v, a) => Math.abs(v) * spacing[a]!);
  if (norm === 'manhattan') return c[0]! + c[1]! + c[2]!;
  if (norm === 'euclidean') return Math.hypot(c[0]!, c[1]!, c[2]!);
  return Math.max(c[0]!, c[1]!, c[2]!);
}

/** A copy of a count matrix with counts and voxel count multiplied by w (weighted direction sums). */
export function scaledMatrix<M extends { counts: Float64Array; nVoxels: number }>(m: M | null, w: number): M | null {
  if (m === null || w === 1) return m;
  const counts = Float64Array.from(m.counts, (c) => c * w);
  return { ...m, counts, nVoxels: m.nVoxels * w };
}

/** Directions that do not step along an axis where the ROI box is one voxel thick (PyRadiomics' angles). */
export function directionsWithin(dirs: readonly Direction[], size: readonly number[]): Direction[] {
  return dirs.filter((d) => d.every((c, a) => c === 0 || size[a]! > 1));
}
