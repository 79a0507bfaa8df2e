/** Survival study: the cohorts (events, competing events, censoring, follow-up) and Table 1. */
import { esc, pval } from '../../html.ts';
import type { SurvivalReportSection } from './context.ts';
import { timeUnit } from './context.ts';

export const survivalCohortsSection: SurvivalReportSection = {
  outcome: 'time-to-event',
  id: 'survival-cohorts',
  title: () => 'Cohorts and outcome',
  render({ s, table }) {
    const o = s.outcome, u = timeUnit(s);
    const competing = o.competingValue !== undefined;
    const intro = `<p>Outcome: time to the event in <b>${esc(o.time)}</b> (${u}); <b>${esc(o.event)}</b> = ${o.eventValue} is the event${competing ? `, ${s.config.outcome?.competingColumn ? `<b>${esc(s.config.outcome.competingColumn)}</b> = ${o.competingValue} without the event` : String(o.competingValue)} the competing event` : ''}, anything else censored. Horizon: <b>${o.horizon} ${u}</b>; AUC(t) and Brier(t) at ${o.times.join(', ')} ${u}.</p>`;
    const rows = s.cohorts.map((c) => [esc(c.name), c.role, String(c.n), String(c.events), ...(competing ? [String(c.competing)] : []), String(c.censored), Number.isFinite(c.medianFollowUp) ? c.medianFollowUp.toFixed(1) : 'not reached', `${c.eventsByHorizon} / ${c.knownAtHorizon}`]);
    const head = ['Cohort', 'Role', 'n', 'Events', ...(competing ? ['Competing events'] : []), 'Censored', `Median follow-up (${u}, reverse KM)`, `Events by ${o.horizon} / known status at ${o.horizon}`];
    const t1 = s.table1.map((t, i) => table(`survival-table1-${i + 1}`, ['Characteristic', ...t.groups.map((g) => `${esc(g.label)}<br>n = ${g.n}`), 'p', 'test'],
      t.rows.map((row) => [row.level ? `&nbsp;&nbsp;${esc(row.level)}` : esc(row.variable), ...row.cells.map(esc), pval(row.p), esc(row.test ?? '')]), esc(t.title))).join('');
    return intro + table('survival-cohorts', head, rows, 'Cohorts') + t1;
  },
};
