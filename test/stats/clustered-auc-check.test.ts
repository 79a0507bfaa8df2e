// An independent check of the clustered DeLong variance (Obuchowski 1997; src/stats/clustered-auc.ts),
// issue #14. No R here to run a reference (e.g. the 'clustered ROC' code accompanying the paper), so
// the variance is checked against what it estimates:
//   1. Monte Carlo: on clustered data with a known within-patient correlation, the standard deviation
//      of the AUC (and of a paired AUC difference) across 2,000 independent cohorts must match the
//      root-mean-square of the estimated SEs; the naive DeLong SE, which ignores the clusters, must not
//      (so the check can tell the two apart);
//   2. real data: BI-RADS as a score of malignancy on BUS-BRA (1,875 images of 1,064 patients, 811 with
//      two images that share a label), against a patient-level bootstrap written here (resampling
//      patients, AUC by direct pair counting: no code shared with the library).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Random } from '../../src/core/random.ts';
import { clusteredDelongCI, clusteredDelongTest } from '../../src/stats/clustered-auc.ts';
import { delongCI } from '../../src/stats/index.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';

/** Mann–Whitney AUC by counting pairs (ties ½), independent of the library's placements. */
function pairAuc(y: number[], s: number[]): number {
  let sum = 0, pairs = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) for (let j = 0; j < y.length; j++) if (y[j] === 0) {
    sum += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
    pairs++;
  }
  return sum / pairs;
}

/**
 * One cohort: `patients` patients with 1–4 lesions; each lesion's status is drawn from its patient's
 * own prevalence (so clusters hold both classes); two scores share a patient effect u (ρ = 0.7).
 */
function cohort(rng: Random, patients: number): { y: number[]; a: number[]; b: number[]; g: string[] } {
  const y: number[] = [], a: number[] = [], b: number[] = [], g: string[] = [];
  for (let p = 0; p < patients; p++) {
    const u = rng.normal();
    const prev = rng.next() < 0.5 ? 0.2 : 0.7;
    const k = 1 + rng.int(4);
    for (let j = 0; j < k; j++) {
      const yi = rng.next() < prev ? 1 : 0;
      y.push(yi);
      a.push(1.0 * yi + Math.sqrt(0.7) * u + Math.sqrt(0.3) * rng.normal());
      b.push(0.7 * yi + Math.sqrt(0.7) * u + Math.sqrt(0.3) * rng.normal());
      g.push(`P${p}`);
    }
  }
  return { y, a, b, g };
}

const sd = (xs: number[]) => { const m = xs.reduce((s, x) => s + x, 0) / xs.length; return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)); };
const rms = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);

describe('clustered DeLong (Obuchowski 1997): an independent check of its variance', () => {
  it('Monte Carlo: the estimated SE of an AUC and of a paired difference equals their SD over 2,000 clustered cohorts (±8 %); naive DeLong does not', () => {
    const rng = new Random(1997);
    const R = 2000;
    const auc: number[] = [], se: number[] = [], naive: number[] = [], diff: number[] = [], seDiff: number[] = [];
    for (let r = 0; r < R; r++) {
      const c = cohort(rng, 200);
      const ci = clusteredDelongCI(c.y, c.a, c.g);
      auc.push(ci.auc);
      se.push(ci.se);
      naive.push(delongCI(c.y, c.a, { direction: '<' }).se);
      const t = clusteredDelongTest(c.y, c.a, c.b, c.g);
      diff.push(t.auc1 - t.auc2);
      seDiff.push(t.se);
    }
    const empirical = sd(auc), empiricalDiff = sd(diff);
    // Tolerance: the SD of 2,000 draws has a relative standard error of about 1/√(2·1999) ≈ 1.6 %, and
    // the estimated SE its own small-sample bias at 200 patients (a few %); ±8 % covers both with room.
    expect(rms(se) / empirical).toBeGreaterThan(0.92);
    expect(rms(se) / empirical).toBeLessThan(1.08);
    expect(rms(seDiff) / empiricalDiff).toBeGreaterThan(0.92);
    expect(rms(seDiff) / empiricalDiff).toBeLessThan(1.08);
    // The same data read as independent lesions: DeLong's SE is visibly too small (the check has power;
    // the bound sits more than 5 Monte Carlo standard errors above the naive ratio measured, 0.85).
    expect(rms(naive) / empirical).toBeLessThan(0.97);
    console.log(`clustered AUC Monte Carlo (R = ${R}, 200 patients, ~500 lesions): SD of AUC ${empirical.toFixed(4)}, RMS clustered SE ${rms(se).toFixed(4)} (ratio ${(rms(se) / empirical).toFixed(3)}), naive DeLong ${rms(naive).toFixed(4)} (${(rms(naive) / empirical).toFixed(3)}); paired difference SD ${empiricalDiff.toFixed(4)}, RMS SE ${rms(seDiff).toFixed(4)} (${(rms(seDiff) / empiricalDiff).toFixed(3)})`);
  });

  it.skipIf(!HAS_SHARED)('BUS-BRA, BI-RADS as the score: the clustered SE equals a 4,000-replicate patient bootstrap SE (±8 %)', () => {
    const lines = readFileSync(sharedPath('data', 'us-breast-busbra', 'manifest.csv'), 'utf8').trimEnd().split('\n');
    const head = lines[0]!.split(',');
    const rows = lines.slice(1).map((l) => l.split(','));
    const y = rows.map((c) => Number(c[head.indexOf('label')]));
    const s = rows.map((c) => Number(c[head.indexOf('birads')]));
    const g = rows.map((c) => c[head.indexOf('case_id')]!);
    expect(y.length).toBe(1875);
    const ci = clusteredDelongCI(y, s, g);
    expect(ci.clusters).toBe(1064);
    expect(ci.auc).toBeCloseTo(pairAuc(y, s), 12);
    // Patient bootstrap, written out here: resample patients with replacement, keep all their images.
    const byPatient = new Map<string, number[]>();
    g.forEach((p, i) => (byPatient.get(p) ?? byPatient.set(p, []).get(p)!).push(i));
    const patients = [...byPatient.values()];
    const rng = new Random(14);
    const B = 4000;
    const boots: number[] = [];
    // Mann–Whitney by counting over the 4 BI-RADS levels (fast, exact with ties).
    const aucByCounts = (idx: number[]) => {
      const pos = [0, 0, 0, 0, 0, 0], neg = [0, 0, 0, 0, 0, 0];
      for (const i of idx) (y[i] === 1 ? pos : neg)[s[i]!]!++;
      let sum = 0, below = 0;
      for (let k = 0; k < 6; k++) { sum += pos[k]! * (below + 0.5 * neg[k]!); below += neg[k]!; }
      return sum / (pos.reduce((a, b) => a + b, 0) * neg.reduce((a, b) => a + b, 0));
    };
    expect(aucByCounts(y.map((_, i) => i))).toBeCloseTo(ci.auc, 12);
    for (let b = 0; b < B; b++) {
      const idx: number[] = [];
      for (let k = 0; k < patients.length; k++) idx.push(...patients[rng.int(patients.length)]!);
      boots.push(aucByCounts(idx));
    }
    const bootSe = sd(boots);
    const naive = delongCI(y, s, { direction: '<' }).se;
    // Tolerance: the bootstrap SD of 4,000 replicates has a relative standard error of ≈ 1.1 %; the
    // bootstrap and the jackknife-type variance differ by O(1/I) at I = 1,064; ±8 % leaves room for both.
    expect(ci.se / bootSe).toBeGreaterThan(0.92);
    expect(ci.se / bootSe).toBeLessThan(1.08);
    console.log(`BUS-BRA BI-RADS: AUC ${ci.auc.toFixed(4)}, clustered SE ${ci.se.toFixed(5)}, patient bootstrap SE ${bootSe.toFixed(5)} (ratio ${(ci.se / bootSe).toFixed(3)}), naive DeLong SE ${naive.toFixed(5)}`);
  });
});
