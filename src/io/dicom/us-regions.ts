/**
 * Sequence of Ultrasound Regions (0018,6011; PS3.3 C.8.5.5). Each region is a rectangle
 * [x0, x1] × [y0, y1] (inclusive pixel bounds) with a physical size per pixel in
 * PhysicalDeltaX/Y, in units PhysicalUnitsX/YDirection (3 = cm, 4 = seconds, 0 = none, ...).
 * A calibrated spatial region has units 3 (cm) on both axes and non-zero deltas. Deltas may
 * be negative (the axis points the other way); the pixel size is their absolute value.
 */
import type { DicomDataset } from './dataset.ts';
import { T } from './tags.ts';

export interface UsRegion {
  x0: number; y0: number; x1: number; y1: number;
  spatialFormat: number;
  dataType: number;
  unitsX: number;
  unitsY: number;
  deltaX: number;
  deltaY: number;
}

export function readUsRegions(ds: DicomDataset): UsRegion[] {
  return ds.sequence(T.SequenceOfUltrasoundRegions).map((r) => ({
    x0: r.number(T.RegionLocationMinX0) ?? 0,
    y0: r.number(T.RegionLocationMinY0) ?? 0,
    x1: r.number(T.RegionLocationMaxX1) ?? 0,
    y1: r.number(T.RegionLocationMaxY1) ?? 0,
    spatialFormat: r.number(T.RegionSpatialFormat) ?? 0,
    dataType: r.number(T.RegionDataType) ?? 0,
    unitsX: r.number(T.PhysicalUnitsXDirection) ?? 0,
    unitsY: r.number(T.PhysicalUnitsYDirection) ?? 0,
    deltaX: r.number(T.PhysicalDeltaX) ?? 0,
    deltaY: r.number(T.PhysicalDeltaY) ?? 0,
  }));
}

const CM = 3;

export function isCalibratedSpatial(r: UsRegion): boolean {
  return r.unitsX === CM && r.unitsY === CM && r.deltaX !== 0 && r.deltaY !== 0;
}

const contains = (r: UsRegion, x: number, y: number) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;
const area = (r: UsRegion) => (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1);

export interface RegionChoice {
  region: UsRegion;
  index: number;
  /** Pixel size in mm: |delta| × 10. */
  spacing: [number, number];
  containsRoi: boolean;
}

/**
 * The calibrated spatial region containing the ROI point (the smallest one if several
 * overlap), else the largest calibrated region; undefined when none is calibrated.
 */
export function chooseRegion(regions: UsRegion[], roi: { x: number; y: number }): RegionChoice | undefined {
  const cal = regions.map((region, index) => ({ region, index })).filter((c) => isCalibratedSpatial(c.region));
  if (cal.length === 0) return undefined;
  const inside = cal.filter((c) => contains(c.region, roi.x, roi.y)).sort((a, b) => area(a.region) - area(b.region));
  const pick = inside[0] ?? [...cal].sort((a, b) => area(b.region) - area(a.region))[0]!;
  return {
    ...pick,
    spacing: [Math.abs(pick.region.deltaX) * 10, Math.abs(pick.region.deltaY) * 10],
    containsRoi: inside.length > 0,
  };
}
