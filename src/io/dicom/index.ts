/** DICOM reading: images (any transfer syntax the samples use), series → volumes, RTSTRUCT → masks. */
export { readDicom, readDicomAsync, imageFromDicom, type ReadDicomOptions } from './read.ts';
export { parseDicom, isDicom, type DicomFile } from './parser.ts';
export { DicomDataset, type DicomElement } from './dataset.ts';
export { decodeFrame, frameCount, frameInfo } from './pixels.ts';
export { loadDicomCodecs, dicomCodecsLoaded } from './codecs/wasm-loader.ts';
export type { DecodedFrame } from './codecs/types.ts';
export { readUsRegions, chooseRegion, type UsRegion } from './us-regions.ts';
export { T as DicomTags, tag as dicomTag } from './tags.ts';
export { readDicomSeries, type ReadSeriesOptions } from './series.ts';
export { rtstructToMask, rtstructRois, type RtRoi } from './rtstruct.ts';
export { segToMask, segSegments, type SegSegment } from './seg.ts';
export { readDicomVolume } from './multiframe.ts';
