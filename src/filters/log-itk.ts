/**
 * Laplacian of Gaussian as PyRadiomics computes it (imageoperations.getLoGImage):
 * SimpleITK's LaplacianRecursiveGaussianImageFilter with NormalizeAcrossScale on, σ in mm.
 * Order of operations as itk::LaplacianRecursiveGaussianImageFilter::GenerateData: for each
 * axis d, the second-derivative recursive Gaussian along d, then the smoothing one along the
 * other axes in increasing order, and the result added to the sum as a + b·(1/spacing_d²)
 * (second derivatives in voxel units → per mm²). ITK keeps every intermediate image as float32
 * (InternalRealType = float) while each line is filtered in double: we round the same way
 * (Math.fround), so the result is what ITK stores, not a double-precision idealisation.
 *
 * PyRadiomics refuses (skips, with a warning) images smaller than 4 voxels along an axis and σ
 * with size < ⌈σ/spacing⌉ + 1 along an axis; sonomics stops with an error saying so.
 * A one-slice image is 2D (as PyRadiomics reads a PNG): x and y only.
 */
import { SonomicsError } from '../core/errors.ts';
import type { Vec3 } from '../image/image.ts';
import { filterLine, filterLinesFloat32, recursiveGaussianCoefficients, type RecursiveGaussianCoefficients } from './recursive-gaussian.ts';

/**
 * One recursive pass along `axis` over every line, the result rounded to float32 as ITK stores
 * it. Along y and z the lines of a slice (or the whole volume) run side by side, x fastest
 * (filterLinesFloat32: same arithmetic per line, contiguous reads); along x one line at a time.
 */
function pass(src: Float64Array, size: Vec3, axis: number, c: RecursiveGaussianCoefficients): Float64Array {
  const [X, Y, Z] = size;
  if (axis === 1) {
    const out = new Float64Array(src.length), scratch = new Float64Array(X * Y);
    for (let z = 0; z < Z; z++) filterLinesFloat32(out, src, z * X * Y, X, X, Y, c, scratch);
    return out;
  }
  if (axis === 2) {
    const out = new Float64Array(src.length);
    filterLinesFloat32(out, src, 0, X * Y, X * Y, Z, c, new Float64Array(X * Y * Z));
    return out;
  }
  const n = size[axis]!;
  const stride = axis === 0 ? 1 : axis === 1 ? size[0] : size[0] * size[1];
  const out = new Float64Array(src.length);
  const line = new Float64Array(n), outs = new Float64Array(n), scratch = new Float64Array(n);
  const [na, nb] = [Y, Z];
  for (let b = 0; b < nb; b++) {
    for (let a = 0; a < na; a++) {
      const start = X * (a + Y * b);
      for (let k = 0; k < n; k++) line[k] = src[start + k * stride]!;
      filterLine(outs, line, scratch, n, c);
      for (let k = 0; k < n; k++) out[start + k * stride] = Math.fround(outs[k]!);
    }
  }
  return out;
}

/** PyRadiomics' checks before its LoG; throws with the case's numbers when it would skip. */
export function checkLogLikePyradiomics(size: Vec3, spacing: Vec3, sigmaMm: number): void {
  const dims = size[2] === 1 ? 2 : 3;
  const s = size.slice(0, dims), sp = spacing.slice(0, dims);
  if (!(sigmaMm > 0)) throw new SonomicsError('BAD_SETTINGS', `LoG (PyRadiomics): sigma must be > 0 mm (got ${sigmaMm})`);
  if (Math.min(...s) < 4) {
    throw new SonomicsError('BAD_SETTINGS', `LoG (PyRadiomics): the image (${s.join('×')} voxels) is smaller than 4 voxels along an axis, where ITK's recursive Gaussian cannot run and PyRadiomics yields no LoG image; drop LoG or use a larger image (preCrop off, a larger padDistance)`);
  }
  if (!s.every((n, a) => n >= Math.ceil(sigmaMm / sp[a]!) + 1)) {
    throw new SonomicsError('BAD_SETTINGS', `LoG (PyRadiomics): sigma ${sigmaMm} mm is too large for the image (${s.join('×')} voxels of ${sp.map((v) => +v.toPrecision(4)).join('×')} mm; each axis needs ⌈sigma/spacing⌉ + 1 voxels), where PyRadiomics skips this sigma; use a smaller sigma`);
  }
}

export function logLikePyradiomics(data: Float64Array, size: Vec3, spacing: Vec3, sigmaMm: number): Float64Array {
  checkLogLikePyradiomics(size, spacing, sigmaMm);
  const dims = size[2] === 1 ? 2 : 3;
  const smooth = [0, 1, 2].map((a) => (a < dims ? recursiveGaussianCoefficients(sigmaMm, spacing[a]!, 0, true) : null));
  const second = [0, 1, 2].map((a) => (a < dims ? recursiveGaussianCoefficients(sigmaMm, spacing[a]!, 2, true) : null));
  const sum = new Float64Array(data.length); // ITK's cumulative image, float32 zeros
  for (let d = 0; d < dims; d++) {
    let v = pass(data, size, d, second[d]!);
    for (let a = 0; a < dims; a++) if (a !== d) v = pass(v, size, a, smooth[a]!);
    const inv = 1.0 / (spacing[d]! * spacing[d]!);
    for (let i = 0; i < sum.length; i++) sum[i] = Math.fround(sum[i]! + v[i]! * inv);
  }
  return sum;
}
