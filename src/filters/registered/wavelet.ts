/**
 * Undecimated separable wavelets: IBSI 2 §2.6 (math in ../wavelet.ts), or with convention
 * 'pyradiomics' as PyRadiomics' getWaveletImage computes them — pywt.swtn level 1 in a loop over
 * the whole image, odd axes padded by wrap (math in ../wavelet-pyradiomics.ts).
 */
import { s } from '../../core/schema.ts';
import { defineFilter } from '../filter.ts';
import { boundarySuffix } from '../name-parts.ts';
import { boundaryField, conventionField, DEFAULT_BOUNDARY, poolingField, refuseWithPyradiomics, rotationInvariantField, type BoundarySetting, type ConventionSetting, type Pooling } from '../settings-fields.ts';
import { pyradiomicsWavelet, pyradiomicsWaveletBands } from '../wavelet-pyradiomics.ts';
import { waveletFilters } from '../wavelet-coefficients.ts';
import { parseSubband, sharesPasses, waveletFilter, waveletSubbands, type WaveletOptions } from '../wavelet.ts';

export interface WaveletSpec extends BoundarySetting, ConventionSetting {
  type: 'wavelet';
  /** haar, db1..db6, coif1..coif3. */
  family: string;
  /** Sub-band, one letter per axis, x first: "LH" (2D) or "LLH" (3D). */
  subband: string;
  /** Decomposition level: 1..4 (IBSI), 1..8 (PyRadiomics: start_level + 1 … start_level + level). */
  level?: number;
  rotationInvariant?: boolean;
  pooling?: Pooling;
}

function waveletOptions(spec: WaveletSpec): WaveletOptions {
  return {
    family: spec.family,
    subband: spec.subband,
    level: spec.level ?? 1,
    rotationInvariant: spec.rotationInvariant ?? false,
    pooling: spec.pooling ?? 'mean',
    mode: spec.boundary ?? DEFAULT_BOUNDARY,
  };
}

export const WAVELET_FILTER = defineFilter<WaveletSpec>({
  type: 'wavelet',
  title: 'undecimated separable wavelet',
  ibsi2: true,
  boundaryDefault: true,
  examples: [
    { type: 'wavelet', family: 'coif1', subband: 'LLH' },
    { type: 'wavelet', family: 'db2', subband: 'HL', level: 2, rotationInvariant: true, pooling: 'max', boundary: 'periodic' },
    { type: 'wavelet', family: 'coif1', subband: 'LH', convention: 'pyradiomics' },
    { type: 'wavelet', family: 'haar', subband: 'HLL', level: 2, convention: 'pyradiomics' },
  ],
  settings: s.obj({
    family: s.field(s.str(), 'haar, db1..db6, coif1..coif3', { required: true }),
    subband: s.field(s.str(), "one letter per axis, x first: 'LH' (2D) or 'LLH' (3D)", { required: true }),
    level: s.field(s.int({ min: 1, max: 8 }), 'decomposition level (1..4; PyRadiomics convention 1..8)', { docDefault: '`1`' }),
    rotationInvariant: rotationInvariantField,
    pooling: poolingField,
    ...boundaryField,
    convention: conventionField,
  }),
  validate(spec, bad) {
    if (typeof spec.family !== 'string' || typeof spec.subband !== 'string') bad(`family and subband are required, e.g. { family: 'coif1', subband: 'LH' }`);
    waveletFilters(spec.family);
    parseSubband(spec.subband, spec.convention === 'pyradiomics' ? 1 : 2);
    if (spec.convention === 'pyradiomics') {
      // pywt.swtn is periodic, not rotation-pooled; PyRadiomics' levels loop with level=1 (up to 8 here)
      refuseWithPyradiomics(spec, ['rotationInvariant', 'pooling', 'boundary'], bad);
      if (spec.level !== undefined && !(Number.isInteger(spec.level) && spec.level >= 1 && spec.level <= 8)) bad('level must be 1..8 with convention pyradiomics');
    } else if (spec.level !== undefined && !(Number.isInteger(spec.level) && spec.level >= 1 && spec.level <= 4)) bad('level must be 1..4');
  },
  name(spec) {
    const level = spec.level ?? 1;
    const ri = spec.rotationInvariant ? (spec.pooling && spec.pooling !== 'mean' ? `-ri${spec.pooling}` : '-ri') : '';
    const py = spec.convention === 'pyradiomics' ? '-pyradiomics' : '';
    return `wavelet-${spec.family.toLowerCase()}-${spec.subband.toUpperCase()}${level > 1 ? `-level${level}` : ''}${ri}${boundarySuffix(spec)}${py}`;
  },
  // wavelet-LLH, wavelet2-HLH for level 2: letters x, y, z as pywt's keys and ours
  pyradiomicsName(spec) {
    const level = spec.level ?? 1;
    return `${level === 1 ? 'wavelet' : `wavelet${level}`}-${spec.subband.toUpperCase()}`;
  },
  reachMm(spec, spacing) {
    // periodic over the whole (padded) image; the filter computes just the region it is given
    if (spec.convention === 'pyradiomics') return Infinity;
    const L = waveletFilters(spec.family).lo.length;
    const level = spec.level ?? 1;
    let reach = 0;
    for (let l = 1; l <= level; l++) reach += 2 ** (l - 1) * L; // odd-padded kernels, flips included
    return reach * Math.max(...spacing);
  },
  apply: (data, { size }, spec, region) =>
    spec.convention === 'pyradiomics'
      ? pyradiomicsWavelet(data, size, { family: spec.family, subband: spec.subband, level: spec.level ?? 1 }, region)
      : waveletFilter(data, size, waveletOptions(spec), region),
  /**
   * 2D sub-bands of one family, level and boundary share their y passes (waveletSubbands);
   * PyRadiomics-convention sub-bands of one family and level share the padded approximation and
   * their leading passes (pyradiomicsWaveletBands).
   */
  applyMany(data, { size }, specs, region) {
    const out: Array<Float64Array | undefined> = specs.map(() => undefined);
    const banks = new Map<string, number[]>();
    const pyBanks = new Map<string, number[]>();
    specs.forEach((spec, i) => {
      if (spec.convention === 'pyradiomics') {
        const key = JSON.stringify([spec.family.toLowerCase(), spec.level ?? 1, spec.subband.length]);
        pyBanks.set(key, [...(pyBanks.get(key) ?? []), i]);
        return;
      }
      const o = waveletOptions(spec);
      if (!sharesPasses(o)) return;
      const key = JSON.stringify([o.family.toLowerCase(), o.level, o.mode]);
      banks.set(key, [...(banks.get(key) ?? []), i]);
    });
    for (const members of banks.values()) {
      const o = waveletOptions(specs[members[0]!]!);
      waveletSubbands(data, size, o, members.map((i) => specs[i]!.subband), region).forEach((d, k) => { out[members[k]!] = d; });
    }
    for (const members of pyBanks.values()) {
      const first = specs[members[0]!]!;
      pyradiomicsWaveletBands(data, size, first.family, first.level ?? 1, members.map((i) => specs[i]!.subband), region).forEach((d, k) => { out[members[k]!] = d; });
    }
    return out;
  },
});
