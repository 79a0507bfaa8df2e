/** The selection step: the LASSO / elastic-net coefficient path and its cross-validation curve. */
import { esc, num } from '../html.ts';
import { cvPlot, pathPlot } from '../figures/path-plot.ts';
import type { ReportSection } from './context.ts';

export const lassoSection: ReportSection = {
  id: 'lasso',
  title: ({ facts }) => `Radiomics: ${facts.selector} path and cross-validation`,
  render({ r, facts, figure }) {
    const rad = r.selection.radiomics;
    if (!rad) return '<p class="note">No radiomics model in this study.</p>';
    const l = rad.lasso;
    const sel = facts.selector;
    const p = pathPlot(`${sel} coefficient path`, l);
    const more = p.selected.length - p.labelled.length;
    const path = figure({
      id: 'selection-path',
      title: `${sel} coefficient path`,
      caption: `${facts.selectorWithAlpha} coefficient path on the whole main cohort (z-scored features after the redundancy filter). Coloured and labelled: the ${p.selected.length} features with a non-zero coefficient at the chosen λ.${l.rule}${more > 0 ? ` (the ${p.labelled.length} largest |β| labelled; ${more} more in the selected-features table)` : ''}; grey: features that enter only at smaller λ.`,
      svg: p.svg,
    });
    const cv = figure({
      id: 'selection-cv',
      title: `${sel} cross-validation curve`,
      caption: `Inner ${r.config.innerFolds}-fold cross-validated binomial deviance (mean ± 1 SE over folds) at each λ. As in cv.glmnet, each fold fits its own λ path and its predictions are interpolated onto the whole-data λ sequence; where a fold's path stopped early (its deviance ratio saturated) the last solution is carried on, so the curve can step near λ.min rather than change smoothly.`,
      svg: cvPlot(`${sel} cross-validation curve`, l, 'binomial deviance'),
    });
    const info = `<p>${rad.candidates} candidate features → ${rad.redundancy.kept.length} after the redundancy filter (${rad.redundancy.dropped.length} removed) → ${rad.selected.length} selected at λ.${l.rule} = ${num(l.lambda[l.chosenIndex], 5)} (λ.min = ${num(l.lambdaMin, 5)}, λ.1se = ${num(l.lambda1se, 5)}).</p>`;
    return info + `<div class="charts">${path}${cv}</div>` + (rad.notes.length ? `<p class="note">${rad.notes.map(esc).join('<br>')}</p>` : '');
  },
};
