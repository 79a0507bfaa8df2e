/**
 * buildSurvivalBundle: the model bundle of a time-to-event study (SurvivalStudyResult) — the same
 * format as a binary study's (bundle.ts, schema model-bundle/2) with Cox heads and the `survival`
 * part (bundle-survival.ts). A survival study has no centre harmonisation, ComBat or paper protocol
 * (its config refuses them), and no head that holds training rows, so the one bundle is shareable.
 */
import { MODEL_NAMES } from './config.ts';
import { headFor } from './heads/registry.ts';
import { BUNDLE_SCHEMA } from './bundle-schema.ts';
import type { BundleModel, ModelBundle } from './bundle-types.ts';
import { sealBundle } from './bundle-hash.ts';
import { runProvenance } from './provenance.ts';
import { revealsTrainingRows } from './bundle-share.ts';
import { extractionPart, type BundleOptions } from './bundle.ts';
import { defaultSurvivalTimes } from './bundle-survival.ts';
import type { FineGrayResult, SurvivalStudyResult } from './survival/results-types.ts';
import type { FineGrayBundlePart } from './bundle-survival-part.ts';

export function buildSurvivalBundle(result: SurvivalStudyResult, opts: BundleOptions = {}): ModelBundle {
  const cfg = result.config;
  const names = MODEL_NAMES.filter((m) => result.final[m]);
  const used = new Set(names.flatMap((m) => result.final[m]!.inputs));
  const main = result.cohorts.find((c) => c.role === 'main')!;
  const models: ModelBundle['models'] = {};
  for (const m of names) {
    const f = result.final[m]!;
    const head = headFor(f.head.kind, `the ${m} model`).forBundle(f.head);
    models[m] = { ...f, head, selectedFeatures: f.head.features, threshold: f.head.threshold } satisfies BundleModel;
  }
  const extraction = extractionPart(cfg.extraction, opts.extractionSource);
  const o = result.outcome;
  const performance: ModelBundle['training']['performance'] = {};
  for (const m of names) {
    const r = result.models[m];
    if (!r) continue;
    const ext = Object.values(r.externals)[0];
    performance[m] = { cvAuc: r.cv.auc.estimate, cvHarrell: r.cv.harrell.estimate, ...(ext ? { externalAuc: ext.auc.estimate, externalHarrell: ext.harrell.estimate } : {}) };
  }
  const bundle: Omit<ModelBundle, 'contentHash'> = {
    schema: BUNDLE_SCHEMA,
    title: result.title,
    defaultModel: names.includes('combined') ? 'combined' : names.includes('radiomics') ? 'radiomics' : names[0]!,
    provenance: runProvenance(opts, extraction.hash, cfg, cfg.evaluation.protocol, result.seed),
    sharing: { containsTrainingData: names.some((m) => revealsTrainingRows(models[m]!)), optedIn: cfg.bundle.includeTrainingData, omitted: [] },
    extraction,
    harmonisation: null,
    preprocessing: {
      missingCodes: cfg.data.missingCodes,
      missingPolicy: cfg.data.missing,
      protocol: cfg.evaluation.protocol,
      steps: ['encode clinical variables', ...(cfg.data.missing === 'impute' ? ['impute (training medians/modes)'] : []), 'radiomics signature (LASSO-Cox linear predictor) where used', 'Cox linear predictor x\'β', 'S(t | x) = exp(−H₀(t)·exp(x\'β)) from the stored baseline cumulative hazard', 'risk by the horizon = 1 − S(horizon | x)', 'risk group: high if the risk by the horizon is ≥ the training median (threshold)'],
    },
    variables: result.variables.filter((v) => v.design.some((d) => used.has(d))),
    features: result.features.candidates.filter((f) => used.has(f)),
    models,
    training: {
      cohort: main.name,
      n: main.n,
      events: main.events,
      inputs: result.trainingSummary.filter((s) => used.has(s.name)),
      performance,
    },
    survival: {
      outcome: { time: o.time, event: o.event, eventValue: o.eventValue, ...(o.competingValue !== undefined ? { competingValue: o.competingValue } : {}), ...(cfg.outcome?.competingColumn !== undefined ? { competingColumn: cfg.outcome.competingColumn } : {}) },
      horizon: o.horizon,
      times: defaultSurvivalTimes(o.horizon, o.times),
      timeUnit: 'months',
      ...(result.fineGray ? { fineGray: fineGrayPart(result.fineGray) } : {}),
    },
  };
  return sealBundle(bundle);
}

/** What predicting a cumulative incidence needs of the study's final Fine–Gray fit (no patient rows). */
function fineGrayPart(fg: FineGrayResult): FineGrayBundlePart {
  return { names: fg.names, coef: fg.coef, baseline: fg.final.baseline, horizon: fg.final.horizon, threshold: fg.final.threshold, imputer: fg.final.imputer };
}
