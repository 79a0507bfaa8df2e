/** The feature funnel, the selected features with their coefficients, and the final models. */
import { MODEL_NAMES } from '../../study/config.ts';
import { esc, num, sig } from '../html.ts';
import type { ReportSection } from './context.ts';

export const selectedFeaturesSection: ReportSection = {
  id: 'selected-features',
  title: () => 'Selected features and final models',
  render({ r, facts, table }) {
    const parts: string[] = [];
    const rad = r.selection.radiomics;
    const folds = r.selection.folds;
    if (facts.funnel.length) {
      parts.push(`<div id="selection-funnel">${table('selection-funnel', ['Step', 'Features'], facts.funnel.map((x) => [esc(x.step), String(x.count)]), 'Feature funnel (whole main cohort; every step refitted inside each outer training fold for the CV estimates)')}</div>`);
    }
    if (rad) {
      const rows = [...rad.selected].sort((a, b) => Math.abs(b.coef) - Math.abs(a.coef)).map((s) => [esc(s.name), sig(s.coef, 3), String(r.selection.frequency[s.name] ?? 0)]);
      parts.push(table('selected-features', ['Feature', `${facts.selector} coefficient (z-scale)`, `Selected in outer folds (of ${folds})`], rows, `Radiomics features selected on the whole main cohort (${facts.selectorWithAlpha}); radiomics score = ${sig(rad.radscore.intercept, 4)} + Σ β·z, z = (x − training mean) / training SD`));
    }
    const cl = r.selection.clinical;
    if (cl) parts.push(table('retained-clinical', ['Clinical variable', `Retained in outer folds (of ${folds})`], cl.retained.map((v) => [esc(v), String(r.selection.frequency[v] ?? 0)]), 'Clinical variables retained on the whole main cohort'));
    const hyper = MODEL_NAMES.filter((m) => r.models[m]).map((m) => [m, esc(r.models[m]!.features.join(', ')), sig(r.models[m]!.hyper.C, 3), r.models[m]!.hyper.gamma === undefined ? '–' : sig(r.models[m]!.hyper.gamma, 3), num(r.models[m]!.threshold, 3)]);
    parts.push(table('final-models', ['Model', 'SVM inputs', 'C', 'γ', 'threshold'], hyper, 'Final models (fitted on the whole main cohort)'));
    return parts.join('');
  },
};
