/**
 * Orthogonal wavelet filters as PyWavelets stores them (`pywt.Wavelet(name).dec_lo`), which is
 * what the IBSI 2 consensus implementations (e.g. MIRP) convolve with.
 * Sources: Daubechies, "Ten Lectures on Wavelets" (SIAM 1992), Table 6.1 (Daubechies, db_N,
 * N vanishing moments) and Table 8.1 (Coiflets); values to double precision as in PyWavelets
 * (wavelets.pybytes.com). dec_lo is the time-reversed scaling filter h; the high-pass is the
 * quadrature mirror dec_hi[k] = (−1)^(k+1)·dec_lo[L−1−k].
 * test/filters/wavelet.test.ts checks each table for orthonormality (Σh = √2, Σh² = 1,
 * Σ h_k h_{k+2m} = 0).
 */
import { SonomicsError } from '../core/errors.ts';

const S = Math.SQRT1_2;

/** Scaling filters h (reconstruction low-pass, pywt `rec_lo`). */
const SCALING: Record<string, number[]> = {
  haar: [S, S],
  db1: [S, S],
  db2: [0.48296291314469025, 0.836516303737469, 0.22414386804185735, -0.12940952255092145],
  db3: [0.3326705529509569, 0.8068915093133388, 0.4598775021193313, -0.13501102001039084, -0.08544127388224149, 0.035226291882100656],
  db4: [
    0.23037781330885523, 0.7148465705525415, 0.6308807679295904, -0.02798376941698385,
    -0.18703481171888114, 0.030841381835986965, 0.032883011666982945, -0.010597401784997278,
  ],
  coif1: [-0.0727326195128539, 0.3378976624578092, 0.8525720202122554, 0.38486484686420286, -0.0727326195128539, -0.01565572813546454],
  coif2: [
    0.016387336463522112, -0.041464936781759151, -0.067372554721963018, 0.38611006682116222,
    0.81272363544554227, 0.41700518442169254, -0.076488599078306393, -0.059434418646456898,
    0.023680171946334084, 0.0056114348193944995, -0.0018232088707029932, -0.00072054944536451221,
  ],
};

export const WAVELET_FAMILIES = Object.keys(SCALING);

export interface WaveletFilters { lo: Float64Array; hi: Float64Array }

/** Decomposition low- and high-pass filters (pywt dec_lo, dec_hi) of a wavelet family. */
export function waveletFilters(family: string): WaveletFilters {
  const h = SCALING[family.toLowerCase()];
  if (!h) throw new SonomicsError('BAD_SETTINGS', `unknown wavelet "${family}": use one of ${WAVELET_FAMILIES.join(', ')}`);
  const L = h.length;
  const lo = Float64Array.from(h).reverse();
  const hi = new Float64Array(L);
  for (let k = 0; k < L; k++) hi[k] = (k % 2 === 0 ? -1 : 1) * lo[L - 1 - k]!;
  return { lo, hi };
}
