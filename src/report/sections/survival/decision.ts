/**
 * Survival study: decision curves at the horizon per cohort (Vickers et al. 2008's survival
 * extension, src/stats/survival/decision-curve.ts), from each model's predicted risk by the horizon
 * in predictions (CV: repeat 1, pooled out-of-fold) — Aalen–Johansen with a competing event, else KM.
 */
import { num } from '../../html.ts';
import { MODEL_COLOR } from '../../figures/colors.ts';
import { decisionPlot } from '../../figures/decision-plot.ts';
import { survivalDecisionCurve, type SurvivalDecisionCurve } from '../../../stats/index.ts';
import type { ModelName } from '../../../study/config.ts';
import type { SurvivalReportSection } from './context.ts';
import { cohortRows, survivalCohorts, timeUnit } from './context.ts';

export const survivalDecisionSection: SurvivalReportSection = {
  outcome: 'time-to-event',
  id: 'survival-decision',
  title: () => 'Decision curves at the horizon',
  render({ s, figure }) {
    const h = s.outcome.horizon, u = timeUnit(s);
    const competing = s.outcome.competingValue !== undefined;
    return `<div class="charts">${survivalCohorts(s).map((c) => {
      const rows = cohortRows(s, c);
      const curves: Array<{ m: ModelName; dc: SurvivalDecisionCurve }> = c.models.flatMap(({ m }) => {
        const use = rows.filter((r) => Number.isFinite(r.probability[m]));
        return use.length ? [{ m, dc: survivalDecisionCurve({ time: use.map((r) => r.time), status: use.map((r) => r.status) }, use.map((r) => r.probability[m]!), h, { competing }) }] : [];
      });
      if (!curves.length) return '';
      const first = curves[0]!.dc.points;
      const thresholds = first.map((p) => p.threshold);
      const d = decisionPlot(`Decision curve at ${h} ${u} — ${c.short}`, curves.map(({ m, dc }) => ({ label: m, color: MODEL_COLOR[m], threshold: thresholds, netBenefit: dc.points.map((p) => p.netBenefit) })), first.map((p) => p.treatAll), thresholds);
      return figure({
        id: `survival-decision-${c.key}`, title: `Decision curve at ${h} ${u} — ${c.short}`,
        caption: `Net benefit at ${h} ${u}, ${c.label}: the event probability among the cases at or above each threshold estimated by ${competing ? 'the Aalen–Johansen cumulative incidence (competing events are not events)' : '1 − Kaplan–Meier'}, so censored cases count (Vickers et al. 2008). Event probability by ${h} in the cohort: ${num(curves[0]!.dc.eventRisk, 3)}. ${d.useful ? `Shaded: ${num(d.useful.from, 2)}–${num(d.useful.to, 2)}, where a model (best mid-range: ${d.useful.model}) beats treating all and treating none.` : 'No threshold where a model beats both treating all and treating none.'}`,
        svg: d.svg,
      });
    }).join('')}</div>`;
  },
};
