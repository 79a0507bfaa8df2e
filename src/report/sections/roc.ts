/** ROC curves per cohort, every model on one plot. */
import { num } from '../html.ts';
import { MODEL_COLOR } from '../figures/colors.ts';
import { lineChart } from '../svg.ts';
import type { ReportSection } from './context.ts';
import { cohortMetrics } from './per-cohort.ts';

export const rocSection: ReportSection = {
  id: 'roc',
  title: () => 'ROC curves',
  render({ r, figure }) {
    return `<div class="charts">${cohortMetrics(r).map(({ key, label, models }) => figure({
      id: `roc-${key}`,
      title: `ROC — ${label}`,
      caption: `ROC curves, ${label}.`,
      svg: lineChart(models.map(({ m, metrics }) => ({ name: `${m} (AUC ${num(metrics.auc)})`, color: MODEL_COLOR[m], points: metrics.roc.fpr.map((x, i) => [x, metrics.roc.tpr[i]!] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]) })), {
        title: `ROC — ${label}`, xLabel: '1 − specificity', yLabel: 'sensitivity', xDomain: [0, 1], yDomain: [0, 1], diagonal: true, legend: 'bottom-right',
      }),
    })).join('')}</div>`;
  },
};
