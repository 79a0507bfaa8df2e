/** The study stage: config, models, evaluation, results and the model bundle (tables: src/tables). */
export { parseStudyConfig, configTablePaths, MODEL_NAMES, type StudyConfig, type ModelName, type VariableConfig, type CohortConfig } from './config.ts';
export { buildStudyData, type StudyData, type CohortData, type MissingReport } from './data.ts';
export { runStudy, RESULTS_SCHEMA, type StudyResult, type ModelResult, type Comparison, type PredictionRow } from './run.ts';
export { applyModel, type FittedModel, type FittedHead, type RadScore } from './model.ts';
export { HEADS, HEAD_KINDS, headFor } from './heads/registry.ts';
export type { ModelHead, FittedHeadBase, HeadFitContext, HeadOutput, HeadDescription, HeadSeeds } from './heads/contract.ts';
export type { Outcome, BinaryOutcome, TimeToEventOutcome, OutcomeKind } from './heads/outcome.ts';
export { fitLogitScore, logitScoreOf, CLINICAL_SCORE, COMBINED_SCORE, type LogitScore } from './logit-score.ts';
export { fitCentreReference, fitCentreParameters, applyCentreParameters, harmoniseCentre, harmoniseCohort, HARMONISE_METHODS, type CentreReference, type CentreParameters, type HarmoniseMethod } from './harmonise.ts';
export { buildBundle, bundleJson, bundleContentHash, sealBundle, revealsTrainingRows, loadModel, predict, encodeCase, withCentreReference, shareBundle, BUNDLE_SCHEMA, BUNDLE_JSON_SCHEMA, MIN_REFERENCE_CASES, type ModelBundle, type BundleModel, type Prediction, type SharedBundles } from './bundle.ts';
export { knownCentres } from './bundle-predict.ts';
export { readableInputName, readableNumber } from './input-names.ts';
export { validateJson, type JsonSchema } from '../core/json-schema.ts';
export { settingsHash, canonicalJson, sha256Hex } from '../core/hash.ts';
export { redundancyFilter } from './spearman.ts';
export { resultsJson, predictionsCsv } from './outputs.ts';
export type { Metrics } from './evaluate.ts';
export type { Table1 } from './table1.ts';
