/**
 * The model bundle: everything needed to apply the study's models to a new case, as versioned JSON —
 * the models as validated (harmonisation per centre, extraction settings, thresholds), where they came
 * from (provenance, content hash) and nothing that identifies a training patient unless the user opts
 * in. `buildBundle` makes the full bundle from a StudyResult; `shareBundle` (bundle-share.ts) splits it
 * into a shareable and a private one; `loadModel` (bundle-check.ts) validates every part and number;
 * `predict` (bundle-predict.ts) gives one case's risk, class and drivers. docs/bundle.md; the JSON
 * schema is bundle-schema.ts, published as docs/bundle.schema.json.
 */
import { settingsHash } from '../core/hash.ts';
import { resolveExtractionSettings } from '../extract/settings.ts';
import { MODEL_NAMES } from './config.ts';
import type { HarmoniseMethod } from './harmonise.ts';
import { headFor } from './heads/registry.ts';
import { thresholdOf } from './model.ts';
import type { StudyResult } from './run.ts';
import { BUNDLE_SCHEMA } from './bundle-schema.ts';
import { MIN_REFERENCE_CASES, type BundleModel, type ModelBundle } from './bundle-types.ts';
import { sealBundle } from './bundle-hash.ts';
import { runProvenance, type ProvenanceSource } from './provenance.ts';
import { revealsTrainingRows } from './bundle-share.ts';

export { BUNDLE_SCHEMA, BUNDLE_JSON_SCHEMA } from './bundle-schema.ts';
export { MIN_REFERENCE_CASES, type BundleModel, type ModelBundle } from './bundle-types.ts';
export type { InputSummary } from './input-summary.ts';
export { bundleContentHash, bundleJson, sealBundle } from './bundle-hash.ts';
export { revealsTrainingRows } from './bundle-share.ts';

export interface BundleOptions extends ProvenanceSource {
  /** Where the config's extraction settings came from (the file layer knows). */
  extractionSource?: 'config' | 'extraction record';
}

/** What the bundle records about the extraction settings, and whether they can score images. */
export function extractionPart(settings: unknown, source: BundleOptions['extractionSource']): ModelBundle['extraction'] {
  if (settings === undefined || settings === null) {
    return { settings: null, hash: null, source: 'none', scoresImages: false, why: 'the study config gives no extraction settings (extraction:) and its features do not come from a recorded extraction (sonomics extract or manifest: cohorts)' };
  }
  try {
    const resolved = resolveExtractionSettings(settings, 'extraction');
    return { settings: resolved, hash: settingsHash(resolved), source: source ?? 'config', scoresImages: true };
  } catch (e) {
    return { settings, hash: settingsHash(settings), source: source ?? 'config', scoresImages: false, why: `the study's extraction settings are not settings sonomics can extract with (${(e as Error).message})` };
  }
}

/** The full bundle: every model of the study as fitted (RBF heads included). */
export function buildBundle(result: StudyResult, opts: BundleOptions = {}): ModelBundle {
  const cfg = result.config;
  const names = MODEL_NAMES.filter((m) => result.final[m]);
  const used = new Set(names.flatMap((m) => result.final[m]!.inputs));
  const variables = result.variables.filter((v) => v.design.some((d) => used.has(d)));
  const features = result.features.candidates.filter((f) => used.has(f));
  const main = result.cohorts.find((c) => c.role === 'main')!;
  const models: ModelBundle['models'] = {};
  const centreNames = new Set<string>();
  for (const m of names) {
    const f = result.final[m]!;
    // Only what the head's apply needs (a linear SVM: w·z + b, its support vectors stay behind).
    const head = headFor(f.head.kind, `the ${m} model`).forBundle(f.head);
    const entry: BundleModel = { ...f, head, selectedFeatures: f.head.features, threshold: thresholdOf(f) };
    const centres = result.centres?.models[m];
    if (f.harmonise && centres) {
      entry.centres = centres;
      for (const c of Object.keys(centres)) centreNames.add(c);
    }
    models[m] = entry;
  }
  const extraction = extractionPart(cfg.extraction, opts.extractionSource);
  const harmonised = cfg.radiomics.harmonise !== 'none' && names.some((m) => result.final[m]!.harmonise);
  const bundle: Omit<ModelBundle, 'contentHash'> = {
    schema: BUNDLE_SCHEMA,
    title: result.title,
    defaultModel: names.includes('combined') ? 'combined' : names.includes('radiomics') ? 'radiomics' : names[0]!,
    provenance: runProvenance(opts, extraction.hash, cfg, result.protocol, result.seed),
    sharing: { containsTrainingData: false, optedIn: cfg.bundle.includeTrainingData, omitted: [] },
    extraction,
    harmonisation: harmonised ? { method: cfg.radiomics.harmonise as Exclude<HarmoniseMethod, 'none'>, trainingCentres: result.centres?.training ?? [main.name], centres: [...centreNames], minReferenceCases: MIN_REFERENCE_CASES } : null,
    preprocessing: {
      missingCodes: cfg.data.missingCodes,
      missingPolicy: cfg.data.missing,
      batchColumn: cfg.radiomics.combat ? cfg.data.batch : undefined,
      protocol: result.protocol,
      steps: ['encode clinical variables', ...(cfg.data.missing === 'impute' ? ['impute (training medians/modes)'] : []), ...(cfg.radiomics.combat ? ['ComBat'] : []), ...(harmonised ? [`centre harmonisation (${cfg.radiomics.harmonise}): a case from a centre other than the training centre is aligned with that centre's stored parameters (models[m].centres), or with parameters fitted from an unlabelled reference set of a new centre`] : []), 'radiomics score (LASSO) where used', ...(names.some((m) => result.final[m]!.logitScore) ? ['logistic score (linear predictor of the logistic regression fitted on the training data) where used'] : []), 'z-score (training mean/SD)', 'SVM decision (linear heads: w·z + b)', 'Platt probability', 'threshold'],
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
  return sealBundle({ ...bundle, sharing: { ...bundle.sharing, containsTrainingData: names.some((m) => revealsTrainingRows(models[m]!)) } });
}


export { loadModel } from './bundle-check.ts';
export { predict, encodeCase, withCentreReference, type Prediction } from './bundle-predict.ts';
export { shareBundle, type SharedBundles } from './bundle-share.ts';
export { predictSurvival, defaultSurvivalTimes, checkSurvivalTimes, coxHeadOf, lastBaselineTime, YEAR_TIMES, type SurvivalPrediction, type SurvivalAt, type SurvivalBundlePart, type FineGrayBundlePart, type FineGrayPrediction } from './bundle-survival.ts';
