/**
 * Node helpers of sonomics: the `sonomics/node` subpath. Files and folders instead of bytes,
 * worker processes, resumable extraction, study folders, the demo and the app's static server.
 * Needs Node 20 (node: modules); everything browser-safe is the package root (src/index.ts).
 *
 * Listed name by name like the root: docs/architecture.md ("Public API", `sonomics/node`) is the
 * same list and test/package/public-api.test.ts keeps the two equal.
 */

// reading files: images, masks, DICOM folders and their RTSTRUCT / SEG masks
export { readBytes, readImageFile, readImageFileAsync, readMaskFile } from './read.ts';
export { readDicomFile, readDicomFolder, readRtstructFile, readSegFile } from './dicom-series.ts';

// a cohort's features: manifest → worker processes → feature table (resumable, shardable)
export { readManifest, type ManifestCase } from './manifest.ts';
export { runExtraction, mergeShards, loadExtractionSettings, type ExtractOptions, type ExtractSummary } from './extract-run.ts';

// studies on disk: config + tables → results, report and bundle files
export { readTableFile } from './table-file.ts';
export { loadStudy, prepareStudy, writeStudyOutputs, type LoadedStudy, type WrittenOutputs } from './study-files.ts';
export { writeSurvivalStudyOutputs, type WrittenSurvivalOutputs } from './survival-study-files.ts';
export { writeFigurePngs } from './figure-png.ts';

// the synthetic cohort as files, and the whole demo
export { writeSynthCohort, type WriteSynthOptions } from './synth-files.ts';
export { runDemo, type DemoOptions, type DemoResult } from './demo.ts';

// the browser app's local server
export { serveStatic, type StaticServer } from './static-server.ts';
