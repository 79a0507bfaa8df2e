/**
 * Shared contract of the feature engine. The pipeline (discretise → families) and every
 * family file speak these types; each family file exports its FeatureDef list (for the
 * name registry) and a compute function.
 */
import type { Vec3 } from '../image/image.ts';

/** One feature of one family: our snake_case name, IBSI code, unit, PyRadiomics equivalent. */
export interface FeatureDef {
  /** snake_case name within the family, e.g. 'joint_entropy'. */
  name: string;
  /** IBSI 1 (or IBSI 2) code, e.g. 'TU9B'; '' when IBSI has none. */
  ibsiCode: string;
  /** Unit, with 'I' for intensity units and 'mm' for lengths; '' for dimensionless. */
  unit: string;
  /** Equivalent PyRadiomics feature name (e.g. 'JointEntropy'), when one exists. */
  pyradiomics?: string;
  /** A PyRadiomics feature IBSI lacks: computed only with conventions.pyradiomicsFeatures. */
  pyradiomicsOnly?: true;
}

/**
 * A discretised region of interest on the image grid: grey levels 1..nLevels inside the
 * ROI, 0 outside. Texture families work on this.
 */
export interface DiscretisedRoi {
  size: Vec3;
  spacing: Vec3;
  levels: Int32Array;
  nLevels: number;
  /**
   * Morphological ROI mask (1 inside, before re-segmentation), same grid as `levels`. GLDZM
   * measures distance to the ROI border on it (IBSI 1 §3.9); absent → levels > 0 is used.
   */
  morphMask?: Uint8Array;
}

/** IBSI texture aggregation methods (the strings are those of the IBSI reference table). */
export type TextureAggregation =
  | '2D, averaged' | '2D, slice-merged' | '2.5D, direction-merged' | '2.5D, merged' | '3D, averaged' | '3D, merged'
  | '2D' | '2.5D' | '3D';

export interface TextureOptions {
  /** GLCM / NGTDM / NGLDM neighbourhood distance (Chebyshev), default 1. */
  distance?: number;
  /**
   * PyRadiomics `distances` in place of δ: the neighbours are the offsets whose Chebyshev norm is
   * one of these (shells, so [2] alone skips the ring at 1), within the ROI box; GLCM one matrix
   * per ± pair of offsets, NGLDM/NGTDM neighbourhoods from those shells (directions.ts
   * shellOffsets). GLRLM and GLSZM ignore it, as PyRadiomics does. Unset: IBSI's δ.
   */
  distanceShells?: readonly number[];
  /** NGLDM coarseness parameter a, default 0. */
  ngldmCoarseness?: number;
  /** GLCM symmetric counting (IBSI: yes). */
  symmetric?: boolean;
  /** GLCM correlation of a matrix without spread: NaN (IBSI) or 1 (PyRadiomics). */
  flatCorrelation?: 'nan' | 'one';
  /** Also compute the GLCM maximal correlation coefficient (PyRadiomics MCC). */
  mcc?: boolean;
  /**
   * GLCM/GLRLM: leave out directions that step along an axis on which the ROI is one voxel thick
   * (PyRadiomics' generate_angles does; IBSI keeps them, and a one-slice ROI then adds runs of
   * length 1 along z to the GLRLM average).
   */
  dropFlatDirections?: boolean;
  /**
   * GLCM/GLRLM: weight each direction's matrix by its length in mm before the matrices are summed
   * (PyRadiomics weightingNorm; needs a merged aggregation). GLCM weight exp(−‖d‖²), GLRLM ‖d‖, with
   * the manhattan, euclidean or infinity norm of the direction scaled by the spacing.
   */
  directionWeighting?: 'manhattan' | 'euclidean' | 'infinity';
  /** NGTDM voxels without ROI neighbours: left out (IBSI) or counted with s = 0 (PyRadiomics). */
  ngtdmIsolated?: 'exclude' | 'count';
}

/** Feature values of one family: name (from its FeatureDef list) → value. */
export type FamilyValues = Record<string, number>;
