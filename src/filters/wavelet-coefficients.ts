/**
 * Orthogonal wavelet filters as PyWavelets stores them (`pywt.Wavelet(name).dec_lo`), which is
 * what the IBSI 2 consensus implementations (e.g. MIRP) convolve with.
 * Sources: Daubechies, "Ten Lectures on Wavelets" (SIAM 1992), Table 6.1 (Daubechies, db_N,
 * N vanishing moments) and Table 8.1 (Coiflets); values to double precision as in PyWavelets
 * (pywt/_extensions/c/wavelets_coeffs.template.h). dec_lo is the time-reversed scaling filter h; the high-pass is the
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
  // The following are given as PyWavelets' dec_lo (wavelets_coeffs.template.h) and reversed.
  db5: [
    0.0033357252850015492, -0.012580751999015526, -0.0062414902130117052, 0.077571493840065148, -0.03224486958502952,
    -0.24229488706619015, 0.13842814590110342, 0.72430852843857441, 0.60382926979747287, 0.16010239797412501,
  ].reverse(),
  db6: [
    -0.0010773010849955799, 0.0047772575110106514, 0.0005538422009938016, -0.031582039318031156, 0.027522865530016288,
    0.097501605587079362, -0.12976686756709563, -0.22626469396516913, 0.3152503517092432, 0.75113390802157753,
    0.49462389039838539, 0.11154074335008017,
  ].reverse(),
  coif3: [
    -3.4599772836212559e-5, -7.0983303138141252e-5, 0.00046621696011288631, 0.0011175187708906016, -0.0025745176887502236,
    -0.0090079761366615805, 0.015880544863615904, 0.034555027573061628, -0.082301927106885983, -0.071799821619312018,
    0.42848347637761874, 0.79377722262562056, 0.4051769024096169, -0.061123390002672869, -0.0657719112818555,
    0.023452696141836267, 0.0077825964273254182, -0.0037935128644910141,
  ].reverse(),
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
