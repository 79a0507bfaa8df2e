/**
 * The model bundle: everything needed to apply the study's models to a new case, as versioned JSON.
 * `buildBundle` makes it from a StudyResult; `loadModel` validates it (schema id, required parts,
 * extraction-settings hash) with BUNDLE_MISMATCH errors; `predict` turns one case's raw values
 * (clinical columns and feature values, keyed by their column names) into risk, class and
 * the features that drove it.
 */
import { SonomicsError } from '../core/errors.ts';
import type { ModelName } from './config.ts';
import { MODEL_NAMES } from './config.ts';
import { settingsHash } from '../core/hash.ts';
import { applyModel, headRows, type FittedModel } from './model.ts';
import { HEAD_KINDS, HEADS } from './heads/registry.ts';
import type { InputSummary } from './input-summary.ts';
import type { StudyResult } from './run.ts';
import { encodeVariable, toNumber, type VariableSpec } from './variables.ts';

export const BUNDLE_SCHEMA = 'sonomics.model-bundle/1';

export type { InputSummary } from './input-summary.ts';

export interface ModelBundle {
  schema: typeof BUNDLE_SCHEMA;
  title: string;
  /** The model `predict` uses unless told otherwise. */
  defaultModel: ModelName;
  software: Record<string, string>;
  extraction: { settings: unknown; hash: string | null };
  preprocessing: { missingCodes: string[]; missingPolicy: 'complete-case' | 'impute'; batchColumn?: string; protocol: string; steps: string[] };
  /** Clinical variables as the study encoded them (raw column → design columns). */
  variables: VariableSpec[];
  /** Radiomics feature columns read from a case. */
  features: string[];
  models: Partial<Record<ModelName, FittedModel & { selectedFeatures: string[]; threshold: number }>>;
  training: { cohort: string; n: number; events: number; inputs: InputSummary[]; performance: Partial<Record<ModelName, { cvAuc: number; externalAuc?: number }>> };
}

export function buildBundle(result: StudyResult, software: Record<string, string> = {}): ModelBundle {
  const cfg = result.config;
  const names = MODEL_NAMES.filter((m) => result.final[m]);
  const used = new Set(names.flatMap((m) => result.final[m]!.inputs));
  const variables = result.variables.filter((v) => v.design.some((d) => used.has(d)));
  const features = result.features.candidates.filter((f) => used.has(f));
  const main = result.cohorts.find((c) => c.role === 'main')!;
  const models: ModelBundle['models'] = {};
  for (const m of names) {
    const f = result.final[m]!;
    models[m] = { ...f, selectedFeatures: f.head.features, threshold: f.head.threshold };
  }
  return {
    schema: BUNDLE_SCHEMA,
    title: result.title,
    defaultModel: names.includes('combined') ? 'combined' : names.includes('radiomics') ? 'radiomics' : names[0]!,
    software: { sonomics: 'unknown', ...software },
    extraction: { settings: cfg.extraction ?? null, hash: cfg.extraction === undefined ? null : settingsHash(cfg.extraction) },
    preprocessing: {
      missingCodes: cfg.data.missingCodes,
      missingPolicy: cfg.data.missing,
      batchColumn: cfg.radiomics.combat ? cfg.data.batch : undefined,
      protocol: result.protocol,
      steps: ['encode clinical variables', ...(cfg.data.missing === 'impute' ? ['impute (training medians/modes)'] : []), ...(cfg.radiomics.combat ? ['ComBat'] : []), ...(cfg.radiomics.harmonise !== 'none' ? [`centre harmonisation (${cfg.radiomics.harmonise}): a centre other than the training centre is first aligned with harmoniseCentre(model.harmonise, all of its cases)`] : []), 'radiomics score (LASSO) where used', ...(names.some((m) => result.final[m]!.logitScore) ? ['logistic score (linear predictor of the logistic regression fitted on the training data) where used'] : []), 'z-score (training mean/SD)', 'SVM decision', 'Platt probability', 'threshold'],
    },
    variables,
    features,
    models,
    training: {
      cohort: main.name,
      n: main.n,
      events: main.events,
      inputs: result.trainingSummary.filter((s) => used.has(s.name)),
      performance: Object.fromEntries(names.map((m) => [m, { cvAuc: result.models[m]!.cv.auc, externalAuc: result.models[m]!.external?.auc }])),
    },
  };
}

const mismatch = (msg: string) => new SonomicsError('BUNDLE_MISMATCH', msg);

/** Parse and validate a bundle. Pass the extraction settings you will use to check they match. */
export function loadModel(json: string | unknown, opts: { extraction?: unknown } = {}): ModelBundle {
  let b: unknown = json;
  if (typeof json === 'string') {
    try { b = JSON.parse(json); } catch (e) { throw mismatch(`the model bundle is not valid JSON (${(e as Error).message}); pass the bundle.json the study wrote.`); }
  }
  if (!b || typeof b !== 'object') throw mismatch('the model bundle is not a JSON object; pass the bundle.json the study wrote.');
  const o = b as Record<string, unknown>;
  if (o.schema !== BUNDLE_SCHEMA) {
    throw mismatch(`model bundle schema is ${JSON.stringify(o.schema)}, this sonomics reads "${BUNDLE_SCHEMA}"; re-run the study with this version or use the sonomics version that wrote it.`);
  }
  for (const k of ['models', 'variables', 'features', 'extraction', 'preprocessing', 'training', 'defaultModel'] as const) {
    if (o[k] === undefined) throw mismatch(`model bundle has no "${k}" section; the file is incomplete or was edited — re-export it from the study.`);
  }
  const bundle = o as unknown as ModelBundle;
  const models = Object.keys(bundle.models);
  if (models.length === 0 || !models.every((m) => MODEL_NAMES.includes(m as ModelName))) throw mismatch(`model bundle lists models ${JSON.stringify(models)}; expected some of ${MODEL_NAMES.join(', ')}.`);
  for (const m of models) {
    const f = bundle.models[m as ModelName]!;
    if (!f.head || typeof f.head !== 'object' || !Array.isArray(f.inputs) || !Array.isArray(f.head.features)) throw mismatch(`model "${m}" in the bundle lacks its inputs or head; re-export the bundle.`);
    // Bundles written before heads had kinds (schema 1 as first released) all hold SVM heads.
    f.head.kind ??= 'svm';
    if (!HEADS[f.head.kind]) throw mismatch(`model "${m}" in the bundle has a head of kind "${f.head.kind}", which this sonomics does not know (${HEAD_KINDS.join(', ')}); use the sonomics version that wrote it.`);
    const problem = HEADS[f.head.kind]!.check(f.head);
    if (problem) throw mismatch(`model "${m}" in the bundle: its ${f.head.kind} head ${problem}; re-export the bundle.`);
    const ls = f.logitScore;
    if (ls && !(typeof ls.name === 'string' && Array.isArray(ls.terms) && Array.isArray(ls.coef) && ls.coef.length === ls.terms.length + 1 && ls.coef.every(Number.isFinite))) {
      throw mismatch(`model "${m}" in the bundle has an incomplete logistic score (terms and intercept + one coefficient per term); re-export the bundle.`);
    }
  }
  if (bundle.extraction.settings !== null && bundle.extraction.hash !== settingsHash(bundle.extraction.settings)) {
    throw mismatch(`the bundle's extraction settings do not match their recorded hash (${bundle.extraction.hash}); the file was edited — re-export it from the study.`);
  }
  if (opts.extraction !== undefined) {
    const h = settingsHash(opts.extraction);
    if (h !== bundle.extraction.hash) throw mismatch(`features were extracted with settings (hash ${h.slice(0, 12)}…) that differ from the model's (hash ${String(bundle.extraction.hash).slice(0, 12)}…); extract with the settings stored in the bundle.`);
  }
  return bundle;
}

export interface Prediction {
  model: ModelName;
  risk: number;
  class: 0 | 1;
  threshold: number;
  /** Change in risk when this input is set to its training mean, largest effect first. */
  contributions: Array<{ name: string; value: number; contribution: number }>;
  /**
   * Models whose SVM reads a logistic score (`input: score`): the score and its terms β·x
   * (log-odds; largest |term| first). The SVM and Platt map the score to the risk, monotonically.
   */
  score?: { name: string; value: number; intercept: number; terms: Array<{ name: string; value: number; coef: number; term: number }> };
  warnings: string[];
}

/** Encode one raw case (column → number) into design columns, as the study did. */
export function encodeCase(bundle: ModelBundle, row: Record<string, number | string>, caseId = 'case'): Record<string, number> {
  const rec: Record<string, number> = {};
  for (const v of bundle.variables) {
    const enc = encodeVariable(v, row[v.column], bundle.preprocessing.missingCodes, () => `${caseId}, column ${v.column}`);
    v.design.forEach((d, j) => { rec[d] = enc[j]!; });
  }
  for (const f of bundle.features) {
    rec[f] = toNumber(row[f], bundle.preprocessing.missingCodes, () => `${caseId}, column ${f}`);
  }
  return rec;
}

export function predict(bundle: ModelBundle, row: Record<string, number | string>, opts: { model?: ModelName; caseId?: string } = {}): Prediction {
  const name = opts.model ?? bundle.defaultModel;
  const model = bundle.models[name];
  if (!model) throw new SonomicsError('BAD_INPUT', `the bundle has no ${name} model (it has ${Object.keys(bundle.models).join(', ')}).`);
  const caseId = opts.caseId ?? 'case';
  const needed = [...new Set([...bundle.variables.filter((v) => v.design.some((d) => model.inputs.includes(d))).map((v) => v.column), ...bundle.features.filter((f) => model.inputs.includes(f))])];
  const absent = needed.filter((c) => row[c] === undefined);
  if (absent.length && bundle.preprocessing.missingPolicy !== 'impute') {
    throw new SonomicsError('MISSING_VALUES', `${caseId}: the ${name} model needs ${absent.join(', ')}, which ${absent.length > 1 ? 'are' : 'is'} not given.`, { subject: caseId });
  }
  const rec = encodeCase(bundle, row, caseId);
  const batchCol = bundle.preprocessing.batchColumn;
  const batch = batchCol ? [String(row[batchCol] ?? '')] : undefined;
  const risk = applyModel(model, [rec], batch, [caseId]).probability[0]!;
  const warnings: string[] = [];
  const contributions: Prediction['contributions'] = [];
  for (const input of model.inputs) {
    const s = bundle.training.inputs.find((t) => t.name === input);
    if (!s) continue;
    const x = rec[input]!;
    if (x < s.min || x > s.max) warnings.push(`${input} = ${x} is outside the training range [${s.min}, ${s.max}]`);
    const alt = applyModel(model, [{ ...rec, [input]: s.mean }], batch, [caseId]).probability[0]!;
    contributions.push({ name: input, value: x, contribution: risk - alt });
  }
  contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.name < b.name ? -1 : 1));
  const out: Prediction = { model: name, risk, class: risk >= model.threshold ? 1 : 0, threshold: model.threshold, contributions, warnings };
  if (model.logitScore) {
    const ls = model.logitScore;
    const r = headRows(model, [rec], batch, [caseId])[0]!;
    const terms = ls.terms.map((t, j) => ({ name: t, value: r[t]!, coef: ls.coef[j + 1]!, term: ls.coef[j + 1]! * r[t]! }));
    terms.sort((a, b) => Math.abs(b.term) - Math.abs(a.term) || (a.name < b.name ? -1 : 1));
    out.score = { name: ls.name, value: r[ls.name]!, intercept: ls.coef[0]!, terms };
  }
  return out;
}
