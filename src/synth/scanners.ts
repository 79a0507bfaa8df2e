/**
 * The two synthetic centres. They differ the way real scanners do: probe geometry, point-spread
 * function, gain, dynamic range and pixel spacing, so that the external cohort is shifted and
 * harmonisation (ComBat) has something to do.
 */
export interface ScannerProfile {
  centre: string;
  probe: 'convex' | 'linear';
  /** Image size in pixels (columns, rows). */
  width: number;
  height: number;
  /** Pixel spacing in mm (square pixels). */
  spacingMm: number;
  /** PSF Gaussian envelope sigma in mm, axial (depth) and lateral. */
  psfAxialMm: number;
  psfLateralMm: number;
  /** Centre frequency in MHz (sets the oscillation of the complex PSF). */
  frequencyMHz: number;
  /** Overall gain in dB added before log compression. */
  gainDb: number;
  /** Displayed dynamic range in dB (log compression window). */
  dynamicRangeDb: number;
  /** Tissue attenuation left over after time-gain compensation, dB per cm of depth. */
  residualAttenuationDbPerCm: number;
}

export const SCANNERS: Record<'main' | 'external', ScannerProfile> = {
  main: {
    centre: 'A',
    probe: 'convex',
    width: 800,
    height: 600,
    spacingMm: 0.2,
    psfAxialMm: 0.35,
    psfLateralMm: 0.75,
    frequencyMHz: 3.5,
    gainDb: 0,
    dynamicRangeDb: 55,
    residualAttenuationDbPerCm: 0.35,
  },
  external: {
    centre: 'B',
    probe: 'convex',
    width: 800,
    height: 600,
    spacingMm: 0.24,
    psfAxialMm: 0.45,
    psfLateralMm: 1.0,
    frequencyMHz: 3.0,
    gainDb: 4,
    dynamicRangeDb: 48,
    residualAttenuationDbPerCm: 0.6,
  },
};
