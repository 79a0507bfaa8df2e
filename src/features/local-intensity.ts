/**
 * Local intensity features (IBSI 1 manual §3.2, family 9ST6). The mean intensity in a sphere
 * of 1 cm³ (radius 6.2 mm) around a voxel centre, on the image (not only the ROI): the local
 * peak at the ROI's maximum-intensity voxel(s), the global peak as the highest mean over all
 * ROI voxels. The sphere holds the voxels whose centres lie within the radius (in mm); for a
 * single-slice image it is the in-plane disc. Sums use per-row prefix sums along x, so each
 * voxel costs one term per (y, z) row of the sphere rather than one per sphere voxel; runs of
 * ROI voxels along x are summed together, one sphere row at a time.
 */
import type { RoiContext } from './context.ts';
import { PEAK_RADIUS_MM } from './settings.ts';
import type { FamilyValues, FeatureDef } from './types.ts';

export const FEATURES: FeatureDef[] = [
  { name: 'local_intensity_peak', ibsiCode: 'VJGA', unit: 'I' },
  { name: 'global_intensity_peak', ibsiCode: '0F91', unit: 'I' },
];

export function computeLocalIntensity(ctx: RoiContext): FamilyValues {
  const { size, spacing, image, intensityMask } = ctx.roi;
  const r = ctx.settings.localIntensityRadiusMm ?? PEAK_RADIUS_MM;
  const [X, Y, Z] = size;
  // sphere rows: (dy, dz, half-width in x)
  const rows: Array<[number, number, number]> = [];
  const ry = Math.floor(r / spacing[1] + 1e-9), rz = Z === 1 ? 0 : Math.floor(r / spacing[2] + 1e-9);
  for (let dz = -rz; dz <= rz; dz++) {
    for (let dy = -ry; dy <= ry; dy++) {
      const rem = r * r - (dy * spacing[1]) ** 2 - (dz * spacing[2]) ** 2;
      if (rem < -1e-9) continue;
      rows.push([dy, dz, Math.floor(Math.sqrt(Math.max(0, rem)) / spacing[0] + 1e-9)]);
    }
  }
  // prefix sums along x: P[y,z][x+1] = Σ_{x' ≤ x} I
  const P = new Float64Array((X + 1) * Y * Z);
  for (let yz = 0; yz < Y * Z; yz++) {
    let s = 0;
    for (let x = 0; x < X; x++) {
      s += image[yz * X + x]!;
      P[yz * (X + 1) + x + 1] = s;
    }
  }
  const R = rows.length;
  const rdy = Int32Array.from(rows, (r) => r[0]), rdz = Int32Array.from(rows, (r) => r[1]), rhx = Int32Array.from(rows, (r) => r[2]);
  // Interior voxels (the whole sphere inside the box: nearly all, as prepareRoi adds a margin of
  // the radius) read each row sum as P[b + hiOff] − P[b + loOff] with b = the voxel's offset in P;
  // same terms in the same order as the clamped path, so the same value, without per-row clamping.
  const hiOff = new Int32Array(R), loOff = new Int32Array(R);
  let sphereCount = 0, hxMax = 0;
  for (let k = 0; k < R; k++) {
    const base = (rdy[k]! + Y * rdz[k]!) * (X + 1);
    hiOff[k] = base + rhx[k]! + 1;
    loOff[k] = base - rhx[k]!;
    sphereCount += 2 * rhx[k]! + 1;
    hxMax = Math.max(hxMax, rhx[k]!);
  }
  const sphereMean = (x: number, y: number, z: number): number => {
    if (x - hxMax >= 0 && x + hxMax < X && y - ry >= 0 && y + ry < Y && z - rz >= 0 && z + rz < Z) {
      const b = (y + Y * z) * (X + 1) + x;
      let sum = 0;
      for (let k = 0; k < R; k++) sum += P[b + hiOff[k]!]! - P[b + loOff[k]!]!;
      return sum / sphereCount;
    }
    let sum = 0, count = 0;
    for (let k = 0; k < R; k++) {
      const hx = rhx[k]!;
      const yy = y + rdy[k]!, zz = z + rdz[k]!;
      if (yy < 0 || yy >= Y || zz < 0 || zz >= Z) continue;
      const x0 = Math.max(0, x - hx), x1 = Math.min(X - 1, x + hx);
      const base = (yy + Y * zz) * (X + 1);
      sum += P[base + x1 + 1]! - P[base + x0]!;
      count += x1 - x0 + 1;
    }
    return sum / count;
  };
  let maxI = -Infinity;
  for (let i = 0; i < intensityMask.length; i++) if (intensityMask[i] && image[i]! > maxI) maxI = image[i]!;
  let local = -Infinity, global = -Infinity;
  const take = (i: number, m: number): void => {
    if (m > global) global = m;
    if (image[i] === maxI && m > local) local = m;
  };
  // Interior runs (nearly all: prepareRoi adds a margin of the radius) are summed sphere row by
  // sphere row over the whole run: unit-stride inner loops instead of one short loop per voxel.
  // Each voxel still adds the same terms in the same order (k = 0..R−1) as sphereMean.
  const acc = new Float64Array(X);
  for (let z = 0; z < Z; z++) {
    for (let y = 0; y < Y; y++) {
      const row = X * (y + Y * z);
      const interiorRow = y - ry >= 0 && y + ry < Y && z - rz >= 0 && z + rz < Z;
      for (let x = 0; x < X; x++) {
        if (!intensityMask[row + x]) continue;
        let end = x + 1;
        while (end < X && intensityMask[row + end]) end++;
        // [x, end) is a run of ROI voxels; its interior part [a, b) needs no clamping
        const a = interiorRow ? Math.max(x, hxMax) : end, b = interiorRow ? Math.max(a, Math.min(end, X - hxMax)) : end;
        for (let xx = x; xx < a; xx++) take(row + xx, sphereMean(xx, y, z));
        if (a < b) {
          acc.fill(0, a, b);
          const pb = (y + Y * z) * (X + 1);
          for (let k = 0; k < R; k++) {
            const hi = pb + hiOff[k]!, lo = pb + loOff[k]!;
            for (let xx = a; xx < b; xx++) acc[xx] += P[hi + xx]! - P[lo + xx]!;
          }
          for (let xx = a; xx < b; xx++) take(row + xx, acc[xx]! / sphereCount);
        }
        for (let xx = b; xx < end; xx++) take(row + xx, sphereMean(xx, y, z));
        x = end;
      }
    }
  }
  return { local_intensity_peak: local, global_intensity_peak: global };
}
