/**
 * Local intensity features (IBSI 1 manual §3.2, family 9ST6). The mean intensity in a sphere
 * of 1 cm³ (radius 6.2 mm) around a voxel centre, on the image (not only the ROI): the local
 * peak at the ROI's maximum-intensity voxel(s), the global peak as the highest mean over all
 * ROI voxels. The sphere holds the voxels whose centres lie within the radius (in mm); for a
 * single-slice image it is the in-plane disc. Sums use per-row prefix sums along x, so each
 * voxel costs one term per (y, z) row of the sphere rather than one per sphere voxel; runs of
 * ROI voxels along x are summed together, one sphere row at a time.
 * The rare path (spheres cut by the box edge) lives in its own function: as a cold branch inside
 * the hot loop it made V8 deoptimise the whole family again and again (no type feedback yet).
 */
import type { RoiContext } from './context.ts';
import { PEAK_RADIUS_MM } from './processing-settings.ts';
import type { FamilyValues, FeatureDef } from './types.ts';
import { defineFamily } from './family.ts';

export const FEATURES: FeatureDef[] = [
  { name: 'local_intensity_peak', ibsiCode: 'VJGA', unit: 'I' },
  { name: 'global_intensity_peak', ibsiCode: '0F91', unit: 'I' },
];

/** The sphere as rows along x: offsets (dy, dz), half-width hx, and the offsets into the prefix sums. */
interface Sphere {
  R: number;
  dy: Int32Array;
  dz: Int32Array;
  hx: Int32Array;
  /** Row sum of an interior voxel with prefix offset b: P[b + hiOff[k]] − P[b + loOff[k]]. */
  hiOff: Int32Array;
  loOff: Int32Array;
  /** Voxels in the sphere, and its reach along x, y, z. */
  count: number;
  rx: number;
  ry: number;
  rz: number;
}

function sphereRows(r: number, spacing: readonly number[], X: number, Y: number, Z: number): Sphere {
  const rows: Array<[number, number, number]> = [];
  const ry = Math.floor(r / spacing[1]! + 1e-9), rz = Z === 1 ? 0 : Math.floor(r / spacing[2]! + 1e-9);
  for (let dz = -rz; dz <= rz; dz++) {
    for (let dy = -ry; dy <= ry; dy++) {
      const rem = r * r - (dy * spacing[1]!) ** 2 - (dz * spacing[2]!) ** 2;
      if (rem < -1e-9) continue;
      rows.push([dy, dz, Math.floor(Math.sqrt(Math.max(0, rem)) / spacing[0]! + 1e-9)]);
    }
  }
  const R = rows.length;
  const dy = Int32Array.from(rows, (w) => w[0]), dz = Int32Array.from(rows, (w) => w[1]), hx = Int32Array.from(rows, (w) => w[2]);
  const hiOff = new Int32Array(R), loOff = new Int32Array(R);
  let count = 0, rx = 0;
  for (let k = 0; k < R; k++) {
    const base = (dy[k]! + Y * dz[k]!) * (X + 1);
    hiOff[k] = base + hx[k]! + 1;
    loOff[k] = base - hx[k]!;
    count += 2 * hx[k]! + 1;
    rx = Math.max(rx, hx[k]!);
  }
  return { R, dy, dz, hx, hiOff, loOff, count, rx, ry, rz };
}

/** Prefix sums along x: P[(y + Y·z)(X + 1) + x + 1] = Σ_{x' ≤ x} I(x', y, z). */
function rowPrefixSums(image: Float64Array, X: number, Y: number, Z: number): Float64Array {
  const P = new Float64Array((X + 1) * Y * Z);
  for (let yz = 0; yz < Y * Z; yz++) {
    let s = 0;
    const src = yz * X, dst = yz * (X + 1) + 1;
    for (let x = 0; x < X; x++) {
      s += image[src + x]!;
      P[dst + x] = s;
    }
  }
  return P;
}

/**
 * Sphere sums of the interior voxels x ∈ [a, b) of row (y, z) into acc[a..b): per voxel the same
 * terms in the same order (k = 0..R−1) as clampedSphereMean would add for an uncut sphere.
 */
function interiorRunSums(P: Float64Array, s: Sphere, pb: number, a: number, b: number, acc: Float64Array): void {
  acc.fill(0, a, b);
  for (let k = 0; k < s.R; k++) {
    const hi = pb + s.hiOff[k]!, lo = pb + s.loOff[k]!;
    for (let x = a; x < b; x++) acc[x] += P[hi + x]! - P[lo + x]!;
  }
}

/** Mean over the part of the sphere inside the box (voxels near the box edge). */
function clampedSphereMean(P: Float64Array, s: Sphere, X: number, Y: number, Z: number, x: number, y: number, z: number): number {
  let sum = 0, count = 0;
  for (let k = 0; k < s.R; k++) {
    const hx = s.hx[k]!;
    const yy = y + s.dy[k]!, zz = z + s.dz[k]!;
    if (yy < 0 || yy >= Y || zz < 0 || zz >= Z) continue;
    const x0 = Math.max(0, x - hx), x1 = Math.min(X - 1, x + hx);
    const base = (yy + Y * zz) * (X + 1);
    sum += P[base + x1 + 1]! - P[base + x0]!;
    count += x1 - x0 + 1;
  }
  return sum / count;
}

export function computeLocalIntensity(ctx: RoiContext): FamilyValues {
  const { size, spacing, image, intensityMask: mask } = ctx.roi;
  const [X, Y, Z] = size;
  const sphere = sphereRows(ctx.settings.localIntensityRadiusMm ?? PEAK_RADIUS_MM, spacing, X, Y, Z);
  const P = rowPrefixSums(image, X, Y, Z);
  let maxI = -Infinity;
  for (let i = 0; i < mask.length; i++) if (mask[i] && image[i]! > maxI) maxI = image[i]!;
  const { rx, ry, rz } = sphere;
  let local = -Infinity, global = -Infinity;
  const acc = new Float64Array(X);
  for (let z = 0; z < Z; z++) {
    for (let y = 0; y < Y; y++) {
      const row = X * (y + Y * z);
      const interiorRow = y - ry >= 0 && y + ry < Y && z - rz >= 0 && z + rz < Z;
      for (let x = 0; x < X; x++) {
        if (!mask[row + x]) continue;
        let end = x + 1;
        while (end < X && mask[row + end]) end++;
        // [x, end) is a run of ROI voxels: its part [a, b) has the whole sphere inside the box,
        // which is nearly every voxel as prepareRoi adds a margin of the radius
        const a = interiorRow ? Math.min(end, Math.max(x, rx)) : end;
        const b = interiorRow ? Math.max(a, Math.min(end, X - rx)) : end;
        interiorRunSums(P, sphere, (y + Y * z) * (X + 1), a, b, acc);
        for (let xx = x; xx < end; xx++) {
          const m = xx >= a && xx < b ? acc[xx]! / sphere.count : clampedSphereMean(P, sphere, X, Y, Z, xx, y, z);
          if (m > global) global = m;
          if (image[row + xx] === maxI && m > local) local = m;
        }
        x = end;
      }
    }
  }
  return { local_intensity_peak: local, global_intensity_peak: global };
}

/** This family's entry in the family registry (src/features/families.ts); IBSI 1 §3.2. */
export const LOCAL_INTENSITY_FAMILY = defineFamily({ family: 'local_intensity', title: 'local intensity', kind: 'roi', features: FEATURES, compute: computeLocalIntensity });
