/** ROC curves per cohort, every model on one plot with its 95% bootstrap band of sensitivity. */
import { rocBand } from '../../stats/index.ts';
import { num } from '../html.ts';
import { MODEL_COLOR } from '../figures/colors.ts';
import { rocPlot } from '../figures/roc-plot.ts';
import type { ReportSection } from './context.ts';
import { cohortMetrics, cohortPredictions } from './per-cohort.ts';

/** Stratified bootstrap replicates of the ROC band (pROC's ci.se uses 2000; 500 keeps the report fast, percentiles to ~±0.01). */
const REPLICATES = 500;

export const rocSection: ReportSection = {
  id: 'roc',
  title: () => 'ROC curves',
  render({ r, figure }) {
    return `<div class="charts">${cohortMetrics(r).map((c, ci) => {
      const series = c.models.map(({ m, metrics }, mi) => {
        const { y, p } = cohortPredictions(r, c, m);
        const ok = y.includes(0) && y.includes(1);
        return {
          label: `${m}: AUC ${num(metrics.auc)} (95% CI ${num(metrics.auc_ci[0])}–${num(metrics.auc_ci[1])})`,
          color: MODEL_COLOR[m],
          fpr: metrics.roc.fpr,
          tpr: metrics.roc.tpr,
          band: ok ? rocBand(y, p, { replicates: REPLICATES, seed: r.seed + 1009 * (ci + 1) + 31 * mi, level: r.config.evaluation.ciLevel }) : undefined,
        };
      });
      const note = `95% band of sensitivity (${REPLICATES} stratified bootstrap samples)`;
      return figure({
        id: `roc-${c.key}`,
        title: `ROC — ${c.label}`,
        caption: `ROC curves, ${c.label}; AUC with DeLong 95% CI; shaded: pointwise ${note} at fixed specificity.`,
        svg: rocPlot(`ROC — ${c.label}`, series, note),
      });
    }).join('')}</div>`;
  },
};
