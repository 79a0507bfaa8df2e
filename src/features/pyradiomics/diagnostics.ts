/**
 * PyRadiomics' `diagnostics_*` columns (radiomics/generalinfo.py, pyradiomics 3.x: addStaticElements,
 * addGeneralSettings, addEnabledImageTypes, addImageElements, addMaskElements for the "original"
 * image and mask), written as PyRadiomics' CSV writes them: tuples and numbers in Python's repr,
 * e.g. `(0.7812499999999999, 0.7812499999999999, 6.499999999999998)`, `(162, 84, 11, 47, 70, 7)`.
 *
 * Where meaningful only:
 * - Versions are sonomics' (the caller passes them), not PyRadiomics/numpy/SimpleITK/PyWavelet/Python;
 * - the SHA-1 `Hash` of image and mask is left out: SimpleITK hashes the pixel buffer in the
 *   file's pixel type, which sonomics does not keep (images are float32 in memory);
 * - `Configuration_Settings` / `_EnabledImageTypes` are the parameter file's sections as JSON
 *   (PyRadiomics prints Python dicts with the defaults filled in).
 * A one-slice image is 2D, as SimpleITK reads a PNG: two-element tuples, a 4-element bounding box.
 */
import type { Image, Mask } from '../../image/image.ts';
import { labelComponents } from '../../image/components.ts';
import { boundingBox, type Box } from '../../image/crop.ts';

export interface DiagnosticsOptions {
  /** e.g. { sonomics: '0.9.0' } → diagnostics_Versions_sonomics. */
  versions: Record<string, string>;
  /** The parameter file's `setting` section (Configuration_Settings). */
  settings?: Record<string, unknown>;
  /** The parameter file's `imageType` section (Configuration_EnabledImageTypes). */
  imageTypes?: Record<string, unknown>;
  /** The mask's bounding box (image/crop.ts boundingBox), when the caller has it already. */
  maskBox?: Box | null;
  /**
   * The mask's number of connected components with full connectivity (8 in 2D, 26 in 3D), when
   * the caller has counted them already (extractCase: the tumour mask check's components).
   */
  components?: number;
}

/** Python's repr of a float: shortest round trip, '.0' on whole numbers, exponent as 1e-05 / 1e+16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) {
    const [m, e] = x.toExponential().split('e') as [string, string];
    const sign = e.startsWith('-') ? '-' : '+';
    return `${m}e${sign}${e.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  if (Number.isInteger(x)) return `${x < 0 || Object.is(x, -0) ? '-' : ''}${a}.0`;
  return String(x);
}

function tuple(values: string[]): string {
  return `(${values.join(', ')})`;
}

/** The diagnostics of one case, in PyRadiomics' column order. */
export function pyradiomicsDiagnostics(image: Image, mask: Mask, opts: DiagnosticsOptions): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(opts.versions)) out[`diagnostics_Versions_${k}`] = v;
  if (opts.settings) out.diagnostics_Configuration_Settings = JSON.stringify(opts.settings);
  if (opts.imageTypes) out.diagnostics_Configuration_EnabledImageTypes = JSON.stringify(opts.imageTypes);
  const dims = image.size[2] === 1 ? 2 : 3;
  const ints = (v: number[]) => tuple(v.slice(0, dims).map((n) => String(n)));
  const floats = (v: number[]) => tuple(v.slice(0, dims).map(pyFloatRepr));

  out['diagnostics_Image-original_Dimensionality'] = `${dims}D`;
  out['diagnostics_Image-original_Spacing'] = floats(image.spacing);
  out['diagnostics_Image-original_Size'] = ints(image.size);
  const [sum, lo, hi] = sumMinMax(image.data, image.size[0]);
  out['diagnostics_Image-original_Mean'] = sum / image.data.length;
  out['diagnostics_Image-original_Minimum'] = lo;
  out['diagnostics_Image-original_Maximum'] = hi;

  out['diagnostics_Mask-original_Spacing'] = floats(mask.spacing);
  out['diagnostics_Mask-original_Size'] = ints(mask.size);
  const m = mask.data;
  // The box skips the empty rows of the frame a word at a time; only the box is then read voxel by voxel.
  const b = opts.maskBox !== undefined ? opts.maskBox : boundingBox([mask]);
  if (!b) return out; // PyRadiomics stops on an empty mask before features; the caller does too
  const [x0, y0, z0] = b.lo, [x1, y1, z1] = [b.hi[0] - 1, b.hi[1] - 1, b.hi[2] - 1];
  const [cx, cy, cz, n] = coordinateSums(m, mask.size, b);
  const min = [x0, y0, z0], max = [x1, y1, z1], centre = [cx, cy, cz];
  // LabelShapeStatistics' bounding box: lower index, then size, per axis
  out['diagnostics_Mask-original_BoundingBox'] = tuple([...min.slice(0, dims), ...max.slice(0, dims).map((m, a) => m - min[a]! + 1)].map(String));
  out['diagnostics_Mask-original_VoxelNum'] = n;
  // ConnectedComponentImageFilter with FullyConnectedOn: 26-connectivity (8 in 2D)
  out['diagnostics_Mask-original_VolumeNum'] = opts.components ?? countComponents(m, mask.size, b);
  const index = centre.map((s) => s / n);
  out['diagnostics_Mask-original_CenterOfMassIndex'] = floats(index);
  // TransformContinuousIndexToPhysicalPoint: origin + direction · (spacing ⊙ index)
  const d = mask.direction, sp = mask.spacing;
  const physical = [0, 1, 2].map((r) => mask.origin[r]! + d[3 * r]! * sp[0] * index[0]! + d[3 * r + 1]! * sp[1] * index[1]! + d[3 * r + 2]! * sp[2] * index[2]!);
  out['diagnostics_Mask-original_CenterOfMass'] = floats(physical);
  return out;
}

// The whole-frame loops live in small functions of their own: V8 optimises a small function soon,
// a large one (string formatting and all) only after many more calls, and every case of a batch
// before that runs these loops in the interpreter.

/**
 * Sum, minimum and maximum of the whole image, one row per call of accumulateRow. One loop over
 * the whole frame was compiled by on-stack replacement while it ran, before the code after the
 * loop had ever run: that code then had no type feedback, and V8 (Node 20) left the OSR code in
 * place after each deoptimisation, so every case deoptimised there again (50 deopts in 50
 * lesions; --trace-deopt). A row loop called hundreds of times is compiled as a whole function,
 * with its feedback complete. Same additions in the same order: the same sums.
 */
function sumMinMax(data: Float32Array, rowLength: number): number[] {
  const acc = [0, Infinity, -Infinity];
  for (let from = 0; from < data.length; from += rowLength) accumulateRow(data, from, Math.min(from + rowLength, data.length), acc);
  return acc;
}

function accumulateRow(data: Float32Array, from: number, to: number, acc: number[]): void {
  let sum = acc[0]!, lo = acc[1]!, hi = acc[2]!;
  for (let i = from; i < to; i++) { const v = data[i]!; sum += v; if (v < lo) lo = v; if (v > hi) hi = v; }
  acc[0] = sum; acc[1] = lo; acc[2] = hi;
}

/** Connected components (full connectivity) of the mask, counted on its bounding box `b`: the same components, a fraction of the frame. */
function countComponents(m: Uint8Array, [X, Y]: readonly number[], b: Box): number {
  const [x0, y0, z0] = b.lo;
  const bx = b.hi[0] - x0, by = b.hi[1] - y0, bz = b.hi[2] - z0;
  const box = new Uint8Array(bx * by * bz);
  for (let z = 0, o = 0; z < bz; z++) for (let y = 0; y < by; y++, o += bx) {
    const from = x0 + X! * (y0 + y + Y! * (z0 + z));
    box.set(m.subarray(from, from + bx), o);
  }
  return labelComponents(box, [bx, by, bz], 'full').sizes.length;
}

/** Coordinate sums and count of the inside voxels, all within box `b` (integer sums: exact in any order). */
function coordinateSums(m: Uint8Array, [X, Y]: readonly number[], b: Box): [number, number, number, number] {
  let cx = 0, cy = 0, cz = 0, n = 0;
  for (let z = b.lo[2]; z < b.hi[2]; z++) for (let y = b.lo[1]; y < b.hi[1]; y++) {
    const row = X! * (y + Y! * z);
    for (let x = b.lo[0]; x < b.hi[0]; x++) {
      if (!m[row + x]) continue;
      cx += x; cy += y; cz += z;
      n++;
    }
  }
  return [cx, cy, cz, n];
}
