/** One checklist as a table whose "where" cells link to the report anchors. */
import { esc } from '../html.ts';
import type { ChecklistItem } from '../tripod.ts';
import type { ReportContext } from './context.ts';

export function checklistTable(ctx: ReportContext, id: string, items: ChecklistItem[], caption: string): string {
  return ctx.table(id, ['Item', 'Topic', 'Status', 'Where'], items.map((c) => [esc(c.item), esc(c.topic), `<span class="${c.status === 'reported' ? 'ok' : c.status === 'n/a' ? 'na' : c.status}">${c.status}</span>`, `<a href="#${c.anchor}">${esc(c.where)}</a>`]), caption);
}
