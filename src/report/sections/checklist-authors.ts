/** The checklist items only the manuscript can give (every checklist's "authors" rows link here). */
import { esc } from '../html.ts';
import { clearChecklist } from '../clear.ts';
import { ibsiReportingItems } from '../ibsi-items.ts';
import { AUTHORS_ANCHOR, tripodChecklist } from '../tripod.ts';
import type { ReportSection } from './context.ts';

export const checklistAuthorsSection: ReportSection = {
  id: AUTHORS_ANCHOR,
  title: () => 'Checklist items for the authors',
  render({ r }) {
    const lists: Array<[string, ReturnType<typeof tripodChecklist>]> = [['TRIPOD+AI', tripodChecklist(r)], ['CLEAR', clearChecklist(r)], ['IBSI', ibsiReportingItems(r)]];
    return `<p class="note">This run cannot know these; the manuscript must give them.</p><ul>${lists.map(([name, items]) => `<li><b>${name}</b>: ${items.filter((i) => i.status === 'authors').map((i) => `${esc(i.item)} ${esc(i.topic)} (${esc(i.where)})`).join('; ')}</li>`).join('')}</ul>`;
  },
};
