/**
 * Fit every requested model on one training set. Under the default no-leakage protocol this runs
 * inside each outer training fold (imputation, ComBat, scaling, filters, LASSO, clinical selection,
 * SVM tuning, Platt and threshold all refitted); under `paper` the selections and hyperparameters
 * come fixed from the whole main cohort and only scaler, SVM, Platt and threshold are refitted.
 */
import type { SeedStream } from '../core/random.ts';
import { SonomicsError } from '../core/errors.ts';
import { combatApply } from '../ml/index.ts';
import { applyFeatureGaps, fitFeatureGaps, MAX_UNDEFINED_SHARE } from './feature-gaps.ts';
import type { ModelName, StudyConfig } from './config.ts';
import { selectClinical, type ClinicalSelection } from './clinical.ts';
import type { HeadSeeds } from './heads/contract.ts';
import { binaryOutcome } from './heads/outcome.ts';
import { headFor } from './heads/registry.ts';
import { fitCentreReference } from './harmonise.ts';
import { applyImputer, fitImputer } from './impute.ts';
import { CLINICAL_SCORE, COMBINED_SCORE, fitLogitScore, logitScoreValues, type LogitScore } from './logit-score.ts';
import { RADSCORE, radScoreOf, type FittedModel } from './model.ts';
import { selectRadiomicsPrevalidated, type RadiomicsSelection } from './radiomics.ts';
import type { VariableSpec } from './variables.ts';

export interface Selections {
  clinical?: ClinicalSelection;
  radiomics?: RadiomicsSelection;
  /** Each model's tuned hyperparameters (its head's describe().hyper); the paper protocol fixes them. */
  hyper: Partial<Record<ModelName, Record<string, number>>>;
}

/**
 * One (inputs, head) pair to fit: `key` names it in results ('clinical', 'clinical.logistic'),
 * `model` is the study model whose preprocessing (imputation, selections) it shares.
 */
export interface HeadSpec {
  key: string;
  model: ModelName;
  /** Columns the head reads (design columns, features, computed scores). */
  names: string[];
  head: string;
}

export interface FitResult {
  models: Partial<Record<ModelName, FittedModel>>;
  /** Models fitted beside the study's models for comparison, by key (the clinical logistic regression). */
  comparisons: Record<string, FittedModel>;
  selections: Selections;
  /** What the heads noted about this training set (fallbacks, refits), by key. */
  headNotes: Record<string, string[]>;
  /** Undefined feature values in this training set: features dropped, values set to the median. */
  featureGaps?: { dropped: string[]; imputed: number };
}

/** Seeds of one model's head in one training set. */
export type SeedsOf = (key: string) => HeadSeeds;

export interface FitContext {
  cfg: StudyConfig;
  variables: VariableSpec[];
  features: string[];
}

/** `where` names the training set in error messages (e.g. "outer training fold 2 of repeat 1"). */
/**
 * `stream` names this training set below the study seed ("fold:3", "repeat:2/fold:3", "final"):
 * every seed used here is a named sub-stream of it ("fold:3/model:radiomics/tuning",
 * "fold:3/selection:radiomics/lasso-cv"), so no model's seeds depend on which other models are fitted.
 * `groups`: the patient of each training row (data.group); every inner CV keeps a patient in one fold.
 */
export function fitModels(ctx: FitContext, records: Array<Record<string, number>>, y: number[], batch: string[] | undefined, stream: SeedStream, fixed?: Selections, where = 'the training data', groups?: string[]): FitResult {
  const { cfg } = ctx;
  const want = (m: ModelName) => cfg.models.includes(m);
  const needClinical = want('clinical') || want('combined');
  const needRadiomics = want('radiomics') || want('combined');
  // Undefined feature values: dropped or set to the training median by feature-gaps.ts's rule, under either missing-value policy.
  const gaps = needRadiomics ? fitFeatureGaps(records, ctx.features) : undefined;
  const imputer = cfg.data.missing === 'impute' ? fitImputer(records, ctx.variables, []) : undefined;
  let recs = applyImputer(gaps ? applyFeatureGaps(records, ctx.features, gaps) : records, imputer);
  const candidates = gaps?.dropped.length ? ctx.features.filter((f) => !gaps.dropped.includes(f)) : ctx.features;
  if (needRadiomics && candidates.length === 0) throw new SonomicsError('BAD_INPUT', `every radiomics feature is undefined in more than ${MAX_UNDEFINED_SHARE * 100}% of the cases of ${where}; check the feature table (extraction errors?).`);
  const clinical = needClinical ? (fixed?.clinical ?? selectClinical(recs, y, ctx.variables, cfg.clinical.alpha, cfg.clinical.entryAlpha)) : undefined;
  const radiomicsFit = needRadiomics && !fixed?.radiomics
    ? selectRadiomicsPrevalidated(recs, y, candidates, batch, { combat: cfg.radiomics.combat, redundancy: cfg.radiomics.redundancy, lambdaRule: cfg.radiomics.lambdaRule, alpha: cfg.radiomics.alpha, innerFolds: cfg.innerFolds, seed: stream.child('selection:radiomics/lasso-cv').seed(), groups })
    : undefined;
  const radiomics = needRadiomics ? (fixed?.radiomics ?? radiomicsFit!.selection) : undefined;
  if (radiomics?.combat) {
    const cb = radiomics.combat;
    const adj = combatApply(cb.model, recs.map((r) => cb.features.map((f) => r[f]!)), batch!);
    recs = recs.map((r, i) => { const o = { ...r }; cb.features.forEach((f, j) => { o[f] = adj[i]![j]!; }); return o; });
  }
  // The radiomics score as its own column (copying every record with ~1,000 feature keys just to
  // add one was a sizeable share of a study's time).
  const score = radiomics ? recs.map((r) => radScoreOf(radiomics.radscore, r)) : undefined;

  // Computed columns a head may read besides the records' own: the radiomics score and the
  // logistic scores of `clinical.input: score` / `combined.input: score` (logit-score.ts).
  const computed: Record<string, number[]> = {};
  if (score) computed[RADSCORE] = score;
  // `instead` replaces computed columns for one use (the pre-validated radiomics score below).
  const matrix = (names: string[], instead: Record<string, number[]> = {}) => recs.map((r, i) => names.map((n) => (instead[n] ?? computed[n])?.[i] ?? r[n]!));
  let clinicalScore: LogitScore | undefined;
  if (want('clinical') && cfg.clinical.head === 'svm' && cfg.clinical.input === 'score') {
    const terms = clinical!.retainedDesign;
    // The selection already fitted this logistic model on the retained variables of these training
    // records (points table): reuse it. Under the paper protocol the selection comes fixed from the
    // whole cohort, so the coefficients are refitted here, on this training set only.
    const reuse = fixed?.clinical ? undefined : clinical!.logistic?.coef;
    const fitted = fitLogitScore(CLINICAL_SCORE, terms, matrix(terms), y, where, reuse, reuse ? clinical!.logisticFirth === true : false);
    clinicalScore = fitted.score;
    computed[CLINICAL_SCORE] = fitted.values;
  }
  const combinedNames = want('combined') ? [...clinical!.retainedDesign, ...(cfg.combined.radiomics === 'score' ? [RADSCORE] : radiomics!.radscore.features)] : [];
  let combinedScore: LogitScore | undefined;
  if (want('combined') && cfg.combined.head === 'svm' && cfg.combined.input === 'score') {
    // The weights of the radiomics score against the clinical variables are fitted on its
    // pre-validated values (each training case scored by the inner-CV fit that did not see it, as a
    // new case will be; Tibshirani & Efron 2002): the in-sample score is overfitted — it can separate
    // ~180 training cases — and would take too much weight. Under the paper protocol (selection
    // fixed from the whole cohort, no inner fits on this set) the in-sample score is used.
    const prevalidated = radiomicsFit && combinedNames.includes(RADSCORE) ? radiomicsFit.prevalidated : undefined;
    combinedScore = fitLogitScore(COMBINED_SCORE, combinedNames, matrix(combinedNames, prevalidated ? { [RADSCORE]: prevalidated } : {}), y, where).score;
    // The head is trained on the score of the training cases as the final model computes it (the
    // in-sample radiomics score), like the radiomics head.
    computed[COMBINED_SCORE] = logitScoreValues(combinedScore, matrix(combinedNames));
  }

  const radiomicsReadsScore = cfg.radiomics.head === 'svm' && cfg.radiomics.input === 'score';
  const specs: HeadSpec[] = [];
  if (want('clinical')) specs.push({ key: 'clinical', model: 'clinical', names: clinicalScore ? [CLINICAL_SCORE] : clinical!.retainedDesign, head: cfg.clinical.head });
  if (want('radiomics')) specs.push({ key: 'radiomics', model: 'radiomics', names: radiomicsReadsScore ? [RADSCORE] : radiomics!.radscore.features, head: cfg.radiomics.head });
  if (want('combined')) specs.push({ key: 'combined', model: 'combined', names: combinedScore ? [COMBINED_SCORE] : combinedNames, head: cfg.combined.head });
  // A clinical SVM is evaluated beside the logistic regression on the same retained variables (comparison, points table).
  if (want('clinical') && cfg.clinical.head !== 'logistic') specs.push({ key: 'clinical.logistic', model: 'clinical', names: clinical!.retainedDesign, head: 'logistic' });
  const seedsOf: SeedsOf = (key) => ({ of: (part) => stream.child(`model:${key}/${part}`).seed() });

  const models: FitResult['models'] = {};
  const comparisons: FitResult['comparisons'] = {};
  const hyper: Selections['hyper'] = {};
  const headNotes: FitResult['headNotes'] = {};
  for (const spec of specs) {
    const kind = spec.model;
    const names = spec.names;
    const h = headFor(spec.head, `the ${kind} model`);
    const notes: string[] = [];
    const isModel = spec.key === kind;
    const head = h.fit(matrix(names), binaryOutcome(y), names, { settings: h.settings({ model: kind, config: cfg }), seeds: seedsOf(spec.key), where, model: kind, fixed: isModel ? fixed?.hyper[kind] : undefined, notes, groups });
    headNotes[spec.key] = notes;
    const usesRad = kind !== 'clinical';
    const usesScore = (kind === 'combined' && cfg.combined.radiomics === 'score') || (kind === 'radiomics' && radiomicsReadsScore);
    const radInputs = !usesRad ? [] : radiomics!.combat ? radiomics!.combat.features : radiomics!.radscore.features;
    const inputs = [...(kind === 'radiomics' ? [] : clinical!.retainedDesign), ...radInputs];
    const model: FittedModel = { kind, inputs, head };
    if (imputer) model.imputer = Object.fromEntries(inputs.filter((n) => imputer[n] !== undefined).map((n) => [n, imputer[n]!]));
    if (gaps && radInputs.length) model.featureFill = Object.fromEntries(radInputs.map((n) => [n, gaps.fill[n]!]));
    if (usesRad && radiomics!.combat) model.combat = radiomics!.combat;
    // The training centre's feature location/scale: other centres are aligned to it (harmonise.ts).
    if (usesRad && cfg.radiomics.harmonise !== 'none') model.harmonise = fitCentreReference(recs, radInputs, cfg.radiomics.harmonise);
    if (usesScore) model.radscore = radiomics!.radscore;
    const logit = kind === 'clinical' ? clinicalScore : kind === 'combined' ? combinedScore : undefined;
    if (logit && names.includes(logit.name)) model.logitScore = logit;
    if (isModel) {
      hyper[kind] = h.describe(head).hyper;
      models[kind] = model;
    } else comparisons[spec.key] = model;
  }
  return { models, comparisons, selections: { clinical, radiomics, hyper }, headNotes, ...(gaps ? { featureGaps: { dropped: gaps.dropped, imputed: gaps.imputed } } : {}) };
}
