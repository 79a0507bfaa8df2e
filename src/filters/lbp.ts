/**
 * 2D local binary patterns, rotation-invariant "uniform" variant (Ojala, Pietikäinen & Mäenpää
 * 2002; the definition of scikit-image's local_binary_pattern(method='uniform'), which
 * PyRadiomics' getLBP2DImage applies slice by slice). P samples on a circle of radius R
 * (pixels), bilinear interpolation, zero outside the image; a sample ≥ the centre is 1.
 * Uniform patterns (≤ 2 transitions around the circle) map to their number of ones (0..P),
 * all others to P + 1.
 */
import type { Vec3 } from '../image/image.ts';

export function lbp2d(data: Float64Array, size: Vec3, radius = 1, samples = 8): Float64Array {
  const [X, Y, Z] = size;
  const out = new Float64Array(data.length);
  const dr = new Float64Array(samples), dc = new Float64Array(samples);
  for (let p = 0; p < samples; p++) {
    // scikit-image rounds the sample offsets to 5 decimals.
    dr[p] = Math.round(-radius * Math.sin((2 * Math.PI * p) / samples) * 1e5) / 1e5;
    dc[p] = Math.round(radius * Math.cos((2 * Math.PI * p) / samples) * 1e5) / 1e5;
  }
  const bits = new Uint8Array(samples);
  for (let z = 0; z < Z; z++) {
    const base = z * X * Y;
    const at = (r: number, c: number) => (r < 0 || c < 0 || r >= Y || c >= X ? 0 : data[base + r * X + c]!);
    const sample = (r: number, c: number) => {
      const r0 = Math.floor(r), c0 = Math.floor(c), fr = r - r0, fc = c - c0;
      return (1 - fr) * ((1 - fc) * at(r0, c0) + fc * at(r0, c0 + 1)) + fr * ((1 - fc) * at(r0 + 1, c0) + fc * at(r0 + 1, c0 + 1));
    };
    for (let r = 0; r < Y; r++) {
      for (let c = 0; c < X; c++) {
        const centre = data[base + r * X + c]!;
        let ones = 0;
        for (let p = 0; p < samples; p++) {
          bits[p] = sample(r + dr[p]!, c + dc[p]!) - centre >= 0 ? 1 : 0;
          ones += bits[p]!;
        }
        let transitions = 0;
        for (let p = 0; p < samples; p++) if (bits[p] !== bits[(p + 1) % samples]) transitions++;
        out[base + r * X + c] = transitions <= 2 ? ones : samples + 1;
      }
    }
  }
  return out;
}
