/**
 * Conventions where PyRadiomics (van Griethuysen et al., Cancer Res 2017; pyradiomics 3.1) and
 * the IBSI 1 manual disagree, each a setting of the one feature engine. Absent keys keep the IBSI
 * behaviour, so default results are unchanged; `PYRADIOMICS_CONVENTIONS` turns all of them on.
 * docs/pyradiomics.md explains each difference and its reason; FEATURE_SETTINGS_SCHEMA validates them.
 */
export interface Conventions {
  /**
   * 'ibsi' (default): FBS bins start at the ROI minimum (or the re-segmentation lower bound),
   * FBN bins are ⌊N(X − min)/(max − min)⌋ + 1. 'pyradiomics': FBS edges at multiples of the width
   * (first edge ⌊min/w⌋·w, imageoperations.getBinEdges), FBN edges as numpy.histogram, levels as
   * numpy.digitize; grey level numbers then depend on where the ROI sits on that grid.
   */
  binEdges?: 'ibsi' | 'pyradiomics';
  /** Added to every intensity in energy, total energy and RMS (PyRadiomics voxelArrayShift; default 0). */
  voxelArrayShift?: number;
  /** Kurtosis as excess kurtosis m4/m2² − 3 (IBSI, default) or m4/m2² (PyRadiomics). */
  kurtosis?: 'excess' | 'pearson';
  /**
   * Surface mesh behind 3D volume, surface area and the ratios built on them: 'ibsi' (default,
   * mesh/marching-cubes.ts) or 'pyradiomics' (the classic Lorensen table as in cshape.c; the two
   * resolve ambiguous cube faces differently, ~0.1–0.5 % apart on irregular masks).
   */
  mesh?: 'ibsi' | 'pyradiomics';
  /** Divisor of the voxel-position covariance behind the PCA axis lengths: N − 1 (default) or N (PyRadiomics). */
  pcaDivisor?: 'n-1' | 'n';
  /** GLCM correlation of a matrix without spread (one grey level): NaN, left out of averages (default), or 1 (PyRadiomics). */
  flatCorrelation?: 'nan' | 'one';
  /** GLCM/GLRLM directions along an axis where the ROI is one voxel thick: kept (IBSI, default) or dropped (PyRadiomics). */
  flatDirections?: 'keep' | 'drop';
  /** NGTDM voxels without any ROI neighbour: left out (IBSI, default) or counted with s = 0 (PyRadiomics' C code). */
  ngtdmIsolated?: 'exclude' | 'count';
  /**
   * Also compute the PyRadiomics features IBSI lacks: first-order total energy, GLCM maximal
   * correlation coefficient (MCC), shape Maximum2DDiameter{Slice,Column,Row}. Default false.
   */
  pyradiomicsFeatures?: boolean;
}

export const PYRADIOMICS_CONVENTIONS: Required<Conventions> = {
  binEdges: 'pyradiomics',
  voxelArrayShift: 0,
  kurtosis: 'pearson',
  mesh: 'pyradiomics',
  pcaDivisor: 'n',
  flatCorrelation: 'one',
  ngtdmIsolated: 'count',
  flatDirections: 'drop',
  pyradiomicsFeatures: true,
};
