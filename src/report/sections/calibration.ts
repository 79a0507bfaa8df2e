/** Calibration curves and statistics per cohort. */
import { MODEL_NAMES } from '../../study/config.ts';
import { esc, num, pval } from '../html.ts';
import { MODEL_COLOR } from '../figures/colors.ts';
import { lineChart } from '../svg.ts';
import type { ReportSection } from './context.ts';
import { cohortMetrics } from './per-cohort.ts';

export const calibrationSection: ReportSection = {
  id: 'calibration',
  title: () => 'Calibration',
  render({ r, figure, table }) {
    const cms = cohortMetrics(r);
    const charts = `<div class="charts">${cms.map(({ key, label, models }) => figure({
      id: `calibration-${key}`,
      title: `Calibration — ${label}`,
      caption: `Calibration, ${label}.`,
      svg: lineChart(models.map(({ m, metrics }) => ({ name: m, color: MODEL_COLOR[m], points: (metrics.calibration?.curve ?? []).map((p) => [p.meanPredicted, p.observed] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]) })), {
        title: `Calibration — ${label}`, xLabel: 'predicted probability', yLabel: 'observed proportion', xDomain: [0, 1], yDomain: [0, 1], diagonal: true, legend: 'bottom-right',
      }),
    })).join('')}</div>`;
    const rows = cms.flatMap(({ label, models }) => MODEL_NAMES.flatMap((m) => {
      const x = models.find((y) => y.m === m)?.metrics;
      const c = x?.calibration;
      if (x && !c) return [[esc(label), m, `not estimable: ${esc(x.calibration_error ?? '')}`, '', '', '', '']];
      return c ? [[esc(label), m, `${num(c.citl)} (${num(c.citlCI[0], 2)} to ${num(c.citlCI[1], 2)})`, `${num(c.slope)} (${num(c.slopeCI[0], 2)} to ${num(c.slopeCI[1], 2)})`, num(c.brier), num(c.oe, 2), `${num(c.hosmerLemeshow.chi2 ?? NaN, 2)} (p ${pval(c.hosmerLemeshow.p ?? NaN)})`]] : [];
    }));
    return charts + table('calibration', ['Cohort', 'Model', 'Calibration-in-the-large (95% CI)', 'Slope (95% CI)', 'Brier', 'O/E', 'Hosmer–Lemeshow χ²'], rows, 'Calibration statistics');
  },
};
