/**
 * Image and mask interpolation to a new voxel spacing (IBSI 1 manual §2.4, "Interpolation").
 * Grid alignment: the centre of the grid is kept ("align grid centers", IBSI fig. 2.3):
 * n_b = ceil(n_a·s_a/s_b) and the new voxel j sits at original index
 * j·s_b/s_a + (n_a − 1 − (n_b − 1)·s_b/s_a)/2. Interpolation is separable: each axis gets
 * its own taps (nearest: 1, linear: 2, cubic B-spline: 4 on prefiltered coefficients).
 * Only the target voxels in a requested index window are computed (crop before resample).
 */
import type { Vec3 } from '../../image/image.ts';
import type { Interpolation } from '../processing-settings.ts';
import type { Box, Volume } from './grid.ts';

/** Size of the resampled full grid and the map target index → source index position, per axis. */
export interface AxisMap {
  n: number;
  step: number;
  offset: number;
  resampled: boolean;
}

export function axisMaps(size: Vec3, spacing: Vec3, target: Vec3, resample: [boolean, boolean, boolean]): AxisMap[] {
  return [0, 1, 2].map((a) => {
    const na = size[a]!, sa = spacing[a]!, sb = target[a]!;
    if (!resample[a] || sa === sb) return { n: na, step: 1, offset: 0, resampled: false };
    // Tiny tolerance so that e.g. 204·0.977/2 = 99.654 → 100 and exact multiples do not gain a voxel from round-off.
    const nb = Math.ceil((na * sa) / sb - 1e-9);
    const step = sb / sa;
    return { n: nb, step, offset: (na - 1 - (nb - 1) * step) / 2, resampled: true };
  });
}

/** Source position of target index j. */
export function sourcePos(m: AxisMap, j: number): number {
  return m.offset + j * m.step;
}

/** Target index window whose source positions fall in [lo, hi] (source indices), clamped to the target grid. */
export function targetWindow(m: AxisMap, lo: number, hi: number): [number, number] {
  const jlo = Math.max(0, Math.ceil((lo - m.offset) / m.step - 1e-9));
  const jhi = Math.min(m.n - 1, Math.floor((hi - m.offset) / m.step + 1e-9));
  return [jlo, jhi];
}

interface Taps {
  /** per target index: `width` source indices (relative to the source crop) and weights */
  idx: Int32Array;
  w: Float64Array;
  width: number;
}

/** Cubic B-spline basis β³ at distance t (|t| < 2). */
function bspline3(t: number): number {
  const a = Math.abs(t);
  if (a < 1) return 2 / 3 - a * a + (a * a * a) / 2;
  if (a < 2) {
    const b = 2 - a;
    return (b * b * b) / 6;
  }
  return 0;
}

function axisTaps(m: AxisMap, j0: number, j1: number, srcLo: number, srcN: number, method: Interpolation): Taps {
  const count = j1 - j0 + 1;
  const kind = m.resampled ? method : 'nearest';
  const width = kind === 'nearest' ? 1 : kind === 'linear' ? 2 : 4;
  const idx = new Int32Array(count * width);
  const w = new Float64Array(count * width);
  const clamp = (i: number): number => Math.min(srcN - 1, Math.max(0, i - srcLo));
  for (let j = 0; j < count; j++) {
    const p = sourcePos(m, j0 + j);
    const o = j * width;
    if (kind === 'nearest') {
      idx[o] = clamp(Math.round(p));
      w[o] = 1;
    } else if (kind === 'linear') {
      const f = Math.floor(p);
      const t = p - f;
      idx[o] = clamp(f);
      idx[o + 1] = clamp(f + 1);
      w[o] = 1 - t;
      w[o + 1] = t;
    } else {
      const f = Math.floor(p);
      for (let k = 0; k < 4; k++) {
        idx[o + k] = clamp(f - 1 + k);
        w[o + k] = bspline3(p - (f - 1 + k));
      }
    }
  }
  return { idx, w, width };
}

/**
 * Cubic B-spline prefilter along one axis (Unser 1999, causal/anti-causal recursive filter,
 * pole z = √3 − 2, gain 6), turning samples into spline coefficients in place.
 */
function prefilterAxis(data: Float64Array, size: Vec3, axis: number): void {
  const z = Math.sqrt(3) - 2;
  const n = size[axis]!;
  if (n < 2) return;
  const stride = axis === 0 ? 1 : axis === 1 ? size[0] : size[0] * size[1];
  const line = new Float64Array(n);
  const horizon = Math.min(n, 30); // |z|^30 ≈ 7e-18: exact to double precision
  const [X, Y, Z] = size;
  const outer = (X * Y * Z) / n;
  for (let l = 0; l < outer; l++) {
    // start index of line l: decompose l over the two other axes
    let start: number;
    if (axis === 0) start = l * X;
    else if (axis === 1) start = (l % X) + Math.floor(l / X) * X * Y;
    else start = l;
    for (let k = 0; k < n; k++) line[k] = 6 * data[start + k * stride]!;
    let sum = 0, zk = 1;
    for (let k = 0; k < horizon; k++) {
      sum += zk * line[k]!;
      zk *= z;
    }
    line[0] = sum;
    for (let k = 1; k < n; k++) line[k] = line[k]! + z * line[k - 1]!;
    line[n - 1] = (z / (z * z - 1)) * (line[n - 1]! + z * line[n - 2]!);
    for (let k = n - 2; k >= 0; k--) line[k] = z * (line[k + 1]! - line[k]!);
    for (let k = 0; k < n; k++) data[start + k * stride] = line[k]!;
  }
}

/**
 * Resample the source crop `src` (which covers source index box `srcBox` of the full grid)
 * onto target indices [win.lo, win.hi] of the full resampled grid described by `maps`.
 */
export function resampleWindow(src: Volume, srcBox: Box, maps: AxisMap[], win: Box, method: Interpolation): Float64Array {
  let coeff: Float64Array = Float64Array.from(src.data);
  if (method === 'cubic') for (let a = 0; a < 3; a++) if (maps[a]!.resampled) prefilterAxis(coeff, src.size, a);
  const taps = [0, 1, 2].map((a) => axisTaps(maps[a]!, win.lo[a]!, win.hi[a]!, srcBox.lo[a]!, src.size[a]!, method));
  const [tx, ty, tz] = taps as [Taps, Taps, Taps];
  const nx = win.hi[0] - win.lo[0] + 1, ny = win.hi[1] - win.lo[1] + 1, nz = win.hi[2] - win.lo[2] + 1;
  const out = new Float64Array(nx * ny * nz);
  const SX = src.size[0], SXY = src.size[0] * src.size[1];
  let o = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, o++) {
        let v = 0;
        for (let c = 0; c < tz.width; c++) {
          const wz = tz.w[k * tz.width + c]!;
          if (wz === 0) continue;
          const zOff = tz.idx[k * tz.width + c]! * SXY;
          for (let b = 0; b < ty.width; b++) {
            const wy = ty.w[j * ty.width + b]!;
            if (wy === 0) continue;
            const yOff = zOff + ty.idx[j * ty.width + b]! * SX;
            let row = 0;
            for (let a = 0; a < tx.width; a++) row += tx.w[i * tx.width + a]! * coeff[yOff + tx.idx[i * tx.width + a]!]!;
            v += wz * wy * row;
          }
        }
        out[o] = v;
      }
    }
  }
  coeff = new Float64Array(0);
  return out;
}
