/**
 * A literal transcription of ITK's LaplacianRecursiveGaussianImageFilter (FilterDataArray and
 * GenerateData, float32 intermediates), one line at a time over the whole image: the reference
 * the LoG of src/filters/log-itk.ts is compared with, bit for bit (log-itk.test.ts,
 * filter-region.test.ts).
 */
import type { Vec3 } from '../../src/image/image.ts';
import { recursiveGaussianCoefficients, type RecursiveGaussianCoefficients } from '../../src/filters/recursive-gaussian.ts';

// ---- transcription of ITK (itkRecursiveSeparableImageFilter.hxx, itkLaplacianRecursiveGaussianImageFilter.hxx) ----

function MathEMAMAMAM(a1: number, b1: number, a2: number, b2: number, a3: number, b3: number, a4: number, b4: number): number {
  return a1 * b1 + a2 * b2 + a3 * b3 + a4 * b4;
}

export function filterLineRef(outs: Float64Array, data: Float64Array, scratch: Float64Array, ln: number, c: RecursiveGaussianCoefficients): void {
  const { N0: m_N0, N1: m_N1, N2: m_N2, N3: m_N3, D1: m_D1, D2: m_D2, D3: m_D3, D4: m_D4, M1: m_M1, M2: m_M2, M3: m_M3, M4: m_M4 } = c;
  const { BN1: m_BN1, BN2: m_BN2, BN3: m_BN3, BN4: m_BN4, BM1: m_BM1, BM2: m_BM2, BM3: m_BM3, BM4: m_BM4 } = c;
  const outV1 = data[0]!;
  outs[0] = MathEMAMAMAM(outV1, m_N0, outV1, m_N1, outV1, m_N2, outV1, m_N3);
  outs[1] = MathEMAMAMAM(data[1]!, m_N0, outV1, m_N1, outV1, m_N2, outV1, m_N3);
  outs[2] = MathEMAMAMAM(data[2]!, m_N0, data[1]!, m_N1, outV1, m_N2, outV1, m_N3);
  outs[3] = MathEMAMAMAM(data[3]!, m_N0, data[2]!, m_N1, data[1]!, m_N2, outV1, m_N3);
  outs[0] -= MathEMAMAMAM(outV1, m_BN1, outV1, m_BN2, outV1, m_BN3, outV1, m_BN4);
  outs[1] -= MathEMAMAMAM(outs[0]!, m_D1, outV1, m_BN2, outV1, m_BN3, outV1, m_BN4);
  outs[2] -= MathEMAMAMAM(outs[1]!, m_D1, outs[0]!, m_D2, outV1, m_BN3, outV1, m_BN4);
  outs[3] -= MathEMAMAMAM(outs[2]!, m_D1, outs[1]!, m_D2, outs[0]!, m_D3, outV1, m_BN4);
  for (let i = 4; i < ln; ++i) {
    outs[i] = MathEMAMAMAM(data[i]!, m_N0, data[i - 1]!, m_N1, data[i - 2]!, m_N2, data[i - 3]!, m_N3);
    outs[i] -= MathEMAMAMAM(outs[i - 1]!, m_D1, outs[i - 2]!, m_D2, outs[i - 3]!, m_D3, outs[i - 4]!, m_D4);
  }
  const outV2 = data[ln - 1]!;
  scratch[ln - 1] = MathEMAMAMAM(outV2, m_M1, outV2, m_M2, outV2, m_M3, outV2, m_M4);
  scratch[ln - 2] = MathEMAMAMAM(data[ln - 1]!, m_M1, outV2, m_M2, outV2, m_M3, outV2, m_M4);
  scratch[ln - 3] = MathEMAMAMAM(data[ln - 2]!, m_M1, data[ln - 1]!, m_M2, outV2, m_M3, outV2, m_M4);
  scratch[ln - 4] = MathEMAMAMAM(data[ln - 3]!, m_M1, data[ln - 2]!, m_M2, data[ln - 1]!, m_M3, outV2, m_M4);
  scratch[ln - 1] -= MathEMAMAMAM(outV2, m_BM1, outV2, m_BM2, outV2, m_BM3, outV2, m_BM4);
  scratch[ln - 2] -= MathEMAMAMAM(scratch[ln - 1]!, m_D1, outV2, m_BM2, outV2, m_BM3, outV2, m_BM4);
  scratch[ln - 3] -= MathEMAMAMAM(scratch[ln - 2]!, m_D1, scratch[ln - 1]!, m_D2, outV2, m_BM3, outV2, m_BM4);
  scratch[ln - 4] -= MathEMAMAMAM(scratch[ln - 3]!, m_D1, scratch[ln - 2]!, m_D2, scratch[ln - 1]!, m_D3, outV2, m_BM4);
  for (let i = ln - 4; i > 0; i--) {
    scratch[i - 1] = MathEMAMAMAM(data[i]!, m_M1, data[i + 1]!, m_M2, data[i + 2]!, m_M3, data[i + 3]!, m_M4);
    scratch[i - 1] -= MathEMAMAMAM(scratch[i]!, m_D1, scratch[i + 1]!, m_D2, scratch[i + 2]!, m_D3, scratch[i + 3]!, m_D4);
  }
  for (let i = 0; i < ln; ++i) outs[i] += scratch[i]!;
}

/** One RecursiveGaussianImageFilter run (DynamicThreadedGenerateData): lines along `direction`, output cast to float. */
function recursiveGaussianRef(input: Float64Array, size: Vec3, spacing: Vec3, sigma: number, order: 0 | 2, direction: number): Float64Array {
  const c = recursiveGaussianCoefficients(sigma, spacing[direction]!, order, true);
  const at = (p: number[]) => p[0]! + size[0] * (p[1]! + size[1] * p[2]!);
  const out = new Float64Array(input.length);
  const ln = size[direction]!;
  const others = [0, 1, 2].filter((a) => a !== direction);
  for (let u = 0; u < size[others[0]!]!; u++) {
    for (let v = 0; v < size[others[1]!]!; v++) {
      const inps = new Float64Array(ln), outs = new Float64Array(ln), scratch = new Float64Array(ln);
      const pos = (k: number) => { const p = [0, 0, 0]; p[direction] = k; p[others[0]!] = u; p[others[1]!] = v; return p; };
      for (let k = 0; k < ln; k++) inps[k] = input[at(pos(k))]!;
      filterLineRef(outs, inps, scratch, ln, c);
      for (let k = 0; k < ln; k++) out[at(pos(k))] = Math.fround(outs[k]!); // static_cast<float>
    }
  }
  return out;
}

/** LaplacianRecursiveGaussianImageFilter::GenerateData for an image of dimension 3 (or 2 when one slice). */
export function itkTranscription(input: Float64Array, size: Vec3, spacing: Vec3, sigma: number): Float64Array {
  const ImageDimension = size[2] === 1 ? 2 : 3;
  const NumberOfSmoothingFilters = ImageDimension - 1;
  let cumulativeImage = new Float64Array(input.length);
  for (let dim = 0; dim < ImageDimension; ++dim) {
    const directions: number[] = [];
    let i = 0, j = 0;
    while (i < NumberOfSmoothingFilters) {
      if (i === dim) ++j;
      directions.push(j);
      ++i; ++j;
    }
    let img = recursiveGaussianRef(input, size, spacing, sigma, 2, dim);
    for (const d of directions) img = recursiveGaussianRef(img, size, spacing, sigma, 0, d);
    const spacing2 = spacing[dim]! * spacing[dim]!;
    cumulativeImage = cumulativeImage.map((a, k) => Math.fround(a + img[k]! * (1.0 / spacing2)));
  }
  return cumulativeImage;
}
