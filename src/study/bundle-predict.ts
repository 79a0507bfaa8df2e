/**
 * `predict`: one case's raw values (clinical columns and feature values, keyed by their column
 * names) → risk, class and the inputs that drove it, through the same `applyModel` the study used.
 * A model trained with centre harmonisation needs the case's centre: the training centre (used as it
 * is), a centre whose parameters the bundle stores, or a new centre added with `withCentreReference`
 * from an unlabelled reference set of its cases.
 */
import { SonomicsError } from '../core/errors.ts';
import type { ModelName } from './config.ts';
import { applyCentreParameters, fitCentreParameters } from './harmonise.ts';
import { applyModel, headRows, type FittedModel } from './model.ts';
import { applyPatientCombiner } from './patient-unit.ts';
import { encodeVariable, toNumber } from './variables.ts';
import { readableInputName, readableNumber as fmtNum } from './input-names.ts';
import type { BundleModel, ModelBundle } from './bundle-types.ts';

export interface Prediction {
  model: ModelName;
  risk: number;
  class: 0 | 1;
  threshold: number;
  /** The centre the case was aligned as (harmonised models), and how. */
  centre?: { name: string; role: 'training' | 'stored' | 'reference' };
  /** Change in risk when this input is set to its training mean, largest effect first. */
  contributions: Array<{ name: string; value: number; contribution: number }>;
  /**
   * Models whose SVM reads a logistic score (`input: score`): the score and its terms β·x
   * (log-odds; largest |term| first). The SVM and Platt map the score to the risk, monotonically.
   */
  score?: { name: string; value: number; intercept: number; terms: Array<{ name: string; value: number; coef: number; term: number }> };
  /** Plain-language warnings (an input outside the training range, ...). */
  warnings: string[];
  /** Structured form of the out-of-range warnings (for displays that word them). */
  outOfRange: Array<{ name: string; value: number; min: number; max: number }>;
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

/** Names a user may give as the centre of a case: the training centre(s) and the stored ones. */
export function knownCentres(bundle: ModelBundle): string[] {
  return bundle.harmonisation ? [...bundle.harmonisation.trainingCentres, ...bundle.harmonisation.centres] : [];
}

function centreError(bundle: ModelBundle, model: ModelName, caseId: string, centre: string | undefined): SonomicsError {
  const h = bundle.harmonisation!;
  const known = [...h.trainingCentres.map((c) => `"${c}" (training centre)`), ...h.centres.map((c) => `"${c}"`)].join(', ');
  const what = centre === undefined ? 'say which centre the case comes from' : `the bundle has not seen centre "${centre}"; use one it has seen or`;
  return new SonomicsError('BAD_INPUT', `${caseId}: the ${model} model aligns each centre's radiomics features to the training centre (${h.method}); ${what} (predict --centre NAME; known: ${known})${centre === undefined ? ', or' : ''} give an unlabelled reference set of at least ${h.minReferenceCases} cases of a new centre (predict --centre NAME --centre-reference FILE).`, { subject: caseId });
}

/** The record aligned to the training centre (harmonised models only). */
function alignCentre(bundle: ModelBundle, name: ModelName, model: BundleModel, rec: Record<string, number>, caseId: string, centre: string | undefined): { rec: Record<string, number>; centre?: Prediction['centre'] } {
  if (!model.harmonise) return { rec };
  if (centre === undefined || !bundle.harmonisation) throw centreError(bundle, name, caseId, centre);
  if (bundle.harmonisation.trainingCentres.includes(centre)) return { rec, centre: { name: centre, role: 'training' } };
  const params = model.centres?.[centre];
  if (!params) throw centreError(bundle, name, caseId, centre);
  const role = bundle.harmonisation.centres.includes(centre) ? 'stored' : 'reference';
  return { rec: applyCentreParameters(model.harmonise, params, [rec])[0]!, centre: { name: centre, role } };
}

/**
 * A bundle that also knows a new centre: its parameters fitted, for every harmonised model, from an
 * unlabelled reference set of that centre's cases (raw rows as for predict; at least
 * MIN_REFERENCE_CASES). The result lives in memory (its content hash is not that of the file).
 */
export function withCentreReference(bundle: ModelBundle, centre: string, rows: Array<Record<string, number | string>>, source = 'the reference set'): ModelBundle {
  const h = bundle.harmonisation;
  if (!h) throw new SonomicsError('BAD_INPUT', `the bundle was trained without centre harmonisation: a reference set of centre "${centre}" (${source}) is not needed; predict without --centre-reference.`);
  if (h.trainingCentres.includes(centre) || h.centres.includes(centre)) {
    throw new SonomicsError('BAD_INPUT', `the bundle already knows centre "${centre}"; use --centre "${centre}" without a reference set, or give the new centre another name.`, { subject: centre });
  }
  // Only the radiomics features are read: a reference set needs no clinical columns and no outcome.
  const recs = rows.map((r, i) => Object.fromEntries(bundle.features.map((f) => [f, toNumber(r[f], bundle.preprocessing.missingCodes, () => `${source}, row ${i + 1}, column ${f}`)])));
  const models: ModelBundle['models'] = {};
  for (const [m, model] of Object.entries(bundle.models) as Array<[ModelName, BundleModel]>) {
    models[m] = model.harmonise
      ? { ...model, centres: { ...model.centres, [centre]: fitCentreParameters(model.harmonise, recs, `${source} (centre ${centre})`, h.minReferenceCases) } }
      : model;
  }
  return { ...bundle, models };
}


export function predict(bundle: ModelBundle, row: Record<string, number | string>, opts: { model?: ModelName; caseId?: string; centre?: string } = {}): Prediction {
  const name = opts.model ?? bundle.defaultModel;
  const model = bundle.models[name];
  if (!model) throw new SonomicsError('BAD_INPUT', `the bundle has no ${name} model (it has ${Object.keys(bundle.models).join(', ')}${bundle.sharing.omitted.length ? `; ${bundle.sharing.omitted.map((o) => o.model).join(', ')} only in the private bundle` : ''}).`);
  const caseId = opts.caseId ?? 'case';
  const needed = [...new Set([...bundle.variables.filter((v) => v.design.some((d) => model.inputs.includes(d))).map((v) => v.column), ...bundle.features.filter((f) => model.inputs.includes(f))])];
  const absent = needed.filter((c) => row[c] === undefined);
  if (absent.length && bundle.preprocessing.missingPolicy !== 'impute') {
    throw new SonomicsError('MISSING_VALUES', `${caseId}: the ${name} model needs ${absent.join(', ')}, which ${absent.length > 1 ? 'are' : 'is'} not given.`, { subject: caseId });
  }
  const aligned = alignCentre(bundle, name, model, encodeCase(bundle, row, caseId), caseId, opts.centre);
  const rec = aligned.rec;
  const batchCol = bundle.preprocessing.batchColumn;
  const batch = batchCol ? [String(row[batchCol] ?? '')] : undefined;
  // A patient-level risk rule (data.combine mean-risk / max-risk): one lesion row is a patient with
  // one lesion, whose risk is the rule's recalibration of the lesion risk (predictPatient: several).
  const riskOf = (r: Record<string, number>) => asPatientRisk(model, applyModel(model, [r], batch, [caseId]).probability[0]!);
  const risk = riskOf(rec);
  const warnings: string[] = [];
  const outOfRange: Prediction['outOfRange'] = [];
  const contributions: Prediction['contributions'] = [];
  for (const input of model.inputs) {
    const s = bundle.training.inputs.find((t) => t.name === input);
    if (!s) continue;
    const x = rec[input]!;
    if (x < s.min || x > s.max) {
      outOfRange.push({ name: input, value: x, min: s.min, max: s.max });
      warnings.push(`${readableInputName(input, bundle.variables)} is ${fmtNum(x)}, ${x < s.min ? 'below' : 'above'} anything seen in training (${fmtNum(s.min)} to ${fmtNum(s.max)}): the model extrapolates`);
    }
    const alt = riskOf({ ...rec, [input]: s.mean });
    contributions.push({ name: input, value: x, contribution: risk - alt });
  }
  contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.name < b.name ? -1 : 1));
  const out: Prediction = { model: name, risk, class: risk >= model.threshold ? 1 : 0, threshold: model.threshold, contributions, warnings, outOfRange };
  if (aligned.centre) out.centre = aligned.centre;
  if (model.logitScore) {
    const ls = model.logitScore;
    const r = headRows(model, [rec], batch, [caseId])[0]!;
    const terms = ls.terms.map((t, j) => ({ name: t, value: r[t]!, coef: ls.coef[j + 1]!, term: ls.coef[j + 1]! * r[t]! }));
    terms.sort((a, b) => Math.abs(b.term) - Math.abs(a.term) || (a.name < b.name ? -1 : 1));
    out.score = { name: ls.name, value: r[ls.name]!, intercept: ls.coef[0]!, terms };
  }
  return out;
}

/** A lesion risk as the risk of a patient with that one lesion (risk rules); unchanged otherwise. */
export function asPatientRisk(model: FittedModel, lesionRisk: number): number {
  const p = model.patient;
  return p && p.rule !== 'largest' ? applyPatientCombiner(p, [lesionRisk], { patients: ['patient'], lesions: [[0]] })[0]! : lesionRisk;
}
