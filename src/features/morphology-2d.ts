/**
 * Morphological features of a single-slice (2D, e.g. ultrasound) ROI: the in-plane
 * counterparts of IBSI 1 §3.1 on a marching-squares contour (iso-level 0.5, inside corners
 * of ambiguous squares kept apart, as in the 3D mesh). IBSI 1 defines morphology in 3D only,
 * so these features carry no IBSI code; formulas follow the 3D ones with area for volume
 * and perimeter for surface (circularity = 4πA/P², cf. PyRadiomics shape2D).
 */
import type { RoiContext } from './context.ts';
import { positionCovariance } from './linalg.ts';
import { spatialAutocorrelation } from './spatial-autocorrelation.ts';
import type { FamilyValues, FeatureDef } from './types.ts';

export const FEATURES_2D: FeatureDef[] = [
  { name: 'area', ibsiCode: '', unit: 'mm²', pyradiomics: 'MeshSurface' },
  { name: 'area_pixel_counting', ibsiCode: '', unit: 'mm²', pyradiomics: 'PixelSurface' },
  { name: 'perimeter', ibsiCode: '', unit: 'mm', pyradiomics: 'Perimeter' },
  { name: 'perimeter_to_area_ratio', ibsiCode: '', unit: 'mm⁻¹', pyradiomics: 'PerimeterSurfaceRatio' },
  { name: 'circularity', ibsiCode: '', unit: '' },
  { name: 'sphericity_2d', ibsiCode: '', unit: '', pyradiomics: 'Sphericity' },
  { name: 'centre_of_mass_shift_2d', ibsiCode: '', unit: 'mm' },
  { name: 'maximum_diameter', ibsiCode: '', unit: 'mm', pyradiomics: 'MaximumDiameter' },
  { name: 'major_axis_length_2d', ibsiCode: '', unit: 'mm', pyradiomics: 'MajorAxisLength' },
  { name: 'minor_axis_length_2d', ibsiCode: '', unit: 'mm', pyradiomics: 'MinorAxisLength' },
  { name: 'elongation_2d', ibsiCode: '', unit: '', pyradiomics: 'Elongation' },
  { name: 'area_density_aabb_2d', ibsiCode: '', unit: '' },
  { name: 'area_density_convex_hull_2d', ibsiCode: '', unit: '' },
  { name: 'perimeter_density_convex_hull', ibsiCode: '', unit: '' },
  { name: 'integrated_intensity_2d', ibsiCode: '', unit: 'I·mm²' },
  { name: 'morans_i_2d', ibsiCode: '', unit: '' },
  { name: 'gearys_c_2d', ibsiCode: '', unit: '' },
];

// square corners counter-clockwise: (0,0) (1,0) (1,1) (0,1); edge k joins corner k and k+1
const CX = [0, 1, 1, 0], CY = [0, 0, 1, 1];

/**
 * The segments of each of the 16 corner configurations, as doubled offsets from the square's
 * corner (2x, 2y): [ax, ay, bx, by, ...]. For each entry edge k (corner k outside, k+1 inside),
 * the exit is the next edge e after it with corner e inside and e+1 outside: that keeps the inside
 * corners of an ambiguous square apart.
 */
const SQUARE_SEGMENTS: readonly Int32Array[] = Array.from({ length: 16 }, (_, cfg) => {
  const inside = [0, 1, 2, 3].map((c) => (cfg >> c) & 1);
  const out: number[] = [];
  for (let k = 0; k < 4; k++) {
    if (inside[k] || !inside[(k + 1) % 4]) continue; // entry edge k
    for (let m = 1; m < 4; m++) {
      const e = (k + m) % 4;
      if (inside[e] && !inside[(e + 1) % 4]) {
        // edge midpoints ×2: corner kk plus corner kk+1
        out.push(CX[k]! + CX[(k + 1) % 4]!, CY[k]! + CY[(k + 1) % 4]!, CX[e]! + CX[(e + 1) % 4]!, CY[e]! + CY[(e + 1) % 4]!);
        break;
      }
    }
  }
  return Int32Array.from(out);
});

/** Directed contour segments, as doubled integer pixel coordinates [x0, y0, x1, y1, ...]. */
export function marchingSquares(X: number, Y: number, mask: Uint8Array): Int32Array {
  // Two loops, two functions, each ending right after its loop: in one function, V8 compiled the
  // first loop by on-stack replacement before the second had ever run, deoptimised on reaching it
  // (no type feedback yet) and kept doing so on every ROI (--trace-deopt: a deopt per lesion).
  return Int32Array.from(squareSegments(X, Y, padMask(X, Y, mask)));
}

/** The mask in a frame of zeros (one pixel each side): squares at the edge need no bounds checks. */
function padMask(X: number, Y: number, mask: Uint8Array): Uint8Array {
  const W = X + 2;
  const padded = new Uint8Array(W * (Y + 2));
  for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++) padded[x + 1 + W * (y + 1)] = mask[x + X * y] ? 1 : 0;
  return padded;
}

/** The segments of every square of the padded mask (see marchingSquares). */
function squareSegments(X: number, Y: number, padded: Uint8Array): number[] {
  const W = X + 2;
  const seg: number[] = [];
  // square (x, y), x, y from −1, has its corner (0,0) at padded index (x + 1) + W·(y + 1)
  for (let y = -1; y < Y; y++) {
    for (let x = -1, i = W * (y + 1); x < X; x++, i++) {
      const cfg = padded[i]! | (padded[i + 1]! << 1) | (padded[i + W + 1]! << 2) | (padded[i + W]! << 3);
      if (cfg === 0 || cfg === 15) continue;
      const t = SQUARE_SEGMENTS[cfg]!;
      for (let k = 0; k < t.length; k += 4) seg.push(2 * x + t[k]!, 2 * y + t[k + 1]!, 2 * x + t[k + 2]!, 2 * y + t[k + 3]!);
    }
  }
  return seg;
}

/** Convex hull of 2D integer points (Andrew's monotone chain), counter-clockwise. */
export function hull2d(points: Array<[number, number]>): Array<[number, number]> {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: [number, number], a: [number, number], b: [number, number]): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Array<[number, number]> = [], upper: Array<[number, number]> = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0) lower.pop();
    lower.push(q);
  }
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0) upper.pop();
    upper.push(q);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

export function computeMorphology2D(ctx: RoiContext): FamilyValues {
  const { size, spacing: sp, image, morphMask, intensityMask } = ctx.roi;
  const [X, Y] = size;
  const seg = marchingSquares(X, Y, morphMask);
  const hx = sp[0] / 2, hy = sp[1] / 2;
  let area2 = 0, perimeter = 0;
  const uniq = new Map<number, [number, number]>();
  for (let i = 0; i < seg.length; i += 4) {
    const x0 = seg[i]! * hx, y0 = seg[i + 1]! * hy, x1 = seg[i + 2]! * hx, y1 = seg[i + 3]! * hy;
    area2 += x0 * y1 - x1 * y0; // Green's theorem
    perimeter += Math.hypot(x1 - x0, y1 - y0);
    uniq.set(seg[i]! * 65536 + seg[i + 1]!, [seg[i]!, seg[i + 1]!]);
  }
  const area = Math.abs(area2) / 2;
  const hull = hull2d([...uniq.values()]);
  let hullArea2 = 0, hullPerim = 0, diameter = 0;
  let bx0 = Infinity, bx1 = -Infinity, by0 = Infinity, by1 = -Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!, b = hull[(i + 1) % hull.length]!;
    hullArea2 += a[0] * hx * b[1] * hy - b[0] * hx * a[1] * hy;
    hullPerim += Math.hypot((b[0] - a[0]) * hx, (b[1] - a[1]) * hy);
    bx0 = Math.min(bx0, a[0]); bx1 = Math.max(bx1, a[0]); by0 = Math.min(by0, a[1]); by1 = Math.max(by1, a[1]);
    for (let j = i + 1; j < hull.length; j++) {
      const c = hull[j]!;
      diameter = Math.max(diameter, ((a[0] - c[0]) * hx) ** 2 + ((a[1] - c[1]) * hy) ** 2);
    }
  }
  const { cov, centre, n } = positionCovariance(size, sp, morphMask, ctx.settings.conventions?.pcaDivisor);
  // 2×2 eigenvalues of the in-plane covariance
  const tr = cov[0]! + cov[4]!, det = cov[0]! * cov[4]! - cov[1]! * cov[3]!;
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  const l1 = tr / 2 + disc, l2 = Math.max(0, tr / 2 - disc);
  let wsum = 0, ni = 0, wx = 0, wy = 0;
  for (let y = 0, i = 0; y < Y; y++) for (let x = 0; x < X; x++, i++) {
    if (!intensityMask[i]) continue;
    wsum += image[i]!; ni++; wx += image[i]! * x * sp[0]; wy += image[i]! * y * sp[1];
  }
  // O(N²) in the ROI size: skipped (NaN) when the settings say so (PyRadiomics has no such features)
  const { moransI, gearysC } = ctx.settings.spatialAutocorrelation === false ? { moransI: NaN, gearysC: NaN } : spatialAutocorrelation(size, sp, image, intensityMask);
  const bw = (bx1 - bx0) * hx, bh = (by1 - by0) * hy;
  return {
    area,
    area_pixel_counting: n * sp[0] * sp[1],
    perimeter,
    perimeter_to_area_ratio: perimeter / area,
    circularity: (4 * Math.PI * area) / (perimeter * perimeter),
    sphericity_2d: (2 * Math.sqrt(Math.PI * area)) / perimeter,
    centre_of_mass_shift_2d: Math.hypot(centre[0] - wx / wsum, centre[1] - wy / wsum),
    maximum_diameter: Math.sqrt(diameter),
    major_axis_length_2d: 4 * Math.sqrt(l1),
    minor_axis_length_2d: 4 * Math.sqrt(l2),
    elongation_2d: Math.sqrt(l2 / l1),
    area_density_aabb_2d: area / (bw * bh),
    area_density_convex_hull_2d: area / (Math.abs(hullArea2) / 2),
    perimeter_density_convex_hull: perimeter / hullPerim,
    integrated_intensity_2d: (wsum / ni) * area,
    morans_i_2d: moransI,
    gearys_c_2d: gearysC,
  };
}
