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
import type { Box } from '../image/crop.ts';
import type { Vec3 } from '../image/image.ts';
import { recursiveKernel, useRecursiveSimd } from './simd-recursive.ts';
import { filterLinesFloat32, filterRowFloat32, recursiveGaussianCoefficients, type RecursiveGaussianCoefficients } from './recursive-gaussian.ts';

/** Per axis, the half-open range [lo, hi) of a pass's output that is computed. */
type Ranges = [[number, number], [number, number], [number, number]];

/**
 * One recursive pass along `axis`, the result rounded to float32 as ITK stores it, written into
 * `out` only at the voxels of `ranges` (each line crossing them computed from its start up to the
 * range's end and from its end down to the range's start, which is all those voxels depend on;
 * `src` must hold the whole axis there). Along y and z the lines of a slice (or of the whole
 * volume) run side by side, x fastest (filterLinesFloat32: same arithmetic per line, contiguous
 * reads); along x one line at a time (filterRowFloat32, its recurrences in local variables).
 */
function pass(out: Float64Array, src: Float64Array, size: Vec3, axis: number, c: RecursiveGaussianCoefficients, ranges: Ranges, scratch: Float64Array): void {
  const [X, Y, Z] = size;
  const [[x0, x1], [y0, y1], [z0, z1]] = ranges;
  const [lo, hi] = ranges[axis]!;
  if (axis === 1) {
    for (let z = z0; z < z1; z++) filterLinesFloat32(out, src, z * X * Y + x0, x1 - x0, X, Y, c, scratch, lo, hi);
  } else if (axis === 2) {
    if (x0 === 0 && x1 === X) {
      // whole rows: the lines of all rows y0 … y1 − 1 are adjacent
      filterLinesFloat32(out, src, y0 * X, (y1 - y0) * X, X * Y, Z, c, scratch, lo, hi);
    } else {
      for (let y = y0; y < y1; y++) filterLinesFloat32(out, src, y * X + x0, x1 - x0, X * Y, Z, c, scratch, lo, hi);
    }
  } else {
    for (let z = z0; z < z1; z++) for (let y = y0; y < y1; y++) filterRowFloat32(out, src, X * (y + Y * z), X, c, scratch, lo, hi);
  }
}

/**
 * Work arrays reused between calls, so that a LoG does not allocate whole-image arrays per pass:
 * the input, two pass outputs and the lines' scratch, n values each (a pass's scratch holds at
 * most one value per voxel). With WebAssembly SIMD they are views of the kernel's memory, where
 * filterLinesFloat32 runs its recurrences (simd-recursive.ts); else ordinary arrays.
 */
let work: { n: number; buffer: ArrayBufferLike | null; arrays: Float64Array[] } = { n: -1, buffer: null, arrays: [] };
function workArrays(n: number): Float64Array[] {
  const k = recursiveKernel();
  const buffer = k ? k.memory.buffer : null;
  if (work.n >= n && work.buffer === buffer) return work.arrays;
  if (k) {
    const bytes = 4 * 8 * n, have = k.memory.buffer.byteLength;
    try {
      if (bytes > have) k.memory.grow(Math.ceil((bytes - have) / 65536));
      const mem = k.memory.buffer;
      work = { n, buffer: mem, arrays: [0, 1, 2, 3].map((i) => new Float64Array(mem, 8 * n * i, n)) };
      return work.arrays;
    } catch {
      useRecursiveSimd(false); // the memory cannot grow that far: JavaScript arrays from now on
    }
  }
  work = { n, buffer: null, arrays: [0, 1, 2, 3].map(() => new Float64Array(n)) };
  return work.arrays;
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

/**
 * The LoG image; with `region`, only the voxels inside it are computed (the others are 0), with
 * exactly the whole computation's values. ITK's passes for axis d run along d, then along the
 * other axes in increasing order; the last pass is needed only on the lines crossing the region,
 * the one before it on the lines crossing the region grown to the whole of the last pass's axis,
 * and so on: a pass's output is needed in the region along the axes already passed (its own
 * included) and over the whole of the axes still to pass. Each of those voxels is computed by
 * the same operations in the same order as on the whole image (test/filters/filter-region.test.ts).
 */
export function logLikePyradiomics(data: Float64Array, size: Vec3, spacing: Vec3, sigmaMm: number, region?: Box): Float64Array {
  checkLogLikePyradiomics(size, spacing, sigmaMm);
  const dims = size[2] === 1 ? 2 : 3;
  const box = region ?? { lo: [0, 0, 0] as Vec3, hi: size };
  const smooth = [0, 1, 2].map((a) => (a < dims ? recursiveGaussianCoefficients(sigmaMm, spacing[a]!, 0, true) : null));
  const second = [0, 1, 2].map((a) => (a < dims ? recursiveGaussianCoefficients(sigmaMm, spacing[a]!, 2, true) : null));
  const n = data.length;
  const sum = new Float64Array(n); // ITK's cumulative image, float32 zeros
  const [X, Y] = size;
  const [input, stageA, stageB, scratch] = workArrays(n) as [Float64Array, Float64Array, Float64Array, Float64Array];
  input.set(data);
  for (let d = 0; d < dims; d++) {
    const order = [d, ...[0, 1, 2].filter((a) => a !== d && a < dims)];
    // the output of pass k: the region along order[0 … k] (and z of a 2D image), whole elsewhere
    let src = input, dst = stageA, other = stageB;
    order.forEach((axis, k) => {
      const ranges = [0, 1, 2].map((a) => (a >= dims || order.indexOf(a) <= k ? [box.lo[a]!, box.hi[a]!] : [0, size[a]!])) as Ranges;
      pass(dst, src, size, axis, k === 0 ? second[axis]! : smooth[axis]!, ranges, scratch);
      src = dst;
      [dst, other] = [other, dst];
    });
    const inv = 1.0 / (spacing[d]! * spacing[d]!);
    for (let z = box.lo[2]; z < box.hi[2]; z++) for (let y = box.lo[1]; y < box.hi[1]; y++) {
      const row = X * (y + Y * z);
      for (let i = row + box.lo[0]; i < row + box.hi[0]; i++) sum[i] = Math.fround(sum[i]! + src[i]! * inv);
    }
  }
  return sum;
}
