/**
 * The settings every feature family may read: the IBSI 1 image-processing chain (manual ch. 2:
 * resampling, rounding, re-segmentation, normalisation, discretisation), the PyRadiomics
 * conventions and the per-family options. Which families run, and each texture family's
 * aggregation, are added by settings.ts (FeatureSettings), which knows the family registry; the
 * families themselves only see this part, so the registry can import them without an import cycle.
 */
import type { Conventions } from './conventions.ts';

export type Interpolation = 'nearest' | 'linear' | 'cubic';

export interface ResamplingSettings {
  /** Target spacing in mm [x, y, z]; with dimension '2D' only x and y are used (z is kept). */
  spacing: [number, number, number];
  /** Image interpolation (IBSI 2.4): nearest neighbour, (tri)linear, cubic B-spline (tricubic). Default 'linear'. */
  imageInterpolation?: Interpolation;
  /** Mask interpolation before thresholding (IBSI 2.4). Default 'linear'. */
  maskInterpolation?: Interpolation;
  /** Partial-volume threshold of the interpolated mask (IBSI 2.4: 0.5). */
  partialVolumeThreshold?: number;
}

export interface DiscretisationSettings {
  /** 'FBN' = fixed bin number, 'FBS' = fixed bin size (IBSI 2.7); 'none' uses the intensities as they are (IVH only). */
  method: 'FBN' | 'FBS' | 'none';
  /** Number of bins (FBN) or bin width in intensity units (FBS). */
  value?: number;
}

export interface ProcessingSettings {
  /** '2D' computes texture slice by slice (and 2D morphology for single-slice images); '3D' volumetrically. */
  dimension: '2D' | '3D';
  /** Resampling (IBSI 2.4); absent = none. */
  resampling?: ResamplingSettings;
  /** Round intensities to the nearest integer after interpolation (IBSI: for CT). Default false. */
  roundIntensities?: boolean;
  /**
   * Re-segmentation (IBSI 2.5): intensity range (null = open bound) and/or μ ± kσ outlier filtering.
   * PyRadiomics' resegmentMode as ranges of their own (used instead of `range`, alone):
   * `sigmaRange` [a, b] keeps μ + aσ ≤ X ≤ μ + bσ, `relativeRange` [a, b] keeps a·max ≤ X ≤ b·max
   * (μ, σ (population) and max of the ROI before re-segmentation; b null = no upper bound).
   */
  resegmentation?: {
    range?: [number | null, number | null];
    outlierSigma?: number;
    sigmaRange?: [number, number | null];
    relativeRange?: [number, number | null];
  };
  /**
   * Whole-image intensity normalisation before anything else (PyRadiomics `normalize`, i.e.
   * SimpleITK Normalize): (X − mean)/sd over every pixel of the image (sd with N − 1), values
   * clipped to ±removeOutliers (in sd) when set, then multiplied by `scale` (default 1).
   */
  normalisation?: { scale?: number; removeOutliers?: number };
  /** Conventions where PyRadiomics differs from IBSI (conventions.ts); absent = IBSI. */
  conventions?: Conventions;
  /** Discretisation for the intensity histogram and texture families. Default FBN 32. */
  discretisation?: DiscretisationSettings;
  /** Discretisation for the intensity-volume histogram (IBSI 3.5). Default 'none' (use intensities with step 1). */
  ivhDiscretisation?: DiscretisationSettings;
  /** Texture options (contract in types.ts). */
  texture?: {
    distance?: number;
    /** In place of distance: neighbours at exactly these Chebyshev distances (PyRadiomics distances; contract in types.ts). */
    distanceShells?: number[];
    ngldmCoarseness?: number;
    /** GLCM counts each pair in both orders (IBSI; PyRadiomics symmetricalGLCM, default true). */
    symmetric?: boolean;
    /** GLCM/GLRLM direction matrices weighted by their length in mm before summing (PyRadiomics weightingNorm; merged aggregations). */
    directionWeighting?: 'manhattan' | 'euclidean' | 'infinity';
  };
  /** Radius of the local-intensity sphere in mm (IBSI 3.2: 1 cm³ sphere → 6.2035 mm). */
  localIntensityRadiusMm?: number;
  /** Morphology's Moran's I and Geary's C (O(N²) in the ROI size); false leaves them NaN. Default true. */
  spatialAutocorrelation?: boolean;
}

/** IBSI 3.2: radius of a sphere of volume 1 cm³, in mm. */
export const PEAK_RADIUS_MM = 10 * Math.cbrt(3 / (4 * Math.PI));
