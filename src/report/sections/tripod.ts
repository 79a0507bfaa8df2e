/** The TRIPOD+AI checklist filled from this run. */
import { tripodChecklist } from '../tripod.ts';
import { checklistTable } from './checklist-table.ts';
import type { ReportSection } from './context.ts';

export const tripodSection: ReportSection = {
  id: 'tripod',
  title: () => 'TRIPOD+AI checklist',
  render: (ctx) => checklistTable(ctx, 'tripod', tripodChecklist(ctx.r), 'TRIPOD+AI checklist (Collins et al., BMJ 2024;385:e078378): what this run reports and where'),
};
