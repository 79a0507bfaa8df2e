/**
 * Concordance (C-index) of a risk score with a right-censored outcome, as R's survival
 * `concordance(Surv(time, status == 1) ~ risk, reverse = TRUE, timewt, ymax)` (Therneau & Atkinson,
 * "The concordance statistic", survival vignette):
 *   a pair (i, j) is comparable when i has the event at T_i and T_j > T_i, or T_j = T_i with j
 *   censored; it is concordant when risk_i > risk_j, tied in x when equal (counts ½);
 *   two events at the same time are tied in y and left out;
 *   each pair is weighted by w(T_i): "n" → 1 (Harrell 1982); "n/G2" → 1/G(T_i−)² (Uno et al.
 *   2011); "S" → n·S(T_i−)/nrisk(T_i); "S/G" → n·S(T_i−)/(G(T_i−)·nrisk(T_i)); w = 0 beyond ymax
 *   (truncation, as Uno's C at τ).
 *   C = (concordant + tied_x/2) / (concordant + discordant + tied_x).
 * Variance: infinitesimal jackknife with the weights held fixed — per subject the weighted counts
 * of the pairs it belongs to, dfbeta_i = ((c_i − d_i)/N − somer/N·(c_i + d_i + t_i))/2 with
 * N = concordant + discordant + tied_x and somer = (concordant − discordant)/N; var = Σ dfbeta_i²
 * (with `cluster`: Σ_g (Σ_{i∈g} dfbeta_i)², the grouped jackknife of concordance(cluster = )).
 * Competing events (status ≥ 2) count as censored. O(n²) pairs: fine for cohorts of thousands.
 */
import { SonomicsError } from '../../core/errors.ts';
import { clusterTotals } from '../cluster-totals.ts';
import { qnorm } from '../distributions.ts';
import { censoringBefore, censoringKM } from './censoring.ts';
import { checkSurvival, riskTable, stepBefore, timeOrder, type SurvivalData } from './data.ts';

export type TimeWeight = 'n' | 'n/G2' | 'S' | 'S/G';

export interface ConcordanceOptions {
  timewt?: TimeWeight;
  /** Pairs whose earlier event is after ymax are not counted (truncation at τ = ymax). */
  ymax?: number;
  level?: number;
  /** Cluster (patient) of each subject: the IJ variance sums dfbeta within a cluster first, as R's concordance(cluster = ). */
  cluster?: ArrayLike<string | number>;
}

export interface Concordance {
  concordance: number;
  se: number;
  variance: number;
  lower: number;
  upper: number;
  concordant: number;
  discordant: number;
  tiedX: number;
  tiedY: number;
  tiedXY: number;
  /** Per subject: weighted [concordant, discordant, tied_x, tied_y, tied_xy] of its pairs. */
  influence: number[][];
  dfbeta: number[];
  timeWeights: { etime: number[]; sLeft: number[]; gLeft: number[]; nRisk: number[]; weight: number[] };
  timewt: TimeWeight;
  ymax?: number;
}

export function concordance(d: SurvivalData, risk: ArrayLike<number>, opts: ConcordanceOptions = {}): Concordance {
  const n = checkSurvival('concordance', d);
  if (risk.length !== n) throw new SonomicsError('BAD_INPUT', `concordance: ${n} subjects but ${risk.length} risk scores`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(risk[i]!)) throw new SonomicsError('MISSING_VALUES', `concordance: risk[${i}] is ${risk[i]}; every subject needs a finite score`);
  const timewt = opts.timewt ?? 'n';
  if (!['n', 'n/G2', 'S', 'S/G'].includes(timewt)) throw new SonomicsError('BAD_SETTINGS', `concordance: timewt must be "n", "n/G2", "S" or "S/G", got "${timewt}"`);
  const ymax = opts.ymax ?? Infinity;
  const z = qnorm((1 + (opts.level ?? 0.95)) / 2);
  const event = Array.from(d.status, (s) => (s === 1 ? 1 : 0));
  const ev = { time: d.time, status: event };

  // Time weights at the distinct event times.
  const rt = riskTable(ev);
  const cens = censoringKM(ev);
  const kmTime: number[] = [], kmS: number[] = [];
  let s = 1;
  rt.time.forEach((t, k) => { if (rt.nEvent[k]! > 0) { s *= 1 - rt.nEvent[k]! / rt.nRisk[k]!; } kmTime.push(t); kmS.push(s); });
  const tw = { etime: [] as number[], sLeft: [] as number[], gLeft: [] as number[], nRisk: [] as number[], weight: [] as number[] };
  const weightAt = new Map<number, number>();
  rt.time.forEach((t, k) => {
    if (rt.nEvent[k]! === 0) return;
    const S = stepBefore(kmTime, kmS, t, 1);
    const G = censoringBefore(cens, t);
    const nr = rt.nRisk[k]!;
    let w = timewt === 'n' ? 1 : timewt === 'n/G2' ? 1 / (G * G) : timewt === 'S' ? (n * S) / nr : (n * S) / (G * nr);
    if (t > ymax) w = 0;
    tw.etime.push(t); tw.sLeft.push(S); tw.gLeft.push(G); tw.nRisk.push(nr); tw.weight.push(w);
    weightAt.set(t, w);
  });

  // At a tied time the events come first, so a censoring at T_i is always after i.
  const order = timeOrder(d.time).sort((a, b) => d.time[a]! - d.time[b]! || event[b]! - event[a]! || a - b);
  const infl = Array.from({ length: n }, () => [0, 0, 0, 0, 0]);
  let conc = 0, disc = 0, tx = 0, ty = 0, txy = 0;
  for (let a = 0; a < n; a++) {
    const i = order[a]!;
    if (event[i] !== 1) continue;
    const Ti = d.time[i]!;
    const w = weightAt.get(Ti)!;
    if (w === 0) continue;
    const ri = risk[i]!;
    for (let b = a + 1; b < n; b++) {
      const j = order[b]!;
      let col: number;
      if (d.time[j] === Ti && event[j] === 1) {
        // Tied events: counted once per pair (j comes later in the order).
        col = risk[j] === ri ? 4 : 3;
      } else col = ri > risk[j]! ? 0 : ri < risk[j]! ? 1 : 2;
      infl[i]![col] += w; infl[j]![col] += w;
      if (col === 0) conc += w; else if (col === 1) disc += w; else if (col === 2) tx += w; else if (col === 3) ty += w; else txy += w;
    }
    // Events tied with i that come earlier in the order were counted when they were i.
  }
  const npair = conc + disc + tx;
  const c = (conc + tx / 2) / npair;
  const somer = (conc - disc) / npair;
  const dfbeta = infl.map((r) => ((r[0]! - r[1]!) / npair - (somer / npair) * (r[0]! + r[1]! + r[2]!)) / 2);
  const variance = (opts.cluster ? clusterTotals(dfbeta, opts.cluster, 'concordance') : dfbeta).reduce((acc, v) => acc + v * v, 0);
  const se = Math.sqrt(variance);
  return {
    concordance: c, se, variance, lower: c - z * se, upper: c + z * se,
    concordant: conc, discordant: disc, tiedX: tx, tiedY: ty, tiedXY: txy,
    influence: infl, dfbeta, timeWeights: tw, timewt, ...(opts.ymax !== undefined ? { ymax: opts.ymax } : {}),
  };
}
