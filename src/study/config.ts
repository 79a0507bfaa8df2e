/**
 * The study configuration (YAML/JSON object → validated, defaults filled in).
 * Every problem is reported with its path in the config and what to write instead.
 */
import { SonomicsError } from '../core/errors.ts';
import { checkSchema, s, type ObjectNode } from '../core/schema.ts';
import { EXTRACTION_SETTINGS_SCHEMA } from '../extract/settings.ts';
import { isPyRadiomicsParams } from '../extract/pyradiomics-params.ts';
import { resolveExtractionSettings } from '../extract/settings.ts';
import { HARMONISE_METHODS, type HarmoniseMethod } from './harmonise.ts';

export type ModelName = 'clinical' | 'radiomics' | 'combined';

/**
 * unit: patient — how a patient's lesions combine: the largest lesion's features (one row per
 * patient), or the mean / maximum of the lesion-level model's risks (docs/study.md).
 */
export const PATIENT_COMBINE_RULES = ['largest', 'mean-risk', 'max-risk'] as const;
export type PatientCombineRule = (typeof PATIENT_COMBINE_RULES)[number];
export const MODEL_NAMES: ModelName[] = ['clinical', 'radiomics', 'combined'];

export interface VariableConfig {
  /** Name of the variable in tables and reports. */
  name: string;
  type: 'binary' | 'continuous' | 'categorical';
  /** Source column (default: name). */
  column?: string;
  /** Derived binary variable, e.g. "ca199 > 200" (column op number). */
  derive?: string;
  /** Categorical: reference level (default: the first level in sorted order). */
  reference?: string;
  /** Table 1 summary of a continuous variable (default median). */
  summary?: 'mean' | 'median';
  /**
   * 'predictor' (default): a candidate of the clinical model. 'describe': shown in Table 1 only;
   * never a model input, and its missing values exclude no case.
   */
  role?: 'predictor' | 'describe';
}

export interface CohortConfig {
  name: string;
  role: 'main' | 'external';
  /** Tables joined by the id column (columns side by side). */
  tables: string[];
  /** Image manifest: the file layer extracts features first (settings: `extraction`) and adds the table. */
  manifest?: string;
  /** Keep only the cases whose column value is (or is not) listed: one table split into cohorts, e.g. by device. */
  where?: { column: string; in?: string[]; notIn?: string[] };
}

/**
 * A time-to-event outcome (docs/survival.md): follow-up time and event columns; the event column's
 * eventValue is the event of interest, competingValue (optional) the competing event, any other
 * value censored. Probabilities, AUC, Brier, calibration and the binary metrics are read at `horizon`.
 */
export interface SurvivalOutcomeConfig {
  time: string;
  event: string;
  eventValue: number;
  competingValue?: number;
  /**
   * Column recording the competing event apart from the event column (e.g. vital status): a case
   * without the event whose competingColumn = competingValue had the competing event. Absent = the event column.
   */
  competingColumn?: string;
  horizon: number;
  /** Times of the AUC(t)/Brier(t) table; always includes the horizon. */
  times: number[];
}

/** Options of the survival models (only with `outcome`). */
export interface SurvivalConfig {
  /** Cox tie handling: Efron (R's coxph default) or Breslow. */
  ties: 'efron' | 'breslow';
  /** Also fit a Fine–Gray subdistribution model on the clinical model's retained variables (needs outcome.competingValue). */
  fineGray: boolean;
}

export interface StudyConfig {
  title: string;
  seed: number;
  /** Time-to-event outcome; absent = the binary outcome data.outcome. */
  outcome?: SurvivalOutcomeConfig;
  /** Survival-model options; present exactly when `outcome` is. */
  survival?: SurvivalConfig;
  data: {
    id: string;
    /** The binary outcome column ('' in a time-to-event study, whose outcome is `outcome`). */
    outcome: string;
    /** Explicit cohorts (one or more tables each) ... */
    cohorts: CohortConfig[];
    /** Text codes meaning "missing" (besides empty cells, NA, NaN). */
    missingCodes: string[];
    missing: 'complete-case' | 'impute';
    /** Optional batch column for ComBat (e.g. centre or device). */
    batch?: string;
    /** Patient column: cases (lesions, images) of one patient stay in one fold, outer and inner. */
    group?: string;
    /**
     * What a model predicts and every figure counts: each case (lesion, image) as given, or each
     * patient (data.group), whose lesions combine by `combine` (patient-unit.ts).
     */
    unit: 'lesion' | 'patient';
    /** unit: patient — how a patient's lesions combine (PATIENT_COMBINE_RULES). */
    combine?: PatientCombineRule;
    /** combine: largest — the column giving each lesion's size (default: the tumour's pixel/voxel-counting area/volume from extract). */
    size?: string;
  };
  /** alpha: multivariable retention; entryAlpha: univariable entry (default alpha). */
  clinical: {
    variables: VariableConfig[]; alpha: number; entryAlpha: number; kernel: 'rbf' | 'linear';
    /** The model's head (heads/registry.ts); default 'logistic' (docs/study.md, "The clinical model's head"). */
    head: string;
    /** What the clinical SVM reads: the retained design columns, or their logistic linear predictor alone (logit-score.ts). */
    input: 'variables' | 'score';
  };
  radiomics: {
    /** Glob patterns (* and ?) on feature column names; default: every column not used elsewhere. */
    include: string[];
    exclude: string[];
    /** Feature-name groups {region}_{image}_{family}_{feature}; empty = all. */
    regions: string[];
    images: string[];
    families: string[];
    combat: boolean;
    /** Label-free alignment of centres not in the training data to the training centre (harmonise.ts). */
    harmonise: HarmoniseMethod;
    icc?: { table: string; threshold: number; type: 'ICC1' | 'ICC2' | 'ICC3'; subject: string; reader: string };
    redundancy: number;
    lambdaRule: '1se' | 'min';
    /** Elastic-net mixing of the selection step (glmnet's alpha): 1 = LASSO, < 1 adds a ridge part. */
    alpha: number;
    /** SVM kernel of the radiomics model. */
    kernel: 'rbf' | 'linear';
    /** The model's head (heads/registry.ts); default 'svm'. */
    head: string;
    /** What the radiomics model's SVM reads: the selected features, or the radiomics score alone. */
    input: 'features' | 'score';
    /** Candidates allowed to separate the training outcome almost perfectly (else a possible-leakage error). */
    acknowledgeSeparation: string[];
  };
  combined: {
    radiomics: 'features' | 'score'; kernel: 'rbf' | 'linear';
    /** The model's head (heads/registry.ts); default 'svm'. */
    head: string;
    /** What the combined SVM reads: its columns, or the linear predictor of a logistic regression on them (logit-score.ts). */
    input: 'features' | 'score';
  };
  svm: { Cs: number[]; gammas: number[]; classWeights: 'balanced' | 'none' };
  innerFolds: number;
  evaluation: {
    folds: number;
    repeats: number;
    /** Column (in the main cohort) holding fixed fold ids 1..k; overrides folds/repeats. */
    foldColumn?: string;
    protocol: 'no-leakage' | 'paper';
    bootstrap: number;
    ciLevel: number;
  };
  models: ModelName[];
  /** Feature-extraction settings (resolved and hashed in the model bundle). */
  extraction?: unknown;
  /**
   * The model bundle. includeTrainingData: also put models whose parameters are training rows (RBF
   * SVM support vectors) into the shareable bundle.json (default false: they go to bundle.private.json).
   */
  bundle: { includeTrainingData: boolean };
}

/**
 * Documented limits of numeric settings (docs/study.md): beyond them a study would run for hours or
 * days without a better answer (issue #20: repeats 100000 and bootstrap 1e9 ran until killed).
 */
export const LIMITS = { svmC: 1e6, svmGamma: 1e4, folds: 100, repeats: 100, bootstrap: 100_000 } as const;

const DEFAULT_CS = [0.1, 1, 10, 100];
const DEFAULT_GAMMAS = [0.001, 0.01, 0.1, 1];

const f = s.field;
const unit = { gt: 0, max: 1 } as const;
const kernel = s.oneOf(['rbf', 'linear']);

const VARIABLE_SCHEMA = s.obj({
  name: f(s.str(), 'name of the variable in tables and reports', { required: true }),
  type: f(s.oneOf(['binary', 'continuous', 'categorical']), 'variable type (a derived variable is binary)', { docDefault: '`continuous`' }),
  column: f(s.str(), 'source column', { docDefault: '= name' }),
  derive: f(s.str(), "derived binary variable, e.g. 'ca199 > 200' (column op number)"),
  reference: f(s.str(true), 'categorical: reference level', { docDefault: 'first level in sorted order' }),
  summary: f(s.oneOf(['mean', 'median']), 'Table 1 summary of a continuous variable', { default: 'median' }),
  role: f(s.oneOf(['predictor', 'describe']), "'predictor': a candidate of the clinical model; 'describe': Table 1 only", { default: 'predictor' }),
});

const COHORT_SCHEMA = s.obj({
  name: f(s.str(true), 'cohort name in reports', { docDefault: '`main`, `external1`, ...' }),
  role: f(s.oneOf(['main', 'external']), 'exactly one cohort is main (cross-validated); the others are external', { docDefault: 'main for the first' }),
  tables: f(s.list(s.str(), { single: true }), 'tables (CSV/XLSX) joined side by side by the id column', { aliases: ['table'], default: [] }),
  manifest: f(s.str(), 'image manifest: features are extracted first (settings: extraction) and joined'),
  where: f(s.obj({
    column: f(s.str(), 'column whose value selects the case', { required: true }),
    in: f(s.list(s.str(true), { single: true }), 'keep cases with one of these values'),
    notIn: f(s.list(s.str(true), { single: true }), 'keep cases with none of these values'),
  }), 'keep only some cases of the joined tables (one table split into cohorts, e.g. by device)'),
});

/**
 * The study-config schema: validation at every depth, the defaults and the reference table in
 * docs/study.md (a test checks that the docs and this schema agree).
 */
export const STUDY_CONFIG_SCHEMA: ObjectNode = s.obj({
  title: f(s.str(true), 'report title', { default: 'Prediction-model study' }),
  seed: f(s.int({ min: 0 }), 'seed of every random step (folds, bootstrap, tuning)', { default: 42 }),
  outcome: f(s.obj({
    time: f(s.str(), 'follow-up time column (event, competing event or censoring; ≥ 0)', { required: true }),
    event: f(s.str(), 'event column', { required: true }),
    eventValue: f(s.num(), 'value of the event column meaning the event of interest', { default: 1 }),
    competingValue: f(s.num(), 'value meaning the competing event (e.g. death first); any other value is censored'),
    competingColumn: f(s.str(), 'column recording the competing event apart from the event column (e.g. vital status; needs competingValue)', { docDefault: '= event' }),
    horizon: f(s.num({ gt: 0 }), 'time at which probabilities, AUC(t), Brier, calibration and binary metrics are read', { required: true }),
    times: f(s.list(s.num({ gt: 0 }), { single: true }), 'times of the AUC(t) / Brier(t) table (the horizon is added)', { docDefault: '[horizon]' }),
  }), 'time-to-event outcome instead of data.outcome (docs/survival.md)'),
  survival: f(s.obj({
    ties: f(s.oneOf(['efron', 'breslow']), 'Cox tie handling', { default: 'efron' }),
    fineGray: f(s.bool(), 'also fit a Fine–Gray model on the clinical model\'s retained variables (needs outcome.competingValue)', { default: false }),
  }), 'survival-model options (with outcome)'),
  data: f(s.obj({
    id: f(s.str(), 'id column joining the tables', { default: 'id' }),
    outcome: f(s.str(), 'binary outcome column (0/1)', { docDefault: 'required without `outcome`' }),
    cohorts: f(s.list(COHORT_SCHEMA), 'the cohorts', { required: true, requiredHint: 'list the cohorts, e.g. - { name: main, role: main, tables: [clinical.csv, features.csv] }' }),
    missingCodes: f(s.list(s.str(true), { single: true }), 'text codes meaning missing (besides empty, NA, NaN)', { aliases: ['missing_codes'], default: [] }),
    missing: f(s.oneOf(['complete-case', 'impute']), 'cases with a missing value: left out, or imputed inside each training fold', { default: 'complete-case' }),
    batch: f(s.str(), 'batch column for ComBat (centre or device)'),
    group: f(s.str(), 'patient column: all cases of a patient stay in one fold (outer and inner CV), CIs resample patients'),
    unit: f(s.oneOf(['lesion', 'patient']), 'what the models predict and the figures count: each case (lesion), or each patient (data.group; needs data.combine)', { default: 'lesion' }),
    combine: f(s.oneOf(PATIENT_COMBINE_RULES), "unit: patient — how a patient's lesions combine: the largest lesion's features, or the mean / max of the lesion model's risks"),
    size: f(s.str(), 'combine: largest — column of each lesion\'s size', { docDefault: 'tumour_original_morphology_area_pixel_counting (2D) or …_volume_voxel_counting (3D)' }),
  }), 'the data: tables, id and outcome columns, cohorts', { default: {} }),
  clinical: f(s.obj({
    variables: f(s.list(s.either(s.str(), VARIABLE_SCHEMA)), 'clinical candidates: a name (continuous) or { name, type, ... }', { default: [] }),
    alpha: f(s.num(unit), 'multivariable retention level', { default: 0.05 }),
    entryAlpha: f(s.num(unit), 'univariable entry level', { docDefault: '= clinical.alpha' }),
    head: f(s.str(), 'the model head, a kind in src/study/heads/registry.ts (svm, logistic, cox); see docs/study.md', { default: 'logistic' }),
    kernel: f(kernel, 'SVM kernel of the clinical model (head svm)', { default: 'rbf' }),
    input: f(s.oneOf(['variables', 'score']), 'what the clinical SVM reads: the retained columns, or their logistic linear predictor', { default: 'variables' }),
  }), 'the clinical model', { default: {} }),
  radiomics: f(s.obj({
    include: f(s.list(s.str(), { single: true }), 'glob patterns (* and ?) of candidate feature columns', { docDefault: 'every feature column' }),
    exclude: f(s.list(s.str(), { single: true }), 'glob patterns of columns left out', { default: [] }),
    regions: f(s.list(s.str(), { single: true }), 'feature-name regions kept ({region}_{image}_{family}_{feature}); empty = all', { default: [] }),
    images: f(s.list(s.str(), { single: true }), 'feature-name images kept; empty = all', { default: [] }),
    families: f(s.list(s.str(), { single: true }), 'feature-name families kept; empty = all', { default: [] }),
    combat: f(s.bool(), 'ComBat harmonisation of batches inside the training data (needs data.batch)', { default: false }),
    harmonise: f(s.oneOf(HARMONISE_METHODS), 'label-free alignment of centres not in the training data', { default: 'none' }),
    icc: f(s.obj({
      table: f(s.str(), 'repeated-measurement feature table (CSV)', { required: true }),
      threshold: f(s.num({ min: 0, max: 1 }), 'keep features with ICC ≥ threshold', { default: 0.75 }),
      type: f(s.oneOf(['ICC1', 'ICC2', 'ICC3']), 'ICC form (Shrout & Fleiss)', { default: 'ICC2' }),
      subject: f(s.str(), 'subject column', { default: 'subject' }),
      reader: f(s.str(), 'reader / repetition column', { default: 'reader' }),
    }), 'reproducibility filter; absent = none'),
    redundancy: f(s.num(unit), 'drop one of two features with |Spearman ρ| above this', { default: 0.9 }),
    lambda: f(s.oneOf(['1se', 'min']), 'LASSO λ rule of cv.glmnet', { aliases: ['lambdaRule'], default: '1se' }),
    alpha: f(s.num({ ...unit, hint: '1 = LASSO, smaller mixes in ridge; 0 would select nothing' }), 'elastic-net mixing of the selection (glmnet alpha)', { default: 1 }),
    head: f(s.str(), 'the model head, a kind in src/study/heads/registry.ts', { default: 'svm' }),
    kernel: f(kernel, 'SVM kernel of the radiomics model (head svm)', { default: 'rbf' }),
    input: f(s.oneOf(['features', 'score']), 'what the radiomics SVM reads: the selected features, or the radiomics score', { default: 'features' }),
    acknowledgeSeparation: f(s.list(s.str(), { single: true }), 'candidates allowed to separate the main cohort\'s outcome alone (training AUC ≥ 0.98 or ≤ 0.02); any other stops the study as possible leakage', { default: [] }),
  }), 'the radiomics model', { default: {} }),
  combined: f(s.obj({
    radiomics: f(s.oneOf(['features', 'score']), 'the radiomics part of the combined model', { default: 'features' }),
    head: f(s.str(), 'the model head, a kind in src/study/heads/registry.ts', { default: 'svm' }),
    kernel: f(kernel, 'SVM kernel of the combined model (head svm)', { default: 'rbf' }),
    input: f(s.oneOf(['features', 'score']), 'what the combined SVM reads: its columns, or their logistic linear predictor', { default: 'features' }),
  }), 'the combined model', { default: {} }),
  svm: f(s.obj({
    // C and γ are bounded: LIBSVM's solver does not converge in any useful time at C = 1e300 (issue #20)
    C: f(s.list(s.num({ gt: 0, max: LIMITS.svmC }), { single: true, minItems: 1 }), 'grid of C', { aliases: ['Cs'], default: DEFAULT_CS }),
    gamma: f(s.list(s.num({ gt: 0, max: LIMITS.svmGamma }), { single: true, minItems: 1 }), 'grid of the RBF γ', { aliases: ['gammas'], default: DEFAULT_GAMMAS }),
    classWeights: f(s.oneOf(['balanced', 'none']), 'class weights of the SVM', { default: 'balanced' }),
  }), 'SVM tuning grid (inner CV)', { default: {} }),
  innerFolds: f(s.int({ min: 2, max: LIMITS.folds }), 'folds of the inner CV (λ, C/γ, Platt, threshold)', { default: 5 }),
  evaluation: f(s.obj({
    folds: f(s.int({ min: 2, max: LIMITS.folds }), 'outer CV folds', { default: 5 }),
    repeats: f(s.int({ min: 1, max: LIMITS.repeats }), 'outer CV repeats', { default: 1 }),
    foldColumn: f(s.str(), 'column with fixed fold ids 1..k (overrides folds/repeats)'),
    protocol: f(s.oneOf(['no-leakage', 'paper']), 'no-leakage refits every step per fold; paper selects on the whole cohort', { default: 'no-leakage' }),
    bootstrap: f(s.int({ min: 0, max: LIMITS.bootstrap }), 'bootstrap replicates for CIs (0 = DeLong)', { default: 0 }),
    ciLevel: f(s.num({ gt: 0, lt: 1 }), 'confidence level', { default: 0.95 }),
  }), 'evaluation protocol', { default: {} }),
  models: f(s.list(s.oneOf(MODEL_NAMES), { single: true }), 'models to fit', { default: [...MODEL_NAMES] }),
  extraction: f(EXTRACTION_SETTINGS_SCHEMA, 'feature-extraction settings (inline, or the path of a settings file): used for cohorts with a manifest, checked against the run.json of extracted feature tables, stored in the bundle', { docElsewhere: 'docs/extraction.md' }),
  bundle: f(s.obj({
    includeTrainingData: f(s.bool(), 'also put models whose parameters are training rows (RBF SVM support vectors) into the shareable bundle.json (else: bundle.private.json)', { default: false }),
  }), 'the model bundle (docs/bundle.md)', { default: {} }),
});

/** The validated file, as the schema gives it (keys as written in the file). */
type Checked = {
  title: string; seed: number;
  outcome?: Omit<SurvivalOutcomeConfig, 'times'> & { times?: number[] };
  survival?: SurvivalConfig;
  data: { id: string; outcome?: string; cohorts: Array<Partial<CohortConfig> & { tables: string[] }>; missingCodes: string[]; missing: StudyConfig['data']['missing']; batch?: string; group?: string; unit: 'lesion' | 'patient'; combine?: PatientCombineRule; size?: string };
  clinical: { variables: Array<string | VariableConfig>; alpha: number; entryAlpha?: number; head: string; kernel: 'rbf' | 'linear'; input: 'variables' | 'score' };
  radiomics: Omit<StudyConfig['radiomics'], 'lambdaRule' | 'include'> & { include?: string[]; lambda: '1se' | 'min' };
  combined: StudyConfig['combined'];
  svm: { C: number[]; gamma: number[]; classWeights: 'balanced' | 'none' };
  innerFolds: number;
  evaluation: StudyConfig['evaluation'];
  models: ModelName[];
  extraction?: unknown;
  bundle: StudyConfig['bundle'];
};

/** Validate a parsed YAML/JSON object and fill in defaults. Throws BAD_CONFIG listing every problem. */
export function parseStudyConfig(raw: unknown, source = 'study config'): StudyConfig {
  const top = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  // A PyRadiomics parameter file as `extraction:` is read by its own reader (docs/pyradiomics.md), not the schema.
  const pyradiomics = isPyRadiomicsParams(top.extraction);
  const checked = checkSchema(STUDY_CONFIG_SCHEMA, pyradiomics ? { ...top, extraction: undefined } : raw ?? {});
  const problems = checked.problems;
  const fail = (path: string, msg: string) => problems.push(`${path}: ${msg}`);
  if (pyradiomics) {
    try {
      resolveExtractionSettings(top.extraction, 'extraction');
    } catch (err) {
      fail('extraction', (err as Error).message.replace(/^extraction: /, ''));
    }
  }
  // Cross-key checks run even when the schema found problems, so that one run lists them all;
  // a value the schema rejected is left out (undefined), hence the guards below.
  const v = checked.value as Checked;
  const sections = ['data', 'clinical', 'radiomics', 'combined', 'svm', 'evaluation'] as const;
  if (problems.length && sections.some((k) => v?.[k] === undefined)) throw configError(source, problems);

  const cohorts: CohortConfig[] = (v.data.cohorts ?? []).filter((o) => o !== undefined).map((o, i) => {
    const p = `data.cohorts[${i}]`;
    if ((o.tables ?? []).length === 0 && !o.manifest) fail(`${p}.tables`, 'list at least one table file (CSV), or give a manifest: to extract features from images');
    if (o.where && (o.where.in === undefined) === (o.where.notIn === undefined)) fail(`${p}.where`, 'give exactly one of in: [...] or notIn: [...]');
    return { name: o.name ?? (i === 0 ? 'main' : `external${i}`), role: o.role ?? (i === 0 ? 'main' : 'external'), tables: o.tables, ...(o.manifest ? { manifest: o.manifest } : {}), ...(o.where ? { where: o.where } : {}) };
  });
  const mains = cohorts.filter((x) => x.role === 'main');
  if (cohorts.length && mains.length !== 1) fail('data.cohorts', `exactly one cohort must have role: main (found ${mains.length})`);
  if (new Set(cohorts.map((x) => x.name)).size !== cohorts.length) fail('data.cohorts', 'cohort names must be unique');

  const variables: VariableConfig[] = (v.clinical.variables ?? []).filter((x) => x !== undefined).map((x, i) => {
    if (typeof x === 'string') return { name: x, type: 'continuous' };
    if (x.derive && x.type !== undefined && x.type !== 'binary') fail(`clinical.variables[${i}].type`, 'a derived variable (derive: ...) is binary');
    return { name: x.name, type: x.derive ? 'binary' : x.type ?? 'continuous', column: x.column, derive: x.derive, reference: x.reference, summary: x.summary, role: x.role };
  });
  const names = new Set<string>();
  for (const x of variables) {
    if (names.has(x.name)) fail('clinical.variables', `the variable "${x.name}" is listed twice`);
    names.add(x.name);
  }

  const { lambda, include, ...rad } = v.radiomics;
  const survival = survivalSettings(v, top, fail);
  const cfg: StudyConfig = {
    title: v.title,
    seed: v.seed,
    ...survival,
    data: { id: v.data.id, outcome: v.data.outcome ?? '', cohorts, missingCodes: v.data.missingCodes, missing: v.data.missing, batch: v.data.batch, ...(v.data.group ? { group: v.data.group } : {}), unit: v.data.unit, ...(v.data.combine ? { combine: v.data.combine } : {}), ...(v.data.size ? { size: v.data.size } : {}) },
    clinical: { variables, alpha: v.clinical.alpha, entryAlpha: v.clinical.entryAlpha ?? v.clinical.alpha, head: v.clinical.head, kernel: v.clinical.kernel, input: v.clinical.input },
    radiomics: { ...rad, include: include ?? [], lambdaRule: lambda },
    combined: v.combined,
    svm: { Cs: v.svm.C, gammas: v.svm.gamma, classWeights: v.svm.classWeights },
    innerFolds: v.innerFolds,
    evaluation: v.evaluation,
    models: v.models,
    // stored verbatim (validated above); the bundle resolves it (defaults filled in) and hashes that
    extraction: top.extraction,
    bundle: v.bundle,
  };
  if (cfg.outcome) for (const sec of ['clinical', 'radiomics', 'combined'] as const) cfg[sec].head = 'cox';
  // A patient-level model needs the patients and a rule; a rule without it would be ignored.
  if (cfg.data.unit === 'patient' && !cfg.data.group) fail('data.unit', 'patient needs data.group: the column naming each lesion\'s patient');
  if (cfg.data.unit === 'patient' && !cfg.data.combine) fail('data.combine', `data.unit: patient needs a rule for combining a patient's lesions: one of ${PATIENT_COMBINE_RULES.join(', ')} (docs/study.md)`);
  if (cfg.data.unit !== 'patient' && cfg.data.combine) fail('data.combine', 'applies to data.unit: patient; set data.unit: patient or remove data.combine');
  if (cfg.outcome && cfg.data.unit === 'patient') fail('data.unit', 'patient-level models (data.combine) are implemented for binary outcomes; with a time-to-event outcome keep data.unit: lesion (folds and CIs are still by patient with data.group)');
  if (cfg.data.size && cfg.data.combine !== 'largest') fail('data.size', 'names the lesion size for data.combine: largest; remove it or set data.combine: largest');
  if (cfg.data.cohorts.some((x) => x.manifest) && cfg.extraction === undefined) fail('extraction', 'a cohort names a manifest: give the extraction settings here (as for sonomics extract --settings)');
  if (cfg.radiomics.combat && cfg.radiomics.harmonise !== 'none') fail('radiomics.harmonise', 'choose one harmonisation: ComBat (radiomics.combat, batches inside the training data) or centre harmonisation (radiomics.harmonise, centres not in the training data)');
  if (cfg.radiomics.combat && !cfg.data.batch) fail('radiomics.combat', 'needs data.batch: the column that names each case\'s batch (centre or device)');
  // kernel and input shape what an SVM head reads; another head reads the model's columns as they are.
  for (const sec of ['clinical', 'radiomics', 'combined'] as const) {
    const head = cfg[sec].head;
    const written = top[sec] !== null && typeof top[sec] === 'object' ? (top[sec] as Record<string, unknown>) : {};
    if (head === 'svm') continue;
    for (const key of ['kernel', 'input']) if (written[key] !== undefined) fail(`${sec}.${key}`, `applies to the SVM head; ${sec}.head is ${head}: remove ${sec}.${key} or set ${sec}.head: svm`);
  }
  const needsClinical = cfg.models.includes('clinical') || cfg.models.includes('combined');
  if (needsClinical && !variables.some((x) => x.role !== 'describe')) fail('clinical.variables', `the ${cfg.models.includes('clinical') ? 'clinical' : 'combined'} model needs at least one clinical variable with role predictor; add them or set models: [radiomics]`);
  if (problems.length) throw configError(source, problems);
  return cfg;
}

/**
 * The time-to-event keys: `outcome` replaces data.outcome (one of the two, not both); `survival`
 * needs `outcome`; the models' heads are Cox (a written other head is an error); steps the survival
 * loop does not have (ComBat, centre harmonisation, the paper protocol) are refused by name.
 */
function survivalSettings(v: Checked, top: Record<string, unknown>, fail: (path: string, msg: string) => void): Pick<StudyConfig, 'outcome' | 'survival'> {
  const o = v.outcome;
  if (!o) {
    if (top.outcome === undefined && v.data.outcome === undefined) fail('data.outcome', 'is required: the binary outcome column (0/1); or give a time-to-event outcome as outcome: { time, event, horizon }');
    if (top.survival !== undefined) fail('survival', 'applies to a time-to-event outcome: give outcome: { time, event, horizon } or remove survival');
    return {};
  }
  if (v.data.outcome !== undefined) fail('data.outcome', `the study has a time-to-event outcome (outcome: { time: ${o.time}, event: ${o.event} }); remove data.outcome (binary metrics at the horizon are reported beside the survival ones)`);
  if (o.competingColumn !== undefined && o.competingValue === undefined) fail('outcome.competingColumn', 'needs outcome.competingValue: the value of that column meaning the competing event');
  if (o.competingValue !== undefined && o.competingColumn === undefined && o.competingValue === o.eventValue) fail('outcome.competingValue', `equals outcome.eventValue (${o.eventValue}); the competing event needs its own value`);
  const survival: SurvivalConfig = { ties: v.survival?.ties ?? 'efron', fineGray: v.survival?.fineGray ?? false };
  if (survival.fineGray && o.competingValue === undefined) fail('survival.fineGray', 'a Fine–Gray model needs a competing event: give outcome.competingValue or set survival.fineGray: false');
  for (const sec of ['clinical', 'radiomics', 'combined'] as const) {
    const written = top[sec] !== null && typeof top[sec] === 'object' ? (top[sec] as Record<string, unknown>) : {};
    if (written.head !== undefined && written.head !== 'cox') fail(`${sec}.head`, `a time-to-event study fits Cox models; remove ${sec}.head or set it to cox`);
  }
  const rad = top.radiomics !== null && typeof top.radiomics === 'object' ? (top.radiomics as Record<string, unknown>) : {};
  for (const key of ['combat', 'harmonise']) if (rad[key] !== undefined && rad[key] !== false && rad[key] !== 'none') fail(`radiomics.${key}`, 'is not available for a time-to-event outcome yet; remove it');
  const ev = top.evaluation !== null && typeof top.evaluation === 'object' ? (top.evaluation as Record<string, unknown>) : {};
  if (ev.protocol === 'paper') fail('evaluation.protocol', "a time-to-event study runs the no-leakage protocol only; remove protocol: paper");
  const dataSec = top.data !== null && typeof top.data === 'object' ? (top.data as Record<string, unknown>) : {};
  if (dataSec.unit === 'patient') fail('data.unit', 'patient units (combining lesions) are not available for a time-to-event outcome yet; remove data.unit (folds still keep a patient together with data.group)');
  const times = [...new Set([...(o.times ?? []), o.horizon])].sort((a, b) => a - b);
  return { outcome: { time: o.time, event: o.event, eventValue: o.eventValue, ...(o.competingValue !== undefined ? { competingValue: o.competingValue } : {}), ...(o.competingColumn !== undefined ? { competingColumn: o.competingColumn } : {}), horizon: o.horizon, times }, survival };
}

function configError(source: string, problems: string[]): SonomicsError {
  return new SonomicsError('BAD_CONFIG', `${source} has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`, { subject: source });
}

/** Every table file the config refers to (for the file layer to read). */
export function configTablePaths(cfg: StudyConfig): string[] {
  const paths = cfg.data.cohorts.flatMap((x) => x.tables);
  if (cfg.radiomics.icc) paths.push(cfg.radiomics.icc.table);
  return [...new Set(paths)];
}
