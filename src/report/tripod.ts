/**
 * A TRIPOD+AI checklist (Collins et al., BMJ 2024;385:e078378) filled from the study's facts:
 * each item says what this run reports and the report anchor where it is, or that the manuscript
 * must supply it (anchor: the list of items left to the authors).
 */
import type { StudyResult } from '../study/run.ts';
import { studyFacts } from './facts.ts';

export interface ChecklistItem {
  item: string;
  topic: string;
  status: 'reported' | 'partly' | 'authors' | 'n/a';
  where: string;
  /** Element id in report.html where the item is satisfied (or 'checklist-authors'). */
  anchor: string;
}

export const AUTHORS_ANCHOR = 'checklist-authors';

export function tripodChecklist(r: StudyResult): ChecklistItem[] {
  const f = studyFacts(r);
  const hasExt = f.externals.length > 0;
  const c = r.config;
  const harmonise = c.radiomics.combat ? 'ComBat across batches' : c.radiomics.harmonise !== 'none' && hasExt ? `centre harmonisation (${c.radiomics.harmonise})` : '';
  const imbalance = f.classWeighted
    ? 'SVM classes weighted inversely to their frequency; threshold by Youden index on training data'
    : 'no re-weighting or resampling; threshold by Youden index on training data';
  const authors = (item: string, topic: string, where: string): ChecklistItem => ({ item, topic, status: 'authors', where, anchor: AUTHORS_ANCHOR });
  return [
    authors('1', 'Title: identify the study as developing/validating a prediction model', 'manuscript title'),
    authors('3', 'Background and objectives', 'manuscript introduction'),
    { item: '5', topic: 'Data sources, study dates, setting', status: 'partly', where: `cohorts ${r.cohorts.map((x) => x.name).join(', ')}; dates and setting from the authors`, anchor: 'methods-cohorts' },
    authors('6', 'Participants: eligibility, treatments', 'manuscript methods'),
    { item: '7', topic: 'Data preparation (pre-processing, harmonisation)', status: 'reported', where: `image sources, regions, filters and discretisation${harmonise ? `; ${harmonise}` : ''}`, anchor: !f.radiomics ? 'methods-cohorts' : f.extraction ? 'methods-extraction' : 'methods-images' },
    { item: '8', topic: 'Outcome: definition and how assessed', status: 'partly', where: `outcome column ${c.data.outcome}; definition from the authors`, anchor: 'cohorts' },
    { item: '9', topic: 'Predictors: definition, measurement', status: 'reported', where: `Table 1; clinical variables${f.radiomics ? '; radiomics features (regions, images, classes)' : ''}`, anchor: f.radiomics ? 'methods-images' : 'table1' },
    { item: '10', topic: 'Sample size', status: 'partly', where: `n and events per cohort; ${f.epv.value.toFixed(1)} events per candidate variable (no formal calculation)`, anchor: 'cohorts' },
    { item: '11', topic: 'Missing data handling', status: 'reported', where: `missing data (${r.missing.policy})`, anchor: 'methods-cohorts' },
    { item: '12a', topic: 'Analytical methods: data use, predictor selection', status: 'reported', where: `clinical selection; ${f.radiomics ? `${f.selector} selection` : ''}`, anchor: f.radiomics ? 'methods-selection' : 'methods-clinical' },
    { item: '12b', topic: 'Model type, building, hyperparameter tuning, internal validation', status: 'reported', where: `SVM tuning; protocol ${r.protocol}`, anchor: 'methods-tuning' },
    { item: '12c', topic: 'Model output and calibration / recalibration', status: 'reported', where: 'Platt scaling; calibration curves and statistics', anchor: 'calibration' },
    { item: '12e', topic: 'Performance measures and comparison', status: 'reported', where: 'AUC with DeLong CI, threshold metrics, DeLong tests', anchor: 'methods-statistics' },
    hasExt
      ? { item: '12f', topic: 'Model updating for external validation', status: 'reported', where: `models applied unchanged${harmonise && !c.radiomics.combat ? ` after ${harmonise}` : ''}`, anchor: 'methods-validation' }
      : { item: '12f', topic: 'Model updating for external validation', status: 'n/a', where: 'no external cohort in this run', anchor: 'methods-validation' },
    { item: '13', topic: 'Class imbalance methods', status: 'reported', where: imbalance, anchor: 'methods-tuning' },
    authors('14', 'Fairness: subgroup performance', 'not computed by this run'),
    { item: '15', topic: 'Model output, thresholds and their derivation', status: 'reported', where: 'probabilities (Platt); threshold fixed on training data', anchor: 'selected-features' },
    hasExt
      ? { item: '16', topic: 'Differences between development and validation data', status: 'reported', where: 'Table 1 by cohort', anchor: 'table1' }
      : { item: '16', topic: 'Differences between development and validation data', status: 'n/a', where: 'no external cohort', anchor: 'table1' },
    { item: '18', topic: 'Open science: code and model availability', status: 'partly', where: `software ${f.software}; model bundle (bundle.json), results.json; repository from the authors`, anchor: 'methods-software' },
    { item: '20a', topic: 'Participant flow and numbers', status: 'reported', where: 'cohorts and missing data', anchor: 'cohorts' },
    { item: '20b', topic: 'Characteristics of development/validation data', status: 'reported', where: 'Table 1', anchor: 'table1' },
    { item: '22', topic: 'Full model specification', status: 'reported', where: 'selected features with coefficients; clinical tables; model bundle', anchor: 'selected-features' },
    { item: '23a', topic: 'Performance estimates with confidence intervals', status: 'reported', where: 'performance table; ROC with CI band', anchor: 'performance' },
    { item: '23b', topic: 'Heterogeneity across clusters / folds', status: 'reported', where: 'per-fold AUC spread', anchor: 'performance' },
    authors('24', 'Model updating results', 'not performed'),
    authors('25', 'Interpretation, limitations', `manuscript discussion (see the cautions)`),
  ];
}
