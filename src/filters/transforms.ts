/**
 * Simple intensity transforms with PyRadiomics' definitions (radiomics/imageoperations.py:
 * getSquareImage, getSquareRootImage, getLogarithmImage, getExponentialImage), which rescale
 * so the output keeps the input's intensity range scale. M = max |x| over the image.
 */
export function squareTransform(d: Float64Array): Float64Array {
  const M = maxAbs(d);
  const c = M > 0 ? 1 / Math.sqrt(M) : 1;
  return d.map((x) => (c * x) ** 2);
}

export function squareRootTransform(d: Float64Array): Float64Array {
  const M = maxAbs(d);
  return d.map((x) => (x > 0 ? Math.sqrt(x * M) : x < 0 ? -Math.sqrt(-x * M) : 0));
}

export function logarithmTransform(d: Float64Array): Float64Array {
  const M = maxAbs(d);
  const out = d.map((x) => (x > 0 ? Math.log(x + 1) : x < 0 ? -Math.log(1 - x) : 0));
  const m = maxAbs(out);
  if (m > 0) for (let i = 0; i < out.length; i++) out[i]! *= M / m;
  return out;
}

export function exponentialTransform(d: Float64Array): Float64Array {
  const M = maxAbs(d);
  const c = M > 0 ? Math.log(M) / M : 0;
  return d.map((x) => Math.exp(c * x));
}

function maxAbs(d: Float64Array): number {
  let m = 0;
  for (let i = 0; i < d.length; i++) { const a = Math.abs(d[i]!); if (a > m) m = a; }
  return m;
}
