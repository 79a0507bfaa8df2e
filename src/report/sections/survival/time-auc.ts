/** Survival study: AUC(t) of every model over the chosen times, one figure per cohort. */
import { MODEL_COLOR } from '../../figures/colors.ts';
import { timeAucPlot } from '../../figures/time-auc-plot.ts';
import type { SurvivalReportSection } from './context.ts';
import { survivalCohorts, timeUnit } from './context.ts';

export const survivalTimeAucSection: SurvivalReportSection = {
  outcome: 'time-to-event',
  id: 'survival-time-auc',
  title: () => 'Discrimination over time: AUC(t)',
  render({ s, figure }) {
    const u = timeUnit(s);
    return `<div class="charts">${survivalCohorts(s).map((c) => {
      const title = `AUC(t) — ${c.short}`;
      const series = c.models.map(({ m, res }) => ({ label: m, color: MODEL_COLOR[m], time: res.times.map((t) => t.time), auc: res.times.map((t) => t.auc.estimate), lower: res.times.map((t) => t.auc.lower), upper: res.times.map((t) => t.auc.upper) }));
      return figure({
        id: `survival-time-auc-${c.key}`, title,
        caption: `Time-dependent AUC (cumulative cases by t against event-free controls beyond t, inverse-probability-of-censoring weights${s.outcome.competingValue !== undefined ? '; competing events are controls' : ''}) at ${s.outcome.times.join(', ')} ${u}, ${c.label}, with pointwise 95% CIs (influence function).`,
        svg: timeAucPlot(title, series, { xLabel: u, horizon: s.outcome.horizon }),
      });
    }).join('')}</div>`;
  },
};
