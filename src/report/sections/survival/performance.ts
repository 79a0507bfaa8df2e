/** Survival study: discrimination and overall accuracy per model and cohort, and the paired C comparisons. */
import { esc, pval } from '../../html.ts';
import type { SurvivalReportSection } from './context.ts';
import { est, survivalCohorts, timeUnit } from './context.ts';

export const survivalPerformanceSection: SurvivalReportSection = {
  outcome: 'time-to-event',
  id: 'survival-performance',
  title: () => 'Performance: C-index, AUC(t) and Brier score',
  render({ s, table }) {
    const h = s.outcome.horizon, u = timeUnit(s);
    const rows = survivalCohorts(s).flatMap((c) => c.models.map(({ m, res }) => [esc(c.label), m, String(res.n), String(res.events), est(res.harrell), est(res.unoAtHorizon), est(res.auc), est(res.brier), res.calibration.slope ? `${res.calibration.slope.slope.toFixed(2)} (${res.calibration.slope.lower.toFixed(2)}–${res.calibration.slope.upper.toFixed(2)})` : '–']));
    const main = table('survival-performance', ['Cohort', 'Model', 'n', 'Events', "Harrell's C", `Uno's C (τ = ${h})`, `AUC(${h})`, `Brier(${h})`, 'Calibration slope'], rows, `Discrimination and accuracy at the horizon (${h} ${u}); 95% CIs`);
    const timeRows = survivalCohorts(s).flatMap((c) => c.models.flatMap(({ m, res }) => res.times.map((t) => [esc(c.label), m, String(t.time), est(t.auc), est(t.brier)])));
    const times = table('survival-time-performance', ['Cohort', 'Model', `t (${u})`, 'AUC(t)', 'Brier(t)'], timeRows, 'Time-dependent AUC (IPCW, cumulative/dynamic) and Brier score at the chosen times');
    const cmp = s.comparisons.length ? table('survival-comparisons', ['Cohort', 'Models', 'C', 'Difference (95% CI)', 'p', 'Method'], s.comparisons.map((k) => [esc(k.cohort), `${k.a} vs ${k.b}`, `${k.c_a.toFixed(3)} vs ${k.c_b.toFixed(3)}`, `${k.diff.toFixed(3)} (${k.ci_diff[0].toFixed(3)}–${k.ci_diff[1].toFixed(3)})`, pval(k.p), esc(k.method)]), "Paired comparison of Harrell's C on the same cases") : '';
    const folds = Object.entries(s.models).map(([m, r]) => {
      const c = r!.cv.folds.map((f) => f.harrell).filter(Number.isFinite);
      return c.length ? `${m}: ${Math.min(...c).toFixed(3)}–${Math.max(...c).toFixed(3)} over ${c.length} folds` : '';
    }).filter(Boolean);
    return main + times + cmp + (folds.length ? `<p class="note">Harrell's C per held-out fold (range): ${folds.map(esc).join('; ')}.</p>` : '');
  },
};
