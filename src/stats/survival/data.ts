/**
 * The time-to-event input every survival measure takes: follow-up `time` and `status` per subject
 * (0 = censored, 1 = the event of interest, 2, 3, … = competing events), and the risk-set view of
 * it (distinct times in increasing order with the counts at each). Conventions follow R's
 * survival package: a censoring at the same time as an event counts as later than the event (the
 * censored subject is still at risk), and step functions are right-continuous.
 */
import { SonomicsError } from '../../core/errors.ts';

export interface SurvivalData {
  time: ArrayLike<number>;
  /** 0 = censored, 1 = event of interest, k ≥ 2 = competing event of cause k. */
  status: ArrayLike<number>;
}

/** Check times (finite, ≥ 0) and status codes (non-negative integers); returns n. */
export function checkSurvival(what: string, d: SurvivalData, maxStatus = Infinity): number {
  const n = d.time.length;
  if (d.status.length !== n) {
    throw new SonomicsError('BAD_INPUT', `${what}: ${n} times but ${d.status.length} status values; pass one of each per subject`);
  }
  if (n === 0) throw new SonomicsError('BAD_INPUT', `${what}: no subjects`);
  for (let i = 0; i < n; i++) {
    const t = d.time[i]!;
    if (!(Number.isFinite(t) && t >= 0)) {
      throw new SonomicsError('MISSING_VALUES', `${what}: time[${i}] is ${t}; follow-up times must be finite and ≥ 0 (remove or fix the subject)`);
    }
    const s = d.status[i]!;
    if (!(Number.isInteger(s) && s >= 0 && s <= maxStatus)) {
      const allowed = maxStatus === 1 ? '0 (censored) or 1 (event)' : '0 (censored), 1 (event of interest) or k ≥ 2 (competing event)';
      throw new SonomicsError('BAD_INPUT', `${what}: status[${i}] is ${s}; status must be ${allowed}`);
    }
  }
  return n;
}

/** Status with every cause other than `cause` recoded as censored (0/1 vector). */
export function eventIndicator(status: ArrayLike<number>, cause = 1): Uint8Array {
  const out = new Uint8Array(status.length);
  for (let i = 0; i < status.length; i++) out[i] = status[i] === cause ? 1 : 0;
  return out;
}

/** Per distinct time (increasing): subjects at risk just before, events by cause, censorings. */
export interface RiskTable {
  time: number[];
  nRisk: number[];
  /** Events of the cause of interest (status 1). */
  nEvent: number[];
  /** Events of any other cause (status ≥ 2). */
  nCompeting: number[];
  nCensor: number[];
}

/** Subject indices sorted by time (stable), the order every risk-set sweep uses. */
export function timeOrder(time: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(time.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => time[a]! - time[b]! || a - b);
}

export function riskTable(d: SurvivalData, weights?: ArrayLike<number>): RiskTable {
  const n = d.time.length;
  const order = timeOrder(d.time);
  const out: RiskTable = { time: [], nRisk: [], nEvent: [], nCompeting: [], nCensor: [] };
  let atRisk = 0;
  for (let i = 0; i < n; i++) atRisk += weights ? weights[i]! : 1;
  let k = 0;
  while (k < n) {
    const t = d.time[order[k]!]!;
    let ev = 0, comp = 0, cens = 0;
    let m = k;
    while (m < n && d.time[order[m]!] === t) {
      const i = order[m]!;
      const w = weights ? weights[i]! : 1;
      const s = d.status[i]!;
      if (s === 1) ev += w; else if (s === 0) cens += w; else comp += w;
      m++;
    }
    out.time.push(t);
    out.nRisk.push(atRisk);
    out.nEvent.push(ev);
    out.nCompeting.push(comp);
    out.nCensor.push(cens);
    atRisk -= ev + comp + cens;
    k = m;
  }
  return out;
}

/**
 * Value of a right-continuous step function at t: the value at the last jump time ≤ t, or
 * `before` if t precedes every jump.
 */
export function stepAt(times: ArrayLike<number>, values: ArrayLike<number>, t: number, before: number): number {
  let lo = 0, hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1; else hi = mid;
  }
  return lo === 0 ? before : values[lo - 1]!;
}

/** Left limit of a right-continuous step function at t (value at the last jump < t). */
export function stepBefore(times: ArrayLike<number>, values: ArrayLike<number>, t: number, before: number): number {
  let lo = 0, hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1; else hi = mid;
  }
  return lo === 0 ? before : values[lo - 1]!;
}
