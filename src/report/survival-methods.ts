/**
 * Methods of a time-to-event study, generated from what ran (the SurvivalStudyResult): outcome and
 * censoring, the models (Cox with its ties, univariable → multivariable selection, LASSO-Cox
 * signature, combined Cox, Fine–Gray), the validation design and every measure with its estimator
 * (Harrell's and Uno's C, IPCW AUC(t), Brier, calibration, risk groups, decision curves). One anchored
 * paragraph per topic (methods-survival-…), as the binary methods.
 */
import type { SurvivalStudyResult } from '../study/survival/results-types.ts';
import type { MethodsOptions, MethodsParagraph } from './methods.ts';

export function survivalMethodsParagraphs(s: SurvivalStudyResult, o: MethodsOptions = {}): MethodsParagraph[] {
  const c = s.config, out = s.outcome, u = 'months';
  const main = s.cohorts.find((x) => x.role === 'main')!;
  const ext = s.cohorts.filter((x) => x.role === 'external');
  const competing = out.competingValue !== undefined;
  const ties = s.ties === 'breslow' ? 'Breslow' : 'Efron';
  const models = Object.keys(s.models);
  const paras: MethodsParagraph[] = [];
  paras.push({
    id: 'methods-survival-outcome', heading: 'Outcome',
    text: `The outcome was the time from baseline to the event (column ${out.time}, ${u}); ${out.event} = ${out.eventValue} marked the event${competing ? `, ${c.outcome?.competingColumn ? `${c.outcome.competingColumn} = ${out.competingValue} without the event` : out.competingValue} the competing event (treated as a competing risk, not as censoring, where the measure allows)` : ''}, and other cases were censored at their last follow-up. The main cohort (${main.name}) had ${main.n} cases with ${main.events} events${competing ? `, ${main.competing} competing events` : ''} and ${main.censored} censored; median follow-up ${Number.isFinite(main.medianFollowUp) ? `${main.medianFollowUp.toFixed(1)} ${u}` : 'not reached'} (reverse Kaplan–Meier).${ext.map((e) => ` External cohort ${e.name}: ${e.n} cases, ${e.events} events.`).join('')} Probabilities, calibration, risk groups and decision curves refer to the horizon of ${out.horizon} ${u}; time-dependent measures were read at ${out.times.join(', ')} ${u}.`,
  });
  const m: string[] = [];
  const cs = s.selection.clinical;
  if (cs && s.models.clinical) m.push(`The clinical model was a Cox proportional-hazards model (${ties} ties): each candidate variable entered a multivariable model if its univariable Cox p-value was below ${cs.entryAlpha}, and variables with p below ${cs.alpha} in the multivariable model were retained.`);
  const rs = s.selection.radiomics;
  if (rs && s.models.radiomics) m.push(`The radiomics signature was the linear predictor of a ${c.radiomics.alpha === 1 ? 'LASSO' : `elastic-net (α = ${c.radiomics.alpha})`}-penalised Cox model (glmnet conventions: z-scored features, Breslow ties) on ${rs.candidates} candidate features left after a redundancy filter (|Spearman ρ| > ${c.radiomics.redundancy}), with λ chosen by ${c.innerFolds}-fold cross-validated partial-likelihood deviance inside the training data (rule λ.${rs.lambdaRule}); competing events counted as censored (cause-specific hazard). The radiomics model was a Cox model (${ties} ties) of the signature, fitted on the pre-validated signature of the training cases.`);
  if (s.models.combined) m.push(`The combined model was a Cox model (${ties} ties) of the retained clinical variables and the radiomics signature.`);
  if (s.fineGray) m.push(`A Fine–Gray subdistribution hazards model of the clinical model's variables estimated their effect on the cumulative incidence of the event in the presence of the competing event.`);
  m.push('Proportional hazards were checked with scaled Schoenfeld residuals against Kaplan–Meier-transformed time (cox.zph score test, per term and global).');
  m.push(`Each model's predicted probability of the event by ${out.horizon} ${u} is 1 − S(${out.horizon} | x) = 1 − exp(−H₀(${out.horizon})·exp(x'β)), with the baseline cumulative hazard H₀ of the training data (Breslow's estimator${ties === 'Efron' ? ' with Efron\'s correction for tied events' : ''}).`);
  paras.push({ id: 'methods-survival-models', heading: 'Models', text: m.join(' ') });
  paras.push({
    id: 'methods-survival-validation', heading: 'Validation',
    text: `Models (${models.join(', ')}) were evaluated by ${c.evaluation.foldColumn ? `the fixed folds of column ${c.evaluation.foldColumn}` : `${c.evaluation.folds}-fold cross-validation${c.evaluation.repeats > 1 ? ` repeated ${c.evaluation.repeats} times` : ''}`} of the main cohort with folds stratified by status (censored, event${competing ? ', competing event' : ''})${c.data.group ? ` and grouped by ${c.data.group}` : ''}; ${[s.models.clinical ? 'the clinical selection' : '', s.models.radiomics || s.models.combined ? 'the redundancy filter and the LASSO-Cox penalty' : '', 'the Cox fits, the baseline hazard and the risk-group cut'].filter(Boolean).join(', ')} were all refitted inside every training fold, and the pooled out-of-fold predictions were evaluated.${ext.length ? ' The final models, fitted on the whole main cohort, were applied unchanged to the external cohort(s).' : ''}`,
  });
  paras.push({
    id: 'methods-survival-measures', heading: 'Measures',
    text: `Discrimination: Harrell's C over all comparable pairs and Uno's C truncated at ${out.horizon} ${u} (inverse-probability-of-censoring weights), both with infinitesimal-jackknife 95% CIs${competing ? ' (competing events censored)' : ''}; the cumulative/dynamic time-dependent AUC(t) with Kaplan–Meier censoring weights${competing ? ' and competing events as controls (Blanche et al. 2013, definition 2)' : ''}, with influence-function 95% CIs (riskRegression's conservative form); models were compared by the paired difference in Harrell's C.${c.data.group ? ` Cases of one ${c.data.group} are correlated, so these CIs, the comparisons and the Brier CIs are cluster-robust: each ${c.data.group}'s influence values (for the Brier score, its centred weighted squared errors) were summed before squaring (as R's concordance(cluster = )).` : ''} Accuracy: the IPCW Brier score at each time. Calibration at ${out.horizon} ${u}: mean predicted against observed probability (${competing ? 'Aalen–Johansen cumulative incidence' : '1 − Kaplan–Meier'}) in risk groups with 95% CIs, observed/expected overall, and the calibration slope (Cox regression of the outcome on the linear predictor). Risk groups: high/low at the median predicted risk of the training data, compared by Kaplan–Meier curves and the log-rank test${competing ? ', and by cumulative incidence curves and Gray\'s test' : ''}. Clinical usefulness: decision curves at ${out.horizon} ${u} (Vickers et al. 2008), the event probability among treated cases from ${competing ? 'the Aalen–Johansen estimator' : 'Kaplan–Meier'}.`,
  });
  paras.push({ id: 'methods-survival-software', heading: 'Software', text: `Analyses ran in sonomics${o.software?.sonomics ? ` ${o.software.sonomics}` : ''}${o.software?.node ? ` on Node ${o.software.node}` : ''}, seed ${s.seed}; its survival estimators are checked against R (survival, glmnet, riskRegression, cmprsk) reference outputs.` });
  return paras;
}
