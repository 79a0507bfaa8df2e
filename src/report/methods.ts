/** A methods paragraph generated from what the study actually did (config + result). */
import type { StudyResult } from '../study/run.ts';

export function methodsText(r: StudyResult): string {
  const c = r.config;
  const main = r.cohorts.find((x) => x.role === 'main')!;
  const ext = r.cohorts.filter((x) => x.role === 'external');
  const models = Object.keys(r.models);
  const s: string[] = [];
  s.push(`The main cohort (${main.name}; n = ${main.n}, ${main.events} events) was used for model development${ext.length ? ` and ${ext.map((e) => `${e.name} (n = ${e.n}, ${e.events} events)`).join(', ')} for external validation` : ''}.`);
  const miss = r.missing.cohorts.reduce((a, m) => a + m.incomplete, 0);
  const missY = r.missing.cohorts.reduce((a, m) => a + m.missingOutcome, 0);
  s.push(`Cases without an outcome were excluded (${missY}). ${r.missing.policy === 'complete-case' ? `Complete-case analysis was used (${miss} cases with missing predictor values excluded).` : `Missing predictor values (${miss} cases affected) were imputed with the training median (continuous) or mode (categorical), fitted inside each training fold.`}`);
  if (models.includes('clinical') || models.includes('combined')) {
    const predictors = r.variables.filter((v) => !v.describeOnly).map((v) => (v.derive ? `${v.name} [${v.derive.text}]` : v.name)).join(', ');
    const scoreNote = c.clinical.input === 'score' && models.includes('clinical') ? '; that SVM read one input, the clinical score: the linear predictor of the multivariable logistic regression on the retained variables, fitted on the same training data' : '';
    if (c.clinical.alpha >= 1 && c.clinical.entryAlpha >= 1) s.push(`The clinical model used the pre-specified predictors (${predictors}) without data-driven selection (SVM, ${c.clinical.kernel} kernel)${scoreNote}.`);
    else s.push(`Candidate clinical predictors (${predictors}) were tested by univariable logistic regression; those with p < ${c.clinical.entryAlpha} entered a multivariable logistic model, and variables with p < ${c.clinical.alpha} in it were retained for the clinical model (SVM, ${c.clinical.kernel} kernel)${scoreNote}.`);
  }
  const selector = c.radiomics.alpha === 1 ? 'LASSO' : 'elastic-net';
  if (models.includes('radiomics') || models.includes('combined')) {
    const steps = [
      ...(r.features.icc ? [`features with ${r.features.icc.type} < ${r.features.icc.threshold} on repeat measurements were excluded (${r.features.icc.dropped.length} of ${r.features.icc.dropped.length + r.features.icc.kept.length})`] : []),
      ...(c.radiomics.combat ? ['features were harmonised across batches with ComBat (parametric empirical Bayes)'] : []),
      'features were z-scored',
      `of each pair with |Spearman ρ| > ${c.radiomics.redundancy} the feature less related to the outcome (|AUC − 0.5|) was removed`,
      `${c.radiomics.alpha === 1 ? 'LASSO' : `elastic-net (α = ${c.radiomics.alpha})`} logistic regression with ${c.innerFolds}-fold inner cross-validation (binomial deviance) selected features at λ.${c.radiomics.lambdaRule}`,
    ];
    s.push(`Of ${r.features.candidates.length} radiomics features, ${steps.join('; ')}. ${c.radiomics.input === 'score' ? `The radiomics score (${selector} linear predictor on the selected features) fed` : 'The selected features fed'} a support vector machine (${c.radiomics.kernel === 'linear' ? 'linear' : 'RBF'} kernel).`);
    const combinedParts = `the retained clinical variables plus ${c.combined.radiomics === 'score' ? `the radiomics score (${selector} linear predictor)` : 'the selected radiomics features'}`;
    s.push(c.combined.input === 'score'
      ? `The combined (cRadiomics) model's SVM (${c.combined.kernel === 'linear' ? 'linear' : 'RBF'} kernel) read one input, the combined score: the linear predictor of a logistic regression on ${combinedParts}, fitted on the same training data${c.combined.radiomics === 'score' && r.protocol === 'no-leakage' ? ' (with each training case\'s pre-validated radiomics score, from the inner cross-validation fit that did not see it)' : ''}.`
      : `The combined (cRadiomics) model used ${combinedParts} (SVM, ${c.combined.kernel === 'linear' ? 'linear' : 'RBF'} kernel).`);
  }
  s.push(`For every SVM, C (and γ for the RBF kernel) were tuned by ${c.innerFolds}-fold inner stratified cross-validation on AUC (grid C ∈ {${c.svm.Cs.join(', ')}}, γ ∈ {${c.svm.gammas.join(', ')}}); ${c.svm.classWeights === 'balanced' ? 'classes were weighted inversely to their frequency; ' : ''}probabilities came from Platt scaling fitted on inner out-of-fold decision values, and the classification threshold was fixed on the training data by the Youden index of those inner out-of-fold probabilities.`);
  if (r.protocol === 'no-leakage') {
    s.push(`Performance in the main cohort was estimated by ${c.evaluation.foldColumn ? `fixed-fold (column ${c.evaluation.foldColumn})` : `stratified ${c.evaluation.folds}-fold`} cross-validation${c.evaluation.repeats > 1 ? ` repeated ${c.evaluation.repeats} times` : ''}, refitting every data-driven step (imputation, harmonisation, scaling, filtering, selection, tuning, calibration and threshold) inside each training fold; out-of-fold predictions were pooled.`);
  } else {
    s.push(`Protocol 'paper': variable and feature selection and SVM hyperparameters were chosen once on the whole main cohort, then ${c.evaluation.folds}-fold cross-validation refitted only scaling, SVM, Platt scaling and threshold. This design is optimistic because the selection has seen the held-out folds.`);
  }
  if (ext.length) s.push('External validation applied the models fitted on the whole main cohort, unchanged, to the external cohort(s).');
  if (ext.length && c.radiomics.harmonise !== 'none' && (models.includes('radiomics') || models.includes('combined'))) {
    const how = c.radiomics.harmonise === 'centre-robust' ? 'median and interquartile range' : 'mean and standard deviation';
    s.push(`Before that, the radiomics features of each external centre were aligned to the training centre by per-centre location/scale standardisation (${how} of the centre's own feature values mapped onto those of the training data; ${c.data.batch ? `centres defined by ${c.data.batch}` : 'each external cohort one centre'}). This harmonisation uses no outcome, but it is transductive: it uses the external centre's unlabelled images as a whole. Training-centre cases were not transformed.`);
  }
  s.push(`Discrimination was measured by the AUC with DeLong ${Math.round(c.evaluation.ciLevel * 100)}% confidence intervals${c.evaluation.bootstrap ? ` (and a stratified bootstrap with ${c.evaluation.bootstrap} replicates)` : ''}; accuracy, sensitivity, specificity, PPV and NPV were computed at the training-fixed threshold.${models.length > 1 ? ' AUCs of the models were compared with the paired DeLong test.' : ''}${models.includes('clinical') ? ' A logistic regression on the retained clinical variables was evaluated the same way for comparison.' : ''} Calibration was assessed by calibration-in-the-large, calibration slope, Brier score and a decile calibration curve; clinical utility by decision-curve analysis. Analyses used sonomics (seed ${r.seed}).`);
  return s.join(' ');
}
