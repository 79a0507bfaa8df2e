/**
 * Survival study: Kaplan–Meier curves by risk group (high/low at the training median of the
 * predicted risk by the horizon) with numbers at risk and the log-rank p, per model and cohort;
 * with a competing event, the groups' cumulative incidence (Aalen–Johansen) with Gray's p.
 */
import { stepCurvePlot, type StepSeries } from '../../figures/step-curve-plot.ts';
import type { RiskGroups, StepCurve } from '../../../study/survival/results-types.ts';
import type { SurvivalReportSection } from './context.ts';
import { pText, survivalCohorts, timeUnit } from './context.ts';

const GROUP_COLOR = { low: '#1f77b4', high: '#d62728' } as const;

function series(g: RiskGroups, curve: (x: RiskGroups['groups'][number]) => StepCurve | undefined, withN: boolean): StepSeries[] {
  return g.groups.flatMap((x) => {
    const c = curve(x);
    return c ? [{ label: `${x.name} risk${withN ? ` (n = ${x.n}, ${x.events} events)` : ''}`, color: GROUP_COLOR[x.name], time: c.time, value: c.value, lower: c.lower, upper: c.upper, atRisk: x.atRisk }] : [];
  });
}

export const survivalKmSection: SurvivalReportSection = {
  outcome: 'time-to-event',
  id: 'survival-km',
  title: () => 'Kaplan–Meier curves by risk group',
  render({ s, figure }) {
    const u = timeUnit(s), h = s.outcome.horizon;
    return `<p>Each model's cases split at its cut (the median predicted risk by ${h} ${u} in its training data: CV folds each use their own). Numbers at risk under each plot.</p><div class="charts">${survivalCohorts(s).flatMap((c) => c.models.map(({ m, res }) => {
      const g = res.riskGroups;
      const title = `KM by risk group — ${m}, ${c.short}`;
      return figure({
        id: `survival-km-${m}-${c.key}`, title,
        caption: `Event-free probability (${s.outcome.competingValue !== undefined ? 'competing events censored; ' : ''}95% log-log CI) by ${m} risk group, ${c.label}; log-rank χ² = ${g.logRank.chisq.toFixed(2)} on ${g.logRank.df} df, ${pText(g.logRank.p)}.`,
        svg: stepCurvePlot({ title, yLabel: 'event-free probability', xLabel: u, start: 1, atRiskTimes: g.atRiskTimes, note: `log-rank ${pText(g.logRank.p)}`, marker: { x: h, label: `horizon (${h} ${u})` }, bandLabel: '95% CI (log-log)' }, series(g, (x) => x.km, true)),
      });
    })).join('')}</div>`;
  },
};

export const survivalCifSection: SurvivalReportSection = {
  outcome: 'time-to-event',
  id: 'survival-cif',
  title: () => 'Cumulative incidence under competing risks',
  render({ s, figure }) {
    const u = timeUnit(s), h = s.outcome.horizon;
    if (s.outcome.competingValue === undefined) return '<p class="note">No competing event was given (outcome.competingValue): the Kaplan–Meier curves above are the incidence.</p>';
    return `<p>Cumulative incidence of the event with the competing event as a competing risk (Aalen–Johansen; pointwise 95% CI from Gray's variance), by risk group; Gray's test compares the groups.</p><div class="charts">${survivalCohorts(s).flatMap((c) => c.models.map(({ m, res }) => {
      const g = res.riskGroups;
      const title = `Cumulative incidence — ${m}, ${c.short}`;
      const grayP = g.gray ? pText(g.gray.p) : 'not computed';
      return figure({
        id: `survival-cif-${m}-${c.key}`, title,
        caption: `Cumulative incidence of the event by ${m} risk group, ${c.label}${g.gray ? `; Gray's test ${g.gray.statistic.toFixed(2)} on ${g.gray.df} df, ${grayP}` : ''}.`,
        svg: stepCurvePlot({ title, yLabel: 'cumulative incidence', xLabel: u, start: 0, atRiskTimes: g.atRiskTimes, note: `Gray's test ${grayP}`, marker: { x: h, label: `horizon (${h} ${u})` }, bandLabel: '95% CI' }, series(g, (x) => x.cif, false)),
      });
    })).join('')}</div>`;
  },
};

