/** Calibration per cohort and model: flexible curve with band, grouped observed proportions, risk distribution; statistics table. */
import { MODEL_NAMES } from '../../study/config.ts';
import { flexibleCalibration } from '../../study/flexible-calibration.ts';
import { esc, num, pval } from '../html.ts';
import { calibrationPlot, riskGroups } from '../figures/calibration-plot.ts';
import { MODEL_COLOR } from '../figures/colors.ts';
import type { ReportSection } from './context.ts';
import { cohortMetrics, cohortPredictions } from './per-cohort.ts';

export const calibrationSection: ReportSection = {
  id: 'calibration',
  title: () => 'Calibration',
  render({ r, figure, table }) {
    const cms = cohortMetrics(r);
    const groupRows: string[][] = [];
    const charts = cms.map((c) => `<div class="charts">${c.models.map(({ m }) => {
      const { y, p } = cohortPredictions(r, c, m);
      if (y.length < 10) return '';
      const flex = flexibleCalibration(y, p);
      const groups = riskGroups(y, p);
      groups.forEach((g, i) => groupRows.push([esc(c.label), m, String(i + 1), String(g.n), String(g.events), num(g.meanPredicted), num(g.observed), `${num(g.lower)}–${num(g.upper)}`]));
      const fit = flex.knots.length ? `restricted cubic spline of logit(risk), ${flex.knots.length} knots` : 'linear logistic recalibration (too few distinct risks for a spline)';
      return figure({
        id: `calibration-${m}-${c.key}`,
        title: `Calibration — ${m}, ${c.label}`,
        caption: `${m}, ${c.label} (n = ${y.length}, ${y.filter((v) => v === 1).length} events). Line and band: flexible calibration curve (logistic regression on a ${fit}) with its pointwise 95% CI; dots: observed proportion in ${groups.length} quantile groups of predicted risk with Wilson 95% CIs, n printed under each; strip: predicted risks of events (up) and non-events (down).`,
        svg: calibrationPlot(`Calibration — ${m}, ${c.label}`, y, p, flex, groups, MODEL_COLOR[m]),
      });
    }).join('')}</div>`).join('');
    const rows = cms.flatMap(({ label, models }) => MODEL_NAMES.flatMap((m) => {
      const x = models.find((v) => v.m === m)?.metrics;
      const c = x?.calibration;
      if (x && !c) return [[esc(label), m, `not estimable: ${esc(x.calibration_error ?? '')}`, '', '', '', '']];
      return c ? [[esc(label), m, `${num(c.citl)} (${num(c.citlCI[0], 2)} to ${num(c.citlCI[1], 2)})`, `${num(c.slope)} (${num(c.slopeCI[0], 2)} to ${num(c.slopeCI[1], 2)})`, num(c.brier), num(c.oe, 2), `${num(c.hosmerLemeshow.chi2 ?? NaN, 2)} (p ${pval(c.hosmerLemeshow.p ?? NaN)})`]] : [];
    }));
    return charts
      + table('calibration', ['Cohort', 'Model', 'Calibration-in-the-large (95% CI)', 'Slope (95% CI)', 'Brier', 'O/E', 'Hosmer–Lemeshow χ²'], rows, 'Calibration statistics')
      + table('calibration-groups', ['Cohort', 'Model', 'Group', 'n', 'Events', 'Mean predicted', 'Observed', '95% CI (Wilson)'], groupRows, 'Observed proportions in quantile groups of predicted risk (the dots of the calibration figures)');
  },
};
