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
import { RADSCORE, radScoreOf, type FittedModel } from './model.ts';
import { selectRadiomics, type RadiomicsSelection } from './radiomics.ts';
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

export function fitModels(ctx: FitContext, records: Array<Record<string, number>>, y: number[], batch: string[] | undefined, seed: number, fixed?: Selections): FitResult {
  const { cfg } = ctx;
  const want = (m: ModelName) => cfg.models.includes(m);
  const needClinical = want('clinical') || want('combined');
  const needRadiomics = want('radiomics') || want('combined');
  const imputer = cfg.data.missing === 'impute' ? fitImputer(records, ctx.variables, needRadiomics ? ctx.features : []) : undefined;
  let recs = applyImputer(records, imputer);
  const clinical = needClinical ? (fixed?.clinical ?? selectClinical(recs, y, ctx.variables, cfg.clinical.alpha, cfg.clinical.entryAlpha)) : undefined;
  const radiomics = needRadiomics
    ? (fixed?.radiomics ?? selectRadiomics(recs, y, ctx.features, batch, { combat: cfg.radiomics.combat, redundancy: cfg.radiomics.redundancy, lambdaRule: cfg.radiomics.lambdaRule, alpha: cfg.radiomics.alpha, innerFolds: cfg.innerFolds, seed: seed + 101 }))
    : undefined;
  if (radiomics?.combat) {
    const cb = radiomics.combat;
    const adj = combatApply(cb.model, recs.map((r) => cb.features.map((f) => r[f]!)), batch!);
    recs = recs.map((r, i) => { const o = { ...r }; cb.features.forEach((f, j) => { o[f] = adj[i]![j]!; }); return o; });
  }
  // The radiomics score as its own column (copying every record with ~1,000 feature keys just to
  // add one was a sizeable share of a study's time).
  const score = radiomics ? recs.map((r) => radScoreOf(radiomics.radscore, r)) : undefined;

  const models: FitResult['models'] = {};
  const hyper: Selections['hyper'] = {};
  const heads: Array<[ModelName, string[], 'rbf' | 'linear']> = [];
  if (want('clinical')) heads.push(['clinical', clinical!.retainedDesign, cfg.clinical.kernel]);
  if (want('radiomics')) heads.push(['radiomics', cfg.radiomics.input === 'score' ? [RADSCORE] : radiomics!.radscore.features, cfg.radiomics.kernel]);
  if (want('combined')) heads.push(['combined', [...clinical!.retainedDesign, ...(cfg.combined.radiomics === 'score' ? [RADSCORE] : radiomics!.radscore.features)], cfg.combined.kernel]);
  heads.forEach(([kind, names, kernel], mi) => {
    const X = recs.map((r, i) => names.map((n) => (n === RADSCORE ? score![i]! : r[n]!)));
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
    models[kind] = model;
  });
  return { models, selections: { clinical, radiomics, hyper } };
}
