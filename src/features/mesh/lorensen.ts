/**
 * Mesh surface area and volume of a binary mask with the classic marching-cubes table
 * (lorensen-table.ts), visiting cubes as PyRadiomics' cshape.c does: the mask padded by one
 * voxel, corners at voxel centres, vertices at edge midpoints, a cube with corner 7 inside taken
 * as its complement with the volume sign flipped, volume by the divergence theorem (Σ (a × b)·c / 6)
 * and area as Σ |(a − c) × (b − c)| / 2. Used for `conventions.mesh: 'pyradiomics'`; the IBSI mesh
 * (marching-cubes.ts) resolves ambiguous faces differently and gives slightly different values.
 */
import { CORNERS, EDGE_VERTICES, TRIANGLES } from './lorensen-table.ts';

/**
 * size and spacing [x, y, z]; mask x fastest. `triangles` is the table (PyRadiomics' by default);
 * it is a parameter so that test/pyradiomics/mesh-cshape.test.ts can show what a table with one
 * triangle missing gives (the cause of brain1's stale baseline values, docs/pyradiomics.md).
 */
export function lorensenAreaVolume(
  size: [number, number, number],
  spacing: [number, number, number],
  mask: Uint8Array,
  triangles: ReadonlyArray<readonly number[]> = TRIANGLES,
): { area: number; volume: number } {
  const [X, Y, Z] = size;
  // The table leaves holes at some ambiguous faces, so the divergence-theorem volume depends on
  // the origin: use PyRadiomics' one, the mask's bounding box padded by one voxel (cropToTumorMask,
  // then ConstantPad 1), with corners at voxel centres of that padded grid.
  const lo = [Infinity, Infinity, Infinity], hi = [-1, -1, -1];
  for (let z = 0, i = 0; z < Z; z++) for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++, i++) {
    if (!mask[i]) continue;
    if (x < lo[0]!) lo[0] = x; if (x > hi[0]!) hi[0] = x;
    if (y < lo[1]!) lo[1] = y; if (y > hi[1]!) hi[1] = y;
    if (z < lo[2]!) lo[2] = z; if (z > hi[2]!) hi[2] = z;
  }
  if (hi[0] === -1) return { area: 0, volume: 0 };
  const PX = hi[0]! - lo[0]! + 3, PY = hi[1]! - lo[1]! + 3, PZ = hi[2]! - lo[2]! + 3;
  const at = (z: number, y: number, x: number): number => {
    const ox = x - 1 + lo[0]!, oy = y - 1 + lo[1]!, oz = z - 1 + lo[2]!;
    return ox < 0 || oy < 0 || oz < 0 || ox >= X || oy >= Y || oz >= Z ? 0 : mask[ox + X * (oy + Y * oz)]!;
  };
  const sp = [spacing[2], spacing[1], spacing[0]]; // (z, y, x)
  let area = 0, volume = 0;
  const a = [0, 0, 0], b = [0, 0, 0], c = [0, 0, 0];
  for (let iz = 0; iz < PZ - 1; iz++) {
    for (let iy = 0; iy < PY - 1; iy++) {
      for (let ix = 0; ix < PX - 1; ix++) {
        let idx = 0;
        for (let k = 0; k < 8; k++) if (at(iz + CORNERS[k]![0], iy + CORNERS[k]![1], ix + CORNERS[k]![2])) idx |= 1 << k;
        let sign = 1;
        if (idx & 0x80) { idx ^= 0xff; sign = -1; }
        if (idx === 0) continue;
        const tris = triangles[idx]!;
        for (let t = 0; t < tris.length; t += 3) {
          const va = EDGE_VERTICES[tris[t]!]!, vb = EDGE_VERTICES[tris[t + 1]!]!, vc = EDGE_VERTICES[tris[t + 2]!]!;
          const base = [iz, iy, ix];
          for (let d = 0; d < 3; d++) {
            a[d] = (base[d]! + va[d]!) * sp[d]!;
            b[d] = (base[d]! + vb[d]!) * sp[d]!;
            c[d] = (base[d]! + vc[d]!) * sp[d]!;
          }
          volume += sign * ((a[1]! * b[2]! - b[1]! * a[2]!) * c[0]! + (a[2]! * b[0]! - b[2]! * a[0]!) * c[1]! + (a[0]! * b[1]! - b[0]! * a[1]!) * c[2]!);
          for (let d = 0; d < 3; d++) { a[d] -= c[d]!; b[d] -= c[d]!; }
          const x0 = a[1]! * b[2]! - b[1]! * a[2]!, x1 = a[2]! * b[0]! - b[2]! * a[0]!, x2 = a[0]! * b[1]! - b[0]! * a[1]!;
          area += 0.5 * Math.sqrt(x0 * x0 + x1 * x1 + x2 * x2);
        }
      }
    }
  }
  return { area, volume: volume / 6 };
}
