/**
 * DICOM tags used by the reader, as 32-bit numbers (group << 16 | element), and the
 * value representations of the tags we read, for implicit-VR files (which carry no VR).
 * Source: DICOM PS3.6 (data dictionary).
 */
export const tag = (group: number, element: number): number => ((group << 16) | element) >>> 0;

export const T = {
  TransferSyntaxUID: tag(0x0002, 0x0010),
  SOPClassUID: tag(0x0008, 0x0016),
  SOPInstanceUID: tag(0x0008, 0x0018),
  Modality: tag(0x0008, 0x0060),
  Manufacturer: tag(0x0008, 0x0070),
  ReferencedSOPInstanceUID: tag(0x0008, 0x1155),
  SliceThickness: tag(0x0018, 0x0050),
  SpacingBetweenSlices: tag(0x0018, 0x0088),
  ImagerPixelSpacing: tag(0x0018, 0x1164),
  SequenceOfUltrasoundRegions: tag(0x0018, 0x6011),
  RegionSpatialFormat: tag(0x0018, 0x6012),
  RegionDataType: tag(0x0018, 0x6014),
  RegionLocationMinX0: tag(0x0018, 0x6018),
  RegionLocationMinY0: tag(0x0018, 0x601a),
  RegionLocationMaxX1: tag(0x0018, 0x601c),
  RegionLocationMaxY1: tag(0x0018, 0x601e),
  PhysicalUnitsXDirection: tag(0x0018, 0x6024),
  PhysicalUnitsYDirection: tag(0x0018, 0x6026),
  PhysicalDeltaX: tag(0x0018, 0x602c),
  PhysicalDeltaY: tag(0x0018, 0x602e),
  SeriesInstanceUID: tag(0x0020, 0x000e),
  InstanceNumber: tag(0x0020, 0x0013),
  ImagePositionPatient: tag(0x0020, 0x0032),
  ImageOrientationPatient: tag(0x0020, 0x0037),
  FrameOfReferenceUID: tag(0x0020, 0x0052),
  SamplesPerPixel: tag(0x0028, 0x0002),
  PhotometricInterpretation: tag(0x0028, 0x0004),
  PlanarConfiguration: tag(0x0028, 0x0006),
  NumberOfFrames: tag(0x0028, 0x0008),
  Rows: tag(0x0028, 0x0010),
  Columns: tag(0x0028, 0x0011),
  PixelSpacing: tag(0x0028, 0x0030),
  BitsAllocated: tag(0x0028, 0x0100),
  BitsStored: tag(0x0028, 0x0101),
  HighBit: tag(0x0028, 0x0102),
  PixelRepresentation: tag(0x0028, 0x0103),
  RescaleIntercept: tag(0x0028, 0x1052),
  RescaleSlope: tag(0x0028, 0x1053),
  RedLUTDescriptor: tag(0x0028, 0x1101),
  GreenLUTDescriptor: tag(0x0028, 0x1102),
  BlueLUTDescriptor: tag(0x0028, 0x1103),
  RedLUTData: tag(0x0028, 0x1201),
  GreenLUTData: tag(0x0028, 0x1202),
  BlueLUTData: tag(0x0028, 0x1203),
  SegmentedRedLUTData: tag(0x0028, 0x1221),
  SegmentedGreenLUTData: tag(0x0028, 0x1222),
  SegmentedBlueLUTData: tag(0x0028, 0x1223),
  LossyImageCompression: tag(0x0028, 0x2110),
  StructureSetROISequence: tag(0x3006, 0x0020),
  ROINumber: tag(0x3006, 0x0022),
  ROIName: tag(0x3006, 0x0026),
  ContourImageSequence: tag(0x3006, 0x0016),
  ROIContourSequence: tag(0x3006, 0x0039),
  ContourSequence: tag(0x3006, 0x0040),
  ContourGeometricType: tag(0x3006, 0x0042),
  NumberOfContourPoints: tag(0x3006, 0x0046),
  ContourData: tag(0x3006, 0x0050),
  ReferencedROINumber: tag(0x3006, 0x0084),
  PixelData: tag(0x7fe0, 0x0010),
  Item: tag(0xfffe, 0xe000),
  ItemDelimitation: tag(0xfffe, 0xe00d),
  SequenceDelimitation: tag(0xfffe, 0xe0dd),
} as const;

/** VRs whose explicit-VR header has 2 reserved bytes and a 32-bit length (PS3.5 §7.1.2). */
export const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

/** Implicit-VR files: the VR of every tag the reader interprets (PS3.6). Others read as bytes/strings. */
const IMPLICIT_VR = new Map<number, string>([
  [T.SliceThickness, 'DS'], [T.SpacingBetweenSlices, 'DS'], [T.ImagerPixelSpacing, 'DS'],
  [T.SequenceOfUltrasoundRegions, 'SQ'], [T.RegionSpatialFormat, 'US'], [T.RegionDataType, 'US'],
  [tag(0x0018, 0x6016), 'UL'], [T.RegionLocationMinX0, 'UL'], [T.RegionLocationMinY0, 'UL'],
  [T.RegionLocationMaxX1, 'UL'], [T.RegionLocationMaxY1, 'UL'], [tag(0x0018, 0x6020), 'SL'], [tag(0x0018, 0x6022), 'SL'],
  [T.PhysicalUnitsXDirection, 'US'], [T.PhysicalUnitsYDirection, 'US'], [tag(0x0018, 0x6028), 'FD'],
  [tag(0x0018, 0x602a), 'FD'], [T.PhysicalDeltaX, 'FD'], [T.PhysicalDeltaY, 'FD'],
  [T.InstanceNumber, 'IS'], [T.ImagePositionPatient, 'DS'], [T.ImageOrientationPatient, 'DS'],
  [T.SamplesPerPixel, 'US'], [T.PlanarConfiguration, 'US'], [T.NumberOfFrames, 'IS'], [T.Rows, 'US'], [T.Columns, 'US'],
  [T.PixelSpacing, 'DS'], [T.BitsAllocated, 'US'], [T.BitsStored, 'US'], [T.HighBit, 'US'], [T.PixelRepresentation, 'US'],
  [T.RescaleIntercept, 'DS'], [T.RescaleSlope, 'DS'],
  [T.RedLUTDescriptor, 'US'], [T.GreenLUTDescriptor, 'US'], [T.BlueLUTDescriptor, 'US'],
  [T.RedLUTData, 'OW'], [T.GreenLUTData, 'OW'], [T.BlueLUTData, 'OW'],
  [T.SegmentedRedLUTData, 'OW'], [T.SegmentedGreenLUTData, 'OW'], [T.SegmentedBlueLUTData, 'OW'],
  [T.StructureSetROISequence, 'SQ'], [T.ROINumber, 'IS'], [T.ContourImageSequence, 'SQ'], [T.ROIContourSequence, 'SQ'],
  [T.ContourSequence, 'SQ'], [T.NumberOfContourPoints, 'IS'], [T.ContourData, 'DS'], [T.ReferencedROINumber, 'IS'],
  [tag(0x3006, 0x0010), 'SQ'], [tag(0x3006, 0x0012), 'SQ'], [tag(0x3006, 0x0014), 'SQ'], [tag(0x3006, 0x0080), 'SQ'],
  [tag(0x0008, 0x1115), 'SQ'], [tag(0x0008, 0x1140), 'SQ'], [tag(0x0008, 0x1150), 'UI'], [T.ReferencedSOPInstanceUID, 'UI'],
  [tag(0x0062, 0x0002), 'SQ'], [tag(0x0062, 0x0004), 'US'], [tag(0x0062, 0x0005), 'LO'], [tag(0x0062, 0x000b), 'US'],
  [tag(0x5200, 0x9229), 'SQ'], [tag(0x5200, 0x9230), 'SQ'], [tag(0x0020, 0x9113), 'SQ'], [tag(0x0028, 0x9110), 'SQ'],
  [tag(0x0062, 0x000a), 'SQ'], [tag(0x0020, 0x9111), 'SQ'], [tag(0x0008, 0x9124), 'SQ'], [tag(0x0048, 0x021a), 'SQ'],
  [tag(0x0020, 0x9228), 'UL'], [tag(0x0008, 0x1160), 'IS'], [tag(0x0020, 0x9116), 'SQ'], [tag(0x0028, 0x9145), 'SQ'], [tag(0x0062, 0x0001), 'CS'], [tag(0x0062, 0x000e), 'US'],
  [T.PixelData, 'OW'],
]);

export function implicitVr(t: number): string {
  const known = IMPLICIT_VR.get(t);
  if (known) return known;
  if ((t >>> 16) === 0x0002) return 'UN';
  if ((t & 0xffff) === 0x0000) return 'UL'; // group length
  return 'UN';
}

export function tagName(t: number): string {
  const h = (v: number) => v.toString(16).toUpperCase().padStart(4, '0');
  return `(${h(t >>> 16)},${h(t & 0xffff)})`;
}

/** Segmentation IOD (PS3.3 A.51, C.8.20) and multi-frame functional groups (C.7.6.16). */
export const SEG = {
  SegmentSequence: tag(0x0062, 0x0002),
  SegmentNumber: tag(0x0062, 0x0004),
  SegmentLabel: tag(0x0062, 0x0005),
  SegmentationType: tag(0x0062, 0x0001),
  MaximumFractionalValue: tag(0x0062, 0x000e),
  SegmentIdentificationSequence: tag(0x0062, 0x000a),
  ReferencedSegmentNumber: tag(0x0062, 0x000b),
  SharedFunctionalGroupsSequence: tag(0x5200, 0x9229),
  PerFrameFunctionalGroupsSequence: tag(0x5200, 0x9230),
  PlanePositionSequence: tag(0x0020, 0x9113),
  PlaneOrientationSequence: tag(0x0020, 0x9116),
  PixelMeasuresSequence: tag(0x0028, 0x9110),
  PixelValueTransformationSequence: tag(0x0028, 0x9145),
} as const;
