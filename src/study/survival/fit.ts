/**
 * Fit the survival models on one training set (an outer CV training fold, or the whole main cohort
 * for the final models): undefined feature values and imputation as the binary study (fitted here),
 * the clinical Cox selection (clinical-cox.ts), the LASSO-Cox signature (signature.ts), then one Cox
 * head per model through the heads contract:
 *   clinical  = Cox on the retained clinical design columns;
 *   radiomics = Cox on the signature (fitted on its pre-validated values);
 *   combined  = Cox on the retained clinical columns + the signature (pre-validated).
 * Everything data-driven is fitted on these training rows only.
 */
import type { SeedStream } from '../../core/random.ts';
import { SonomicsError } from '../../core/errors.ts';
import type { SurvivalData } from '../../stats/index.ts';
import type { ModelName, StudyConfig } from '../config.ts';
import { applyFeatureGaps, fitFeatureGaps, MAX_UNDEFINED_SHARE } from '../feature-gaps.ts';
import { headFor } from '../heads/registry.ts';
import type { TimeToEventOutcome } from '../heads/outcome.ts';
import { applyImputer, fitImputer } from '../impute.ts';
import { RADSCORE, type FittedModel } from '../model.ts';
import type { VariableSpec } from '../variables.ts';
import { selectClinicalCox } from './clinical-cox.ts';
import type { CoxSelection, SignatureSelection } from './results-types.ts';
import { selectSignature } from './signature.ts';
import { fitFineGrayModel, type FineGrayFit } from './fine-gray-model.ts';

export interface SurvivalFitContext {
  cfg: StudyConfig;
  variables: VariableSpec[];
  features: string[];
}

export interface SurvivalFit {
  models: Partial<Record<ModelName, FittedModel>>;
  clinical?: CoxSelection;
  radiomics?: SignatureSelection;
  /** Fine–Gray model on the clinical model's retained columns (competing event + survival.fineGray). */
  fineGray?: FineGrayFit;
  notes: string[];
}

export function fitSurvivalModels(ctx: SurvivalFitContext, records: Array<Record<string, number>>, d: SurvivalData, stream: SeedStream, where: string, groups?: string[]): SurvivalFit {
  const { cfg } = ctx;
  const o = cfg.outcome!;
  const ties = cfg.survival!.ties;
  const want = (m: ModelName) => cfg.models.includes(m);
  const needClinical = want('clinical') || want('combined');
  const needRadiomics = want('radiomics') || want('combined');
  const gaps = needRadiomics ? fitFeatureGaps(records, ctx.features) : undefined;
  const imputer = cfg.data.missing === 'impute' ? fitImputer(records, ctx.variables, []) : undefined;
  const recs = applyImputer(gaps ? applyFeatureGaps(records, ctx.features, gaps) : records, imputer);
  const candidates = gaps?.dropped.length ? ctx.features.filter((f) => !gaps.dropped.includes(f)) : ctx.features;
  if (needRadiomics && candidates.length === 0) throw new SonomicsError('BAD_INPUT', `every radiomics feature is undefined in more than ${MAX_UNDEFINED_SHARE * 100}% of the cases of ${where}; check the feature table (extraction errors?).`);
  const clinical = needClinical ? selectClinicalCox(recs, d, ctx.variables, cfg.clinical.alpha, cfg.clinical.entryAlpha, ties, where) : undefined;
  const signature = needRadiomics
    ? selectSignature(recs, d, candidates, where, { redundancy: cfg.radiomics.redundancy, lambdaRule: cfg.radiomics.lambdaRule, alpha: cfg.radiomics.alpha, innerFolds: cfg.innerFolds, seed: stream.child('selection:radiomics/lasso-cox-cv').seed(), groups })
    : undefined;

  // The Cox heads read the cause-specific outcome (competing events censored).
  const outcome: TimeToEventOutcome = { kind: 'time-to-event', time: Array.from(d.time), event: Array.from(d.status, (s) => (s === 1 ? 1 : 0)), horizon: o.horizon };
  const column = (name: string): number[] => (name === RADSCORE ? signature!.prevalidated : recs.map((r) => r[name]!));
  const specs: Array<{ model: ModelName; names: string[] }> = [];
  if (want('clinical')) specs.push({ model: 'clinical', names: clinical!.retainedDesign });
  if (want('radiomics')) specs.push({ model: 'radiomics', names: [RADSCORE] });
  if (want('combined')) specs.push({ model: 'combined', names: [...clinical!.retainedDesign, RADSCORE] });
  const models: SurvivalFit['models'] = {};
  const notes: string[] = [];
  for (const { model: m, names } of specs) {
    const cols = names.map(column);
    const X = recs.map((_, i) => cols.map((c) => c[i]!));
    const h = headFor('cox', `the ${m} model`);
    let head;
    try {
      head = h.fit(X, outcome, names, { settings: h.settings({ model: m, config: cfg }), seeds: { of: (part) => stream.child(`model:${m}/${part}`).seed() }, where, model: m, notes, groups });
    } catch (e) {
      if (e instanceof SonomicsError && e.code === 'NOT_CONVERGED') throw new SonomicsError('NOT_CONVERGED', `the ${m} Cox model (${names.join(', ')}) does not converge in ${where}: ${e.message.replace(/^coxPH: /, '')}.`, { subject: m });
      throw e;
    }
    const radInputs = m === 'clinical' ? [] : signature!.radscore.features;
    const inputs = [...(m === 'radiomics' ? [] : clinical!.retainedDesign), ...radInputs];
    const fitted: FittedModel = { kind: m, inputs, head };
    if (imputer) fitted.imputer = Object.fromEntries(inputs.filter((n) => imputer[n] !== undefined).map((n) => [n, imputer[n]!]));
    if (gaps && radInputs.length) fitted.featureFill = Object.fromEntries(radInputs.map((n) => [n, gaps.fill[n]!]));
    if (m !== 'clinical') fitted.radscore = signature!.radscore;
    models[m] = fitted;
  }
  // Fine–Gray reads the full status (competing events stay in its risk sets with IPC weights).
  const fineGray = clinical && cfg.survival!.fineGray && o.competingValue !== undefined
    ? fitFineGrayModel(recs.map((r) => clinical.retainedDesign.map((c) => r[c]!)), d, clinical.retainedDesign, o.horizon)
    : undefined;
  return { models, ...(clinical ? { clinical } : {}), ...(fineGray ? { fineGray } : {}), ...(signature ? { radiomics: signature.selection } : {}), notes: [...notes, ...(clinical?.notes ?? []), ...(signature?.selection.notes ?? [])] };
}

