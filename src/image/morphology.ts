/**
 * Binary dilation and erosion of masks, by whole voxels (face or full connectivity) or by a
 * ball of radius r mm (exact, via the Euclidean distance transform in distance.ts). Used by the
 * regions (src/roi) and by robustness perturbations (contours grown / shrunk by a few mm).
 *
 * Ball in mm: dilate keeps every voxel whose centre is within r of a mask voxel's centre;
 * erode keeps every mask voxel whose centre is farther than r from every non-mask voxel's
 * centre (so erode(M, r) = not dilate(not M, r)). Voxels beyond the grid edge count as neither:
 * a mask touching the image border is not eroded from that border.
 */
import { createMask, type Mask } from './image.ts';
import { squaredDistanceToSeeds } from './distance.ts';

export type Connectivity = 'face' | 'full';

function copyGeometry(mask: Mask, data: Uint8Array): Mask {
  return createMask(mask.size, mask.spacing, data, mask);
}

/** Dilation by a ball of radius `radiusMm` (a radius below the spacing may leave the mask unchanged). */
export function dilateMm(mask: Mask, radiusMm: number): Mask {
  if (!(radiusMm >= 0)) throw new RangeError(`dilation radius must be ≥ 0 mm, got ${radiusMm}`);
  const d2 = squaredDistanceToSeeds(mask.data, mask.size, mask.spacing);
  const r2 = radiusMm * radiusMm * (1 + 1e-9); // tolerate rounding at exactly r
  const out = new Uint8Array(d2.length);
  for (let i = 0; i < out.length; i++) out[i] = d2[i]! <= r2 ? 1 : 0;
  return copyGeometry(mask, out);
}

/** Erosion by a ball of radius `radiusMm`. */
export function erodeMm(mask: Mask, radiusMm: number): Mask {
  if (!(radiusMm >= 0)) throw new RangeError(`erosion radius must be ≥ 0 mm, got ${radiusMm}`);
  const outside = new Uint8Array(mask.data.length);
  for (let i = 0; i < outside.length; i++) outside[i] = mask.data[i] ? 0 : 1;
  const d2 = squaredDistanceToSeeds(outside, mask.size, mask.spacing);
  const r2 = radiusMm * radiusMm * (1 + 1e-9);
  const out = new Uint8Array(d2.length);
  for (let i = 0; i < out.length; i++) out[i] = mask.data[i] && d2[i]! > r2 ? 1 : 0;
  return copyGeometry(mask, out);
}

/** Neighbour offsets [dx, dy, dz] for face (4/6) or full (8/26) connectivity; 2D masks stay in-plane. */
export function neighbourOffsets(is3D: boolean, connectivity: Connectivity): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (let dz = is3D ? -1 : 0; dz <= (is3D ? 1 : 0); dz++) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
    const steps = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
    if (steps === 0 || (connectivity === 'face' && steps > 1)) continue;
    out.push([dx, dy, dz]);
  }
  return out;
}

function step(mask: Mask, connectivity: Connectivity, grow: boolean): Mask {
  const [X, Y, Z] = mask.size;
  const src = mask.data;
  const out = new Uint8Array(src.length);
  const offs = neighbourOffsets(Z > 1, connectivity);
  for (let z = 0; z < Z; z++) for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++) {
    const i = x + X * (y + Y * z);
    if (grow ? src[i] : !src[i]) { out[i] = src[i] ? 1 : 0; continue; }
    // Dilation: an outside voxel joins if any neighbour is inside. Erosion: an inside voxel
    // leaves if any in-grid neighbour is outside.
    let hit = false;
    for (const [dx, dy, dz] of offs) {
      const a = x + dx, b = y + dy, c = z + dz;
      if (a < 0 || b < 0 || c < 0 || a >= X || b >= Y || c >= Z) continue;
      if (grow ? src[a + X * (b + Y * c)] : !src[a + X * (b + Y * c)]) { hit = true; break; }
    }
    out[i] = grow ? (hit ? 1 : 0) : (hit ? 0 : 1);
  }
  return copyGeometry(mask, out);
}

/** Dilation by `voxels` steps of one voxel (face connectivity by default). */
export function dilateVoxels(mask: Mask, voxels = 1, connectivity: Connectivity = 'face'): Mask {
  let m = mask;
  for (let k = 0; k < voxels; k++) m = step(m, connectivity, true);
  return voxels === 0 ? copyGeometry(mask, mask.data.slice()) : m;
}

/** Erosion by `voxels` steps of one voxel (face connectivity by default). */
export function erodeVoxels(mask: Mask, voxels = 1, connectivity: Connectivity = 'face'): Mask {
  let m = mask;
  for (let k = 0; k < voxels; k++) m = step(m, connectivity, false);
  return voxels === 0 ? copyGeometry(mask, mask.data.slice()) : m;
}
