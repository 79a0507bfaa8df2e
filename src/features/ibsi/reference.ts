/**
 * IBSI 1 reference data (../shared/refdata/ibsi/ibsi1, see its README): the reference-value
 * table, its comparison rule and the CT-phantom configurations A–E as FeatureSettings.
 * Browser-safe: takes CSV text, returns data.
 */
import { parseCsvRecords } from '../../tables/csv.ts';
import type { FeatureSettings } from '../settings.ts';
import type { TextureAggregation } from '../types.ts';

export interface ReferenceRow {
  family: string;
  feature: string;
  ibsiCode: string;
  config: string;
  reference: number;
  /** null = empty in the table: compare after rounding to 3 significant digits. */
  tolerance: number | null;
  aggregation: TextureAggregation | '';
}

/** CSV text → non-blank records (the project's one CSV parser, src/tables/csv.ts). */
export function referenceRecords(text: string): string[][] {
  return parseCsvRecords(text).filter((r) => r.length > 1 || r[0] !== '');
}

export function parseReferenceTable(text: string): ReferenceRow[] {
  const [header, ...rows] = referenceRecords(text);
  const col = (name: string): number => header!.indexOf(name);
  const c = { family: col('family'), feature: col('feature'), code: col('ibsi_code'), config: col('config'), ref: col('reference_value'), tol: col('tolerance'), agg: col('aggregation') };
  return rows
    .filter((r) => r[c.ref] !== undefined && r[c.ref] !== '')
    .map((r) => ({
      family: r[c.family]!,
      feature: r[c.feature]!,
      ibsiCode: r[c.code]!,
      config: r[c.config]!,
      reference: Number(r[c.ref]),
      tolerance: r[c.tol] === '' || r[c.tol] === undefined ? null : Number(r[c.tol]),
      aggregation: (r[c.agg] ?? '') as TextureAggregation | '',
    }));
}

/** x rounded to 3 significant digits. */
export function round3(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(3));
}

/** The README's rule: |x − ref| ≤ tol, or equality after rounding to 3 significant digits when tol is empty. */
export function passes(value: number, reference: number, tolerance: number | null): boolean {
  if (!Number.isFinite(value)) return false;
  if (tolerance === null) return Math.abs(round3(value) - reference) <= 1e-9 * Math.max(1, Math.abs(reference));
  return Math.abs(value - reference) <= tolerance + 1e-12 * Math.max(1, Math.abs(reference));
}

export const IBSI_CONFIGS = ['digital_phantom', 'config_A', 'config_B', 'config_C', 'config_D', 'config_E'] as const;
export type IbsiConfig = (typeof IBSI_CONFIGS)[number];

/**
 * Settings per configuration (ibsi1_ct_phantom_configurations.csv; IBSI 1 manual ch. 5).
 * CT intensities are rounded to integers (IBSI: "round to the nearest integer"); the digital
 * phantom is used as is (FBS 1 from its minimum 1 keeps its grey levels).
 */
export function ibsiSettings(config: IbsiConfig): FeatureSettings {
  const twoByTwo = { spacing: [2, 2, 2] as [number, number, number], maskInterpolation: 'linear' as const, partialVolumeThreshold: 0.5 };
  switch (config) {
    case 'digital_phantom':
      return { dimension: '3D', discretisation: { method: 'FBS', value: 1 }, ivhDiscretisation: { method: 'none' } };
    case 'config_A':
      return { dimension: '2D', roundIntensities: true, resegmentation: { range: [-500, 400] }, discretisation: { method: 'FBS', value: 25 }, ivhDiscretisation: { method: 'none' } };
    case 'config_B':
      return { dimension: '2D', roundIntensities: true, resampling: { ...twoByTwo, imageInterpolation: 'linear' }, resegmentation: { range: [-500, 400] }, discretisation: { method: 'FBN', value: 32 }, ivhDiscretisation: { method: 'none' } };
    case 'config_C':
      return { dimension: '3D', roundIntensities: true, resampling: { ...twoByTwo, imageInterpolation: 'linear' }, resegmentation: { range: [-1000, 400] }, discretisation: { method: 'FBS', value: 25 }, ivhDiscretisation: { method: 'FBS', value: 2.5 } };
    case 'config_D':
      return { dimension: '3D', roundIntensities: true, resampling: { ...twoByTwo, imageInterpolation: 'linear' }, resegmentation: { outlierSigma: 3 }, discretisation: { method: 'FBN', value: 32 }, ivhDiscretisation: { method: 'none' } };
    case 'config_E':
      return { dimension: '3D', roundIntensities: true, resampling: { ...twoByTwo, imageInterpolation: 'cubic' }, resegmentation: { range: [-1000, 400], outlierSigma: 3 }, discretisation: { method: 'FBN', value: 32 }, ivhDiscretisation: { method: 'FBN', value: 1000 } };
  }
}
