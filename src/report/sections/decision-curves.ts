/** Decision curves per cohort: net benefit of each model against treat-all and treat-none. */
import { num } from '../html.ts';
import { MODEL_COLOR } from '../figures/colors.ts';
import { decisionPlot } from '../figures/decision-plot.ts';
import type { ReportSection } from './context.ts';
import { cohortMetrics } from './per-cohort.ts';

export const decisionCurvesSection: ReportSection = {
  id: 'decision-curves',
  title: () => 'Decision curves',
  render({ r, figure }) {
    return `<div class="charts">${cohortMetrics(r).map((c) => {
      const first = c.models[0]?.metrics.decision_curve ?? [];
      const thresholds = first.map((d) => d.threshold);
      const series = c.models.map(({ m, metrics }) => ({ label: m, color: MODEL_COLOR[m], threshold: metrics.decision_curve.map((d) => d.threshold), netBenefit: metrics.decision_curve.map((d) => d.netBenefit) }));
      const d = decisionPlot(`Decision curve — ${c.label}`, series, first.map((x) => x.treatAll), thresholds);
      return figure({
        id: `decision-curve-${c.key}`,
        title: `Decision curve — ${c.label}`,
        caption: `Net benefit, ${c.label}, at thresholds 0–${num(d.xMax, 1)} (beyond, neither treat-all nor any model adds benefit). ${d.useful ? `Shaded: ${num(d.useful.from, 2)}–${num(d.useful.to, 2)}, where a model (best mid-range: ${d.useful.model}) beats both treating all and treating none.` : 'No threshold where a model beats both treating all and treating none.'}`,
        svg: d.svg,
      });
    }).join('')}</div>`;
  },
};
