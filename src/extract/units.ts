/**
 * Physical units of a case (issue #14): "5 mm ring" and "LoG σ 2 mm" mean pixels on an image
 * without calibration, differently on every scanner. A case whose image has no physical pixel
 * size while the settings speak in mm fails with UNCALIBRATED; `units: pixel` makes every length
 * a pixel count instead, and the feature names say so (ring5px, log-sigma-2px).
 */
import { SonomicsError } from '../core/errors.ts';
import type { Image, Mask } from '../image/image.ts';
import type { FilterSpec } from '../filters/index.ts';
import type { ExtractionSettings } from './settings.ts';

/** The images of one case (as case.ts's CaseImages; repeated here to keep the import graph acyclic). */
interface CaseImages { image: Image; tumour: Mask; parenchyma?: Mask; liver?: Mask }

/** The settings that are lengths in mm, for the message ('regions.rings', 'images[1].sigmaMm', ...). */
export function lengthsInMm(s: ExtractionSettings): string[] {
  const out: string[] = [];
  if (s.regions.rings?.length) out.push(`regions.rings ${JSON.stringify(s.regions.rings)}`);
  if (s.regions.ringInnerMarginMm) out.push('regions.ringInnerMarginMm');
  s.images.forEach((spec: FilterSpec, i) => {
    for (const k of ['sigmaMm', 'lambdaMm'] as const) if (k in spec) out.push(`images[${i}].${k}`);
  });
  if (s.features.resampling) out.push('features.resampling.spacing');
  // The local-intensity peak averages a sphere of 1 cm³ (IBSI 3.2): a radius written in the settings
  // is a length in mm whenever the family is computed (by default it is: no families listed). The
  // default radius (PEAK_RADIUS_MM) is not counted yet: uncalibrated PNGs with default settings would
  // all stop, which needs its own decision (issue #14 report).
  const families = s.features.families;
  if (s.features.localIntensityRadiusMm !== undefined && (!families || families.includes('local_intensity'))) out.push(`features.localIntensityRadiusMm (the local-intensity sphere, ${s.features.localIntensityRadiusMm} mm)`);
  return out;
}

/** Throws UNCALIBRATED when the image has no pixel size but the settings use mm. */
export function checkCalibration(input: CaseImages, s: ExtractionSettings, caseId: string): void {
  if ((s.units ?? 'mm') === 'pixel' || input.image.spacingUnit !== 'pixel') return;
  // PyRadiomics-compatible mode reproduces PyRadiomics, which takes an uncalibrated image's pixel as 1 mm
  // (its names carry no unit claim of ours); the run record still shows the image's spacing source.
  if (s.names === 'pyradiomics') return;
  const mm = lengthsInMm(s);
  if (!mm.length) return;
  throw new SonomicsError('UNCALIBRATED', `case ${caseId}: the image has no physical calibration (${input.image.meta?.format ?? 'its format'} without a pixel size), but the settings measure in mm (${mm.join(', ')}). ` +
    'Give the pixel size (manifest column spacing_mm, or spacing_x_mm and spacing_y_mm), use images that carry it (DICOM, PNG pHYs, TIFF resolution), or set units: pixel to measure these lengths in pixels.', { subject: caseId });
}

function asPixels<T extends Image | Mask>(x: T): T {
  return { ...x, spacing: [1, 1, 1], spacingUnit: 'pixel' };
}

/** units: pixel — every length counts pixels, whatever the file says about their size. */
export function inPixelUnits(input: CaseImages): CaseImages {
  return {
    image: asPixels(input.image),
    tumour: asPixels(input.tumour),
    ...(input.parenchyma ? { parenchyma: asPixels(input.parenchyma) } : {}),
    ...(input.liver ? { liver: asPixels(input.liver) } : {}),
  };
}

/** Feature names in pixel units: ring5mm → ring5px, log-sigma-2mm → log-sigma-2px (region and image parts only). */
export function pixelNames(features: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(features)) {
    const parts = k.split('_');
    if (parts.length >= 4) { parts[0] = parts[0]!.replace(/mm/g, 'px'); parts[1] = parts[1]!.replace(/mm/g, 'px'); }
    out[parts.join('_')] = v;
  }
  return out;
}
