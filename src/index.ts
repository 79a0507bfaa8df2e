/**
 * The sonomics library (browser-safe): the package root, `import … from 'sonomics'`. Everything
 * here takes bytes or data and returns data; Node-only helpers (paths, workers, files) are the
 * `sonomics/node` subpath (src/node/index.ts) and the CLI lives in src/cli.
 *
 * This file is the public API and lists it name by name: docs/architecture.md ("Public API") is
 * the same list, and test/package/public-api.test.ts keeps the two equal. Internals (kernels,
 * distribution functions, registries' plumbing) stay importable by path inside the repository (web/
 * and test/ may) but are not promised to users; add a name here only with its line in the docs.
 */

// core: errors with stable codes, the one seeded PRNG
export { SonomicsError, type ErrorCode } from './core/errors.ts';
export { Random } from './core/random.ts';

// image: the pixel container
export { createImage, createMask, type Image, type Mask, type Geometry, type Vec3, type Mat3 } from './image/image.ts';

// io: bytes → Image / Mask
export {
  readImage, readImageAsync, readMask, detectFormat,
  type ImageFormat, type ReadOptions, type MaskReadOptions,
} from './io/read.ts';
export { readNrrd, type NrrdOptions } from './io/nrrd.ts';
export { encodePng, imageToPng, maskToPng, type PngPixels } from './io/png-write.ts';
export {
  parseDicom, readDicom, readDicomAsync, readDicomSeries, readDicomVolume, readUsRegions,
  rtstructRois, rtstructToMask, segSegments, segToMask, loadDicomCodecs,
  type DicomFile, type ReadDicomOptions, type ReadSeriesOptions, type UsRegion, type RtRoi, type SegSegment,
} from './io/dicom/index.ts';

// roi: clinical regions from masks
export { peritumoralRing, type RingOptions } from './roi/ring.ts';
export { buildRegions, parenchymaRegion, ringName, type RegionPlan } from './roi/regions.ts';
export { checkMask, type MaskCheckOptions, type MaskCheckResult } from './roi/checks.ts';
export { polygonToMask, type PolygonPoint } from './roi/polygon.ts';

// filters: IBSI 2 filters and intensity transforms
export { applyFilter, filterName, validateFilterSpec, type FilterSpec, type FilterType, type BoundaryMode } from './filters/index.ts';

// features: IBSI 1 features and their registry
export {
  extractFeatures, resolveFeatureSettings, DEFAULT_FEATURE_SETTINGS, ALL_FAMILIES,
  FEATURE_REGISTRY, featureInfo, pyradiomicsName,
  type FeatureSettings, type FamilyName, type Interpolation, type ResamplingSettings, type DiscretisationSettings,
  type TextureAggregation, type RegistryEntry,
} from './features/index.ts';

// extract: one case's features over regions × images
export { extractCase, type CaseImages, type CaseOptions, type CaseFeatures } from './extract/case.ts';
export { resolveExtractionSettings, regionNames, DEFAULT_EXTRACTION, type ExtractionSettings, type RegionSettings } from './extract/settings.ts';

// stats: discrimination, calibration, decision curves, agreement, tests
export {
  roc, auc, delongCI, delongTest, delongTestUnpaired, bootstrapCI, thresholdMetrics, youdenThreshold,
  calibration, hosmerLemeshow, decisionCurve, icc, mannWhitney, tTest, chiSquare, fisherExact, pAdjust,
  type RocCurve, type Direction, type DelongCI, type DelongTest, type DelongUnpairedTest,
  type BootstrapCI, type BootstrapOptions, type ThresholdMetrics, type YoudenResult,
  type Calibration, type CalibrationOptions, type HosmerLemeshow, type DecisionCurvePoint, type IccType,
  type MannWhitney, type TTest, type ChiSquare, type FisherExact, type AdjustMethod,
} from './stats/index.ts';
export {
  kaplanMeier, logRankTest, concordance, timeDependentAuc, brierScore, aalenJohansen, grayTest, survivalDecisionCurve,
  type SurvivalData, type KaplanMeier, type KaplanMeierOptions, type LogRankTest, type Concordance, type ConcordanceOptions,
  type TimeAuc, type BrierAt, type CumulativeIncidence, type GrayTest, type SurvivalDecisionCurve,
} from './stats/index.ts';

// ml: models as plain JSON data
export {
  fitScaler, applyScaler, lassoPath, cvLasso, logisticRegression, predictLogistic,
  trainSVM, svmDecision, gridSearchSVM, plattScale, plattProbability,
  stratifiedKFold, repeatedStratifiedKFold, combatFit, combatApply,
  type Scaler, type LassoOptions, type LassoPath, type CvLassoResult, type LogisticModel,
  type SvmModel, type SvmOptions, type KernelType, type GridSearchResult, type PlattModel,
  type CombatModel, type CombatOptions,
} from './ml/index.ts';
export {
  coxPH, coxLinearPredictor, coxSurvival, lassoCoxPath, cvLassoCox,
  type CoxModel, type CoxOptions, type LassoCoxPath, type LassoCoxOptions, type CvLassoCoxResult, type CvLassoCoxOptions,
} from './ml/index.ts';

// tables: CSV and XLSX → Table
export { parseCsv, toCsv, parseXlsx, type Table } from './tables/index.ts';

// study: config, the study run, the model bundle
export {
  parseStudyConfig, buildStudyData, runStudy, resultsJson, predictionsCsv,
  loadModel, predict, MODEL_NAMES, RESULTS_SCHEMA, BUNDLE_SCHEMA,
  buildBundle, shareBundle, withCentreReference, readableInputName, readableNumber, BUNDLE_JSON_SCHEMA, MIN_REFERENCE_CASES,
  predictSurvival, buildSurvivalBundle, runSurvivalStudy, survivalResultsJson, survivalPredictionsCsv, SURVIVAL_RESULTS_SCHEMA,
  type StudyConfig, type CohortConfig, type VariableConfig, type ModelName, type StudyData,
  type StudyResult, type ModelResult, type Comparison, type PredictionRow, type Metrics,
  type ModelBundle, type Prediction, type SharedBundles, type ModelHead, type Outcome, type BinaryOutcome, type TimeToEventOutcome,
  type SurvivalPrediction, type FineGrayPrediction, type SurvivalStudyResult, type SurvivalModelCohort,
  predictPatient, type PatientPrediction,
} from './study/index.ts';

// report: the HTML report and its parts
export { renderReport, buildReport, methodsText, methodsParagraphs, tripodChecklist, clearChecklist, ibsiReportingItems, cautions, SECTION_REGISTRY, lineChart, type Series, type ChartOptions, type ChecklistItem, type BuiltReport, type ReportSection, type ReportContext, type ReportFigure, type Caution, type MethodsParagraph } from './report/index.ts';

// synth: the synthetic two-centre cohort with known truth
export { synthCohort, synthImages, type SynthOptions, type SynthCase, type SynthImages } from './synth/cohort.ts';
