/** Survival study: the fitted models — clinical Cox selection with hazard ratios, the PH check, the LASSO-Cox signature, Fine–Gray. */
import { esc, pval, sig } from '../../html.ts';
import { MODEL_NAMES } from '../../../study/config.ts';
import { readableInputName } from '../../../study/input-names.ts';
import type { SurvivalReportSection } from './context.ts';

const hr = (h: number, lo: number, up: number) => `${h.toFixed(2)} (${lo.toFixed(2)}–${up.toFixed(2)})`;

export const survivalModelsSection: SurvivalReportSection = {
  outcome: 'time-to-event',
  id: 'survival-models',
  title: () => 'Models: Cox regression and the radiomics signature',
  render({ s, table }) {
    const parts: string[] = [];
    const c = s.selection.clinical;
    if (c) {
      parts.push(`<h3>Clinical model</h3><p>Univariable Cox regression of each candidate (${c.ties === 'breslow' ? 'Breslow' : 'Efron'} ties); variables with p &lt; ${c.entryAlpha} entered the multivariable model, those with p &lt; ${c.alpha} were retained: ${c.retained.length ? c.retained.map(esc).join(', ') : 'none'}.</p>`);
      parts.push(table('survival-univariable', ['Variable', 'Term', 'HR (95% CI)', 'p', 'Entered'], c.univariable.flatMap((u) => u.terms.map((t, k) => [k === 0 ? esc(u.variable) : '', esc(t.name), hr(t.hazardRatio, t.hrLower, t.hrUpper), pval(t.p), k === 0 ? (u.entered ? 'yes' : 'no') : ''])), 'Univariable Cox regression (main cohort)'));
      const m = c.model;
      if (m.names.length) parts.push(table('survival-multivariable', ['Term', 'β', 'SE', 'HR (95% CI)', 'p'], m.names.map((n, j) => [esc(n), sig(m.coef[j]), sig(m.se[j]), hr(m.hazardRatio[j]!, m.hrLower[j]!, m.hrUpper[j]!), pval(m.p[j])]), 'Multivariable Cox model of the retained variables (main cohort)'));
    }
    const ph = MODEL_NAMES.flatMap((mn) => {
      const z = s.models[mn]?.zph;
      return z ? [[mn, z.terms.map((t) => `${esc(t.name)}: ${pval(t.p)}`).join('; '), pval(z.global.p)]] : [];
    });
    if (ph.length) parts.push(`<h3>Proportional hazards</h3>`, table('survival-zph', ['Model', 'Per term (p)', 'Global p'], ph, 'Scaled Schoenfeld residuals against Kaplan–Meier-transformed time (cox.zph); a small p suggests a hazard ratio that changes over time'));
    const r = s.selection.radiomics;
    if (r) {
      parts.push(`<h3>Radiomics signature</h3><p>${s.config.radiomics.alpha === 1 ? 'LASSO' : `Elastic-net (α = ${s.config.radiomics.alpha})`}-Cox (glmnet conventions) on ${r.candidates} candidate features; λ by ${s.config.innerFolds}-fold cross-validated partial-likelihood deviance inside the training data, rule λ.${r.lambdaRule} = ${sig(r.lambda)} (λ.min ${sig(r.lambdaMin)}, λ.1se ${sig(r.lambda1se)}); ${r.selected.length} feature(s) selected. The signature is the LASSO-Cox linear predictor.</p>`);
      if (r.selected.length) parts.push(table('survival-signature', ['Feature', 'Coefficient'], [...r.selected].sort((a, b) => Math.abs(b.coef) - Math.abs(a.coef)).map((f) => [`${esc(readableInputName(f.name, s.variables))}<br><span class="note">${esc(f.name)}</span>`, sig(f.coef)]), 'Features of the signature (final model), largest |coefficient| first'));
    }
    const fg = s.fineGray;
    if (fg) parts.push(`<h3>Competing risks: Fine–Gray</h3>`, table('survival-fine-gray', ['Term', 'β', 'SE', 'sHR', 'p'], fg.names.map((n, j) => [esc(n), sig(fg.coef[j]), sig(fg.se[j]), fg.subdistributionHR[j]!.toFixed(2), pval(fg.p[j])]), 'Fine–Gray subdistribution hazards model of the clinical variables (main cohort)'));
    const coefRows = MODEL_NAMES.flatMap((mn) => { const m = s.models[mn]; return m ? Object.entries(m.coef).map(([k, v]) => [mn, esc(k), sig(v), Math.exp(v).toFixed(3)]) : []; });
    if (coefRows.length) parts.push('<h3>Final models</h3>', table('survival-final-coefficients', ['Model', 'Input', 'β (log HR)', 'HR'], coefRows, 'Final Cox models (whole main cohort): the bundle stores these with the baseline cumulative hazard'));
    return parts.join('');
  },
};
