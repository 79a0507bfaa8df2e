/** Discrimination and threshold metrics per model and cohort, and the spread across outer folds. */
import { MODEL_NAMES } from '../../study/config.ts';
import { esc, num } from '../html.ts';
import { performanceRows } from '../text.ts';
import type { ReportSection } from './context.ts';

export const performanceSection: ReportSection = {
  id: 'performance',
  title: () => 'Performance',
  render({ r, table }) {
    const rows = performanceRows(r).map(({ model, cohort, m }) => [model, esc(cohort), String(m.n), String(m.events), num(m.auc), `${num(m.auc_ci[0])}–${num(m.auc_ci[1])}${m.auc_ci_bootstrap ? `<br>boot ${num(m.auc_ci_bootstrap[0])}–${num(m.auc_ci_bootstrap[1])}` : ''}`, num(m.accuracy), num(m.sensitivity), num(m.specificity), num(m.ppv), num(m.npv), num(m.threshold)]);
    // data.group: the CIs are clustered by patient (Obuchowski 1997); the heading says so.
    const clustered = performanceRows(r).find(({ m }) => m.auc_ci_method)?.m;
    const ciHead = clustered ? `95% CI (clustered DeLong, Obuchowski 1997, by patient${clustered.auc_ci_bootstrap ? '; bootstrap resamples patients' : ''})` : '95% CI (DeLong)';
    // data.unit: patient — n and events count patients; the caption says how lesions were combined.
    const patientLevel = r.unit?.unit === 'patient';
    const t = table('performance', ['Model', 'Cohort', patientLevel ? 'patients' : 'n', 'events', 'AUC', ciHead, 'Accuracy', 'Sensitivity', 'Specificity', 'PPV', 'NPV', 'Threshold'], rows, `Performance (CV: pooled out-of-fold predictions, each classified at its own training fold's threshold; external: model fitted on the whole main cohort)${patientLevel ? `. Unit of analysis: ${r.unit.text}` : ''}`);
    const spread = table('fold-spread', ['Model', 'Per-fold AUC mean ± SD', 'Per-fold AUCs', 'Apparent AUC (optimistic)'], MODEL_NAMES.filter((m) => r.models[m]).map((m) => {
      const cv = r.models[m]!.cv;
      return [m, `${num(cv.fold_auc_mean)} ± ${num(cv.fold_auc_sd)}`, cv.folds.map((f) => num(f.auc)).join(', '), num(r.models[m]!.apparent.auc)];
    }), 'Spread across outer folds');
    return t + spread + `<p class="note">${esc(r.thresholdRule)}</p>`;
  },
};
