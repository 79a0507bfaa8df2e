/**
 * loadModel: parse a bundle and refuse it unless every part holds together — the schema id, the
 * published JSON schema (types, required parts, finite numbers), the content hash (any edit after
 * the study wrote it), then the checks across values: shapes consistent (scaler, SVM, linear form,
 * scores, harmonisation all as long as the features they name, in the same order), every name a
 * model reads provided by the bundle's variables and features, thresholds and probabilities in
 * range. Each refusal is a BUNDLE_MISMATCH naming the model and field.
 */
import { SonomicsError } from '../core/errors.ts';
import { settingsHash } from '../core/hash.ts';
import { validateJson } from '../core/json-schema.ts';
import { MODEL_NAMES, type ModelName } from './config.ts';
import type { BundleModel, ModelBundle } from './bundle-types.ts';
import { bundleContentHash } from './bundle-hash.ts';
import { HEAD_KINDS, HEADS } from './heads/registry.ts';
import { resolveExtractionSettings } from '../extract/settings.ts';
import { BUNDLE_JSON_SCHEMA, BUNDLE_SCHEMA } from './bundle-schema.ts';
import { RADSCORE } from './model.ts';
import { checkSurvivalPart } from './bundle-survival.ts';

const mismatch = (msg: string) => new SonomicsError('BUNDLE_MISMATCH', msg);
const REEXPORT = 're-export it from the study (sonomics study writes bundle.json)';

/** Parse and validate a bundle. Pass the extraction settings you will use to check they match. */
export function loadModel(json: string | unknown, opts: { extraction?: unknown } = {}): ModelBundle {
  let b: unknown = json;
  if (typeof json === 'string') {
    try { b = JSON.parse(json); } catch (e) { throw mismatch(`the model bundle is not valid JSON (${(e as Error).message}); pass the bundle.json the study wrote.`); }
  }
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw mismatch('the model bundle is not a JSON object; pass the bundle.json the study wrote.');
  const o = b as Record<string, unknown>;
  if (o.schema !== BUNDLE_SCHEMA) {
    throw mismatch(`model bundle schema is ${JSON.stringify(o.schema)}, this sonomics reads "${BUNDLE_SCHEMA}"; re-run the study with this version or use the sonomics version that wrote it.`);
  }
  const problems = validateJson(BUNDLE_JSON_SCHEMA, b);
  if (problems.length) throw mismatch(`the model bundle does not follow its schema (docs/bundle.schema.json):\n  - ${problems.join('\n  - ')}\nThe file is incomplete or was edited; ${REEXPORT}.`);
  const bundle = b as ModelBundle;
  const h = bundleContentHash(bundle);
  if (h !== bundle.contentHash) {
    throw mismatch(`the model bundle's content does not match its content hash (recorded ${bundle.contentHash.slice(0, 12)}…, now ${h.slice(0, 12)}…): it was edited after the study wrote it; ${REEXPORT}.`);
  }
  checkConsistency(bundle);
  if (bundle.extraction.settings !== null && bundle.extraction.hash !== settingsHash(bundle.extraction.settings)) {
    throw mismatch(`the bundle's extraction settings do not match their recorded hash (${bundle.extraction.hash}); the file was edited — ${REEXPORT}.`);
  }
  if (opts.extraction !== undefined) {
    // Compared as the bundle stores them: resolved (defaults filled in), when they are settings at all.
    let resolved = opts.extraction;
    try { resolved = resolveExtractionSettings(opts.extraction); } catch { /* compared as given */ }
    const given = settingsHash(resolved);
    if (given !== bundle.extraction.hash) throw mismatch(`features were extracted with settings (hash ${given.slice(0, 12)}…) that differ from the model's (hash ${String(bundle.extraction.hash).slice(0, 12)}…); extract with the settings stored in the bundle.`);
  }
  return bundle;
}

/** Checks across values that a schema cannot express. Exported for tests of hand-built bundles. */
export function checkConsistency(bundle: ModelBundle): void {
  const models = Object.keys(bundle.models) as ModelName[];
  if (models.length === 0) throw mismatch(`the model bundle holds no model${bundle.sharing.omitted.length ? ` (${bundle.sharing.omitted.map((x) => x.model).join(', ')} only in the private bundle)` : ''}; ${REEXPORT}.`);
  if (!bundle.models[bundle.defaultModel]) throw mismatch(`the bundle's default model "${bundle.defaultModel}" is not among its models (${models.join(', ')}); ${REEXPORT}.`);
  const provided = new Set([...bundle.variables.flatMap((v) => v.design), ...bundle.features]);
  for (const m of MODEL_NAMES) {
    const f = bundle.models[m];
    if (f) checkModel(m, f, provided, bundle);
  }
  for (const s of bundle.training.inputs) if (!(s.min <= s.max)) throw mismatch(`training.inputs "${s.name}": min ${s.min} is above max ${s.max}; ${REEXPORT}.`);
  if (bundle.training.events >= bundle.training.n) throw mismatch(`training: ${bundle.training.events} events in ${bundle.training.n} cases; ${REEXPORT}.`);
  checkSurvivalPart(bundle, (what) => { throw mismatch(`the bundle's ${what}; the file is inconsistent — ${REEXPORT}.`); });
}

function checkModel(m: ModelName, f: BundleModel, provided: Set<string>, bundle: ModelBundle): void {
  const bad = (field: string, what: string): never => { throw mismatch(`model "${m}" in the bundle: ${field} ${what}; the file is inconsistent — ${REEXPORT}.`); };
  const sameLength = (field: string, arr: unknown[], n: number, of: string) => { if (arr.length !== n) bad(field, `has ${arr.length} values for ${n} ${of}`); };
  if (f.kind !== m) bad('kind', `is "${f.kind}"`);
  for (const i of f.inputs) if (!provided.has(i)) bad('inputs', `name "${i}", which is neither a clinical design column nor a feature of the bundle`);
  if (new Set(f.inputs).size !== f.inputs.length) bad('inputs', 'list a name twice');
  const head = f.head;
  if (!HEADS[head.kind]) bad('head.kind', `is "${head.kind}", which this sonomics does not know (${HEAD_KINDS.join(', ')}); use the sonomics version that wrote it`);
  // The head's own parameters (shapes, finite values) are checked by the head (heads/<kind>.ts).
  const problem = HEADS[head.kind]!.check(head);
  if (problem) bad(`its ${head.kind} head`, problem);
  // The head reads inputs or the computed columns (radiomics score, logistic score).
  const readable = new Set([...f.inputs, ...(f.radscore ? [RADSCORE] : []), ...(f.logitScore ? [f.logitScore.name] : [])]);
  for (const x of head.features) if (!readable.has(x)) bad('head.features', `name "${x}", which the model does not compute from its inputs`);
  if (f.selectedFeatures.join('\u0000') !== head.features.join('\u0000')) bad('selectedFeatures', 'differ from the head\'s features (names or order)');
  // A patient-level risk rule classifies the combined risk at its own (patient-level) threshold.
  const p = f.patient;
  if (p && p.rule !== 'largest') {
    if (!p.platt || !Number.isFinite(p.platt.A) || !Number.isFinite(p.platt.B) || !(p.platt.A < 0) || typeof p.threshold !== 'number') bad('patient', `(rule ${p.rule}) needs an increasing Platt sigmoid (platt.A < 0, B finite) and a threshold`);
    else if (f.threshold !== p.threshold) bad('threshold', `(${f.threshold}) differs from the patient-level threshold (${p.threshold})`);
  } else {
    if (p && !p.size) bad('patient', '(rule largest) needs the lesion-size column (size)');
    if (f.threshold !== head.threshold) bad('threshold', `(${f.threshold}) differs from the head's (${head.threshold})`);
  }
  if (f.radscore) {
    const r = f.radscore;
    for (const [k, arr] of [['mean', r.mean], ['sd', r.sd], ['beta', r.beta]] as const) sameLength(`radscore.${k}`, arr, r.features.length, 'score features');
    for (const x of r.features) if (!f.inputs.includes(x)) bad('radscore.features', `name "${x}", not an input of the model`);
  }
  if (f.logitScore) {
    const l = f.logitScore;
    sameLength('logitScore.coef', l.coef, l.terms.length + 1, 'terms plus the intercept');
    for (const t of l.terms) if (!f.inputs.includes(t) && !(t === RADSCORE && f.radscore)) bad('logitScore.terms', `name "${t}", which the model does not provide`);
  }
  if (f.imputer) for (const i of f.inputs) if (f.imputer[i] === undefined) bad('imputer', `has no fill value for "${i}"`);
  if (f.harmonise) {
    const r = f.harmonise;
    const n = r.features.length;
    sameLength('harmonise.location', r.location, n, 'features');
    sameLength('harmonise.scale', r.scale, n, 'features');
    for (const x of r.features) if (!f.inputs.includes(x)) bad('harmonise.features', `name "${x}", not an input of the model`);
    if (r.method !== bundle.harmonisation?.method) bad('harmonise.method', `(${r.method}) differs from the bundle's harmonisation (${bundle.harmonisation?.method ?? 'none'})`);
    checkQuantiles(`harmonise.quantiles`, r.quantiles, n, r.method === 'centre-quantile', bad);
    for (const [c, q] of Object.entries(f.centres ?? {})) {
      sameLength(`centres["${c}"].location`, q.location, n, 'harmonised features');
      sameLength(`centres["${c}"].scale`, q.scale, n, 'harmonised features');
      checkQuantiles(`centres["${c}"].quantiles`, q.quantiles, n, r.method === 'centre-quantile', bad);
    }
    for (const c of bundle.harmonisation!.centres) if (!f.centres?.[c]) bad('centres', `lack centre "${c}" listed in the bundle's harmonisation`);
  } else if (f.centres) bad('centres', 'are given for a model without harmonisation');
}

function checkQuantiles(field: string, q: number[][] | undefined, n: number, needed: boolean, bad: (field: string, what: string) => never): void {
  if (!needed) { if (q) bad(field, 'are given for a location/scale method'); return; }
  if (!q || q.length !== n) bad(field, `must hold one grid per feature (${n})`);
  q!.forEach((g, j) => {
    if (g.length !== 101) bad(`${field}[${j}]`, `has ${g.length} points, not 101`);
    for (let k = 1; k < g.length; k++) if (g[k]! < g[k - 1]!) bad(`${field}[${j}]`, 'is not non-decreasing');
  });
}
