/**
 * ICC robustness filter: features measured twice or more per subject (repeat segmentations,
 * readers) in a long table subject,reader,feature...; keep features with ICC ≥ threshold
 * (Koo & Li 2016: ≥ 0.75 = good reliability). Uses no outcome, so it runs once, before CV.
 */
import { SonomicsError } from '../core/errors.ts';
import { iccValue } from '../stats/index.ts';
import type { Table } from '../tables/table.ts';

export interface IccReport { type: string; threshold: number; values: Record<string, number>; kept: string[]; dropped: string[] }

export function iccFilter(t: Table, features: string[], o: { threshold: number; type: 'ICC1' | 'ICC2' | 'ICC3'; subject: string; reader: string }): IccReport {
  for (const col of [o.subject, o.reader]) {
    if (!t.columns.includes(col)) throw new SonomicsError('BAD_INPUT', `${t.source}: robustness table has no column "${col}"; set radiomics.icc.subject / reader.`, { subject: t.source });
  }
  const subjects = [...new Set(t.rows.map((r) => r[o.subject]!))];
  const readers = [...new Set(t.rows.map((r) => r[o.reader]!))];
  const values: Record<string, number> = {};
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const f of features) {
    if (!t.columns.includes(f)) { dropped.push(f); values[f] = NaN; continue; }
    const cell = new Map(t.rows.map((r) => [`${r[o.subject]}\u0000${r[o.reader]}`, Number(r[f])] as const));
    const ratings = subjects.map((s) => readers.map((rd) => cell.get(`${s}\u0000${rd}`) ?? NaN)).filter((row) => row.every(Number.isFinite));
    const v = ratings.length >= 2 ? iccValue(ratings, o.type) : NaN;
    values[f] = v;
    (v >= o.threshold ? kept : dropped).push(f);
  }
  return { type: o.type, threshold: o.threshold, values, kept, dropped };
}
