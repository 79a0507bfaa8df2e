/** Decision curves per cohort: net benefit of each model against treat-all and treat-none. */
import { MODEL_COLOR } from '../figures/colors.ts';
import { lineChart, type Series } from '../svg.ts';
import type { ReportSection } from './context.ts';
import { cohortMetrics } from './per-cohort.ts';

export const decisionCurvesSection: ReportSection = {
  id: 'decision-curves',
  title: () => 'Decision curves',
  render({ r, figure }) {
    return `<div class="charts">${cohortMetrics(r).map(({ key, label, models }) => {
      const first = models[0]?.metrics.decision_curve ?? [];
      const series: Series[] = models.map(({ m, metrics }) => ({ name: m, color: MODEL_COLOR[m], points: metrics.decision_curve.map((d) => [d.threshold, d.netBenefit] as [number, number]) }));
      series.push({ name: 'treat all', color: '#777', dash: true, points: first.map((d) => [d.threshold, d.treatAll] as [number, number]) });
      series.push({ name: 'treat none', color: '#000', points: first.map((d) => [d.threshold, 0] as [number, number]) });
      const maxNb = Math.max(0.05, ...series.flatMap((s) => s.points.map((p) => p[1])));
      return figure({ id: `decision-curve-${key}`, title: `Decision curve — ${label}`, caption: `Decision curves, ${label}.`, svg: lineChart(series, { title: `Decision curve — ${label}`, xLabel: 'threshold probability', yLabel: 'net benefit', xDomain: [0, 1], yDomain: [-0.05, maxNb * 1.05] }) });
    }).join('')}</div>`;
  },
};
