/**
 * 2D local binary patterns, slice by slice, exactly as scikit-image 0.19's
 * local_binary_pattern(image, P, R, method) (skimage/feature/_texture.pyx, _local_binary_pattern;
 * BSD-3-Clause), which PyRadiomics' getLBP2DImage applies to each slice. Checked value for value
 * against scikit-image itself in test/filters/pyradiomics-lbp2d.test.ts.
 *
 * P samples on a circle of radius R pixels: sample p at row offset −R·sin(2πp/P) and column
 * offset R·cos(2πp/P), both rounded to 5 decimals (numpy.round: half to even); bilinear
 * interpolation with zero outside the image; a sample ≥ the centre is bit p = 1.
 * Methods (Ojala, Pietikäinen & Mäenpää 2002; Ahonen, Hadid & Pietikäinen 2004):
 * - uniform: patterns with ≤ 2 changes between neighbouring bits (counted over p = 0..P−2, not
 *   around the circle, as scikit-image; for a circle the two counts agree on ≤ 2) give their number
 *   of ones, 0..P; all others P + 1;
 * - nri_uniform: each uniform pattern its own code, 1 + (ones − 1)·P + rotation, 0 for none,
 *   P(P−1) + 1 for all, P(P−1) + 2 for non-uniform;
 * - default: Σ bit_p·2^p; ror: the smallest of its P circular rotations.
 */
import type { Vec3 } from '../image/image.ts';

export const LBP_METHODS = ['uniform', 'nri_uniform', 'default', 'ror'] as const;
export type LbpMethod = (typeof LBP_METHODS)[number];

/** numpy.rint: round half to even. */
function rintHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Cyclic right shift of a `length`-bit value (scikit-image's _bit_rotate_right). */
function rotateRight(value: number, length: number): number {
  return (value >>> 1) | ((value & 1) << (length - 1));
}

export function lbp2d(data: Float64Array, size: Vec3, radius = 1, samples = 8, method: LbpMethod = 'uniform'): Float64Array {
  const [X, Y, Z] = size;
  const P = samples;
  const out = new Float64Array(data.length);
  // scikit-image declares R a C float: the radius is rounded to float32 first.
  const R = Math.fround(radius);
  const dr = new Float64Array(P), dc = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    // numpy.round(x, 5) is rint(x · 1e5) / 1e5
    dr[p] = rintHalfEven(-R * Math.sin((2 * Math.PI * p) / P) * 1e5) / 1e5;
    dc[p] = rintHalfEven(R * Math.cos((2 * Math.PI * p) / P) * 1e5) / 1e5;
  }
  const bits = new Uint8Array(P);
  for (let z = 0; z < Z; z++) {
    const base = z * X * Y;
    const at = (r: number, c: number) => (r < 0 || c < 0 || r >= Y || c >= X ? 0 : data[base + r * X + c]!);
    // skimage/_shared/interpolation.pxd bilinear_interpolation, mode 'C', cval 0: floor and ceil
    // corners, the same products in the same order.
    const sample = (r: number, c: number) => {
      const r0 = Math.floor(r), c0 = Math.floor(c), r1 = Math.ceil(r), c1 = Math.ceil(c);
      const fr = r - r0, fc = c - c0;
      const top = (1 - fc) * at(r0, c0) + fc * at(r0, c1);
      const bottom = (1 - fc) * at(r1, c0) + fc * at(r1, c1);
      return (1 - fr) * top + fr * bottom;
    };
    for (let r = 0; r < Y; r++) {
      for (let c = 0; c < X; c++) {
        const centre = data[base + r * X + c]!;
        for (let p = 0; p < P; p++) bits[p] = sample(r + dr[p]!, c + dc[p]!) - centre >= 0 ? 1 : 0;
        out[base + r * X + c] = code(bits, P, method);
      }
    }
  }
  return out;
}

function code(bits: Uint8Array, P: number, method: LbpMethod): number {
  if (method === 'default' || method === 'ror') {
    let v = 0;
    for (let p = 0; p < P; p++) v += bits[p]! * 2 ** p;
    if (method === 'default') return v;
    let min = v, rot = v;
    for (let i = 1; i < P; i++) { rot = rotateRight(rot, P); if (rot < min) min = rot; }
    return min;
  }
  let changes = 0;
  for (let p = 0; p < P - 1; p++) changes += bits[p] !== bits[p + 1] ? 1 : 0;
  if (method === 'uniform') {
    if (changes > 2) return P + 1;
    let ones = 0;
    for (let p = 0; p < P; p++) ones += bits[p]!;
    return ones;
  }
  // nri_uniform
  if (changes > 2) return P * (P - 1) + 2;
  let ones = 0, firstOne = -1, firstZero = -1;
  for (let p = 0; p < P; p++) {
    if (bits[p]) { ones++; if (firstOne === -1) firstOne = p; } else if (firstZero === -1) firstZero = p;
  }
  if (ones === 0) return 0;
  if (ones === P) return P * (P - 1) + 1;
  const rotation = firstOne === 0 ? ones - firstZero : P - firstOne;
  return 1 + (ones - 1) * P + rotation;
}
