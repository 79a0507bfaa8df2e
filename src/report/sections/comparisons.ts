/** Paired DeLong tests between the models. */
import { esc, num, pval } from '../html.ts';
import type { ReportSection } from './context.ts';

export const comparisonsSection: ReportSection = {
  id: 'comparisons',
  title: () => 'Model comparisons (DeLong)',
  render({ r, table }) {
    if (!r.comparisons.length) return '<p class="note">Only one model: no comparison.</p>';
    return table('comparisons', ['Cohort', 'Models', 'AUC A', 'AUC B', 'Δ AUC (95% CI)', 'z', 'p'], r.comparisons.map((c) => [esc(c.cohort), `${c.a} vs ${c.b}`, num(c.auc_a), num(c.auc_b), `${num(c.diff)} (${num(c.ci_diff[0])} to ${num(c.ci_diff[1])})`, num(c.z, 2), pval(c.p)]), 'Paired DeLong tests');
  },
};
