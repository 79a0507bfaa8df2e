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

/**
 * PyRadiomics' angles for `distances` (radiomics/src/cmatrices.c v3.1.0, get_angle_count and
 * build_angles), as [x, y, z] offsets: every offset whose Chebyshev norm is one of `shells`, with
 * no component reaching the ROI box's size on its axis (`box`, [x, y, z] voxels) and, when
 * `volumetric` is false (force2D), none across slices. The order is PyRadiomics' generation order
 * (z outermost, x innermost, each from +max to −max), so a list that is closed under negation
 * has the offsets with a positive leading (z, y, x) component in its first half.
 *
 * PyRadiomics counts how many angles it wants (one per listed distance, so a repeated distance
 * counts twice; halved for the one-sided GLCM) and then takes that many from its generator, which
 * wraps around: the GLCM (`oneSided`) keeps the first half (one of each ± pair) and the GLDM and
 * NGTDM (`oneSided` false) every offset, a distance listed twice giving them twice (GLCM: both
 * signs). Reproduced here by taking that many from the cycled list. Empty when nothing fits: the
 * callers refuse that, as PyRadiomics does ("Error getting angle count").
 */
export function shellOffsets(shells: readonly number[], box: readonly number[], volumetric: boolean, oneSided: boolean): Direction[] {
  const reach = Math.max(...shells);
  const wanted = new Set(shells);
  const fits = (o: number, axis: number): boolean => Math.abs(o) < box[axis]!;
  const valid: Direction[] = [];
  const dzMax = volumetric ? reach : 0;
  for (let z = dzMax; z >= -dzMax; z--) {
    if (!fits(z, 2)) continue;
    for (let y = reach; y >= -reach; y--) {
      if (!fits(y, 1)) continue;
      for (let x = reach; x >= -reach; x--) {
        if (!fits(x, 0)) continue;
        const norm = Math.max(Math.abs(x), Math.abs(y), Math.abs(z));
        if (norm > 0 && wanted.has(norm)) valid.push([x, y, z]);
      }
    }
  }
  // Per listed distance (repeats included), the number of valid offsets of that norm.
  let count = 0;
  for (const d of shells) for (const o of valid) if (Math.max(Math.abs(o[0]), Math.abs(o[1]), Math.abs(o[2])) === d) count++;
  if (oneSided) count /= 2; // the valid list is closed under negation, so count is even
  const out: Direction[] = [];
  for (let k = 0; k < count; k++) out.push(valid[k % valid.length]!);
  return out;
}

/** Flat index offsets of `offsets` on an X×Y×… grid (neighbourhoods from shellOffsets). */
export function flatOffsets(offsets: readonly Direction[], X: number, Y: number): Int32Array {
  return Int32Array.from(offsets, (d) => flatOffset(d, 1, X, Y));
}
