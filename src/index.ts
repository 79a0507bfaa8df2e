/**
 * The sonomics library (browser-safe). Everything here takes bytes or data and returns data;
 * Node-only helpers (paths, workers, files) live in src/node and the CLI in src/cli.
 */
export * from './core/errors.ts';
export * from './core/random.ts';
export * from './image/image.ts';
export * from './io/read.ts';
export * from './io/raster.ts';
export * from './io/png-write.ts';
export { readNrrd, type NrrdOptions } from './io/nrrd.ts';
export * from './io/dicom/index.ts';
export * from './stats/index.ts';
export * from './ml/index.ts';
export * from './image/distance.ts';
export * from './image/morphology.ts';
export * from './image/components.ts';
export * from './roi/checks.ts';
export * from './roi/ring.ts';
export * from './roi/regions.ts';
export * from './filters/index.ts';
export * from './features/index.ts';
export * from './tables/index.ts';
export * from './study/index.ts';
export * from './report/index.ts';
export { extractCase, type CaseImages, type CaseOptions, type CaseFeatures } from './extract/case.ts';
export { resolveExtractionSettings, regionNames, DEFAULT_EXTRACTION, type ExtractionSettings, type RegionSettings } from './extract/settings.ts';
export * from './roi/polygon.ts';
