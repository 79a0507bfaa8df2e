/**
 * A TRIPOD+AI checklist (Collins et al., BMJ 2024;385:e078378) of what this run documents:
 * each item says where it is in the report, or that the authors must supply it.
 */
import type { StudyResult } from '../study/run.ts';

export interface ChecklistItem { item: string; topic: string; status: 'reported' | 'partly' | 'authors'; where: string }

export function tripodChecklist(r: StudyResult): ChecklistItem[] {
  const hasExt = r.cohorts.some((c) => c.role === 'external');
  const rad = Boolean(r.models.radiomics || r.models.combined);
  return [
    { item: '1', topic: 'Title: identify the study as developing/validating a prediction model', status: 'authors', where: 'manuscript title' },
    { item: '3', topic: 'Background and objectives', status: 'authors', where: 'manuscript introduction' },
    { item: '5', topic: 'Data sources, study dates, setting', status: 'partly', where: `Cohorts: ${r.cohorts.map((c) => c.name).join(', ')}; dates/setting from the authors` },
    { item: '6', topic: 'Participants: eligibility, treatments', status: 'authors', where: 'manuscript methods' },
    { item: '7', topic: 'Data preparation (pre-processing, harmonisation)', status: 'reported', where: 'Methods; Selected features' + (r.config.radiomics.combat ? ' (ComBat)' : r.config.radiomics.harmonise !== 'none' ? ` (centre harmonisation, ${r.config.radiomics.harmonise})` : '') },
    { item: '8', topic: 'Outcome: definition and how assessed', status: 'partly', where: `outcome column ${r.config.data.outcome}; definition from the authors` },
    { item: '9', topic: 'Predictors: definition, measurement', status: 'reported', where: `Table 1; clinical variables${rad ? '; radiomics features' : ''}` },
    { item: '10', topic: 'Sample size', status: 'reported', where: 'Cohorts table (n, events)' },
    { item: '11', topic: 'Missing data handling', status: 'reported', where: `Missing data (${r.missing.policy})` },
    { item: '12a', topic: 'Analytical methods: data use, predictor selection', status: 'reported', where: 'Methods; Clinical regression; LASSO' },
    { item: '12b', topic: 'Model type, building, hyperparameter tuning, internal validation', status: 'reported', where: `Methods (protocol ${r.protocol})` },
    { item: '12c', topic: 'Model output and calibration / recalibration', status: 'reported', where: 'Methods (Platt scaling); Calibration' },
    { item: '12e', topic: 'Performance measures and comparison', status: 'reported', where: 'Performance; Model comparisons' },
    { item: '12f', topic: 'Model updating for external validation', status: hasExt ? 'reported' : 'partly', where: hasExt ? 'models applied unchanged to external cohorts' : 'no external cohort in this run' },
    { item: '13', topic: 'Class imbalance methods', status: 'reported', where: 'none applied (threshold by Youden on training data)' },
    { item: '14', topic: 'Fairness: subgroup performance', status: 'authors', where: 'not computed by this run' },
    { item: '15', topic: 'Model output, thresholds and their derivation', status: 'reported', where: 'Performance (threshold); Methods' },
    { item: '16', topic: 'Differences between development and validation data', status: hasExt ? 'reported' : 'partly', where: 'Table 1 by cohort' },
    { item: '18', topic: 'Open science: code and model availability', status: 'partly', where: 'model bundle (bundle.json), results.json; repository from the authors' },
    { item: '20a', topic: 'Participant flow and numbers', status: 'reported', where: 'Cohorts and missing data' },
    { item: '20b', topic: 'Characteristics of development/validation data', status: 'reported', where: 'Table 1' },
    { item: '22', topic: 'Full model specification', status: 'reported', where: 'Selected features; clinical tables; model bundle' },
    { item: '23a', topic: 'Performance estimates with confidence intervals', status: 'reported', where: 'Performance; ROC' },
    { item: '23b', topic: 'Heterogeneity across clusters / folds', status: 'reported', where: 'Performance (per-fold AUC spread)' },
    { item: '24', topic: 'Model updating results', status: 'authors', where: 'not performed' },
    { item: '25', topic: 'Interpretation, limitations', status: 'authors', where: 'manuscript discussion' },
  ];
}
