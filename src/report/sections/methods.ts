/** The methods, generated from what ran; one anchored paragraph per topic (methods-…). */
import { esc } from '../html.ts';
import { methodsParagraphs } from '../methods.ts';
import type { ReportSection } from './context.ts';

export const methodsSection: ReportSection = {
  id: 'methods',
  title: () => 'Methods',
  render({ r, software }) {
    return methodsParagraphs(r, { software }).map((p) => `<h3 id="${p.id}">${esc(p.heading)}</h3><p>${esc(p.text)}</p>`).join('');
  },
};
