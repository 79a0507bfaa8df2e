/** Survival study: calibration at the horizon by risk group, per model and cohort, with O/E and the slope. */
import { MODEL_COLOR } from '../../figures/colors.ts';
import { survivalCalibrationPlot } from '../../figures/survival-calibration-plot.ts';
import type { SurvivalReportSection } from './context.ts';
import { survivalCohorts, timeUnit } from './context.ts';

export const survivalCalibrationSection: SurvivalReportSection = {
  outcome: 'time-to-event',
  id: 'survival-calibration',
  title: () => 'Calibration at the horizon',
  render({ s, figure }) {
    const h = s.outcome.horizon, u = timeUnit(s);
    return `<div class="charts">${survivalCohorts(s).flatMap((c) => c.models.map(({ m, res }) => {
      const cal = res.calibration;
      const by = cal.observedBy === 'aalen-johansen' ? 'Aalen–Johansen cumulative incidence' : '1 − Kaplan–Meier';
      const title = `Calibration at ${h} ${u} — ${m}, ${c.short}`;
      const slope = cal.slope ? ` Calibration slope ${cal.slope.slope.toFixed(2)} (95% CI ${cal.slope.lower.toFixed(2)}–${cal.slope.upper.toFixed(2)}; 1 = ideal).` : '';
      return figure({
        id: `survival-calibration-${m}-${c.key}`, title,
        caption: `Observed (${by}) against mean predicted probability of the event by ${h} ${u} in ${cal.groups.length} risk groups, ${m} model, ${c.label}. Overall observed ${cal.overall.observed.toFixed(3)}, expected ${cal.overall.expected.toFixed(3)}, O/E ${cal.overall.ratio.toFixed(2)}.${slope}`,
        svg: survivalCalibrationPlot(title, cal.groups, MODEL_COLOR[m], { observedLabel: cal.observedBy === 'aalen-johansen' ? 'Aalen–Johansen' : '1 − KM' }),
      });
    })).join('')}</div>`;
  },
};
