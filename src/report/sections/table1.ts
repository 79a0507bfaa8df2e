/** Table 1: baseline characteristics by cohort and by outcome. */
import { esc, pval } from '../html.ts';
import type { ReportSection } from './context.ts';

export const table1Section: ReportSection = {
  id: 'table1',
  title: () => 'Table 1: baseline characteristics',
  render({ r, table }) {
    return r.table1.map((t, i) => table(`table1-${i + 1}`, ['Characteristic', ...t.groups.map((g) => `${esc(g.label)}<br>n = ${g.n}`), 'p', 'test'],
      t.rows.map((row) => [row.level ? `&nbsp;&nbsp;${esc(row.level)}` : esc(row.variable), ...row.cells.map(esc), pval(row.p), esc(row.test ?? '')]), esc(t.title))).join('');
  },
};
