/** Cautions derived from what ran (grid edges, non-lesion shape features, EPV, external calibration, Firth). */
import { esc } from '../html.ts';
import { cautions } from '../cautions.ts';
import type { ReportSection } from './context.ts';

export const cautionsSection: ReportSection = {
  id: 'cautions',
  title: () => 'Cautions',
  render({ r }) {
    const list = cautions(r);
    if (!list.length) return '<p class="note">None: no hyperparameter at a grid edge, no shape feature of a non-lesion region, at least 10 events per candidate variable, no external calibration off, no Firth fallback.</p>';
    return `<ul class="cautions">${list.map((c) => `<li id="caution-${c.id}">${esc(c.text)}</li>`).join('')}</ul>`;
  },
};
