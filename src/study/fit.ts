/**
 * Fit every requested model on one training set. Under the default no-leakage protocol this runs
 * inside each outer training fold (imputation, ComBat, scaling, filters, LASSO, clinical selection,
 * SVM tuning, Platt and threshold all refitted); under `paper` the selections and hyperparameters
 * come fixed from the whole main cohort and only scaler, SVM, Platt and threshold are refitted.
 */
import { combatApply } from '../ml/index.ts';
import type { ModelName, StudyConfig } from './config.ts';
import { selectClinical, type ClinicalSelection } from './clinical.ts';
import { fitHead } from './head.ts';
import { fitCentreReference } from './harmonise.ts';
import { applyImputer, fitImputer } from './impute.ts';
import { CLINICAL_SCORE, COMBINED_SCORE, fitLogitScore, logitScoreValues, type LogitScore } from './logit-score.ts';
import { RADSCORE, radScoreOf, type FittedModel } from './model.ts';
import { selectRadiomicsPrevalidated, type RadiomicsSelection } from './radiomics.ts';
import type { VariableSpec } from './variables.ts';

export interface Selections {
  clinical?: ClinicalSelection;
  radiomics?: RadiomicsSelection;
  hyper: Partial<Record<ModelName, { C: number; gamma?: number }>>;
}

export interface FitResult {
  models: Partial<Record<ModelName, FittedModel>>;
  selections: Selections;
}

export interface FitContext {
  cfg: StudyConfig;
  variables: VariableSpec[];
  features: string[];
}

/** `where` names the training set in error messages (e.g. "outer training fold 2 of repeat 1"). */
export function fitModels(ctx: FitContext, records: Array<Record<string, number>>, y: number[], batch: string[] | undefined, seed: number, fixed?: Selections, where = 'the training data'): FitResult {
  const { cfg } = ctx;
  const want = (m: ModelName) => cfg.models.includes(m);
  const needClinical = want('clinical') || want('combined');
  const needRadiomics = want('radiomics') || want('combined');
  const imputer = cfg.data.missing === 'impute' ? fitImputer(records, ctx.variables, needRadiomics ? ctx.features : []) : undefined;
  let recs = applyImputer(records, imputer);
  const clinical = needClinical ? (fixed?.clinical ?? selectClinical(recs, y, ctx.variables, cfg.clinical.alpha, cfg.clinical.entryAlpha)) : undefined;
  const radiomicsFit = needRadiomics && !fixed?.radiomics
    ? selectRadiomicsPrevalidated(recs, y, ctx.features, batch, { combat: cfg.radiomics.combat, redundancy: cfg.radiomics.redundancy, lambdaRule: cfg.radiomics.lambdaRule, alpha: cfg.radiomics.alpha, innerFolds: cfg.innerFolds, seed: seed + 101 })
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
  if (want('clinical') && cfg.clinical.input === 'score') {
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
  if (want('combined') && cfg.combined.input === 'score') {
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

  const models: FitResult['models'] = {};
  const hyper: Selections['hyper'] = {};
  const heads: Array<[ModelName, string[], 'rbf' | 'linear']> = [];
  if (want('clinical')) heads.push(['clinical', clinicalScore ? [CLINICAL_SCORE] : clinical!.retainedDesign, cfg.clinical.kernel]);
  if (want('radiomics')) heads.push(['radiomics', cfg.radiomics.input === 'score' ? [RADSCORE] : radiomics!.radscore.features, cfg.radiomics.kernel]);
  if (want('combined')) heads.push(['combined', combinedScore ? [COMBINED_SCORE] : combinedNames, cfg.combined.kernel]);
  heads.forEach(([kind, names, kernel], mi) => {
    const X = matrix(names);
    const head = fitHead(X, y, names, { kernel, Cs: cfg.svm.Cs, gammas: cfg.svm.gammas, innerFolds: cfg.innerFolds, seed: seed + 211 * (mi + 1), classWeights: cfg.svm.classWeights, fixed: fixed?.hyper[kind] });
    hyper[kind] = { C: head.C, gamma: head.gamma };
    const usesRad = kind !== 'clinical';
    const usesScore = (kind === 'combined' && cfg.combined.radiomics === 'score') || (kind === 'radiomics' && cfg.radiomics.input === 'score');
    const radInputs = !usesRad ? [] : radiomics!.combat ? radiomics!.combat.features : radiomics!.radscore.features;
    const inputs = [...(kind === 'radiomics' ? [] : clinical!.retainedDesign), ...radInputs];
    const model: FittedModel = { kind, inputs, head };
    if (imputer) model.imputer = Object.fromEntries(inputs.map((n) => [n, imputer[n]!]));
    if (usesRad && radiomics!.combat) model.combat = radiomics!.combat;
    // The training centre's feature location/scale: other centres are aligned to it (harmonise.ts).
    if (usesRad && cfg.radiomics.harmonise !== 'none') model.harmonise = fitCentreReference(recs, radInputs, cfg.radiomics.harmonise);
    if (usesScore) model.radscore = radiomics!.radscore;
    const logit = kind === 'clinical' ? clinicalScore : kind === 'combined' ? combinedScore : undefined;
    if (logit) model.logitScore = logit;
    models[kind] = model;
  });
  return { models, selections: { clinical, radiomics, hyper } };
}
