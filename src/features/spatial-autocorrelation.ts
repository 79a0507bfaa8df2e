/**
 * Moran's I (IBSI N365) and Geary's C (IBSI NPT7) over the ROI intensity mask with weights
 * w_ij = 1/‖x_i − x_j‖ (mm) for all voxel pairs i ≠ j (IBSI 1 §3.1.25–26).
 *
 * The double sum is O(N²). Because w depends only on the grid offset d = j − i, every sum is
 * Σ_d w(d)·R_ab(d) with R_ab the cross-correlation of two masked fields; by Parseval that is
 * (1/P)·Σ_k Ŵ(k)·Re(conj(Â(k))·B̂(k)) on a zero-padded grid of ≥ 2n − 1 per axis. With
 * y = X − μ on the mask (0 elsewhere), q = y², m = mask:
 *   Σw = S(m, m),  Σ w y_i y_j = S(y, y),  Σ w (y_i − y_j)² = 2 S(q, m) − 2 S(y, y).
 * Two complex FFTs carry the four real fields (w + i·q, m + i·y). Small ROIs use the exact
 * direct double sum.
 */
import { fft3d, nextPow2 } from './fft.ts';
import { boxSize, cropData, maskBox } from './preprocess/grid.ts';

export interface Autocorrelation {
  moransI: number;
  gearysC: number;
}

export function spatialAutocorrelation(
  size: [number, number, number], spacing: [number, number, number], image: Float64Array, mask: Uint8Array,
  method: 'auto' | 'direct' | 'fft' = 'auto',
): Autocorrelation {
  let n = 0, s = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) { n++; s += image[i]!; }
  if (n < 2) return { moransI: NaN, gearysC: NaN };
  const mu = s / n;
  if (method === 'direct' || (method === 'auto' && n <= 3000)) return direct(size, spacing, image, mask, mu, n);
  const box = maskBox(size, mask)!;
  return viaFft(boxSize(box), spacing, cropData(size, image, box), cropData(size, mask, box), mu, n);
}

function direct(size: [number, number, number], spacing: [number, number, number], image: Float64Array, mask: Uint8Array, mu: number, n: number): Autocorrelation {
  const px = new Float64Array(n), py = new Float64Array(n), pz = new Float64Array(n), y = new Float64Array(n);
  let k = 0, i = 0;
  for (let z = 0; z < size[2]; z++) for (let yy = 0; yy < size[1]; yy++) for (let x = 0; x < size[0]; x++, i++) {
    if (!mask[i]) continue;
    px[k] = x * spacing[0]; py[k] = yy * spacing[1]; pz[k] = z * spacing[2]; y[k] = image[i]! - mu;
    k++;
  }
  let sw = 0, sm = 0, sg = 0, ss = 0;
  for (let a = 0; a < n; a++) {
    ss += y[a]! * y[a]!;
    for (let b = a + 1; b < n; b++) {
      const w = 1 / Math.sqrt((px[a]! - px[b]!) ** 2 + (py[a]! - py[b]!) ** 2 + (pz[a]! - pz[b]!) ** 2);
      sw += w; sm += w * y[a]! * y[b]!; sg += w * (y[a]! - y[b]!) ** 2;
    }
  }
  // each unordered pair counts twice in the IBSI sums; the factors cancel in I and C
  return finish(n, 2 * sw, 2 * sm, 2 * sg, ss);
}

function finish(n: number, sw: number, sm: number, sg: number, ss: number): Autocorrelation {
  if (ss === 0) return { moransI: NaN, gearysC: NaN };
  return { moransI: (n / sw) * (sm / ss), gearysC: ((n - 1) * sg) / (2 * sw * ss) };
}

function viaFft(size: [number, number, number], spacing: [number, number, number], image: Float64Array, mask: Uint8Array, mu: number, n: number): Autocorrelation {
  const [X, Y, Z] = size;
  const dims: [number, number, number] = [nextPow2(2 * X - 1), nextPow2(2 * Y - 1), nextPow2(2 * Z - 1)];
  const [PX, PY, PZ] = dims;
  const total = PX * PY * PZ;
  let re = new Float64Array(total), im = new Float64Array(total);
  const signed = (j: number, P: number): number => (j <= P / 2 ? j : j - P);
  // field 1: w (real) + i·q
  for (let z = 0; z < PZ; z++) {
    const dz = signed(z, PZ) * spacing[2];
    for (let y = 0; y < PY; y++) {
      const dy = signed(y, PY) * spacing[1];
      for (let x = 0; x < PX; x++) {
        const dx = signed(x, PX) * spacing[0];
        const d2 = dx * dx + dy * dy + dz * dz;
        re[x + PX * (y + PY * z)] = d2 > 0 ? 1 / Math.sqrt(d2) : 0;
      }
    }
  }
  let ss = 0;
  for (let z = 0, i = 0; z < Z; z++) for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++, i++) {
    if (!mask[i]) continue;
    const q = (image[i]! - mu) ** 2;
    ss += q;
    im[x + PX * (y + PY * z)] = q;
  }
  fft3d(re, im, dims);
  const W = new Float64Array(total), Qr = new Float64Array(total), Qi = new Float64Array(total);
  // index of −k (mod P) for every k
  const mir = new Int32Array(total);
  for (let z = 0, k = 0; z < PZ; z++) {
    const mz = ((PZ - z) % PZ) * PX * PY;
    for (let y = 0; y < PY; y++) {
      const my = mz + ((PY - y) % PY) * PX;
      for (let x = 0; x < PX; x++, k++) mir[k] = my + ((PX - x) % PX);
    }
  }
  for (let k = 0; k < total; k++) {
    const j = mir[k]!;
    // A = (Z(k) + conj Z(−k))/2, B = (Z(k) − conj Z(−k))/(2i)
    W[k] = (re[k]! + re[j]!) / 2;
    Qr[k] = (im[k]! + im[j]!) / 2;
    Qi[k] = (re[j]! - re[k]!) / 2;
  }
  // field 2: m + i·y
  re.fill(0); im.fill(0);
  for (let z = 0, i = 0; z < Z; z++) for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++, i++) {
    if (!mask[i]) continue;
    const p = x + PX * (y + PY * z);
    re[p] = 1;
    im[p] = image[i]! - mu;
  }
  fft3d(re, im, dims);
  let smm = 0, syy = 0, sqm = 0;
  for (let k = 0; k < total; k++) {
    const j = mir[k]!;
    const mr = (re[k]! + re[j]!) / 2, mi = (im[k]! - im[j]!) / 2;
    const yr = (im[k]! + im[j]!) / 2, yi = (re[j]! - re[k]!) / 2;
    const w = W[k]!;
    smm += w * (mr * mr + mi * mi);
    syy += w * (yr * yr + yi * yi);
    sqm += w * (Qr[k]! * mr + Qi[k]! * mi);
  }
  re = im = new Float64Array(0);
  smm /= total; syy /= total; sqm /= total;
  return finish(n, smm, syy, 2 * sqm - 2 * syy, ss);
}
