/**
 * DICOM RT Structure Set (PS3.3 C.8.8.5–6) → binary mask on a reference image grid.
 * Each CLOSED_PLANAR contour's points (patient mm) are mapped to continuous voxel indices
 * of the reference image and assigned to the nearest slice. On each slice, a voxel is inside
 * when its centre is inside the polygons by the even-odd rule (a ray from the centre crosses
 * an odd number of edges, counting every contour of that ROI on the slice, so holes drawn as
 * inner contours stay empty). Centres exactly on a left/lower edge count as inside, on a
 * right/upper edge as outside (half-open intervals), so two contours sharing an edge never
 * both claim a voxel. No partial-volume or boundary dilation is applied.
 */
import { SonomicsError } from '../../core/errors.ts';
import { createMask, type Image, type Mask } from '../../image/image.ts';
import { parseDicom } from './parser.ts';
import { T } from './tags.ts';

export interface RtRoi { number: number; name: string }

/** Names and numbers of the ROIs in an RTSTRUCT. */
export function rtstructRois(rtBytes: Uint8Array, name = 'RTSTRUCT'): RtRoi[] {
  const ds = parseDicom(rtBytes, name).dataset;
  return ds.sequence(T.StructureSetROISequence).map((it) => ({ number: it.number(T.ROINumber) ?? -1, name: it.string(T.ROIName) ?? '' }));
}

/** Inverse of a 3×3 row-major matrix. */
function inverse3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-12) throw new SonomicsError('BAD_INPUT', 'reference image has a singular direction/spacing matrix');
  return [A / det, -(b * i - c * h) / det, (b * f - c * e) / det, B / det, (a * i - c * g) / det, -(a * f - c * d) / det, C / det, -(a * h - b * g) / det, (a * e - b * d) / det];
}

/** Patient (mm) → continuous voxel index of an image: the inverse of p = origin + D · diag(spacing) · ijk. */
export function indexTransform(reference: Image): (x: number, y: number, z: number) => [number, number, number] {
  const { spacing: s, direction: dir, origin } = reference;
  const inv = inverse3([dir[0] * s[0], dir[1] * s[1], dir[2] * s[2], dir[3] * s[0], dir[4] * s[1], dir[5] * s[2], dir[6] * s[0], dir[7] * s[1], dir[8] * s[2]]);
  return (x, y, z) => {
    const dx = x - origin[0], dy = y - origin[1], dz = z - origin[2];
    return [inv[0]! * dx + inv[1]! * dy + inv[2]! * dz, inv[3]! * dx + inv[4]! * dy + inv[5]! * dz, inv[6]! * dx + inv[7]! * dy + inv[8]! * dz];
  };
}

export function rtstructToMask(rtBytes: Uint8Array, reference: Image, roiName?: string, name = 'RTSTRUCT'): Mask {
  const ds = parseDicom(rtBytes, name).dataset;
  const modality = ds.string(T.Modality);
  if (modality && modality !== 'RTSTRUCT') throw new SonomicsError('BAD_INPUT', `${name}: modality ${modality}, not an RT Structure Set`);
  const rois = ds.sequence(T.StructureSetROISequence).map((it) => ({ number: it.number(T.ROINumber) ?? -1, name: it.string(T.ROIName) ?? '' }));
  const names = rois.map((r) => `"${r.name}"`).join(', ');
  let roi: RtRoi | undefined;
  if (roiName !== undefined) {
    roi = rois.find((r) => r.name === roiName) ?? rois.find((r) => r.name.toLowerCase() === roiName.toLowerCase());
    if (!roi) throw new SonomicsError('BAD_INPUT', `${name}: no ROI named "${roiName}" (available: ${names || 'none'})`);
  } else if (rois.length === 1) roi = rois[0];
  else throw new SonomicsError('BAD_INPUT', `${name}: ${rois.length} ROIs (${names}); say which one with roiName`);
  const contourItem = ds.sequence(T.ROIContourSequence).find((it) => it.number(T.ReferencedROINumber) === roi!.number);
  const contours = contourItem?.sequence(T.ContourSequence) ?? [];

  const [nx, ny, nz] = reference.size;
  const toIndex = indexTransform(reference);
  const bySlice = new Map<number, number[][]>(); // slice → polygons as flat [i0, j0, i1, j1, ...]
  let offGrid = 0;
  for (const c of contours) {
    const type = c.string(T.ContourGeometricType) ?? 'CLOSED_PLANAR';
    if (type !== 'CLOSED_PLANAR') continue;
    const pts = c.numbers(T.ContourData);
    if (pts.length < 9) continue;
    const poly: number[] = [];
    let ksum = 0;
    for (let p = 0; p + 2 < pts.length; p += 3) {
      const [i, j, kk] = toIndex(pts[p]!, pts[p + 1]!, pts[p + 2]!);
      poly.push(i, j);
      ksum += kk;
    }
    const k = Math.round(ksum / (pts.length / 3));
    if (k < 0 || k >= nz) { offGrid++; continue; }
    (bySlice.get(k) ?? bySlice.set(k, []).get(k)!).push(poly);
  }
  const mask = createMask(reference.size, reference.spacing, undefined, reference);
  for (const [k, polys] of bySlice) fillEvenOdd(polys, mask.data, nx, ny, k * nx * ny);
  if (bySlice.size === 0) {
    throw new SonomicsError('EMPTY_MASK', `${name}: ROI "${roi!.name}" has no closed planar contour on the reference image${offGrid ? ` (${offGrid} contours fall outside its slices: wrong reference series?)` : ''}`);
  }
  return mask;
}

/** Scanline even-odd fill of all polygons of one slice, sampled at voxel centres (integer i, j). */
function fillEvenOdd(polys: number[][], out: Uint8Array, nx: number, ny: number, base: number): void {
  let jmin = Infinity, jmax = -Infinity;
  for (const p of polys) for (let v = 1; v < p.length; v += 2) { jmin = Math.min(jmin, p[v]!); jmax = Math.max(jmax, p[v]!); }
  const xs: number[] = [];
  for (let j = Math.max(0, Math.ceil(jmin)); j <= Math.min(ny - 1, Math.floor(jmax)); j++) {
    xs.length = 0;
    for (const p of polys) {
      const n = p.length / 2;
      for (let a = 0, b = n - 1; a < n; b = a++) {
        const ya = p[2 * a + 1]!, yb = p[2 * b + 1]!;
        if ((ya <= j) !== (yb <= j)) {
          const xa = p[2 * a]!, xb = p[2 * b]!;
          xs.push(xa + ((j - ya) / (yb - ya)) * (xb - xa));
        }
      }
    }
    xs.sort((u, v) => u - v);
    // Centre i is inside when an odd number of crossings lie at or left of it: x[2m] ≤ i < x[2m+1].
    for (let m = 0; m + 1 < xs.length; m += 2) {
      const from = Math.max(0, Math.ceil(xs[m]!)), to = Math.min(nx - 1, Math.ceil(xs[m + 1]!) - 1);
      for (let i = from; i <= to; i++) out[base + j * nx + i] = 1;
    }
  }
}
