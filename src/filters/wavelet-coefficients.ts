/**
 * Orthogonal wavelet filters as PyWavelets stores them (`pywt.Wavelet(name).dec_lo`), which is
 * what the IBSI 2 consensus implementations (e.g. MIRP) convolve with.
 * Sources: Daubechies, "Ten Lectures on Wavelets" (SIAM 1992), Table 6.1 (Daubechies, db_N,
 * N vanishing moments) and Table 8.1 (Coiflets), to double precision exactly as PyWavelets holds
 * them since 0.5 (pywt PR #164, pywt/_extensions/c/wavelets_coeffs.template.h): each `rec_lo`
 * below is pywt 1.1.1's, printed with Python's repr, so the taps are PyWavelets' bit for bit (the
 * PyRadiomics oracle, test/pyradiomics/oracle.test.ts, found an earlier table — the outdated
 * wavelets.pybytes.com values, pywt issue #327, up to 5e-12 off — moving a BUS-BRA wavelet voxel
 * whose value is 0 across a bin edge). dec_lo is the time-reversed scaling filter h; the high-pass
 * is the quadrature mirror dec_hi[k] = (−1)^(k+1)·dec_lo[L−1−k].
 * test/filters/wavelet.test.ts checks each table for orthonormality (Σh = √2, Σh² = 1,
 * Σ h_k h_{k+2m} = 0).
 */
import { SonomicsError } from '../core/errors.ts';

const S = Math.SQRT1_2;

/** Scaling filters h (reconstruction low-pass, pywt `rec_lo`). */
const SCALING: Record<string, number[]> = {
  haar: [S, S],
  db1: [S, S],
  db2: [0.48296291314453416, 0.8365163037378079, 0.2241438680420134, -0.12940952255126037],
  db3: [
    0.33267055295008263, 0.8068915093110925, 0.45987750211849154, -0.13501102001025458, -0.08544127388202666,
    0.03522629188570953,
  ],
  db4: [
    0.2303778133088965, 0.7148465705529157, 0.6308807679298589, -0.027983769416859854, -0.18703481171909309,
    0.030841381835560764, 0.0328830116668852, -0.010597401785069032,
  ],
  db5: [
    0.16010239797419293, 0.6038292697971896, 0.7243085284377729, 0.13842814590132074, -0.24229488706638203,
    -0.032244869584638375, 0.07757149384004572, -0.006241490212798274, -0.012580751999081999,
    0.0033357252854737712,
  ],
  db6: [
    0.11154074335010947, 0.49462389039845306, 0.7511339080210954, 0.31525035170919763, -0.22626469396543983,
    -0.12976686756726194, 0.09750160558732304, 0.027522865530305727, -0.03158203931748603,
    0.0005538422011614961, 0.004777257510945511, -0.0010773010853084796,
  ],
  coif1: [
    -0.07273261951252645, 0.3378976624574818, 0.8525720202116004, 0.3848648468648578, -0.07273261951252645,
    -0.015655728135791993,
  ],
  coif2: [
    0.01638733646320364, -0.04146493678687178, -0.0673725547237256, 0.3861100668227629, 0.8127236354494135,
    0.4170051844232391, -0.07648859907828076, -0.05943441864643109, 0.02368017194684777, 0.005611434819368834,
    -0.0018232088709110323, -0.000720549445520347,
  ],
  coif3: [
    -0.003793512864380802, 0.007782596425672746, 0.023452696142077168, -0.06577191128146936,
    -0.06112339000297255, 0.40517690240911824, 0.7937772226260872, 0.42848347637737, -0.07179982161915484,
    -0.08230192710629983, 0.03455502757329774, 0.015880544863669452, -0.009007976136730624,
    -0.0025745176881367972, 0.0011175187708306303, 0.0004662169598204029, -7.0983302506379e-05,
    -3.459977319727278e-05,
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
