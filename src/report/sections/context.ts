/**
 * What a report section gets and gives: the study result and its facts, and two collectors —
 * figures (inline SVG in the page, also written as standalone SVG/PNG files) and tables (also
 * written as CSV). A section is one file exporting a ReportSection, registered in ./index.ts.
 */
import type { StudyResult } from '../../study/run.ts';
import type { StudyFacts } from '../facts.ts';
import { esc } from '../html.ts';

export interface ReportFigure {
  /** File stem and element id (fig-<id>). */
  id: string;
  title: string;
  svg: string;
  caption: string;
}

export interface ReportTable { id: string; title: string; head: string[]; rows: string[][] }

export interface ReportContext {
  r: StudyResult;
  facts: StudyFacts;
  software?: Record<string, string>;
  /** Registers a figure and returns its HTML (a <figure> holding the inline SVG and its caption). */
  figure(f: ReportFigure): string;
  /** Registers a table (cells as HTML) and returns its HTML; CSV gets the cells' text. */
  table(id: string, head: string[], rows: string[][], caption?: string): string;
}

export interface ReportSection {
  /** Element id of the section (stable: links and checklists rely on it). */
  id: string;
  title(ctx: ReportContext): string;
  /** The section's body HTML. */
  render(ctx: ReportContext): string;
}

export function collectors(): { figures: ReportFigure[]; tables: ReportTable[]; figure: ReportContext['figure']; table: ReportContext['table'] } {
  const figures: ReportFigure[] = [];
  const tables: ReportTable[] = [];
  const ids = new Set<string>();
  const unique = (id: string) => {
    let k = id, i = 2;
    while (ids.has(k)) k = `${id}-${i++}`;
    ids.add(k);
    return k;
  };
  return {
    figures,
    tables,
    figure(f) {
      const id = unique(f.id);
      figures.push({ ...f, id });
      return `<figure id="fig-${id}" class="figure">${f.svg}<figcaption>${esc(f.caption)} <span class="files">Files: figures/${id}.svg, figures/${id}.png</span></figcaption></figure>`;
    },
    table(id, head, rows, caption) {
      const tid = unique(`table-${id}`);
      tables.push({ id: tid, title: caption ?? id, head, rows });
      return `<table id="${tid}">${caption ? `<caption>${caption}</caption>` : ''}<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    },
  };
}
