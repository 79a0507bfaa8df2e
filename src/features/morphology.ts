/**
 * Morphological features in 3D (IBSI 1 manual §3.1, family HCUG), from the marching-cubes
 * mesh of the morphological mask, its voxel point set and the intensity mask. Single-slice
 * (2D) images get the in-plane counterparts in morphology-2d.ts instead.
 * Not computed (no IBSI reference values): volume/area density by oriented minimum bounding
 * box (ZH1A, IQYR) and by minimum-volume enclosing ellipsoid (SWZ1, BRI8).
 */
import type { RoiContext } from './context.ts';
import { positionCovariance, symmetricEigenvalues3 } from './linalg.ts';
import { convexHull, extremePoints } from './mesh/convex-hull.ts';
import { marchingCubes, meshAreaVolume, type Mesh } from './mesh/marching-cubes.ts';
import { lorensenAreaVolume } from './mesh/lorensen.ts';
import { computeMorphology2D, FEATURES_2D, hull2d } from './morphology-2d.ts';
import { spatialAutocorrelation } from './spatial-autocorrelation.ts';
import type { FamilyValues, FeatureDef } from './types.ts';
import { defineFamily } from './family.ts';

export const FEATURES: FeatureDef[] = [
  { name: 'volume', ibsiCode: 'RNU0', unit: 'mm³', pyradiomics: 'MeshVolume' },
  { name: 'volume_voxel_counting', ibsiCode: 'YEKZ', unit: 'mm³', pyradiomics: 'VoxelVolume' },
  { name: 'surface_area', ibsiCode: 'C0JK', unit: 'mm²', pyradiomics: 'SurfaceArea' },
  { name: 'surface_to_volume_ratio', ibsiCode: '2PR5', unit: 'mm⁻¹', pyradiomics: 'SurfaceVolumeRatio' },
  { name: 'compactness_1', ibsiCode: 'SKGS', unit: '' },
  { name: 'compactness_2', ibsiCode: 'BQWJ', unit: '' },
  { name: 'spherical_disproportion', ibsiCode: 'KRCK', unit: '' },
  { name: 'sphericity', ibsiCode: 'QCFX', unit: '', pyradiomics: 'Sphericity' },
  { name: 'asphericity', ibsiCode: '25C7', unit: '' },
  { name: 'centre_of_mass_shift', ibsiCode: 'KLMA', unit: 'mm' },
  { name: 'maximum_3d_diameter', ibsiCode: 'L0JK', unit: 'mm', pyradiomics: 'Maximum3DDiameter' },
  { name: 'major_axis_length', ibsiCode: 'TDIC', unit: 'mm', pyradiomics: 'MajorAxisLength' },
  { name: 'minor_axis_length', ibsiCode: 'P9VJ', unit: 'mm', pyradiomics: 'MinorAxisLength' },
  { name: 'least_axis_length', ibsiCode: '7J51', unit: 'mm', pyradiomics: 'LeastAxisLength' },
  { name: 'elongation', ibsiCode: 'Q3CK', unit: '', pyradiomics: 'Elongation' },
  { name: 'flatness', ibsiCode: 'N17B', unit: '', pyradiomics: 'Flatness' },
  { name: 'volume_density_aabb', ibsiCode: 'PBX1', unit: '' },
  { name: 'area_density_aabb', ibsiCode: 'R59B', unit: '' },
  { name: 'volume_density_aee', ibsiCode: '6BDE', unit: '' },
  { name: 'area_density_aee', ibsiCode: 'RDD2', unit: '' },
  { name: 'volume_density_convex_hull', ibsiCode: 'R3ER', unit: '' },
  { name: 'area_density_convex_hull', ibsiCode: '7T7F', unit: '' },
  { name: 'integrated_intensity', ibsiCode: '99N0', unit: 'I·mm³' },
  { name: 'morans_i', ibsiCode: 'N365', unit: '' },
  { name: 'gearys_c', ibsiCode: 'NPT7', unit: '' },
  // PyRadiomics only (conventions.pyradiomicsFeatures): largest distance between mesh vertices in one axial slice / one y-plane / one x-plane
  { name: 'maximum_2d_diameter_slice', ibsiCode: '', unit: 'mm', pyradiomics: 'Maximum2DDiameterSlice', pyradiomicsOnly: true },
  { name: 'maximum_2d_diameter_column', ibsiCode: '', unit: 'mm', pyradiomics: 'Maximum2DDiameterColumn', pyradiomicsOnly: true },
  { name: 'maximum_2d_diameter_row', ibsiCode: '', unit: 'mm', pyradiomics: 'Maximum2DDiameterRow', pyradiomicsOnly: true },
];

export function computeMorphology(ctx: RoiContext): FamilyValues {
  if (ctx.roi.size[2] === 1) return computeMorphology2D(ctx);
  return computeMorphology3D(ctx);
}

/** Surface area of an ellipsoid with semi-axes a ≥ b ≥ c (IBSI §3.1.19, Legendre series to ν = 20). */
export function ellipsoidArea(a: number, b: number, c: number): number {
  const alpha = Math.sqrt(Math.max(0, 1 - (b * b) / (a * a))), beta = Math.sqrt(Math.max(0, 1 - (c * c) / (a * a)));
  // Q_ν = (αβ)^ν P_ν((α² + β²)/(2αβ)) by the Legendre recurrence, stable also for αβ → 0
  const u = alpha * beta, s = (alpha * alpha + beta * beta) / 2;
  let qPrev = 1, q = s, sum = 1 + q / (1 - 4);
  for (let nu = 1; nu < 20; nu++) {
    const qNext = ((2 * nu + 1) * s * q - nu * u * u * qPrev) / (nu + 1);
    qPrev = q; q = qNext;
    sum += q / (1 - 4 * (nu + 1) ** 2);
  }
  return 4 * Math.PI * a * b * sum;
}

/**
 * PyRadiomics' Maximum2DDiameter{Slice,Column,Row} (cshape.c calculate_meshDiameter): the largest
 * distance between two mesh vertices with the same z (slice), the same y (column) or the same x
 * (row). Per plane only the convex hull of its vertices can hold the farthest pair.
 */
function planeDiameters(mesh: Mesh, sp: [number, number, number]): FamilyValues {
  const v = mesh.vertices2;
  const out: number[] = [];
  for (const axis of [2, 1, 0]) {
    const [a, b] = [0, 1, 2].filter((k) => k !== axis) as [number, number];
    const planes = new Map<number, Array<[number, number]>>();
    for (let i = 0; i < v.length; i += 3) {
      const key = v[i + axis]!;
      let list = planes.get(key);
      if (!list) planes.set(key, (list = []));
      list.push([v[i + a]!, v[i + b]!]);
    }
    let best = 0;
    const ha = sp[a]! / 2, hb = sp[b]! / 2;
    for (const pts of planes.values()) {
      const h = pts.length > 3 ? hull2d(pts) : pts;
      for (let p = 0; p < h.length; p++) {
        for (let q = p + 1; q < h.length; q++) {
          const d = ((h[p]![0] - h[q]![0]) * ha) ** 2 + ((h[p]![1] - h[q]![1]) * hb) ** 2;
          if (d > best) best = d;
        }
      }
    }
    out.push(Math.sqrt(best));
  }
  return { maximum_2d_diameter_slice: out[0]!, maximum_2d_diameter_column: out[1]!, maximum_2d_diameter_row: out[2]! };
}

function meshBoundsMm(mesh: Mesh, sp: [number, number, number]): [number, number, number] {
  const v = mesh.vertices2;
  const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < v.length; i += 3) for (let k = 0; k < 3; k++) {
    if (v[i + k]! < lo[k]!) lo[k] = v[i + k]!;
    if (v[i + k]! > hi[k]!) hi[k] = v[i + k]!;
  }
  return [0, 1, 2].map((k) => ((hi[k]! - lo[k]!) * sp[k]!) / 2) as [number, number, number];
}

function computeMorphology3D(ctx: RoiContext): FamilyValues {
  const { size, spacing: sp, image, morphMask, intensityMask } = ctx.roi;
  const mesh = marchingCubes(size, morphMask);
  const { area: A, volume: V } = ctx.settings.conventions?.mesh === 'pyradiomics' ? lorensenAreaVolume(size, sp, morphMask) : meshAreaVolume(mesh, sp);
  const voxelVolume = sp[0] * sp[1] * sp[2];
  const conventions = ctx.settings.conventions ?? {};
  const { cov, centre, n } = positionCovariance(size, sp, morphMask, conventions.pcaDivisor);
  // intensity-weighted centre over the intensity mask (§3.1.10)
  let wsum = 0, isum = 0, ni = 0;
  const wc = [0, 0, 0];
  for (let z = 0, i = 0; z < size[2]; z++) for (let y = 0; y < size[1]; y++) for (let x = 0; x < size[0]; x++, i++) {
    if (!intensityMask[i]) continue;
    const g = image[i]!;
    wsum += g; isum += g; ni++;
    wc[0] += g * x * sp[0]; wc[1] += g * y * sp[1]; wc[2] += g * z * sp[2];
  }
  const com = Math.hypot(centre[0] - wc[0]! / wsum, centre[1] - wc[1]! / wsum, centre[2] - wc[2]! / wsum);
  const [l1, l2, l3] = symmetricEigenvalues3(cov).map((l) => Math.max(0, l)) as [number, number, number];
  const [bx, by, bz] = meshBoundsMm(mesh, sp);
  // convex hull of the mesh vertices (affine scaling by the spacing keeps hull structure)
  const cand = extremePoints(mesh.vertices2);
  const hull = convexHull(mesh.vertices2, cand);
  let hullArea = NaN, hullVolume = NaN, diameter = 0;
  const pts = hull ? [...new Set(hull.triangles)] : cand;
  if (hull) {
    const hm: Mesh = { vertices2: mesh.vertices2, triangles: Int32Array.from(hull.triangles) };
    const r = meshAreaVolume(hm, sp);
    hullArea = r.area; hullVolume = r.volume;
  }
  const v = mesh.vertices2;
  const hx = sp[0] / 2, hy = sp[1] / 2, hz = sp[2] / 2;
  for (let a = 0; a < pts.length; a++) {
    const pa = pts[a]! * 3;
    for (let b = a + 1; b < pts.length; b++) {
      const pb = pts[b]! * 3;
      const d = ((v[pa]! - v[pb]!) * hx) ** 2 + ((v[pa + 1]! - v[pb + 1]!) * hy) ** 2 + ((v[pa + 2]! - v[pb + 2]!) * hz) ** 2;
      if (d > diameter) diameter = d;
    }
  }
  diameter = Math.sqrt(diameter);
  const semi = [2 * Math.sqrt(l1), 2 * Math.sqrt(l2), 2 * Math.sqrt(l3)] as const;
  const aee = ((4 * Math.PI) / 3) * semi[0] * semi[1] * semi[2];
  // O(N²) in the ROI size: skipped (NaN) when the settings say so (PyRadiomics has no such features)
  const { moransI, gearysC } = ctx.settings.spatialAutocorrelation === false ? { moransI: NaN, gearysC: NaN } : spatialAutocorrelation(size, sp, image, intensityMask);
  const k36 = 36 * Math.PI * V * V;
  const extra = conventions.pyradiomicsFeatures ? planeDiameters(mesh, sp) : {};
  return {
    ...extra,
    volume: V,
    volume_voxel_counting: n * voxelVolume,
    surface_area: A,
    surface_to_volume_ratio: A / V,
    compactness_1: V / (Math.sqrt(Math.PI) * A ** 1.5),
    compactness_2: k36 / A ** 3,
    spherical_disproportion: A / Math.cbrt(k36),
    sphericity: Math.cbrt(k36) / A,
    asphericity: Math.cbrt(A ** 3 / k36) - 1,
    centre_of_mass_shift: com,
    maximum_3d_diameter: diameter,
    major_axis_length: 4 * Math.sqrt(l1),
    minor_axis_length: 4 * Math.sqrt(l2),
    least_axis_length: 4 * Math.sqrt(l3),
    elongation: Math.sqrt(l2 / l1),
    flatness: Math.sqrt(l3 / l1),
    volume_density_aabb: V / (bx * by * bz),
    area_density_aabb: A / (2 * (bx * by + by * bz + bz * bx)),
    volume_density_aee: V / aee,
    area_density_aee: A / ellipsoidArea(semi[0], semi[1], semi[2]),
    volume_density_convex_hull: V / hullVolume,
    area_density_convex_hull: A / hullArea,
    integrated_intensity: (isum / ni) * V,
    morans_i: moransI,
    gearys_c: gearysC,
  };
}

/** This family's entry in the family registry (src/features/families.ts); IBSI 1 §3.1. */
export const MORPHOLOGY_FAMILY = defineFamily({ family: 'morphology', title: 'morphology (shape)', kind: 'roi', features: FEATURES, features2D: FEATURES_2D, pyradiomicsClass: 'shape', pyradiomicsClass2D: 'shape2D', compute: computeMorphology });
