/**
 * Comparing sonomics' extraction with PyRadiomics' result dict (test/helpers/pyradiomics-oracle.ts), for
 * oracle.test.ts (BUS-BRA, 2D PNG) and oracle-3d.test.ts (PyRadiomics' CT/MR volumes): values equal within
 * relative 1e-6, round-off of zero at absolute 1e-12 (as baseline.test.ts), counted per `<imageType>_<class>`.
 */
import { describe } from 'vitest';
import { HAS_PYRADIOMICS_ORACLE } from '../helpers/pyradiomics-oracle.ts';
import { HAS_SHARED } from '../helpers/shared.ts';

export type Params = { setting: Record<string, unknown>; imageType: Record<string, unknown>; featureClass?: Record<string, unknown> };

/** Image types PyRadiomics keeps as float64 and sonomics as float32 (the LoG is ITK's float32 in both, the original the file's integers). */
export const FLOAT64_TYPES = /^(wavelet\d*-|square_|squareroot_|logarithm_|exponential_|gradient_)/;

export const run = HAS_SHARED && HAS_PYRADIOMICS_ORACLE ? describe : describe.skip;

/** PyRadiomics names a LoG image by str(sigma): `sigma: [1]` gives log-sigma-1-mm-3D, `[1.0]` log-sigma-1-0-mm-3D (JSON carries no such difference). */
export const pyName = (k: string): string => k.replace(/^log-sigma-(\d+)-mm-/, 'log-sigma-$1-0-mm-');

export function close(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (Math.abs(b) < 1e-12) return Math.abs(a - b) <= 1e-12;
  return Math.abs(a - b) <= 1e-6 * Math.abs(b);
}

export interface Tally { equal: number; total: number; off: string[] }

/** Compares sonomics' feature values with PyRadiomics' per `<imageType>_<class>`; diagnostics are compared separately. */
export function tally(ours: Record<string, unknown>, theirs: Record<string, number | string>, into: Map<string, Tally>, tag: string): void {
  const py = Object.fromEntries(Object.entries(theirs).filter(([k]) => !k.startsWith('diagnostics_')).map(([k, v]) => [pyName(k), v]));
  const keys = new Set([...Object.keys(py), ...Object.keys(ours).filter((k) => !k.startsWith('diagnostics_'))]);
  for (const key of keys) {
    const group = key.split('_').slice(0, 2).join('_');
    const t = into.get(group) ?? { equal: 0, total: 0, off: [] };
    into.set(group, t);
    t.total++;
    const a = ours[key], b = py[key];
    if (typeof a === 'number' && typeof b === 'number' && close(a, b)) t.equal++;
    else t.off.push(`${tag} ${key}: sonomics ${a}, PyRadiomics ${b}`);
  }
}
