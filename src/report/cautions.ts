/**
 * Cautions a reader of the report must see before writing the paper, each derived from what ran:
 * hyperparameters tuned at a grid edge, shape features of non-lesion regions, few events per
 * candidate variable, poor calibration on an external cohort, Firth fallbacks.
 */
import { MODEL_NAMES } from '../study/config.ts';
import type { StudyResult } from '../study/run.ts';
import { studyFacts } from './facts.ts';

export interface Caution { id: string; text: string }

export function cautions(r: StudyResult): Caution[] {
  const f = studyFacts(r);
  const out: Caution[] = [];
  for (const e of f.gridEdges) {
    const where = [e.finalModel ? 'the final model' : '', e.folds ? `${e.folds} of ${e.of} outer folds` : ''].filter(Boolean).join(' and ');
    out.push({ id: `grid-edge-${e.model}-${e.parameter === 'C' ? 'c' : 'gamma'}-${e.edge}`, text: `${e.model}: ${e.parameter} = ${e.value} is the ${e.edge} value of the tuning grid (${where}). The optimum may lie outside the grid; widen svm.${e.parameter === 'C' ? 'C' : 'gamma'} and re-run before reporting.` });
  }
  const shape = f.nonLesionShape;
  if (shape.candidates.length) {
    out.push({ id: 'non-lesion-shape', text: `${shape.candidates.length} shape (morphology) features of non-lesion regions were candidate predictors${shape.selected.length ? `, and ${shape.selected.length} were selected (${shape.selected.join(', ')})` : ''}. They describe the drawn sampling region (a parenchyma disc, a ring following the tumour) rather than the patient; exclude them (radiomics.exclude: ["parenchyma_*_morphology_*", "ring*_morphology_*"]) unless the region's shape is meaningful.` });
  }
  if (f.epv.candidates && f.epv.value < 10) {
    out.push({ id: 'events-per-variable', text: `${f.epv.events} events (minority class) for ${f.epv.candidates} candidate variables: ${f.epv.value.toFixed(2)} events per candidate variable. With fewer than 10 (Peduzzi et al. 1996; Riley et al., BMJ 2020;368:m441 for a formal sample-size calculation) the selection is unstable and performance estimates are optimistic beyond what cross-validation corrects; report the selection frequencies and treat the model as exploratory.` });
  }
  for (const cohort of f.externals) {
    for (const m of MODEL_NAMES) {
      const cal = r.models[m]?.externals[cohort.name]?.calibration;
      if (!cal) continue;
      const slopeOff = cal.slopeCI[1] < 1 || cal.slopeCI[0] > 1;
      const citlOff = cal.citlCI[1] < 0 || cal.citlCI[0] > 0;
      if (slopeOff || citlOff) {
        out.push({ id: `external-calibration-${m}-${slug(cohort.name)}`, text: `${m} on ${cohort.name}: ${[citlOff ? `calibration-in-the-large ${cal.citl.toFixed(2)} (95% CI ${cal.citlCI[0].toFixed(2)} to ${cal.citlCI[1].toFixed(2)}; ${cal.citl > 0 ? 'risks underestimated' : 'risks overestimated'})` : '', slopeOff ? `calibration slope ${cal.slope.toFixed(2)} (95% CI ${cal.slopeCI[0].toFixed(2)} to ${cal.slopeCI[1].toFixed(2)}; ${cal.slope < 1 ? 'predictions too extreme' : 'predictions too moderate'})` : ''].filter(Boolean).join('; ')}. The predicted risks do not transfer as they are; report discrimination separately and consider recalibration before any clinical use.` });
      }
    }
  }
  for (const x of f.firth) {
    out.push({ id: `firth-${x.model}`, text: `${x.model}: a logistic fit met separation (or did not converge) and used Firth's penalised likelihood in ${[x.finalModel ? 'the final model' : '', x.folds ? `${x.folds} of ${x.of} outer folds` : ''].filter(Boolean).join(' and ')}. Its coefficients are shrunk toward zero; few events or a predictor that nearly determines the outcome is the usual cause.` });
  }
  // #21: what the heads and the evaluation flagged (results.warnings, per-fold fallbacks, feature gaps)
  (r.warnings ?? []).forEach((w, i) => out.push({ id: `study-warning-${i + 1}`, text: w }));
  for (const m of MODEL_NAMES) {
    const model = r.models[m];
    if (!model) continue;
    const perFold = Object.entries(model.cv.fallbacks ?? {}).map(([kind, n]) => `${kind} in ${n} of ${model.cv.folds.length} outer folds`);
    const final = (model.fallbacks ?? []).map((kind) => `${kind} in the final model`);
    if (perFold.length || final.length) {
      out.push({ id: `fallbacks-${m}`, text: `${m}: the model's head departed from its method (${[...perFold, ...final].join('; ')}); see the fold notes in results.json. An in-sample Platt calibration is optimistic; a refitted or replaced head is not the model the methods describe for those folds.` });
    }
  }
  const gaps = r.featureGaps;
  const undefinedValues = gaps?.cohorts.reduce((a, c) => a + c.values, 0) ?? 0;
  if (gaps && undefinedValues > 0) {
    out.push({ id: 'feature-gaps', text: `${undefinedValues} feature values were undefined (${gaps.cohorts.filter((c) => c.values).map((c) => `${c.cohort}: ${c.values} values in ${c.cases} cases`).join('; ')}). ${gaps.rule.charAt(0).toUpperCase()}${gaps.rule.slice(1)}. The final model dropped ${gaps.final.dropped.length} feature(s) and filled ${gaps.final.imputed} value(s); no case was left out.` });
  }
  return out;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
