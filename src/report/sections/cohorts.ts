/** Cohorts, outcome counts and missing data (the participant flow in numbers). */
import { esc, num } from '../html.ts';
import type { ReportSection } from './context.ts';

export const cohortsSection: ReportSection = {
  id: 'cohorts',
  title: () => 'Cohorts and missing data',
  render({ r, table }) {
    const t = table('cohorts', ['Cohort', 'Role', 'Cases in table', 'Missing outcome', 'Incomplete predictors', 'Analysed', 'Events'], r.missing.cohorts.map((m) => {
      const c = r.cohorts.find((x) => x.name === m.cohort)!;
      return [esc(m.cohort), c.role, String(m.total), String(m.missingOutcome), String(m.incomplete), String(m.analysed), `${c.events} (${num((100 * c.events) / Math.max(1, c.n), 1)}%)`];
    }), `Cohorts and missing data (policy: ${r.missing.policy}; outcome: ${esc(r.config.data.outcome)})`);
    const byVar = r.missing.cohorts.flatMap((m) => Object.entries(m.byVariable).map(([v, k]) => [esc(m.cohort), esc(v), String(k)]));
    return t + (byVar.length ? table('missing-by-variable', ['Cohort', 'Variable', 'Cases missing it'], byVar, 'Missing values by variable (cases with an outcome)') : '');
  },
};
