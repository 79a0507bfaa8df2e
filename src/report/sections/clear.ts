/** The CLEAR radiomics checklist filled from this run. */
import { clearChecklist } from '../clear.ts';
import { checklistTable } from './checklist-table.ts';
import type { ReportSection } from './context.ts';

export const clearSection: ReportSection = {
  id: 'clear',
  title: () => 'CLEAR checklist (radiomics)',
  render: (ctx) => checklistTable(ctx, 'clear', clearChecklist(ctx.r), 'CLEAR checklist (Kocak et al., Insights Imaging 2023;14:75), 58 items: what this run reports and where'),
};
