/** The IBSI reporting items of the features, filled from the extraction run record. */
import { ibsiReportingItems } from '../ibsi-items.ts';
import { checklistTable } from './checklist-table.ts';
import type { ReportSection } from './context.ts';

export const ibsiItemsSection: ReportSection = {
  id: 'ibsi-items',
  title: () => 'IBSI reporting items (features)',
  render: (ctx) => checklistTable(ctx, 'ibsi-items', ibsiReportingItems(ctx.r), 'IBSI reporting items (IBSI reference manual, reporting guidelines): image processing and feature calculation as run'),
};
