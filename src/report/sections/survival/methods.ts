/** Survival study: the methods, generated from what ran (anchored paragraphs methods-survival-…). */
import { esc } from '../../html.ts';
import { survivalMethodsParagraphs } from '../../survival-methods.ts';
import type { SurvivalReportSection } from './context.ts';

export const survivalMethodsSection: SurvivalReportSection = {
  outcome: 'time-to-event',
  id: 'survival-methods',
  title: () => 'Methods',
  render({ s, software }) {
    return survivalMethodsParagraphs(s, { software }).map((p) => `<h3 id="${p.id}">${esc(p.heading)}</h3><p>${esc(p.text)}</p>`).join('');
  },
};
