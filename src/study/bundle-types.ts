/**
 * The model bundle's types (the JSON format; schema in bundle-schema.ts, docs/bundle.md). Apart from
 * bundle.ts so that the loader, `predict` and the sharing split need no import of the builder.
 */
import type { ModelName } from './config.ts';
import type { CentreParameters, HarmoniseMethod } from './harmonise.ts';
import type { InputSummary } from './input-summary.ts';
import type { FittedModel } from './model.ts';
import type { BUNDLE_SCHEMA } from './bundle-schema.ts';
import type { VariableSpec } from './variables.ts';
import type { RunProvenance } from './provenance.ts';
import type { SurvivalBundlePart } from './bundle-survival-part.ts';

/** The smallest unlabelled reference set of a new centre that `predict --centre-reference` accepts. */
export const MIN_REFERENCE_CASES = 20;

/** A model as the bundle carries it. */
export interface BundleModel extends FittedModel {
  selectedFeatures: string[];
  threshold: number;
  /** Centre harmonisation: each external centre's parameters, fitted from its unlabelled features. */
  centres?: Record<string, CentreParameters>;
}

export interface ModelBundle {
  schema: typeof BUNDLE_SCHEMA;
  title: string;
  /** The model `predict` uses unless told otherwise. */
  defaultModel: ModelName;
  /** The study run's versions, hashes, protocol and seed (as results.json records them). */
  provenance: RunProvenance;
  sharing: {
    /** true: the bundle holds individual training rows (RBF support vectors) and must not be shared. */
    containsTrainingData: boolean;
    /** `bundle.includeTrainingData` of the study config. */
    optedIn: boolean;
    /** Models of the study left out of this bundle, and why. */
    omitted: Array<{ model: ModelName; reason: string }>;
  };
  extraction: {
    settings: unknown;
    hash: string | null;
    /** Where the settings came from: the config, or the record (run.json) of the extraction that made the features. */
    source: 'config' | 'extraction record' | 'none';
    /** false: the bundle cannot score images (features-only); `why` says what is missing. */
    scoresImages: boolean;
    why?: string;
  };
  harmonisation: null | {
    method: Exclude<HarmoniseMethod, 'none'>;
    /** The training centre(s): their cases are used as they are. */
    trainingCentres: string[];
    /** External centres whose parameters the bundle carries. */
    centres: string[];
    minReferenceCases: number;
  };
  preprocessing: { missingCodes: string[]; missingPolicy: 'complete-case' | 'impute'; batchColumn?: string; protocol: string; steps: string[] };
  /** Clinical variables as the study encoded them (raw column → design columns). */
  variables: VariableSpec[];
  /** Radiomics feature columns read from a case. */
  features: string[];
  models: Partial<Record<ModelName, BundleModel>>;
  training: {
    cohort: string; n: number; events: number; inputs: InputSummary[];
    /** CV and external AUC (time-to-event studies: AUC at the horizon), and Harrell's C of survival models. */
    performance: Partial<Record<ModelName, { cvAuc: number; externalAuc?: number; cvHarrell?: number; externalHarrell?: number }>>;
  };
  /** Time-to-event studies only: outcome columns, horizon and the default times of predictions (bundle-survival.ts). */
  survival?: SurvivalBundlePart;
  /** SHA-256 of the canonical JSON of everything else in the bundle (bundleContentHash); checked on load. */
  contentHash: string;
}

