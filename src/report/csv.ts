/** A report table as CSV: the cells' text (tags removed, entities decoded, <br> as "; "). */
import type { ReportTable } from './sections/context.ts';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&nbsp;': ' ', '&#39;': "'" };

export function cellText(html: string): string {
  return html.replace(/<br\s*\/?>/g, '; ').replace(/<[^>]*>/g, '').replace(/&[a-z#0-9]+;/g, (e) => ENTITIES[e] ?? e).trim();
}

function quote(s: string): string {
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

export function tableCsv(t: ReportTable): string {
  return [t.head, ...t.rows].map((row) => row.map((c) => quote(cellText(c))).join(',')).join('\n') + '\n';
}
