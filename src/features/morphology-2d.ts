/**
 * Morphological features of a single-slice (2D, e.g. ultrasound) ROI: the in-plane
 * counterparts of IBSI 1 §3.1 on a marching-squares contour (iso-level 0.5, inside corners
 * of ambiguous squares kept apart, as in the 3D mesh). IBSI 1 defines morphology in 3D only,
 * so these features carry no IBSI code; formulas follow the 3D ones with area for volume
 * and perimeter for surface (circularity = 4πA/P², cf. PyRadiomics shape2D).
 */
import type { RoiContext } from './context.ts';
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

/*
 * computeMorphology2D is a short driver over small loop functions: V8 compiled the whole of it
 * (contour, hull, covariance, weighted centre; 45–50 ms of TurboFan under --single-threaded, twice:
 * on-stack replacement, then the whole function) before the first BUS-BRA lesions were done;
 * small functions compile in a few ms each, and the pixel loops are one function (planeLoop).
 * Every sum keeps its order, so every value keeps its bits.
 */

export function computeMorphology2D(ctx: RoiContext): FamilyValues {
  const { size, spacing: sp, image, morphMask, intensityMask } = ctx.roi;
  const [X, Y] = size;
  const seg = marchingSquares(X, Y, morphMask);
  const hx = sp[0] / 2, hy = sp[1] / 2;
  const contour = contourSums(seg, hx, hy);
  const area = Math.abs(contour[0]!) / 2, perimeter = contour[1]!;
  const hull = hullOfVertices(seg, Y);
  const h = hullSums(hull, hx, hy);
  const hullArea2 = h[0]!, hullPerim = h[1]!, diameter = h[2]!;
  const bx0 = h[3]!, bx1 = h[4]!, by0 = h[5]!, by1 = h[6]!;
  // positionCovariance (linalg.ts) in the plane: z = 0 adds nothing to the in-plane sums, which
  // keep their order (identical bits); 2 × 2 eigenvalues of the in-plane covariance
  const n = planeLoop(MOMENTS, X, Y, sp[0], sp[1], morphMask), c0 = second / n, c1 = third / n;
  const v00 = planeLoop(COVARIANCE, X, Y, sp[0], sp[1], morphMask, morphMask, c0, c1), v01 = second, v11 = third;
  const denominator = ctx.settings.conventions?.pcaDivisor === 'n' ? n : Math.max(1, n - 1);
  const cov0 = v00 / denominator, cov1 = v01 / denominator, cov4 = v11 / denominator;
  const tr = cov0 + cov4, det = cov0 * cov4 - cov1 * cov1;
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  const l1 = tr / 2 + disc, l2 = Math.max(0, tr / 2 - disc);
  const wanted = (name: string): boolean => ctx.wanted('morphology', name);
  const out: FamilyValues = {
    area,
    area_pixel_counting: n * sp[0] * sp[1],
    perimeter,
    perimeter_to_area_ratio: perimeter / area,
    circularity: (4 * Math.PI * area) / (perimeter * perimeter),
    sphericity_2d: (2 * Math.sqrt(Math.PI * area)) / perimeter,
    centre_of_mass_shift_2d: NaN,
    maximum_diameter: Math.sqrt(diameter),
    major_axis_length_2d: 4 * Math.sqrt(l1),
    minor_axis_length_2d: 4 * Math.sqrt(l2),
    elongation_2d: Math.sqrt(l2 / l1),
    area_density_aabb_2d: area / ((bx1 - bx0) * hx * ((by1 - by0) * hy)),
    area_density_convex_hull_2d: area / (Math.abs(hullArea2) / 2),
    perimeter_density_convex_hull: perimeter / hullPerim,
    integrated_intensity_2d: NaN,
  };
  // The intensity-weighted centre: a pass over the ROI that PyRadiomics' features never read
  // (FamilyRequest.only), then left out.
  if (wanted('centre_of_mass_shift_2d') || wanted('integrated_intensity_2d')) {
    const wsum = planeLoop(WEIGHTS, X, Y, sp[0], sp[1], intensityMask, image), ni = second, wx = third, wy = fourth;
    out.centre_of_mass_shift_2d = Math.hypot(c0 - wx / wsum, c1 - wy / wsum);
    out.integrated_intensity_2d = (wsum / ni) * area;
  } else {
    delete out.centre_of_mass_shift_2d;
    delete out.integrated_intensity_2d;
  }
  // O(N²) in the ROI size: skipped (NaN) when the settings say so (PyRadiomics has no such features)
  const { moransI, gearysC } = ctx.settings.spatialAutocorrelation === false ? { moransI: NaN, gearysC: NaN } : spatialAutocorrelation(size, sp, image, intensityMask);
  out.morans_i_2d = moransI;
  out.gearys_c_2d = gearysC;
  return out;
}

/** [2 × signed area (Green's theorem), perimeter] of the contour segments, in mm. */
function contourSums(seg: Int32Array, hx: number, hy: number): Float64Array {
  let area2 = 0, perimeter = 0;
  for (let i = 0; i < seg.length; i += 4) {
    const x0 = seg[i]! * hx, y0 = seg[i + 1]! * hy, x1 = seg[i + 2]! * hx, y1 = seg[i + 3]! * hy;
    area2 += x0 * y1 - x1 * y0;
    perimeter += Math.hypot(x1 - x0, y1 - y0);
  }
  const out = new Float64Array(2);
  out[0] = area2;
  out[1] = perimeter;
  return out;
}

/**
 * The convex hull of the segments' start points (doubled coordinates, ≥ −2), as hull2d gives it
 * ([x0, y0, x1, y1, …], counter-clockwise from the lowest x, then y): the points are deduplicated
 * and ordered by sorting numeric keys (x + 2)·K + (y + 2), K > 2Y + 4, instead of a Map of pairs
 * and a comparison sort; the monotone chain then sees the same points in the same order.
 */
function hullOfVertices(seg: Int32Array, Y: number): Int32Array {
  const K = 2 * Y + 8;
  const keys = new Float64Array(seg.length / 4);
  for (let i = 0, k = 0; i < seg.length; i += 4, k++) keys[k] = (seg[i]! + 2) * K + (seg[i + 1]! + 2);
  keys.sort();
  const xs = new Int32Array(keys.length), ys = new Int32Array(keys.length);
  let m = 0;
  for (let k = 0; k < keys.length; k++) {
    if (k > 0 && keys[k] === keys[k - 1]) continue;
    xs[m] = Math.floor(keys[k]! / K) - 2;
    ys[m] = keys[k]! - (xs[m]! + 2) * K - 2;
    m++;
  }
  return monotoneChain(xs, ys, m);
}

/** Andrew's monotone chain over m points sorted by x then y (as hull2d): hull vertices, counter-clockwise. */
function monotoneChain(xs: Int32Array, ys: Int32Array, m: number): Int32Array {
  if (m < 3) {
    const out = new Int32Array(2 * m);
    for (let k = 0; k < m; k++) { out[2 * k] = xs[k]!; out[2 * k + 1] = ys[k]!; }
    return out;
  }
  const lower = new Int32Array(m), upper = new Int32Array(m); // indices of the points
  let nl = 0, nu = 0;
  for (let k = 0; k < m; k++) {
    while (nl >= 2) {
      const o = lower[nl - 2]!, a = lower[nl - 1]!;
      if ((xs[a]! - xs[o]!) * (ys[k]! - ys[o]!) - (ys[a]! - ys[o]!) * (xs[k]! - xs[o]!) > 0) break; // (a − o) × (k − o), exact
      nl--;
    }
    lower[nl++] = k;
  }
  for (let k = m - 1; k >= 0; k--) {
    while (nu >= 2) {
      const o = upper[nu - 2]!, a = upper[nu - 1]!;
      if ((xs[a]! - xs[o]!) * (ys[k]! - ys[o]!) - (ys[a]! - ys[o]!) * (xs[k]! - xs[o]!) > 0) break;
      nu--;
    }
    upper[nu++] = k;
  }
  // lower without its last point, then upper without its last (hull2d's lower.slice(0, -1).concat(upper.slice(0, -1)))
  const out = new Int32Array(2 * (nl - 1 + nu - 1));
  let o = 0;
  for (let k = 0; k < nl - 1; k++) { out[o++] = xs[lower[k]!]!; out[o++] = ys[lower[k]!]!; }
  for (let k = 0; k < nu - 1; k++) { out[o++] = xs[upper[k]!]!; out[o++] = ys[upper[k]!]!; }
  return out;
}

/**
 * Of the hull [x0, y0, …] (doubled coordinates): [2 × signed area, perimeter, squared diameter,
 * min x, max x, min y, max y], in mm (the extent in doubled coordinates), in the order of the
 * loop over hull vertices that it replaces.
 */
function hullSums(hull: Int32Array, hx: number, hy: number): Float64Array {
  const h = hull.length / 2;
  let hullArea2 = 0, hullPerim = 0, diameter = 0;
  let bx0 = Infinity, bx1 = -Infinity, by0 = Infinity, by1 = -Infinity;
  for (let i = 0; i < h; i++) {
    const j = (i + 1) % h;
    const a0 = hull[2 * i]!, a1 = hull[2 * i + 1]!, b0 = hull[2 * j]!, b1 = hull[2 * j + 1]!;
    hullArea2 += a0 * hx * b1 * hy - b0 * hx * a1 * hy;
    hullPerim += Math.hypot((b0 - a0) * hx, (b1 - a1) * hy);
    bx0 = Math.min(bx0, a0); bx1 = Math.max(bx1, a0); by0 = Math.min(by0, a1); by1 = Math.max(by1, a1);
    for (let k = i + 1; k < h; k++) {
      const c0 = hull[2 * k]!, c1 = hull[2 * k + 1]!;
      diameter = Math.max(diameter, ((a0 - c0) * hx) ** 2 + ((a1 - c1) * hy) ** 2);
    }
  }
  const out = new Float64Array(7);
  out[0] = hullArea2; out[1] = hullPerim; out[2] = diameter;
  out[3] = bx0; out[4] = bx1; out[5] = by0; out[6] = by1;
  return out;
}

/*
 * The pixel loops of the ROI, in one function (planeLoop) that hands back its first result by
 * `return` and the others in the module variables second, third and fourth (read right after the
 * call), as stats-util's firstOrderLoop does and for the same reasons: no code needing type
 * feedback after a loop that V8 may compile by on-stack replacement (no deopt on the next ROI), and
 * one function that V8 compiles once, a few lesions in, instead of several small ones each
 * compiled during a process's first lesion.
 */
let second = 0, third = 0, fourth = 0;
const MOMENTS = 0, COVARIANCE = 1, WEIGHTS = 2;

/**
 * One pass over the X × Y ROI in raster order (the order of positionCovariance's sums):
 * - MOMENTS: the pixel count n of `mask` (Σ x·sx, Σ y·sy: second, third);
 * - COVARIANCE, centre (c0, c1): Σ d0² (Σ d0·d1, Σ d1²: second, third), d = (x·sx − c0, y·sy − c1);
 * - WEIGHTS: Σ g over `mask` (count, Σ g·x·sx, Σ g·y·sy: second, third, fourth), g = image value.
 */
function planeLoop(kind: number, X: number, Y: number, sx: number, sy: number, mask: Uint8Array, image: ArrayLike<number> = mask, c0 = 0, c1 = 0): number {
  if (kind === MOMENTS) {
    let n = 0, s0 = 0, s1 = 0;
    for (let y = 0, i = 0; y < Y; y++) for (let x = 0; x < X; x++, i++) {
      if (!mask[i]) continue;
      n++; s0 += x * sx; s1 += y * sy;
    }
    second = s0; third = s1;
    return n;
  }
  if (kind === COVARIANCE) {
    let v00 = 0, v01 = 0, v11 = 0;
    for (let y = 0, i = 0; y < Y; y++) for (let x = 0; x < X; x++, i++) {
      if (!mask[i]) continue;
      const d0 = x * sx - c0, d1 = y * sy - c1;
      v00 += d0 * d0; v01 += d0 * d1; v11 += d1 * d1;
    }
    second = v01; third = v11;
    return v00;
  }
  let wsum = 0, ni = 0, wx = 0, wy = 0;
  for (let y = 0, i = 0; y < Y; y++) for (let x = 0; x < X; x++, i++) {
    if (!mask[i]) continue;
    wsum += image[i]!; ni++; wx += image[i]! * x * sx; wy += image[i]! * y * sy;
  }
  second = ni; third = wx; fourth = wy;
  return wsum;
}
