/**
 * The methods, generated from what the study actually did: the extraction's run record (images,
 * regions, filters, discretisation, software), the fitted selections and the evaluation design.
 * Each paragraph has an anchor (methods-…) that the checklists point to.
 */
import type { StudyResult } from '../study/run.ts';
import type { StudyConfig } from '../study/config.ts';
import { describeDiscretisation, describeFilter, describeRegions, familiesOf, familyName, featureOptions, filterTitle, isIbsi2Filter } from './extraction-text.ts';
import { studyFacts, type StudyFacts } from './facts.ts';
import { IBSI_VERIFICATION } from './ibsi-verification.ts';

export interface MethodsParagraph { id: string; heading: string; text: string }

export interface MethodsOptions {
  /** Versions of the software that ran the study (sonomics, node), as the bundle records them. */
  software?: Record<string, string>;
}

/** The methods as one text (every paragraph, in order). */
export function methodsText(r: StudyResult, o: MethodsOptions = {}): string {
  return methodsParagraphs(r, o).map((p) => p.text).join(' ');
}

export function methodsParagraphs(r: StudyResult, o: MethodsOptions = {}): MethodsParagraph[] {
  const facts = studyFacts(r);
  const out: MethodsParagraph[] = [];
  const c = r.config;
  const main = r.cohorts.find((x) => x.role === 'main')!;
  const ext = r.cohorts.filter((x) => x.role === 'external');
  const models = Object.keys(r.models);
  let s: string[] = [];
  const para = (id: string, heading: string) => { if (s.length) out.push({ id: `methods-${id}`, heading, text: s.join(' ') }); s = []; };
  s.push(`The main cohort (${main.name}; n = ${main.n}, ${main.events} events) was used for model development${ext.length ? ` and ${ext.map((e) => `${e.name} (n = ${e.n}, ${e.events} events)`).join(', ')} for external validation` : ''}.`);
  const miss = r.missing.cohorts.reduce((a, m) => a + m.incomplete, 0);
  const missY = r.missing.cohorts.reduce((a, m) => a + m.missingOutcome, 0);
  s.push(`Cases without an outcome were excluded (${missY}). ${r.missing.policy === 'complete-case' ? `Complete-case analysis was used (${miss} cases with missing predictor values excluded).` : `Missing predictor values (${miss} cases affected) were imputed with the training median (continuous) or mode (categorical), fitted inside each training fold.`}`);
  para('cohorts', 'Cohorts and missing data');
  imagingParagraphs(facts, (x) => s.push(x), para);
  if (models.includes('clinical') || models.includes('combined')) {
    const predictors = r.variables.filter((v) => !v.describeOnly).map((v) => (v.derive ? `${v.name} [${v.derive.text}]` : v.name)).join(', ');
    const clinicalHead = c.clinical.head === 'svm' ? `SVM, ${c.clinical.kernel} kernel` : `${c.clinical.head} regression head: its fitted probabilities are the risks, threshold by the Youden index of its training predictions`;
    const scoreNote = c.clinical.head === 'svm' && c.clinical.input === 'score' && models.includes('clinical') ? '; that SVM read one input, the clinical score: the linear predictor of the multivariable logistic regression on the retained variables, fitted on the same training data' : '';
    if (c.clinical.alpha >= 1 && c.clinical.entryAlpha >= 1) s.push(`The clinical model used the pre-specified predictors (${predictors}) without data-driven selection (${clinicalHead})${scoreNote}.`);
    else s.push(`Candidate clinical predictors (${predictors}) were tested by univariable logistic regression; those with p < ${c.clinical.entryAlpha} entered a multivariable logistic model, and variables with p < ${c.clinical.alpha} in it were retained for the clinical model (${clinicalHead})${scoreNote}.`);
  }
  para('clinical', 'Clinical model');
  const selector = c.radiomics.alpha === 1 ? 'LASSO' : 'elastic-net';
  const rad = r.selection.radiomics;
  const radFolds = rad ? Object.entries(r.selection.frequency).filter(([k]) => r.features.candidates.includes(k)).reduce((a, [, n]) => a + n, 0) : 0;
  if (models.includes('radiomics') || models.includes('combined')) {
    const steps = [
      ...(r.features.icc ? [`features with ${r.features.icc.type} < ${r.features.icc.threshold} on repeat measurements were excluded (${r.features.icc.dropped.length} of ${r.features.icc.dropped.length + r.features.icc.kept.length})`] : []),
      ...(c.radiomics.combat ? ['features were harmonised across batches with ComBat (parametric empirical Bayes)'] : []),
      'features were z-scored',
      `of each pair with |Spearman ρ| > ${c.radiomics.redundancy} the feature less related to the outcome (|AUC − 0.5|) was removed${rad ? ` (${rad.redundancy.kept.length} kept on the whole main cohort)` : ''}`,
      `${c.radiomics.alpha === 1 ? 'LASSO' : `elastic-net (α = ${c.radiomics.alpha})`} logistic regression with ${c.innerFolds}-fold inner cross-validation (binomial deviance) selected features at λ.${c.radiomics.lambdaRule}${rad ? ` (${rad.selected.length} on the whole main cohort; ${(radFolds / Math.max(1, r.selection.folds)).toFixed(1)} on average in the outer training folds)` : ''}`,
    ];
    s.push(`Of ${r.features.candidates.length} radiomics features, ${steps.join('; ')}. ${c.radiomics.input === 'score' ? `The radiomics score (${selector} linear predictor on the selected features) fed` : 'The selected features fed'} a support vector machine (${c.radiomics.kernel === 'linear' ? 'linear' : 'RBF'} kernel).`);
    const combinedParts = `the retained clinical variables plus ${c.combined.radiomics === 'score' ? `the radiomics score (${selector} linear predictor)` : 'the selected radiomics features'}`;
    s.push(c.combined.input === 'score'
      ? `The combined (cRadiomics) model's SVM (${c.combined.kernel === 'linear' ? 'linear' : 'RBF'} kernel) read one input, the combined score: the linear predictor of a logistic regression on ${combinedParts}, fitted on the same training data${c.combined.radiomics === 'score' && r.protocol === 'no-leakage' ? ' (with each training case\'s pre-validated radiomics score, from the inner cross-validation fit that did not see it)' : ''}.`
      : `The combined (cRadiomics) model used ${combinedParts} (SVM, ${c.combined.kernel === 'linear' ? 'linear' : 'RBF'} kernel).`);
  }
  para('selection', 'Radiomics feature selection and models');
  s.push(`For every SVM, C (and γ for the RBF kernel) were tuned by ${c.innerFolds}-fold inner stratified cross-validation on AUC (grid C ∈ {${c.svm.Cs.join(', ')}}, γ ∈ {${c.svm.gammas.join(', ')}}); ${c.svm.classWeights === 'balanced' ? 'classes were weighted inversely to their frequency; ' : ''}probabilities came from Platt scaling fitted on inner out-of-fold decision values, and the classification threshold was fixed on the training data by the Youden index of those inner out-of-fold probabilities.`);
  para('tuning', 'Model fitting and tuning');
  if (c.data.unit === 'patient') s.push(patientUnitSentence(c, r.unit?.size));
  if (r.protocol === 'no-leakage') {
    s.push(`Performance in the main cohort was estimated by ${c.evaluation.foldColumn ? `fixed-fold (column ${c.evaluation.foldColumn})` : `stratified ${c.evaluation.folds}-fold`} cross-validation${c.evaluation.repeats > 1 ? ` repeated ${c.evaluation.repeats} times` : ''}, refitting every data-driven step (imputation, harmonisation, scaling, filtering, selection, tuning, calibration and threshold) inside each training fold; out-of-fold predictions were pooled.${c.data.group && c.data.unit !== 'patient' ? ` Cases of one patient (column ${c.data.group}) were kept in the same fold of the outer and every inner cross-validation (stratified group k-fold), and AUC confidence intervals and paired tests were clustered by patient (Obuchowski 1997).` : ''}`);
  } else {
    s.push(`Protocol 'paper': variable and feature selection and SVM hyperparameters were chosen once on the whole main cohort, then ${c.evaluation.folds}-fold cross-validation refitted only scaling, SVM, Platt scaling and threshold. This design is optimistic because the selection has seen the held-out folds.`);
  }
  if (ext.length) s.push('External validation applied the models fitted on the whole main cohort, unchanged, to the external cohort(s).');
  if (ext.length && c.radiomics.harmonise !== 'none' && (models.includes('radiomics') || models.includes('combined'))) {
    const how = c.radiomics.harmonise === 'centre-robust' ? 'median and interquartile range' : 'mean and standard deviation';
    s.push(`Before that, the radiomics features of each external centre were aligned to the training centre by per-centre location/scale standardisation (${how} of the centre's own feature values mapped onto those of the training data; ${c.data.batch ? `centres defined by ${c.data.batch}` : 'each external cohort one centre'}). This harmonisation uses no outcome, but it is transductive: it uses the external centre's unlabelled images as a whole. Training-centre cases were not transformed.`);
  }
  para('validation', 'Validation design');
  s.push(`Discrimination was measured by the AUC with DeLong ${Math.round(c.evaluation.ciLevel * 100)}% confidence intervals${c.evaluation.bootstrap ? ` (and a stratified bootstrap with ${c.evaluation.bootstrap} replicates)` : ''}; accuracy, sensitivity, specificity, PPV and NPV were computed at the training-fixed threshold.${models.length > 1 ? ' AUCs of the models were compared with the paired DeLong test.' : ''}${models.includes('clinical') && c.clinical.head === 'svm' ? ' A logistic regression on the retained clinical variables was evaluated the same way for comparison.' : ''} Calibration was assessed by calibration-in-the-large, calibration slope, Brier score and a flexible calibration curve (logistic regression of the outcome on a restricted cubic spline of the logit of the predicted risk, 4 knots, with a 95% pointwise band), with observed proportions in quantile groups of predicted risk (3–10 groups of about 20 or more cases, Wilson 95% CIs); clinical utility by decision-curve analysis (net benefit against treat-all and treat-none).`);
  para('statistics', 'Statistical analysis');
  const version = o.software?.sonomics ?? facts.software;
  s.push(`Analyses used sonomics ${version}${o.software?.node ? ` on Node.js ${o.software.node}` : ''} (seed ${r.seed}; every step seeded, the same inputs and seed give byte-identical outputs)${facts.extraction ? `; the features came from extraction run ${facts.extraction.settingsHash.slice(0, 12)} (settings hash) made with sonomics ${facts.extraction.sonomics}` : ''}.`);
  para('software', 'Software');
  return out;
}

/** Image sources and calibration, regions, images and filters, feature settings, IBSI compliance. */
function imagingParagraphs(f: StudyFacts, say: (sentence: string) => void, para: (id: string, heading: string) => void): void {
  const s = { push: say };
  if (!f.radiomics) return;
  const run = f.extraction;
  if (!run) {
    s.push('The radiomics features were read from feature tables without an extraction run record (no run.json beside them), so the image sources, regions and extraction settings are not documented by this run; report them from the extraction that produced the tables.');
    para('images', 'Images and regions');
    return;
  }
  const st = run.settings;
  const im = run.images;
  if (im) {
    const formats = Object.entries(im.formats).map(([k, n]) => `${k.toUpperCase()} (${n})`).join(', ');
    const sources = Object.entries(im.spacingSources).map(([k, n]) => `${SPACING_SOURCE[k] ?? k} (${n})`).join(', ');
    const unit = im.units.pixel ? `; ${im.units.pixel} image${im.units.pixel > 1 ? 's had' : ' had'} no physical calibration, so their distances are in pixels` : '';
    const sp = im.spacing.map((a) => (a.min === a.max ? fmt(a.min) : `${fmt(a.min)}–${fmt(a.max)} (median ${fmt(a.median)})`)).join(' × ');
    const size = im.size.map((a) => (a.min === a.max ? String(a.min) : `${a.min}–${a.max}`)).join(' × ');
    s.push(`Features were extracted from ${run.finished} of ${run.cases} cases (${run.failed.length} failed${run.failed.length ? `: ${run.failed.slice(0, 5).map((x) => `${x.caseId} ${x.code}`).join(', ')}${run.failed.length > 5 ? ', …' : ''}` : ''}). Images were read as ${formats}; pixel spacing came from ${sources}${unit}: ${sp} ${im.units.pixel && !im.units.mm ? 'pixels' : 'mm'} per pixel, images ${size} pixels.`);
    if (run.warnedCases) s.push(`${run.warnedCases} case${run.warnedCases > 1 ? 's' : ''} had reader or mask warnings (${run.warningKinds.join('; ')}).`);
  } else {
    s.push(`Features were extracted from ${run.finished} of ${run.cases} cases (${run.failed.length} failed); the run record does not list the image sources (it predates that record; re-run the extraction to add it).`);
  }
  const regionSizes = im ? Object.entries(im.regionPixels).map(([k, v]) => `${k} median ${v.median} (${v.min}–${v.max})`).join(', ') : '';
  s.push(`Regions: ${describeRegions(st).join('; ')}; regions smaller than ${st.regions.minPixels} pixels were rejected${regionSizes ? `. Region sizes in pixels: ${regionSizes}` : ''}.`);
  para('images', 'Images and regions');
  s.push(`Features were computed on ${st.images.length} image${st.images.length > 1 ? 's' : ''}: ${st.images.map(describeFilter).join('; ')}.`);
  s.push(`Feature settings: ${featureOptions(st).join('; ')}. Feature classes: ${familiesOf(st).map(familyName).join(', ')}.`);
  para('extraction', 'Preprocessing, filters and feature extraction');
  const v = IBSI_VERIFICATION;
  const nonIbsi = st.images.filter((i) => !isIbsi2Filter(i));
  s.push(`Feature definitions follow the IBSI reference manual (Zwanenburg et al., Radiology 2020;295:328); this sonomics version reproduces ${v.ibsi1.matched} of ${v.ibsi1.total} IBSI 1 reference values (${v.ibsi1.sets}) and, for filters, ${v.ibsi2.phase1} IBSI 2 phase-1 response maps and ${v.ibsi2.phase2} phase-2 2D feature values (${v.ibsi2.checked}).${nonIbsi.length ? ` ${nonIbsi.map(filterTitle).join(', ')} ${nonIbsi.length > 1 ? 'are' : 'is'} not an IBSI 2 filter: features of ${nonIbsi.length > 1 ? 'those images' : 'that image'} are not covered by the IBSI references.` : ' Every filter that ran is an IBSI 2 filter.'} Discretisation used ${describeDiscretisation(st.features.discretisation)}; the settings hash ${run.settingsHash.slice(0, 12)} identifies the feature table.`);
  para('ibsi', 'IBSI compliance');
}

const SPACING_SOURCE: Record<string, string> = {
  SequenceOfUltrasoundRegions: 'the DICOM ultrasound region calibration (Sequence of Ultrasound Regions, physical delta X/Y)',
  PixelSpacing: 'DICOM Pixel Spacing', ImagerPixelSpacing: 'DICOM Imager Pixel Spacing', none: 'no calibration (pixel units)',
  user: 'a user-given spacing', synthetic: 'the synthetic generator',
};

function fmt(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** data.unit: patient — what was predicted and counted, and how a patient's lesions were combined (issue #14). */
function patientUnitSentence(c: StudyConfig, size?: string): string {
  const rule = c.data.combine === 'largest'
    ? `each patient was represented by the features of their largest lesion (by ${size ?? c.data.size ?? 'the tumour area or volume from the mask'}), one row per patient`
    : `the models were fitted on lesions, and a patient's risk was the ${c.data.combine === 'mean-risk' ? 'mean' : 'maximum'} of their lesions' predicted risks, recalibrated at patient level by a logistic (Platt) model on its logit with a patient-level Youden threshold, both fitted on inner out-of-fold risks of the training patients`;
  return `The unit of analysis was the patient (column ${c.data.group}): ${rule}. The outcome and clinical variables were one value per patient, outer and inner cross-validation folds were formed by patient, and every performance figure counts patients.`;
}
