/**
 * The CLEAR checklist (CheckList for EvaluAtion of Radiomics research; Kocak et al., Insights
 * Imaging 2023;14:75), all 58 items in its numbering, filled from the study's facts. Items only
 * the manuscript can give point to the list of items left to the authors.
 */
import type { StudyResult } from '../study/run.ts';
import { studyFacts } from './facts.ts';
import { AUTHORS_ANCHOR, type ChecklistItem } from './tripod.ts';

export function clearChecklist(r: StudyResult): ChecklistItem[] {
  const f = studyFacts(r);
  const c = r.config;
  const st = f.extraction?.settings;
  const ext = f.externals.length > 0;
  const A = (item: number, topic: string, where = 'manuscript'): ChecklistItem => ({ item: String(item), topic, status: 'authors', where, anchor: AUTHORS_ANCHOR });
  const R = (item: number, topic: string, where: string, anchor: string, status: ChecklistItem['status'] = 'reported'): ChecklistItem => ({ item: String(item), topic, status, where, anchor });
  const rad = (item: number, topic: string, where: string, anchor: string): ChecklistItem =>
    !f.radiomics ? R(item, topic, 'no radiomics model in this study', 'methods', 'n/a')
      : st ? R(item, topic, where, anchor) : R(item, topic, 'no extraction run record: from the authors', 'methods-images', 'partly');
  return [
    A(1, 'Relevant title, specifying the radiomic methodology', 'manuscript title'),
    A(2, 'Structured summary (abstract)', 'manuscript abstract'),
    A(3, 'Relevant keywords for radiomics', 'manuscript keywords'),
    A(4, 'Scientific or clinical background'),
    A(5, 'Rationale for using a radiomic approach'),
    A(6, 'Study objective(s)'),
    R(7, 'Adherence to guidelines or checklists', 'TRIPOD+AI, CLEAR and IBSI items filled from this run', 'tripod'),
    A(8, 'Ethical details (approval, consent, data protection)'),
    R(9, 'Sample size calculation', `no formal calculation; n, events and ${f.epv.value.toFixed(1)} events per candidate variable reported`, 'cautions', 'partly'),
    A(10, 'Study nature (retrospective, prospective)'),
    A(11, 'Eligibility criteria'),
    R(12, 'Flowchart for technical pipeline', 'the methods follow the pipeline step by step; a drawn flowchart from the authors', 'methods', 'partly'),
    R(13, 'Data source', `cohorts ${r.cohorts.map((x) => x.name).join(', ')}; private/public status from the authors`, 'methods-cohorts', 'partly'),
    A(14, 'Data overlap with previous studies'),
    R(15, 'Data split methodology', `${c.evaluation.folds}-fold CV${c.evaluation.repeats > 1 ? ` × ${c.evaluation.repeats}` : ''} on the main cohort${ext ? '; external cohort held out' : ''}`, 'methods-validation'),
    rad(16, 'Imaging protocol (acquisition and processing)', 'image formats, calibration source and spacing as read; scanner settings from the authors', 'methods-images'),
    R(17, 'Definition of non-radiomic predictor variables', 'clinical variables (derived thresholds named)', 'methods-clinical'),
    R(18, 'Definition of the reference standard (outcome)', `outcome column ${c.data.outcome}; clinical definition from the authors`, 'cohorts', 'partly'),
    rad(19, 'Segmentation strategy', `regions ${st ? `tumour${st.regions.rings?.length ? `, ${st.regions.rings.join('/')} mm ring` : ''}${st.regions.parenchyma !== false ? ', parenchyma' : ''}` : ''}; 2D/3D ${st?.features.dimension ?? ''}; who drew the masks from the authors`, 'methods-images'),
    A(20, 'Details of operators performing segmentation'),
    rad(21, 'Image pre-processing details', 'resampling, rounding, re-segmentation as run', 'methods-extraction'),
    rad(22, 'Resampling method and its parameters', st?.features.resampling ? 'resampling spacing and interpolation' : 'no resampling (stated)', 'methods-extraction'),
    rad(23, 'Discretization method and its parameters', st ? 'FBN/FBS and value, original and filtered images' : '', 'methods-extraction'),
    rad(24, 'Image types (original, filtered, transformed)', st ? st.images.map((i) => i.type).join(', ') : '', 'methods-extraction'),
    rad(25, 'Feature extraction method (software and version)', `sonomics ${f.extraction?.sonomics ?? ''}, IBSI compliance stated`, 'methods-ibsi'),
    rad(26, 'Feature classes', 'feature classes as run', 'methods-extraction'),
    R(27, 'Number of features', f.funnel.map((x) => `${x.count} ${x.step}`).join(' → ') || 'no radiomics', f.radiomics ? 'selection-funnel' : 'methods', f.radiomics ? 'reported' : 'n/a'),
    rad(28, 'Default configuration statement for remaining parameters', 'every option printed with its value, defaults marked', 'methods-extraction'),
    R(29, 'Handling of missing data', r.missing.policy, 'methods-cohorts'),
    R(30, 'Details of class imbalance', f.classWeighted ? 'SVM class weights inversely proportional to frequency' : 'no re-weighting or resampling', 'methods-tuning'),
    r.features.icc
      ? R(31, 'Details of segmentation reliability analysis', `${r.features.icc.type} ≥ ${r.features.icc.threshold}`, 'methods-selection')
      : A(31, 'Details of segmentation reliability analysis', 'not performed in this run'),
    R(32, 'Feature scaling details', 'z-scoring fitted on each training fold', f.radiomics ? 'methods-selection' : 'methods-tuning', f.radiomics ? 'reported' : 'n/a'),
    R(33, 'Dimension reduction details', f.radiomics ? `redundancy filter, ${f.selectorWithAlpha}` : 'no radiomics', f.radiomics ? 'methods-selection' : 'methods', f.radiomics ? 'reported' : 'n/a'),
    R(34, 'Algorithm details', 'SVM heads, logistic scores, kernels', 'methods-tuning'),
    R(35, 'Training and tuning details', `grid C ∈ {${c.svm.Cs.join(', ')}}, γ ∈ {${c.svm.gammas.join(', ')}}, ${c.innerFolds}-fold inner CV`, 'methods-tuning'),
    A(36, 'Handling of confounders', 'not modelled by this run'),
    R(37, 'Model selection strategy', `pre-specified models (${f.models.join(', ')}); inner-CV AUC for hyperparameters`, 'methods-tuning'),
    R(38, 'Testing technique (internal, external)', `${r.protocol} cross-validation${ext ? ' and external validation' : ''}`, 'methods-validation'),
    R(39, 'Performance metrics and rationale', 'AUC, threshold metrics, calibration, net benefit', 'methods-statistics'),
    R(40, 'Uncertainty evaluation and measures', 'DeLong CIs; ROC and calibration bands', 'performance'),
    R(41, 'Statistical performance comparison', f.models.length > 1 ? 'paired DeLong tests' : 'one model only', 'comparisons', f.models.length > 1 ? 'reported' : 'n/a'),
    R(42, 'Comparison with non-radiomic and combined methods', `models: ${f.models.join(', ')}`, 'comparisons', f.models.length > 1 ? 'reported' : 'n/a'),
    R(43, 'Interpretability and explainability methods', 'coefficients of the selected features and clinical terms; per-case contributions in the bundle', 'selected-features', 'partly'),
    R(44, 'Baseline demographic and clinical characteristics', 'Table 1 by cohort and by outcome', 'table1'),
    R(45, 'Flowchart for eligibility criteria', 'case counts and exclusions; a drawn flowchart from the authors', 'cohorts', 'partly'),
    R(46, 'Feature statistics (reproducibility, selection)', 'feature funnel, selection frequency across folds', f.radiomics ? 'selected-features' : 'methods', f.radiomics ? 'reported' : 'n/a'),
    R(47, 'Model performance evaluation', 'performance table and curves', 'performance'),
    R(48, 'Comparison with non-radiomic and combined approaches', 'DeLong tests between models', 'comparisons', f.models.length > 1 ? 'reported' : 'n/a'),
    A(49, 'Overview of important findings'),
    A(50, 'Previous works with differences from the current study'),
    A(51, 'Practical implications'),
    R(52, 'Strengths and limitations', 'cautions raised by this run; discussion from the authors', 'cautions', 'partly'),
    A(53, 'Sharing images along with segmentation data (not essential)'),
    A(54, 'Sharing radiomic feature data', 'features.csv can be shared by the authors'),
    rad(55, 'Sharing pre-processing scripts or settings', 'extraction settings and hash in the methods; extraction.yaml / run.json to share', 'methods-extraction'),
    A(56, 'Sharing source code for modelling', 'sonomics is open source; the study config from the authors'),
    R(57, 'Sharing final model files', 'bundle.json written with this report', 'selected-features', 'partly'),
    A(58, 'Sharing a ready-to-use system (not essential)', '`sonomics serve` calculator, if the authors publish it'),
  ];
}
