/**
 * The JSON schema of the model bundle (sonomics.model-bundle/2), published verbatim as
 * docs/bundle.schema.json (a test keeps the two equal) and used by loadModel to validate every
 * bundle it reads. Numbers are typed `number`, so a value edited to NaN (written as null) or text is
 * refused here; the checks that need more than one value at a time (shapes, orders, ranges that
 * depend on other fields) are in bundle-check.ts.
 */
import type { JsonSchema } from '../core/json-schema.ts';
import { HEAD_KINDS } from './heads/registry.ts';

/** The bundle format this sonomics writes and reads. */
export const BUNDLE_SCHEMA = 'sonomics.model-bundle/2';

const num: JsonSchema = { type: 'number' };
const nums: JsonSchema = { type: 'array', items: num };
const str: JsonSchema = { type: 'string', minLength: 1 };
const strs: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1 } };
const modelName: JsonSchema = { enum: ['clinical', 'radiomics', 'combined'] };
const hash: JsonSchema = { type: 'string', pattern: '^[0-9a-f]{64}$' };

export const BUNDLE_JSON_SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://sonomics.dev/schema/model-bundle-2.json',
  title: 'sonomics model bundle',
  description: 'A study\'s models as validated: encoding, harmonisation, scores, heads, thresholds, provenance. See docs/bundle.md.',
  type: 'object',
  required: ['schema', 'title', 'defaultModel', 'provenance', 'sharing', 'extraction', 'harmonisation', 'preprocessing', 'variables', 'features', 'models', 'training', 'contentHash'],
  additionalProperties: false,
  properties: {
    schema: { const: BUNDLE_SCHEMA },
    title: { type: 'string' },
    defaultModel: modelName,
    provenance: {
      type: 'object', additionalProperties: false, required: ['sonomics', 'settingsHash', 'configHash', 'protocol', 'seed'],
      properties: { sonomics: str, node: str, created: str, settingsHash: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$' }, configHash: hash, protocol: { enum: ['no-leakage', 'paper'] }, seed: { type: 'integer', minimum: 0 } },
    },
    sharing: {
      type: 'object', additionalProperties: false, required: ['containsTrainingData', 'optedIn', 'omitted'],
      properties: {
        containsTrainingData: { type: 'boolean' }, optedIn: { type: 'boolean' },
        omitted: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['model', 'reason'], properties: { model: modelName, reason: str } } },
      },
    },
    extraction: {
      type: 'object', additionalProperties: false, required: ['settings', 'hash', 'source', 'scoresImages'],
      properties: { settings: {}, hash: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$' }, source: { enum: ['config', 'extraction record', 'none'] }, scoresImages: { type: 'boolean' }, why: str },
    },
    harmonisation: {
      type: ['object', 'null'], additionalProperties: false, required: ['method', 'trainingCentres', 'centres', 'minReferenceCases'],
      properties: { method: { enum: ['centre-standardise', 'centre-robust', 'centre-quantile'] }, trainingCentres: { ...strs, minItems: 1 }, centres: strs, minReferenceCases: { type: 'integer', minimum: 3 } },
    },
    preprocessing: {
      type: 'object', additionalProperties: false, required: ['missingCodes', 'missingPolicy', 'protocol', 'steps'],
      properties: { missingCodes: { type: 'array', items: { type: 'string' } }, missingPolicy: { enum: ['complete-case', 'impute'] }, batchColumn: str, protocol: str, steps: strs },
    },
    variables: { type: 'array', items: { $ref: '#/$defs/variable' } },
    features: strs,
    models: {
      type: 'object', additionalProperties: false,
      properties: { clinical: { $ref: '#/$defs/model' }, radiomics: { $ref: '#/$defs/model' }, combined: { $ref: '#/$defs/model' } },
    },
    training: {
      type: 'object', additionalProperties: false, required: ['cohort', 'n', 'events', 'inputs', 'performance'],
      properties: {
        cohort: str, n: { type: 'integer', minimum: 1 }, events: { type: 'integer', minimum: 1 },
        inputs: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['name', 'mean', 'sd', 'min', 'max'], properties: { name: str, mean: num, sd: { type: 'number', minimum: 0 }, min: num, max: num } } },
        performance: { type: 'object', additionalProperties: { type: 'object', additionalProperties: false, required: ['cvAuc'], properties: { cvAuc: { type: 'number', minimum: 0, maximum: 1 }, externalAuc: { type: 'number', minimum: 0, maximum: 1 }, cvHarrell: { type: 'number', minimum: 0, maximum: 1 }, externalHarrell: { type: 'number', minimum: 0, maximum: 1 } } } },
      },
    },
    // Time-to-event studies (added compatibly within model-bundle/2: optional, absent in binary bundles).
    survival: {
      type: 'object', additionalProperties: false, required: ['outcome', 'horizon', 'times', 'timeUnit'],
      properties: {
        outcome: { type: 'object', additionalProperties: false, required: ['time', 'event', 'eventValue'], properties: { time: str, event: str, eventValue: num, competingValue: num, competingColumn: str } },
        horizon: { type: 'number', exclusiveMinimum: 0 },
        times: { type: 'array', minItems: 1, items: { type: 'number', exclusiveMinimum: 0 } },
        timeUnit: { const: 'months' },
        fineGray: {
          type: 'object', additionalProperties: false, required: ['names', 'coef', 'baseline', 'horizon', 'threshold', 'imputer'],
          properties: {
            names: { ...strs, minItems: 1 }, coef: nums, horizon: { type: 'number', exclusiveMinimum: 0 }, threshold: { type: 'number', minimum: 0, maximum: 1 },
            baseline: { type: 'object', additionalProperties: false, required: ['time', 'cumhaz'], properties: { time: nums, cumhaz: nums } },
            imputer: { type: 'object', additionalProperties: num },
          },
        },
      },
    },
    contentHash: hash,
  },
  $defs: {
    variable: {
      type: 'object', additionalProperties: false, required: ['name', 'type', 'column', 'design'],
      properties: {
        name: str, type: { enum: ['binary', 'continuous', 'categorical'] }, column: str, levels: { type: 'array', items: { type: 'string' } }, design: { ...strs, minItems: 1 }, describeOnly: { type: 'boolean' },
        derive: { type: 'object', additionalProperties: false, required: ['column', 'op', 'value', 'text'], properties: { column: str, op: { enum: ['>', '>=', '<', '<=', '==', '!='] }, value: num, text: str } },
      },
    },
    model: {
      type: 'object', additionalProperties: false, required: ['kind', 'inputs', 'head', 'selectedFeatures', 'threshold'],
      properties: {
        kind: modelName, inputs: { ...strs, minItems: 1 }, selectedFeatures: { ...strs, minItems: 1 }, threshold: { type: 'number', minimum: 0, maximum: 1 },
        imputer: { type: 'object', additionalProperties: num },
        featureFill: { type: 'object', additionalProperties: num },
        combat: { type: 'object', additionalProperties: false, required: ['features', 'model'], properties: { features: strs, model: { type: 'object' } } },
        harmonise: { $ref: '#/$defs/centreReference' },
        centres: { type: 'object', additionalProperties: { $ref: '#/$defs/centre' } },
        radscore: {
          type: 'object', additionalProperties: false, required: ['features', 'mean', 'sd', 'intercept', 'beta'],
          properties: { features: strs, mean: nums, sd: { type: 'array', items: { type: 'number', exclusiveMinimum: 0 } }, intercept: num, beta: nums },
        },
        logitScore: {
          type: 'object', additionalProperties: false, required: ['name', 'terms', 'coef'],
          properties: { name: str, terms: { ...strs, minItems: 1 }, coef: { ...nums, minItems: 2 }, firth: { const: true } },
        },
        head: { $ref: '#/$defs/head' },
        // data.unit: patient (issue #14): how predictPatient combines a patient's lesion rows.
        patient: {
          type: 'object', additionalProperties: false, required: ['rule'],
          properties: {
            rule: { enum: ['largest', 'mean-risk', 'max-risk'] }, size: str,
            platt: { type: 'object', additionalProperties: false, required: ['A', 'B'], properties: { A: num, B: num } },
            threshold: { type: 'number', minimum: 0, maximum: 1 }, identity: { const: true },
          },
        },
      },
    },
    // One schema for every registered head kind: the parameters each kind requires (and their
    // shapes) are checked by the head itself (heads/<kind>.ts, check).
    head: {
      type: 'object', additionalProperties: false, required: ['kind', 'features', 'threshold'],
      properties: {
        kind: { enum: [...HEAD_KINDS] },
        features: { ...strs, minItems: 1 },
        threshold: { type: 'number', minimum: 0, maximum: 1 },
        scaler: { type: 'object', additionalProperties: false, required: ['mean', 'sd'], properties: { mean: nums, sd: { type: 'array', items: { type: 'number', exclusiveMinimum: 0 } } } },
        kernel: { enum: ['rbf', 'linear'] }, C: { type: 'number', exclusiveMinimum: 0 }, gamma: { type: 'number', exclusiveMinimum: 0 },
        linear: { type: 'object', additionalProperties: false, required: ['w', 'b'], properties: { w: { ...nums, minItems: 1 }, b: num } },
        svm: {
          type: 'object', additionalProperties: false, required: ['kernel', 'gamma', 'C', 'firstLabel', 'rho', 'supportVectors', 'dualCoef', 'svIndex', 'nSV', 'iterations'],
          properties: {
            kernel: { enum: ['rbf', 'linear'] }, gamma: num, C: num, firstLabel: { enum: [0, 1] }, rho: num,
            supportVectors: { type: 'array', items: nums }, dualCoef: nums, svIndex: { type: 'array', items: { type: 'integer', minimum: 0 } }, nSV: { type: 'array', items: { type: 'integer', minimum: 0 } }, iterations: { type: 'integer', minimum: 0 },
          },
        },
        platt: { type: 'object', additionalProperties: false, required: ['A', 'B'], properties: { A: num, B: num, iterations: { type: 'integer', minimum: 0 } } },
        coef: { ...nums, minItems: 1 },
        firth: { const: true },
        baseline: { type: 'object', additionalProperties: false, required: ['time', 'cumhaz'], properties: { time: nums, cumhaz: nums } },
        horizon: num,
        ties: { enum: ['efron', 'breslow'] },
        fallbacks: strs,
      },
    },
    centreReference: {
      type: 'object', additionalProperties: false, required: ['method', 'features', 'location', 'scale'],
      properties: { method: { enum: ['centre-standardise', 'centre-robust', 'centre-quantile'] }, features: strs, location: nums, scale: { type: 'array', items: { type: 'number', minimum: 0 } }, quantiles: { type: 'array', items: nums } },
    },
    centre: {
      type: 'object', additionalProperties: false, required: ['n', 'location', 'scale'],
      properties: { n: { type: 'integer', minimum: 3 }, location: nums, scale: { type: 'array', items: { type: 'number', minimum: 0 } }, quantiles: { type: 'array', items: nums } },
    },
  },
};
